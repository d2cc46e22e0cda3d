import { test, expect } from '../support/fixtures';
import { killTree, startDashboardServer, waitUntil } from '../support/processes';
import { ENTRY_CLASSES, getJson, runJar, startRealFlink, uploadJar, type RealFlink } from './flink-cluster';

/*
 * Issue 15: a JobManager restart WITHOUT high availability, on a real Flink of the newest version (2.3.0). The spec starts
 * its own small cluster (one task manager, one checkpointing job) and its own dashboard server
 * naming it, so the shared real cluster of the other specs is never killed. Both are stopped by
 * the PIDs this spec recorded.
 */
test.describe.configure({ timeout: 480_000 });

const log = (s: string) => console.log(`[lost-job] ${s}`);

test('a job lost in a JobManager restart without HA: job-gone page within one poll, no action, Triage lists it', async ({
  page,
}) => {
  let flink: RealFlink | undefined;
  let serverPid: number | undefined;
  try {
    flink = await startRealFlink({ jobs: false, taskManagers: 1, log });
    const { jarId } = await uploadJar(flink.url, flink.jarPath);
    const jobId = await runJar(flink.url, jarId, { entryClass: ENTRY_CLASSES.checkpointing });
    const url = flink.url;
    await waitUntil(
      'the job RUNNING',
      async () =>
        (await getJson<{ state: string }>(`${url}/jobs/${jobId}`)).state === 'RUNNING' ? true : undefined,
      120_000,
    );

    // A dashboard server of its own, naming only this cluster (with a History Server URL).
    const historyUrl = 'http://history.invalid:8082';
    const server = await startDashboardServer(
      { clusters: [{ id: 'lost-flink', name: 'Lost-job Flink', kind: 'flink', url, historyUrl }] },
      flink.workDir,
    );
    serverPid = server.pid;
    const base = server.url;
    const pollMs = (await getJson<{ 'refresh-interval': number }>(`${url}/config`))['refresh-interval'];

    await page.goto(`${base}/clusters/lost-flink/jobs/${jobId}`);
    await expect(page.getByTestId('job-state')).toHaveText('RUNNING', { timeout: 60_000 });
    await expect(page.getByTestId('action-savepoint')).toBeEnabled();

    const killedAt = Date.now();
    await flink.killJobManager();
    await expect(page.getByTestId('disconnected-banner')).toBeVisible({ timeout: 30_000 });
    const bannerAt = Date.now();

    // Start it again; note when its REST API first answers (the dashboard cannot know earlier).
    const restarting = flink.startJobManager();
    const answeredAt = await waitUntil(
      'the JobManager answering',
      async () =>
        (await fetch(`${url}/jobs/overview`, { signal: AbortSignal.timeout(1000) })).ok
          ? Date.now()
          : undefined,
      120_000,
      100,
    );
    const gone = page.getByTestId('job-gone');
    await expect(gone).toBeVisible({ timeout: 60_000 });
    const goneAt = Date.now();
    await restarting;
    log(
      `poll ${pollMs} ms; kill → banner ${((bannerAt - killedAt) / 1000).toFixed(1)} s; ` +
        `Flink answers → job-gone page ${((goneAt - answeredAt) / 1000).toFixed(1)} s`,
    );
    // One poll after Flink answers again, plus the answer's own way through a loaded machine.
    expect(goneAt - answeredAt).toBeLessThanOrEqual(pollMs + 3000);

    await expect(gone).toHaveAttribute('data-cause', 'restart');
    await expect(page.getByTestId('job-gone-cause')).toContainText('without high availability');
    await expect(page.getByTestId('job-state')).toHaveText('LOST');
    await expect(page.getByTestId('last-known-mark')).toContainText('last known RUNNING');
    await expect(page.getByTestId('job-duration')).toHaveAttribute('data-live', 'false');
    await expect(page.getByTestId('job-gone-history')).toHaveAttribute(
      'href',
      `${historyUrl}/#/job/completed/${jobId}/overview`,
    );
    const buttons = page.getByTestId('job-actions').getByRole('button');
    expect(await buttons.count()).toBeGreaterThan(0);
    for (const b of await buttons.all()) await expect(b).toBeDisabled();

    await page.getByTestId('triage-badge').click();
    const problem = page.locator(
      '[data-testid="problem-row"][data-cluster="lost-flink"][data-rule="job-lost"]',
    );
    await expect(problem).toBeVisible({ timeout: 30_000 });
    await expect(problem).toHaveAttribute('data-severity', 'critical');
    await expect(problem).toContainText('Job lost');
  } finally {
    killTree(serverPid);
    await flink?.stop();
  }
});
