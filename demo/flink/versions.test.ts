import { afterEach, describe, expect, it } from 'vitest';
import { responseSchemas } from '../../src/api/flink/endpoint-schemas.ts';
import { DEMO_JOB_NAMES } from './index.ts';
import { startTestDemo, type TestDemo } from './test-helpers.ts';

/* --flink-version: the demo reports the imitated version and answers what that version answers. */
let demo: TestDemo | undefined;
afterEach(async () => {
  await demo?.close();
  demo = undefined;
});

const rescaleSource = async (d: TestDemo, id: string) => {
  const req = (
    await d.get<Record<string, { parallelism: { lowerBound: number; upperBound: number } }>>(
      `/jobs/${id}/resource-requirements`,
    )
  ).body;
  const [first] = Object.keys(req);
  if (!first) throw new Error('no vertices');
  const next = { ...req, [first]: { parallelism: { lowerBound: 1, upperBound: 3 } } };
  expect((await d.send('PUT', `/jobs/${id}/resource-requirements`, next)).status).toBe(200);
  return first;
};

describe('demo Flink versions', () => {
  it.each([
    ['1.20', '1.20.5'],
    ['2.2', '2.2.1'],
    ['2.3', '2.3.0'],
  ] as const)('--flink-version %s reports Flink %s', async (flinkVersion, full) => {
    demo = await startTestDemo({ flinkVersion });
    expect((await demo.get<Record<string, unknown>>('/config')).body['flink-version']).toBe(full);
    expect((await demo.get<Record<string, unknown>>('/overview')).body['flink-version']).toBe(full);
  });

  it('2.2 (the default) has no rescale history route, like the real one', async () => {
    demo = await startTestDemo();
    const id = await demo.jobId(DEMO_JOB_NAMES.healthy);
    const res = await demo.get<{ errors: string[] }>(`/jobs/${id}/rescales/overview`);
    expect(res.status).toBe(404);
    expect(res.body.errors.join()).toMatch(/Unable to load requested file/);
  });

  it('2.3 records a rescale with the parallelism before and after, in the real schema', async () => {
    demo = await startTestDemo({ flinkVersion: '2.3' });
    const id = await demo.jobId(DEMO_JOB_NAMES.healthy);
    const empty = await demo.get(`/jobs/${id}/rescales/history`);
    expect(empty.body).toEqual([]);
    const vertex = await rescaleSource(demo, id);
    demo.advance(2500);
    const overview = await demo.get(`/jobs/${id}/rescales/overview`);
    expect(responseSchemas['GET /jobs/:jobid/rescales/overview']!.safeParse(overview.body).success).toBe(
      true,
    );
    expect(overview.body).toMatchObject({ rescalesCounts: { completed: 1, inProgress: 0 } });
    const history = await demo.get<{ rescaleUuid: string; vertices: Record<string, unknown> }[]>(
      `/jobs/${id}/rescales/history`,
    );
    expect(responseSchemas['GET /jobs/:jobid/rescales/history']!.safeParse(history.body).success).toBe(true);
    expect(history.body[0]?.vertices[vertex]).toMatchObject({ postRescaleParallelism: 3 });
    const uuid = history.body[0]!.rescaleUuid;
    const details = await demo.get(`/jobs/${id}/rescales/details/${uuid}`);
    expect(details.status).toBe(200);
    const summary = await demo.get(`/jobs/${id}/rescales/summary`);
    expect(responseSchemas['GET /jobs/:jobid/rescales/summary']!.safeParse(summary.body).success).toBe(true);
  });
});
