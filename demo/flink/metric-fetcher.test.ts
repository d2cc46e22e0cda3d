// The demo serves metrics the way Flink's JobManager does: from a store its metric fetcher refreshes
// at most every metrics.fetcher.update-interval, when a request finds it older than that.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestDemo, type TestDemo } from './test-helpers.ts';

let demo: TestDemo | undefined;
afterEach(async () => {
  await demo?.close();
  demo = undefined;
});

type Details = { vertices: { metrics: { 'read-records': number } }[] };
const readRecords = (d: Details) => d.vertices.reduce((n, v) => n + v.metrics['read-records'], 0);

describe('the demo metric fetcher', () => {
  it('reports its update interval in the configuration (10 s, as Flink by default)', async () => {
    demo = await startTestDemo();
    const { body } = await demo.get<{ key: string; value: string }[]>('/jobmanager/config');
    expect(body).toContainEqual({ key: 'metrics.fetcher.update-interval', value: '10 s' });
  });

  it('changes counters and meters only when a request finds the store older than the interval', async () => {
    demo = await startTestDemo();
    const d = demo;
    const job = await d.jobId('Payment Fraud Detection');
    const records = async () => readRecords((await d.get<Details>(`/jobs/${job}`)).body);
    const tmGc = async () => {
      const tms = (await d.get<{ taskmanagers: { id: string }[] }>('/taskmanagers')).body.taskmanagers;
      const { body } = await d.get<{ id: string; value: string }[]>(
        `/taskmanagers/${tms[0]!.id}/metrics?get=Status.JVM.GarbageCollector.All.Count`,
      );
      return body[0]?.value;
    };
    const first = await records();
    const gc = await tmGc();
    const seen = [first];
    for (let i = 0; i < 3; i++) {
      d.advance(3000); // polled every 3 s: 3, 6, 9 s after the fetch, nothing new
      seen.push(await records());
    }
    expect(new Set(seen)).toEqual(new Set([first]));
    d.advance(3000); // 12 s: this request starts a fetch and is answered from the store as it was
    expect(await records()).toBe(first);
    d.advance(3000); // 15 s: the values of the fetch at 12 s
    const next = await records();
    expect(next).toBeGreaterThan(first);
    expect(await tmGc()).not.toBe(gc);
  });

  it('serves every request fresh values with an interval of 0', async () => {
    demo = await startTestDemo({ metricFetchIntervalMs: 0 });
    const d = demo;
    const job = await d.jobId('Payment Fraud Detection');
    const a = readRecords((await d.get<Details>(`/jobs/${job}`)).body);
    d.advance(1000);
    expect(readRecords((await d.get<Details>(`/jobs/${job}`)).body)).toBeGreaterThan(a);
  });
});
