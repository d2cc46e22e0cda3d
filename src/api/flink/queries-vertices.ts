import { useCallback } from 'react';
import { queryOptions, useQueries, useQuery, type QueryObserverResult } from '@tanstack/react-query';
import { flink } from './client';
import type { FlameGraphQuery, MetricQuery, SubtasksMetricQuery } from './client';
import { flinkKeys, metricNames } from './keys';
import { aggregatedValues } from './metric-values';
import { METRICS_MIN_MS, useJobPolling } from './queries-jobs';
import type { AggregatedMetricList, MetricAggregation } from './schemas';

const EMPTY: readonly string[] = [];

// ---- query options --------------------------------------------------------------------------

export const vertexDetailsQuery = (c: string, jobId: string, vertexId: string) =>
  queryOptions({
    queryKey: flinkKeys.vertexDetails(c, jobId, vertexId),
    queryFn: ({ signal }) => flink.getVertex(c, jobId, vertexId, { signal }),
  });

export const vertexBackPressureQuery = (c: string, jobId: string, vertexId: string) =>
  queryOptions({
    queryKey: flinkKeys.vertexBackPressure(c, jobId, vertexId),
    queryFn: ({ signal }) => flink.getVertexBackPressure(c, jobId, vertexId, { signal }),
  });

export const vertexFlameGraphQuery = (
  c: string,
  jobId: string,
  vertexId: string,
  q: FlameGraphQuery = {},
) => {
  const norm = { type: q.type ?? 'FULL', subtaskIndex: q.subtaskIndex };
  return queryOptions({
    queryKey: flinkKeys.vertexFlameGraph(c, jobId, vertexId, norm),
    queryFn: ({ signal }) => flink.getVertexFlameGraph(c, jobId, vertexId, norm, { signal }),
  });
};

export const vertexWatermarksQuery = (c: string, jobId: string, vertexId: string) =>
  queryOptions({
    queryKey: flinkKeys.vertexWatermarks(c, jobId, vertexId),
    queryFn: ({ signal }) => flink.getVertexWatermarks(c, jobId, vertexId, { signal }),
  });

export const vertexMetricsQuery = (c: string, jobId: string, vertexId: string, q: MetricQuery) => {
  const norm = { get: metricNames(q.get) };
  return queryOptions({
    queryKey: flinkKeys.vertexMetrics(c, jobId, vertexId, norm),
    queryFn: ({ signal }) => flink.getVertexMetrics(c, jobId, vertexId, norm, { signal }),
  });
};

export const vertexJmOperatorMetricsQuery = (c: string, jobId: string, vertexId: string, q: MetricQuery) => {
  const norm = { get: metricNames(q.get) };
  return queryOptions({
    queryKey: flinkKeys.vertexJmOperatorMetrics(c, jobId, vertexId, norm),
    queryFn: ({ signal }) => flink.getVertexJmOperatorMetrics(c, jobId, vertexId, norm, { signal }),
  });
};

export const subtasksMetricsQuery = (c: string, jobId: string, vertexId: string, q: SubtasksMetricQuery) => {
  const norm = { get: metricNames(q.get), agg: metricNames(q.agg), subtasks: q.subtasks && [...q.subtasks] };
  return queryOptions({
    queryKey: flinkKeys.subtasksMetrics(c, jobId, vertexId, norm),
    queryFn: ({ signal }) => flink.getSubtasksMetrics(c, jobId, vertexId, norm, { signal }),
  });
};

export const vertexAccumulatorsQuery = (c: string, jobId: string, vertexId: string) =>
  queryOptions({
    queryKey: flinkKeys.vertexAccumulators(c, jobId, vertexId),
    queryFn: ({ signal }) => flink.getVertexAccumulators(c, jobId, vertexId, { signal }),
  });

export const subtasksAccumulatorsQuery = (c: string, jobId: string, vertexId: string) =>
  queryOptions({
    queryKey: flinkKeys.subtasksAccumulators(c, jobId, vertexId),
    queryFn: ({ signal }) => flink.getSubtasksAccumulators(c, jobId, vertexId, { signal }),
  });

export const subtaskTimesQuery = (c: string, jobId: string, vertexId: string) =>
  queryOptions({
    queryKey: flinkKeys.subtaskTimes(c, jobId, vertexId),
    queryFn: ({ signal }) => flink.getSubtaskTimes(c, jobId, vertexId, { signal }),
  });

