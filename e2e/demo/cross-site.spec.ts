import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from '../support/fixtures';

/**
 * A page on another local origin tries to take a savepoint through the dashboard while it is open:
 * with fetch (no-cors, text/plain) and with auto-submitted forms (text/plain and multipart), the
 * "simple" requests no CORS preflight stops. Real Chromium sends them; the dashboard refuses all,
 * the cluster sees none, and the audit trail records each refusal.
 */
interface Entry {
  time: string;
  jobId?: string;
  refused?: string;
  response?: unknown;
}

test('a page on another origin cannot take a savepoint through the dashboard', async ({
  browser,
  state,
  request,
}) => {
  const overview = (await (await fetch(`${state.demo.flinkUrl}/jobs/overview`)).json()) as {
    jobs: { jid: string; state: string }[];
  };
  const jobId = overview.jobs.find((j) => j.state === 'RUNNING')?.jid;
  expect(jobId).toBeTruthy();
  const target = `${state.baseUrl}/api/demo/jobs/${jobId}/savepoints`;
  const started = new Date().toISOString();
  const evil: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<!DOCTYPE html><body>
<iframe name="sink1"></iframe><iframe name="sink2"></iframe>
<form id="plain" action="${target}" method="POST" enctype="text/plain" target="sink1">
  <input name='{"cancel-job":false,"x":"' value='"}'></form>
<form id="multi" action="${target}" method="POST" enctype="multipart/form-data" target="sink2">
  <input name="cancel-job" value="false"></form>
<script>
  fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' },
    body: '{"cancel-job":false}' }).finally(() => { document.title = 'fetched'; });
  document.getElementById('plain').submit();
  document.getElementById('multi').submit();
</script></body>`);
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  const evilOrigin = `http://localhost:${(evil.address() as AddressInfo).port}`;
  const context = await browser.newContext(); // no test header: a plain browser
  try {
    const page = await context.newPage();
    await page.goto(evilOrigin);
    await expect(page).toHaveTitle('fetched');
    // Each of the three attempts is recorded as refused; none was forwarded.
    await expect
      .poll(async () => {
        const { entries } = (await (await request.get(`/api/audit?job=${jobId}&limit=50`)).json()) as {
          entries: Entry[];
        };
        const mine = entries.filter((e) => e.time >= started);
        return {
          refused: mine.filter((e) => e.refused).length,
          forwarded: mine.filter((e) => !e.refused).length,
        };
      })
      .toEqual({ refused: 3, forwarded: 0 });
    const job = (await (await fetch(`${state.demo.flinkUrl}/jobs/${jobId}`)).json()) as { state: string };
    expect(job.state).toBe('RUNNING');
  } finally {
    await context.close();
    evil.close();
  }
});
