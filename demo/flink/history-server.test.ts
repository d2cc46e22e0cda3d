import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoHistoryServer, type DemoHistoryServer } from './history-server.ts';
import { startTestDemo, type TestDemo } from './test-helpers.ts';

/* The demo History Server answers like the real 2.2.1 one (recorded in e2e/fixtures/flink/2.2/history-server). */
const real = (file: string) =>
  JSON.parse(readFileSync(`e2e/fixtures/flink/2.2/history-server/${file}`, 'utf8')) as Record<
    string,
    unknown
  >;

let demo: TestDemo;
let history: DemoHistoryServer;
beforeAll(async () => {
  demo = await startTestDemo();
  history = await startDemoHistoryServer(demo.url);
});
afterAll(async () => {
  await history.close();
  await demo.close();
});

const get = async (path: string) => {
  const res = await fetch(history.url + path);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
interface Row {
  jid: string;
  state: string;
}

describe('demo History Server', () => {
  it('answers /config with the keys and features of the real one', async () => {
    const { body } = await get('/config');
    const recorded = real('config.json');
    expect(Object.keys(body).sort()).toEqual(Object.keys(recorded).sort());
    expect(body.features).toEqual(recorded.features);
  });

  it('lists only ended jobs, with the fields of a real archived row', async () => {
    const jobs = (await get('/jobs/overview')).body.jobs as Row[];
    const all = (await demo.get<{ jobs: Row[] }>('/jobs/overview')).body.jobs;
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.map((j) => j.jid).sort()).toEqual(
      all
        .filter((j) => ['FINISHED', 'CANCELED', 'FAILED'].includes(j.state))
        .map((j) => j.jid)
        .sort(),
    );
    const recordedRow = (real('jobs__overview.json').jobs as object[])[0]!;
    expect(Object.keys(jobs[0]!).sort()).toEqual(Object.keys(recordedRow).sort());
  });

  it('serves the archived files of an ended job and "File not found." for anything else', async () => {
    const all = (await demo.get<{ jobs: Row[] }>('/jobs/overview')).body.jobs;
    const ended = all.find((j) => j.state === 'FINISHED' || j.state === 'CANCELED')!;
    const running = all.find((j) => j.state === 'RUNNING')!;
    expect((await get(`/jobs/${ended.jid}`)).body.state).toBe(ended.state);
    for (const p of ['plan', 'config', 'exceptions', 'checkpoints', 'checkpoints/config']) {
      expect((await get(`/jobs/${ended.jid}/${p}`)).status, p).toBe(200);
    }
    const notFound = real('not-found.json');
    // Not archived by the real one either: a running job, the cluster overview, live-only data.
    for (const p of [`/jobs/${running.jid}`, '/overview', '/taskmanagers', `/jobs/${ended.jid}/vertices`]) {
      expect(await get(p), p).toEqual({ status: 404, body: notFound });
    }
  });
});
