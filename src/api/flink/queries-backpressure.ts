import { useCallback } from 'react';
import { useQueries, useQuery, type QueryObserverResult } from '@tanstack/react-query';
import type { FlameGraphQuery } from './client';
import { METRICS_MIN_MS, useJobPolling } from './queries-jobs';
import {
  subtasksMetricsQuery,
  vertexBackPressureQuery,
  vertexFlameGraphQuery,
  vertexWatermarksQuery,
} from './queries-vertices';
import type {
  AggregatedMetricList,
  BackPressure,
  FlameGraph,
  MetricAggregation,
  MetricList,
} from './schemas';

/*
 * Hooks of the back-pressure and flame graph tabs that queries-vertices.ts does not have: the
 * back-pressure, load and watermarks of MANY vertices at once (one request per vertex and
 * endpoint, polled at the metrics cadence because Flink's metric fetcher refreshes them every
 * 10 s), and a flame graph that polls only while Flink is still sampling.
 */

/** Time shares (ms per second) and the record counters the skew check compares. */
export const PRESSURE_METRICS = [
  'backPressuredTimeMsPerSecond',
  'busyTimeMsPerSecond',
  'idleTimeMsPerSecond',
  'numRecordsIn',
  'numRecordsOut',
] as const;
/** max: the worst subtask; min/avg: the spread over subtasks (data skew, empty subtasks). */
export const PRESSURE_AGGS: readonly MetricAggregation[] = ['min', 'max', 'avg'];

/** While back-pressure or a flame graph is still being sampled, ask again this often. */
export const SAMPLING_POLL_MS = 1500;

export interface VertexAnswer<T> {
  data: T | undefined;
  /** When `data` was received (0 = never). */
  updatedAt: number;
  error: Error | null;
  isPending: boolean;
}

function byVertex<T>(
  ids: readonly string[],
  results: QueryObserverResult<T>[],
): Record<string, VertexAnswer<T>> {
  const out: Record<string, VertexAnswer<T>> = {};
  ids.forEach((id, i) => {
    const r = results[i];
    out[id] = {
      data: r?.data,
      updatedAt: r?.dataUpdatedAt ?? 0,
      error: r?.error ?? null,
      isPending: r?.isPending ?? true,
    };
  });
  return out;
}

const ALL: ReadonlySet<string> | undefined = undefined;

/**
 * `/jobs/:jobid/vertices/:vertexid/subtasks/metrics?get=<PRESSURE_METRICS>&agg=min,max,avg` for
 * every vertex: ONE request per vertex, polled at >= 10 s (`enabled: false`: cached answers only).
 */
export function useVerticesPressureMetrics(
  c: string,
  jobId: string | undefined,
  vertexIds: readonly string[],
  enabled = true,
): Record<string, VertexAnswer<AggregatedMetricList>> {
  const polling = useJobPolling(c, jobId, METRICS_MIN_MS);
  const combine = useCallback(
    (results: QueryObserverResult<AggregatedMetricList>[]) => byVertex(vertexIds, results),
    [vertexIds],
  );
  return useQueries({
    queries: vertexIds.map((vertexId) => ({
      ...subtasksMetricsQuery(c, jobId ?? '', vertexId, { get: PRESSURE_METRICS, agg: PRESSURE_AGGS }),
      enabled: !!jobId && enabled,
      ...polling,
    })),
    combine,
  });
}

/**
 * `/jobs/:jobid/vertices/:vertexid/backpressure` for the vertices in `polledIds` (all when
 * omitted); the others keep their last answer without requests. Flink answers
 * `{status: "deprecated"}` until its first sample: that is asked for again every 1.5 s.
 */
export function useVerticesBackPressure(
  c: string,
  jobId: string | undefined,
  vertexIds: readonly string[],
  polledIds: ReadonlySet<string> | undefined = ALL,
): Record<string, VertexAnswer<BackPressure>> {
  const polling = useJobPolling(c, jobId, METRICS_MIN_MS);
  const combine = useCallback(
    (results: QueryObserverResult<BackPressure>[]) => byVertex(vertexIds, results),
    [vertexIds],
  );
  const interval = polling.refetchInterval;
  return useQueries({
    queries: vertexIds.map((vertexId) => ({
      ...vertexBackPressureQuery(c, jobId ?? '', vertexId),
      enabled: !!jobId && (polledIds === undefined || polledIds.has(vertexId)),
      ...polling,
      refetchInterval: (q: { state: { data: BackPressure | undefined } }) =>
        interval === false ? false : q.state.data?.status === 'deprecated' ? SAMPLING_POLL_MS : interval,
    })),
    combine,
  });
}

/** `/jobs/:jobid/vertices/:vertexid/watermarks` for the vertices in `polledIds` (all when omitted), >= 10 s. */
export function useVerticesWatermarks(
  c: string,
  jobId: string | undefined,
  vertexIds: readonly string[],
  polledIds: ReadonlySet<string> | undefined = ALL,
): Record<string, VertexAnswer<MetricList>> {
  const polling = useJobPolling(c, jobId, METRICS_MIN_MS);
  const combine = useCallback(
    (results: QueryObserverResult<MetricList>[]) => byVertex(vertexIds, results),
    [vertexIds],
  );
  return useQueries({
    queries: vertexIds.map((vertexId) => ({
      ...vertexWatermarksQuery(c, jobId ?? '', vertexId),
      enabled: !!jobId && (polledIds === undefined || polledIds.has(vertexId)),
      ...polling,
    })),
    combine,
  });
}

/** Flink's `endTimestamp` codes of a flame graph answer without data. */
export const FLAME_GRAPH_STATUS = { finished: -1, disabled: -2, sampling: -3 } as const;

/**
 * `/jobs/:jobid/vertices/:vertexid/flamegraph`: the first request starts sampling and answers
 * `{endTimestamp: -3}`; this asks again every 1.5 s until the data is there, then stops. Flink
 * keeps a sample for `rest.flamegraph.refresh-interval` (1 min): `refetch()` asks for a newer one.
 */
export function useFlameGraph(
  c: string,
  jobId: string | undefined,
  vertexId: string | undefined,
  q: FlameGraphQuery = {},
) {
  return useQuery({
    ...vertexFlameGraphQuery(c, jobId ?? '', vertexId ?? '', q),
    enabled: !!jobId && !!vertexId,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchInterval: (query: { state: { data: FlameGraph | undefined } }) =>
      query.state.data?.endTimestamp === FLAME_GRAPH_STATUS.sampling ? SAMPLING_POLL_MS : false,
  });
}