export const vertexTaskManagersQuery = (c: string, jobId: string, vertexId: string) =>
  queryOptions({
    queryKey: flinkKeys.vertexTaskManagers(c, jobId, vertexId),
    queryFn: ({ signal }) => flink.getVertexTaskManagers(c, jobId, vertexId, { signal }),
  });

export const subtaskDetailsQuery = (c: string, jobId: string, vertexId: string, index: number) =>
  queryOptions({
    queryKey: flinkKeys.subtaskDetails(c, jobId, vertexId, index),
    queryFn: ({ signal }) => flink.getSubtask(c, jobId, vertexId, index, { signal }),
  });

export const subtaskMetricsQuery = (
  c: string,
  jobId: string,
  vertexId: string,
  index: number,
  q: MetricQuery,
) => {
  const norm = { get: metricNames(q.get) };
  return queryOptions({
    queryKey: flinkKeys.subtaskMetrics(c, jobId, vertexId, index, norm),
    queryFn: ({ signal }) => flink.getSubtaskMetrics(c, jobId, vertexId, index, norm, { signal }),
  });
};

export const subtaskAttemptQuery = (
  c: string,
  jobId: string,
  vertexId: string,
  index: number,
  attempt: number,
) =>
  queryOptions({
    queryKey: flinkKeys.subtaskAttempt(c, jobId, vertexId, index, attempt),
    queryFn: ({ signal }) => flink.getSubtaskAttempt(c, jobId, vertexId, index, attempt, { signal }),
  });

export const subtaskAttemptAccumulatorsQuery = (
  c: string,
  jobId: string,
  vertexId: string,
  index: number,
  attempt: number,
) =>
  queryOptions({
    queryKey: flinkKeys.subtaskAttemptAccumulators(c, jobId, vertexId, index, attempt),
    queryFn: ({ signal }) =>
      flink.getSubtaskAttemptAccumulators(c, jobId, vertexId, index, attempt, { signal }),
  });

// ---- hooks -----------------------------------------------------------------------------------

type Id = string | undefined;

export function useVertexDetails(c: string, jobId: Id, vertexId: Id) {
  return useQuery({
    ...vertexDetailsQuery(c, jobId ?? '', vertexId ?? ''),
    enabled: !!jobId && !!vertexId,
    ...useJobPolling(c, jobId),
  });
}

/** Answers `{status: "deprecated"}` until the first sample exists; keep polling to get it. */
export function useVertexBackPressure(c: string, jobId: Id, vertexId: Id) {
  return useQuery({
    ...vertexBackPressureQuery(c, jobId ?? '', vertexId ?? ''),
    enabled: !!jobId && !!vertexId,
    ...useJobPolling(c, jobId),
  });
}

/** Sampling starts with the first request; answers have no `data` until it finished. */
export function useVertexFlameGraph(c: string, jobId: Id, vertexId: Id, q: FlameGraphQuery = {}) {
  return useQuery({
    ...vertexFlameGraphQuery(c, jobId ?? '', vertexId ?? '', q),
    enabled: !!jobId && !!vertexId,
    ...useJobPolling(c, jobId),
  });
}

export function useVertexWatermarks(c: string, jobId: Id, vertexId: Id) {
  return useQuery({
    ...vertexWatermarksQuery(c, jobId ?? '', vertexId ?? ''),
    enabled: !!jobId && !!vertexId,
    ...useJobPolling(c, jobId, METRICS_MIN_MS),
  });
}

/** Without `get`: the names of the vertex's metrics; with it, their values (strings). */
export function useVertexMetrics(c: string, jobId: Id, vertexId: Id, q: MetricQuery = {}) {
  return useQuery({
    ...vertexMetricsQuery(c, jobId ?? '', vertexId ?? '', q),
    enabled: !!jobId && !!vertexId,
    ...useJobPolling(c, jobId, METRICS_MIN_MS),
  });
}

export function useVertexJmOperatorMetrics(c: string, jobId: Id, vertexId: Id, q: MetricQuery = {}) {
  return useQuery({
    ...vertexJmOperatorMetricsQuery(c, jobId ?? '', vertexId ?? '', q),
    enabled: !!jobId && !!vertexId,
    ...useJobPolling(c, jobId, METRICS_MIN_MS),
  });
}

export function useSubtasksMetrics(c: string, jobId: Id, vertexId: Id, q: SubtasksMetricQuery = {}) {
  return useQuery({
    ...subtasksMetricsQuery(c, jobId ?? '', vertexId ?? '', q),
    enabled: !!jobId && !!vertexId,
    ...useJobPolling(c, jobId, METRICS_MIN_MS),
  });
}

