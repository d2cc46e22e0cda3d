import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LARGE_JOB_NAMES } from './index.ts';
import { startTestDemo, type TestDemo } from './test-helpers.ts';

let demo: TestDemo;
beforeAll(async () => {
  demo = await startTestDemo({ scale: 'large' });
});
afterAll(() => demo.close());

describe("scale 'large' (benchmark fixtures)", () => {
  it('has 5,000+ jobs, 1,000 task managers, a 300-vertex plan and a vertex with parallelism 2,000', async () => {
    const jobs = (await demo.get<{ jobs: { name: string }[] }>('/jobs/overview')).body.jobs;
    expect(jobs.length).toBeGreaterThanOrEqual(5000);
    const tms = (await demo.get<{ taskmanagers: unknown[] }>('/taskmanagers')).body.taskmanagers;
    expect(tms).toHaveLength(1000);
    const mega = (await demo.get<{ vertices: unknown[] }>(`/jobs/${await demo.jobId(LARGE_JOB_NAMES.mega)}`))
      .body;
    expect(mega.vertices).toHaveLength(300);
    const wideId = await demo.jobId(LARGE_JOB_NAMES.wide);
    const wide = (await demo.get<{ vertices: { id: string; parallelism: number }[] }>(`/jobs/${wideId}`))
      .body;
    expect(Math.max(...wide.vertices.map((v) => v.parallelism))).toBe(2000);
  }, 60_000);

  it('retains 10,000 checkpoints in the history of one job', async () => {
    const id = await demo.jobId(LARGE_JOB_NAMES.checkpointHeavy);
    const stats = (
      await demo.get<{ history: unknown[]; counts: { total: number } }>(`/jobs/${id}/checkpoints`)
    ).body;
    expect(stats.history).toHaveLength(10_000);
    expect(stats.counts.total).toBeGreaterThan(10_000);
  }, 60_000);

  it('samples a 50,000-node flame graph for the wide vertex', async () => {
    const id = await demo.jobId(LARGE_JOB_NAMES.wide);
    const v = (await demo.get<{ vertices: { id: string }[] }>(`/jobs/${id}`)).body.vertices[1]?.id;
    await demo.get(`/jobs/${id}/vertices/${v}/flamegraph`);
    demo.advance(2000);
    type Node = { children: Node[] };
    const fg = (await demo.get<{ data: Node }>(`/jobs/${id}/vertices/${v}/flamegraph`)).body;
    const count = (n: Node): number => 1 + n.children.reduce((a, c) => a + count(c), 0);
    expect(count(fg.data)).toBe(50_000);
  }, 60_000);
});
