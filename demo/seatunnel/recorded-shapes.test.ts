// Compares the demo with responses recorded from a real engine (2.3.8 is the
// only recording so far; 2.3.12 recordings should be added here when they land).
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEATUNNEL_DEMO_JOBS, startDemoSeaTunnel } from './index.ts';

const DIR = new URL('../../e2e/fixtures/seatunnel/2.3.8/v1/', import.meta.url);
const V1 = '/hazelcast/rest/maps';
const recorded = (name: string): unknown => JSON.parse(readFileSync(new URL(`${name}.json`, DIR), 'utf8'));

let demo: Awaited<ReturnType<typeof startDemoSeaTunnel>>;
beforeAll(async () => {
  demo = await startDemoSeaTunnel({ v2Port: 0, v1Port: 0 });
});
afterAll(async () => {
  await demo.close();
});

describe.skipIf(!existsSync(DIR))('shapes recorded from a real engine', () => {
  it('overview has the same keys in the same order', async () => {
    const ours = (await (await fetch(`${demo.v1Url}${V1}/overview`)).json()) as object;
    expect(Object.keys(ours)).toEqual(Object.keys(recorded('overview') as object));
  });

  it('system monitoring has the same keys in the same order', async () => {
    const [ours] = (await (
      await fetch(`${demo.v1Url}${V1}/system-monitoring-information`)
    ).json()) as object[];
    const [real] = recorded('system-monitoring-information') as object[];
    expect(Object.keys(ours ?? {})).toEqual(Object.keys(real ?? {}));
  });

  it('running job metrics and env keep the engine key order', async () => {
    const real = recorded('job-info-running') as { metrics: object; envOptions: object };
    const res = await fetch(`${demo.v1Url}${V1}/job-info/${SEATUNNEL_DEMO_JOBS.stalledSink.id}`);
    const ours = (await res.json()) as { metrics: object; envOptions: object };
    // 2.3.12 adds IntermediateQueueSize; everything else must line up.
    expect(Object.keys(ours.metrics).filter((k) => k !== 'IntermediateQueueSize')).toEqual(
      Object.keys(real.metrics),
    );
    expect(Object.keys(ours.envOptions)).toEqual(Object.keys(real.envOptions));
  });

  it('v1 error bodies match', async () => {
    const post = (path: string, body: string) => fetch(`${demo.v1Url}${V1}${path}`, { method: 'POST', body });
    const cases: Array<[Response, string, number]> = [
      [await post('/stop-job', '{}'), 'stop-job-missing-id', 400],
      [await post('/stop-job', 'not json'), 'stop-job-malformed', 400],
      [await post('/stop-job', ''), 'stop-job-empty-body', 400],
      [await post('/update-tags', '[1,2]'), 'update-tags-invalid', 400],
      [await post('/no-such-endpoint', '{}'), 'error-unknown-path-post', 400],
      [await fetch(`${demo.v1Url}${V1}/job-info/not-a-number`), 'job-info-invalid-id', 500],
      [await fetch(`${demo.v1Url}${V1}/job-info/123456789`), 'job-info-unknown', 200],
    ];
    for (const [res, name, status] of cases) {
      expect(res.status, name).toBe(status);
      expect(res.headers.get('content-type'), name).toBe('application/json');
      expect(await res.json(), name).toEqual(recorded(name));
    }
  });
});
