import { useMemo } from 'react';
import { useQuery, type NotifyOnChangeProps } from '@tanstack/react-query';
import { useThrottledQueries } from '../use-throttled-queries';
import { METRICS_MIN_MS, useJobPolling } from './queries-jobs';
import { subtaskMetricsQuery, subtasksMetricsQuery } from './queries-vertices';
import type { AggregatedMetricList, MetricAggregation } from './schemas';

/*
 * Hooks of the job graph that queries-vertices.ts does not have: the load of many vertices with
 * two aggregations in one request each, polled only for the vertices on screen, and the metric
 * names of a vertex read from one subtask (the vertex-wide list grows with the parallelism).
 */

/** What a graph node shows: time shares (ms per second) and throughput of a vertex. */
export const VERTEX_LOAD_METRICS = [
  'busyTimeMsPerSecond',
  'backPressuredTimeMsPerSecond',
  'idleTimeMsPerSecond',
  'numRecordsInPerSecond',
  'numRecordsOutPerSecond',
  'numBytesInPerSecond',
  'numBytesOutPerSecond',
] as const;
/**
 * max for the time shares (the worst subtask), sum for throughput (the whole vertex), min for
 * triage (silent subtasks, skew). Triage asks for exactly this, so one request per vertex serves
 * the graph and the triage monitor alike.
 */
export const VERTEX_LOAD_AGGS: readonly MetricAggregation[] = ['min', 'max', 'sum'];

/** What the graph shows of an answer; a request starting or ending alone is no reason to redraw. */
const LOAD_PROPS: NotifyOnChangeProps = ['data', 'dataUpdatedAt', 'error'];

export interface VertexLoadAnswer {
  data: AggregatedMetricList | undefined;
  /** When `data` was received (0 = never). */
  updatedAt: number;
  error: Error | null;
  /** Whether this vertex is currently polled (on screen or selected). */
  polled: boolean;
}

/**
 * `/jobs/:jobid/vertices/:vertexid/subtasks/metrics?get=<load metrics>&agg=max,sum` for every
 * vertex: ONE request per vertex, polled at the metrics cadence (>= 10 s) only for the ids in
 * `polledIds`; the others keep their last answer from the cache without requests. Identical
 * requests from other views share the cache entry (same key). Answers arrive one by one (300 in
 * a burst for a big plan): the caller re-renders with them at most once per `redrawMs`.
 */
export function useVerticesLoad(
  c: string,
  jobId: string | undefined,
  vertexIds: readonly string[],
  polledIds: ReadonlySet<string>,
  redrawMs = 0,
): Record<string, VertexLoadAnswer> {
  const { refetchInterval, staleTime: finishedStaleTime } = useJobPolling(c, jobId, METRICS_MIN_MS);
  // A vertex back on screen (the graph re-framed, the list scrolled) keeps an answer younger than
  // the poll interval instead of asking again: re-framing once refetched 180 vertices at once.
  const staleTime = finishedStaleTime ?? (refetchInterval === false ? undefined : refetchInterval);
  const queries = useMemo(
    () =>
      vertexIds.map((vertexId) => ({
        ...subtasksMetricsQuery(c, jobId ?? '', vertexId, {
          get: VERTEX_LOAD_METRICS,
          agg: VERTEX_LOAD_AGGS,
        }),
        enabled: !!jobId && polledIds.has(vertexId),
        refetchInterval,
        ...(staleTime !== undefined ? { staleTime } : {}),
        notifyOnChangeProps: LOAD_PROPS,
      })),
    [c, jobId, vertexIds, polledIds, refetchInterval, staleTime],
  );
  const results = useThrottledQueries(queries, redrawMs);
  return useMemo(() => {
    const out: Record<string, VertexLoadAnswer> = {};
    vertexIds.forEach((id, i) => {
      const r = results[i];
      out[id] = {
        data: r?.data,
        updatedAt: r?.dataUpdatedAt ?? 0,
        error: r?.error ?? null,
        polled: polledIds.has(id),
      };
    });
    return out;
  }, [vertexIds, results, polledIds]);
}

/**
 * The metric names of a vertex, from subtask 0 (`.../subtasks/0/metrics`): the same names every
 * subtask has, without the `<index>.` prefix, and a small answer even at parallelism 2,000.
 * Names rarely change, so this is fetched once per visit, not polled.
 */
export function useVertexMetricNames(c: string, jobId: string | undefined, vertexId: string | undefined) {
  return useQuery({
    ...subtaskMetricsQuery(c, jobId ?? '', vertexId ?? '', 0, {}),
    enabled: !!jobId && !!vertexId,
    staleTime: 60_000,
  });
}