export interface VerticesMetrics {
  /** vertex id → metric id → aggregated value (undefined when not reported or not a number). */
  byVertex: Record<string, Record<string, number | undefined>>;
  isPending: boolean;
  error: Error | null;
}

/**
 * Aggregated values of several metrics for many vertices, e.g. the graph's busy/backpressure
 * colouring: ONE request per vertex (`/subtasks/metrics?get=a,b&agg=max`), not one per metric.
 */
export function useVerticesMetrics(
  c: string,
  jobId: Id,
  vertexIds: readonly string[] | undefined,
  metrics: readonly string[],
  agg: MetricAggregation = 'max',
): VerticesMetrics {
  const polling = useJobPolling(c, jobId, METRICS_MIN_MS);
  const ids = vertexIds ?? EMPTY;
  // A stable combine: React Query then recomputes the map only when an answer changed.
  const combine = useCallback(
    (results: QueryObserverResult<AggregatedMetricList>[]): VerticesMetrics => ({
      byVertex: Object.fromEntries(ids.map((id, i) => [id, aggregatedValues(results[i]?.data, agg)])),
      isPending: results.some((r) => r.isPending),
      error: results.find((r) => r.error)?.error ?? null,
    }),
    [ids, agg],
  );
  return useQueries({
    queries: ids.map((vertexId) => ({
      ...subtasksMetricsQuery(c, jobId ?? '', vertexId, { get: metrics, agg: [agg] }),
      enabled: !!jobId && metrics.length > 0,
      ...polling,
    })),
    combine,
  });
}

export function useVertexAccumulators(c: string, jobId: Id, vertexId: Id) {
  return useQuery({
    ...vertexAccumulatorsQuery(c, jobId ?? '', vertexId ?? ''),
    enabled: !!jobId && !!vertexId,
    ...useJobPolling(c, jobId),
  });
}

export function useSubtasksAccumulators(c: string, jobId: Id, vertexId: Id) {
  return useQuery({
    ...subtasksAccumulatorsQuery(c, jobId ?? '', vertexId ?? ''),
    enabled: !!jobId && !!vertexId,
    ...useJobPolling(c, jobId),
  });
}

export function useSubtaskTimes(c: string, jobId: Id, vertexId: Id) {
  return useQuery({
    ...subtaskTimesQuery(c, jobId ?? '', vertexId ?? ''),
    enabled: !!jobId && !!vertexId,
    ...useJobPolling(c, jobId),
  });
}

export function useVertexTaskManagers(c: string, jobId: Id, vertexId: Id) {
  return useQuery({
    ...vertexTaskManagersQuery(c, jobId ?? '', vertexId ?? ''),
    enabled: !!jobId && !!vertexId,
    ...useJobPolling(c, jobId),
  });
}

export function useSubtaskDetails(c: string, jobId: Id, vertexId: Id, index: number | undefined) {
  return useQuery({
    ...subtaskDetailsQuery(c, jobId ?? '', vertexId ?? '', index ?? -1),
    enabled: !!jobId && !!vertexId && index !== undefined,
    ...useJobPolling(c, jobId),
  });
}

export function useSubtaskMetrics(
  c: string,
  jobId: Id,
  vertexId: Id,
  index: number | undefined,
  q: MetricQuery = {},
) {
  return useQuery({
    ...subtaskMetricsQuery(c, jobId ?? '', vertexId ?? '', index ?? -1, q),
    enabled: !!jobId && !!vertexId && index !== undefined,
    ...useJobPolling(c, jobId, METRICS_MIN_MS),
  });
}

/** One execution attempt of a subtask (earlier attempts are kept after failover). */
export function useSubtaskAttempt(
  c: string,
  jobId: Id,
  vertexId: Id,
  index: number | undefined,
  attempt: number | undefined,
) {
  return useQuery({
    ...subtaskAttemptQuery(c, jobId ?? '', vertexId ?? '', index ?? -1, attempt ?? -1),
    enabled: !!jobId && !!vertexId && index !== undefined && attempt !== undefined,
    ...useJobPolling(c, jobId),
  });
}

export function useSubtaskAttemptAccumulators(
  c: string,
  jobId: Id,
  vertexId: Id,
  index: number | undefined,
  attempt: number | undefined,
) {
  return useQuery({
    ...subtaskAttemptAccumulatorsQuery(c, jobId ?? '', vertexId ?? '', index ?? -1, attempt ?? -1),
    enabled: !!jobId && !!vertexId && index !== undefined && attempt !== undefined,
    ...useJobPolling(c, jobId),
  });
}
