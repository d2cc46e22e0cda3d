import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HttpError } from '../errors';
import { prometheus } from './client';
import { usePrometheusRange } from './queries';
import { flinkPromQL, labelKey, toSeries } from './series';

/** What a real Prometheus 2.42 answers to query_range (shape of /api/v1/query_range). */
const answer = {
  status: 'success',
  data: {
    resultType: 'matrix',
    result: [
      {
        metric: {
          __name__: 'flink_taskmanager_Status_JVM_Memory_Heap_Used',
          tm_id: 'localhost:41233-1a2b3c',
          host: 'localhost',
        },
        values: [
          [1795339140, '123456789'],
          [1795339155.5, '123999999'],
          [1795339170, 'NaN'],
        ],
      },
    ],
  },
};

function stubFetch(reply: (url: URL) => Response) {
  const calls: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const u = new URL(url, 'http://dashboard.test');
      calls.push(u);
      return reply(u);
    }),
  );
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('prometheus.queryRange', () => {
  it('asks the proxy with seconds and a step, and reads the matrix', async () => {
    const calls = stubFetch(() => Response.json(answer));
    const result = await prometheus.queryRange('prod', {
      query: flinkPromQL.heapUsedMax(),
      startMs: 1795339140000,
      endMs: 1795339200500,
      stepMs: 15_000,
    });
    const url = calls[0];
    expect(url?.pathname).toBe('/prometheus/prod/api/v1/query_range');
    expect(url?.searchParams.get('query')).toBe('max(flink_taskmanager_Status_JVM_Memory_Heap_Used)');
    expect(url?.searchParams.get('start')).toBe('1795339140');
    expect(url?.searchParams.get('end')).toBe('1795339200.5');
    expect(url?.searchParams.get('step')).toBe('15s');
    expect(toSeries(result)).toEqual([
      {
        key: 'flink_taskmanager_Status_JVM_Memory_Heap_Used{host="localhost",tm_id="localhost:41233-1a2b3c"}',
        labels: answer.data.result[0]?.metric,
        points: [
          { t: 1795339140000, v: 123456789 },
          { t: 1795339155500, v: 123999999 },
        ],
      },
    ]);
  });

  it('turns a Prometheus error into an error naming the endpoint', async () => {
    stubFetch(() =>
      Response.json({ status: 'error', errorType: 'bad_data', error: 'parse error' }, { status: 400 }),
    );
    const e = await prometheus
      .queryRange('prod', { query: 'x{', startMs: 0, endMs: 1000, stepMs: 1000 })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HttpError);
    expect((e as HttpError).message).toContain('GET /api/v1/query_range');
  });
});

describe('flinkPromQL', () => {
  it('quotes label values', () => {
    expect(flinkPromQL.checkpointDuration('a"b')).toBe(
      'max(flink_jobmanager_job_lastCheckpointDuration{job_id="a\\"b"})',
    );
    expect(labelKey({ b: '2', a: '1' })).toBe('{a="1",b="2"}');
  });
});

describe('usePrometheusRange', () => {
  it('does not ask without a query, and gives chart points with one', async () => {
    const calls = stubFetch(() => Response.json(answer));
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={qc}>{children}</QueryClientProvider>
    );
    const { result, rerender } = renderHook(
      ({ q }: { q: string | undefined }) => usePrometheusRange('prod', q),
      {
        wrapper,
        initialProps: { q: undefined as string | undefined },
      },
    );
    expect(calls).toHaveLength(0);
    rerender({ q: flinkPromQL.heapUsedMax() });
    await waitFor(() => expect(result.current.data?.[0]?.points).toHaveLength(2));
    expect(calls).toHaveLength(1);
  });
});
