import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_JOB_NAMES, startFlinkDemo } from './index.ts';
import { startTestDemo, type TestDemo } from './test-helpers.ts';

let demo: TestDemo;
beforeAll(async () => {
  demo = await startTestDemo();
});
afterAll(() => demo.close());

interface Overview {
  jobs: { jid: string; name: string; state: string; tasks: Record<string, number> }[];
}

describe('demo Flink cluster', () => {
  it('reports Flink 2.2 and the web UI features', async () => {
    const { body } = await demo.get<Record<string, unknown>>('/config');
    expect(body['flink-version']).toBe('2.2.1');
    expect(body['refresh-interval']).toBe(3000);
    expect(body.features).toEqual({
      'web-submit': true,
      'web-cancel': true,
      'web-rescale': true,
      'web-history': false,
    });
  });

  it('runs the demo jobs in their states, with 32-hex ids', async () => {
    const { body } = await demo.get<Overview>('/jobs/overview');
    const byName = new Map(body.jobs.map((j) => [j.name, j]));
    expect(byName.get(DEMO_JOB_NAMES.bottleneck)?.state).toBe('RUNNING');
    expect(byName.get(DEMO_JOB_NAMES.healthy)?.state).toBe('RUNNING');
    expect(byName.get(DEMO_JOB_NAMES.finished)?.state).toBe('FINISHED');
    expect(byName.get(DEMO_JOB_NAMES.failed)?.state).toBe('FAILED');
    expect(byName.get(DEMO_JOB_NAMES.canceled)?.state).toBe('CANCELED');
    for (const j of body.jobs) expect(j.jid).toMatch(/^[0-9a-f]{32}$/);
    const overview = await demo.get<Record<string, number>>('/overview');
    expect(overview.body).toMatchObject({
      taskmanagers: 3,
      'jobs-finished': 1,
      'jobs-failed': 1,
      'jobs-cancelled': 1,
    });
  });

  it('keeps ids stable for a seed and changes them with another seed', async () => {
    const same = await startTestDemo();
    const other = await startTestDemo({ seed: 7 });
    try {
      const id = await demo.jobId(DEMO_JOB_NAMES.bottleneck);
      expect(await same.jobId(DEMO_JOB_NAMES.bottleneck)).toBe(id);
      expect(await other.jobId(DEMO_JOB_NAMES.bottleneck)).not.toBe(id);
    } finally {
      await same.close();
      await other.close();
    }
  });

  it('restarts one job again and again', async () => {
    const id = await demo.jobId(DEMO_JOB_NAMES.restarting);
    const seen = new Set<string>();
    const restarts: number[] = [];
    for (let i = 0; i < 12; i++) {
      seen.add((await demo.get<{ status: string }>(`/jobs/${id}/status`)).body.status);
      const m = await demo.get<{ id: string; value: string }[]>(`/jobs/${id}/metrics?get=numRestarts`);
      if (m.body[0]) restarts.push(Number(m.body[0].value));
      demo.advance(3000);
    }
    expect(seen).toEqual(new Set(['RUNNING', 'RESTARTING']));
    expect(restarts[restarts.length - 1]).toBeGreaterThan(restarts[0] ?? Infinity);
    const ex = await demo.get<{ exceptionHistory: { entries: { exceptionName: string }[] } }>(
      `/jobs/${id}/exceptions`,
    );
    expect(ex.body.exceptionHistory.entries.length).toBeGreaterThan(0);
  });

  it('answers like Flink for unknown jobs, bad ids and unknown paths', async () => {
    const missing = '0123456789abcdef0123456789abcdef';
    const nf = await demo.get<{ errors: string[] }>(`/jobs/${missing}`);
    expect(nf.status).toBe(404);
    expect(nf.body.errors[0]).toContain(`Job ${missing} not found`);
    const vertex = await demo.get<{ errors: string[] }>(
      `/jobs/${await demo.jobId(DEMO_JOB_NAMES.healthy)}/vertices/${missing}`,
    );
    expect(vertex.status).toBe(404);
    expect(vertex.body.errors[0]).toContain(`JobVertex ${missing} not found`);
    const bad = await demo.get<{ errors: string[] }>('/jobs/not-a-job-id');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toContain('Cannot resolve path parameter (jobid) from value "not-a-job-id".');
    // GET falls through to the web UI's file handler; other methods to the router
    const unknown = await demo.get<{ errors: string[] }>('/no/such/path');
    expect(unknown).toEqual({
      status: 404,
      body: { errors: ['Unable to load requested file /no/such/path.'] },
    });
    const post = await demo.send<{ errors: string[] }>('POST', '/no/such/path?x=1');
    expect(post).toEqual({ status: 404, body: { errors: ['Not found: /no/such/path?x=1'] } });
  });

  it('serves every route under the /v1 prefix too', async () => {
    const plain = await demo.get('/jobs');
    const v1 = await demo.get('/v1/jobs');
    expect(v1).toEqual(plain);
    expect((await demo.get('/v2/jobs')).body).toEqual({
      errors: ['Unable to load requested file /v2/jobs.'],
    });
  });

  it('serves thread dumps and logs like Flink', async () => {
    const dump = await demo.get<{ threadInfos: { threadName: string; stringifiedThreadInfo: string }[] }>(
      '/jobmanager/thread-dump',
    );
    expect(dump.body.threadInfos.length).toBeGreaterThan(10);
    expect(dump.body.threadInfos[0]?.stringifiedThreadInfo).toMatch(/^"main" Id=1 WAITING/);
    const tms = await demo.get<{ taskmanagers: { id: string }[] }>('/taskmanagers');
    const tm = encodeURIComponent(tms.body.taskmanagers[0]?.id ?? '');
    const logs = await demo.get<{ logs: { name: string; size: number }[] }>(`/taskmanagers/${tm}/logs`);
    const logName = logs.body.logs[0]?.name ?? '';
    const text = await demo.get<string>(`/taskmanagers/${tm}/logs/${logName}`);
    expect(typeof text.body).toBe('string');
    expect(Buffer.byteLength(text.body)).toBe(logs.body.logs[0]?.size);
    expect(text.body).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} INFO /);
  });
});

describe('DELETE /cluster', () => {
  it('answers {} and then stops serving, like a JobManager shutting down', async () => {
    const doomed = await startTestDemo();
    const res = await doomed.send('DELETE', '/cluster');
    expect(res).toEqual({ status: 200, body: {} });
    await new Promise((r) => setTimeout(r, 50));
    await expect(fetch(`${doomed.url}/overview`)).rejects.toThrow();
    await doomed.close();
  });
});

describe('route coverage', () => {
  const reference = fileURLToPath(
    new URL('../../../shared/reference/flink-rest-api-2.2.md', import.meta.url),
  );
  it.skipIf(!existsSync(reference))('serves every endpoint of the Flink 2.2 REST reference', async () => {
    const md = readFileSync(reference, 'utf8');
    const documented = [...md.matchAll(/##### \*\*(.+?)\*\*[\s\S]*?Verb: `(\w+)`/g)].map(
      (m) => `${m[2]} ${m[1]}`,
    );
    expect(documented.length).toBeGreaterThan(60);
    const flink = await startFlinkDemo();
    try {
      const served = new Set(flink.routes.map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, ':$1')}`));
      const missing = documented.filter((d) => !served.has(d));
      expect(missing).toEqual([]);
    } finally {
      await flink.close();
    }
  });
});
