import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_JOB_NAMES } from './index.ts';
import { startTestDemo, type TestDemo } from './test-helpers.ts';

let demo: TestDemo;
let job: string;
let vertices: { id: string; name: string; parallelism: number }[];
beforeAll(async () => {
  demo = await startTestDemo();
  job = await demo.jobId(DEMO_JOB_NAMES.bottleneck);
  vertices = (await demo.get<{ vertices: typeof vertices }>(`/jobs/${job}`)).body.vertices;
});
afterAll(() => demo.close());

type BackPressure = {
  status: string;
  'backpressure-level'?: string;
  subtasks?: { ratio: number; busyRatio: number; idleRatio: number; backpressureLevel: string }[];
};
type FlameNode = { name: string; value: number; children: FlameNode[] };

function vertex(i: number) {
  const v = vertices[i];
  if (!v) throw new Error(`no vertex ${i}`);
  return v;
}

function names(n: FlameNode): string[] {
  return [n.name, ...n.children.flatMap(names)];
}

describe('the bottleneck job', () => {
  it('has a 7+ vertex plan', () => {
    expect(vertices.length).toBeGreaterThanOrEqual(7);
    for (const v of vertices) expect(v.id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('answers back-pressure "deprecated" first, then the sampled levels', async () => {
    const path = `/jobs/${job}/vertices/${vertex(1).id}/backpressure`;
    expect((await demo.get<BackPressure>(path)).body).toEqual({ status: 'deprecated' });
    demo.advance(1200);
    const bp = (await demo.get<BackPressure>(path)).body;
    expect(bp.status).toBe('ok');
    expect(bp['backpressure-level']).toBe('high');
    for (const s of bp.subtasks ?? []) {
      expect(s.backpressureLevel).toBe('high');
      expect(s.ratio + s.busyRatio + s.idleRatio).toBeCloseTo(1, 2);
    }
    // the next vertex is the bottleneck: busy, not back-pressured
    const next = `/jobs/${job}/vertices/${vertex(2).id}/backpressure`;
    await demo.get(next);
    demo.advance(1200);
    const busy = (await demo.get<BackPressure>(next)).body;
    expect(busy['backpressure-level']).toBe('ok');
    for (const s of busy.subtasks ?? []) expect(s.busyRatio).toBeGreaterThan(0.9);
  });

  it('tells the same story in the task metrics', async () => {
    const get = async (i: number, metric: string) => {
      const r = await demo.get<{ id: string; max: number; min: number; sum: number }[]>(
        `/jobs/${job}/vertices/${vertex(i).id}/subtasks/metrics?get=${metric}`,
      );
      const m = r.body[0];
      if (!m) throw new Error(`no ${metric}`);
      return m;
    };
    expect((await get(1, 'backPressuredTimeMsPerSecond')).min).toBeGreaterThan(500);
    expect((await get(2, 'busyTimeMsPerSecond')).min).toBeGreaterThan(900);
    expect((await get(2, 'backPressuredTimeMsPerSecond')).max).toBe(0);
    // records flow: what vertex 2 reads is what vertex 1 writes towards it
    const out1 = (await get(1, 'numRecordsOutPerSecond')).sum;
    const in2 = (await get(2, 'numRecordsInPerSecond')).sum;
    expect(in2 / out1).toBeGreaterThan(0.9);
    expect(in2 / out1).toBeLessThan(1.1);
  });

  it('advances watermarks over time', async () => {
    const read = async () =>
      (
        await demo.get<{ id: string; value: string }[]>(`/jobs/${job}/vertices/${vertex(3).id}/watermarks`)
      ).body.map((w) => Number(w.value));
    const a = await read();
    // Watermarks are metrics: served from the JobManager's store, refreshed every 10 s at most.
    demo.advance(10_001);
    await read(); // this request (at the latest) starts a fetch…
    demo.advance(1);
    const b = await read(); // …the next one sees it
    expect(a.length).toBe(vertex(3).parallelism);
    expect(Math.min(...b)).toBeGreaterThan(Math.min(...a));
  });

  it('samples flame graphs: waiting first, then frames with Thread.sleep off-CPU for the slow vertex', async () => {
    const path = `/jobs/${job}/vertices/${vertex(2).id}/flamegraph?type=off_cpu`;
    expect((await demo.get(path)).body).toEqual({ endTimestamp: -3 });
    demo.advance(2000);
    const fg = (await demo.get<{ endTimestamp: number; data: FlameNode }>(path)).body;
    expect(fg.endTimestamp).toBeGreaterThan(0);
    expect(fg.data.name).toBe('root');
    expect(names(fg.data)).toContain('java.lang.Thread.sleep:-2');
    const onCpu = (
      await demo.get<{ data: FlameNode }>(`/jobs/${job}/vertices/${vertex(2).id}/flamegraph?type=on_cpu`)
    ).body;
    expect(names(onCpu.data)).not.toContain('java.lang.Thread.sleep:-2');
    expect(onCpu.data.value).toBeGreaterThan(0);
  });
});

describe('the lagging job', () => {
  it('has an idle source subtask whose watermark holds the window back', async () => {
    const id = await demo.jobId(DEMO_JOB_NAMES.lagging);
    const vs = (await demo.get<{ vertices: { id: string; name: string }[] }>(`/jobs/${id}`)).body.vertices;
    const sourceB = vs.find((v) => v.name.includes('Building B'));
    const window = vs.find((v) => v.name.includes('Tumbling'));
    if (!sourceB || !window) throw new Error('plan changed');
    const m = (
      await demo.get<{ id: string; value: string }[]>(
        `/jobs/${id}/vertices/${sourceB.id}/metrics?get=1.idleTimeMsPerSecond,1.numRecordsOutPerSecond`,
      )
    ).body;
    expect(Number(m.find((x) => x.id === '1.idleTimeMsPerSecond')?.value)).toBe(1000);
    expect(Number(m.find((x) => x.id === '1.numRecordsOutPerSecond')?.value)).toBe(0);
    const now = (await demo.get<{ now: number }>(`/jobs/${id}`)).body.now;
    const wms = (
      await demo.get<{ value: string }[]>(`/jobs/${id}/vertices/${window.id}/watermarks`)
    ).body.map((w) => Number(w.value));
    for (const wm of wms) expect(now - wm).toBeGreaterThan(60_000);
  });
});

describe('flame graphs disabled', () => {
  it('answers like rest.flamegraph.enabled: false', async () => {
    const off = await startTestDemo({ flameGraphs: false });
    try {
      const id = await off.jobId(DEMO_JOB_NAMES.bottleneck);
      const v = (await off.get<{ vertices: { id: string }[] }>(`/jobs/${id}`)).body.vertices[0]?.id;
      expect((await off.get(`/jobs/${id}/vertices/${v}/flamegraph`)).body).toEqual({ endTimestamp: -2 });
    } finally {
      await off.close();
    }
  });
});
