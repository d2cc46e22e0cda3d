import { queryOptions, useQuery } from '@tanstack/react-query';
import { usePollInterval } from '../polling';
import { flink } from './client';
import type { MetricQuery, TaskManagersMetricQuery } from './client';
import { flinkKeys, metricNames } from './keys';
import { METRICS_MIN_MS } from './queries-jobs';

/** Logs, dumps and profiler output are big and read on demand: no polling, no refetch on focus. */
export const onDemand = { staleTime: Infinity, refetchOnWindowFocus: false } as const;

export const taskManagersQuery = (c: string) =>
  queryOptions({
    queryKey: flinkKeys.taskManagersList(c),
    queryFn: ({ signal }) => flink.getTaskManagers(c, { signal }),
  });

export const taskManagersMetricsQuery = (c: string, q: TaskManagersMetricQuery) => {
  const norm = {
    get: metricNames(q.get),
    agg: metricNames(q.agg),
    taskmanagers: metricNames(q.taskmanagers),
  };
  return queryOptions({
    queryKey: flinkKeys.taskManagersMetrics(c, norm),
    queryFn: ({ signal }) => flink.getTaskManagersMetrics(c, norm, { signal }),
  });
};

export const taskManagerQuery = (c: string, tmId: string) =>
  queryOptions({
    queryKey: flinkKeys.tmDetails(c, tmId),
    queryFn: ({ signal }) => flink.getTaskManager(c, tmId, { signal }),
  });

export const taskManagerMetricsQuery = (c: string, tmId: string, q: MetricQuery) => {
  const norm = { get: metricNames(q.get) };
  return queryOptions({
    queryKey: flinkKeys.tmMetrics(c, tmId, norm),
    queryFn: ({ signal }) => flink.getTaskManagerMetrics(c, tmId, norm, { signal }),
  });
};

export const taskManagerLogsQuery = (c: string, tmId: string) =>
  queryOptions({
    queryKey: flinkKeys.tmLogs(c, tmId),
    queryFn: ({ signal }) => flink.getTaskManagerLogs(c, tmId, { signal }),
  });

export const taskManagerLogQuery = (c: string, tmId: string) =>
  queryOptions({
    queryKey: flinkKeys.tmLog(c, tmId),
    queryFn: ({ signal }) => flink.getTaskManagerLog(c, tmId, { signal }),
    ...onDemand,
  });

export const taskManagerStdoutQuery = (c: string, tmId: string) =>
  queryOptions({
    queryKey: flinkKeys.tmStdout(c, tmId),
    queryFn: ({ signal }) => flink.getTaskManagerStdout(c, tmId, { signal }),
    ...onDemand,
  });

export const taskManagerLogFileQuery = (c: string, tmId: string, filename: string) =>
  queryOptions({
    queryKey: flinkKeys.tmLogFile(c, tmId, filename),
    queryFn: ({ signal }) => flink.getTaskManagerLogFile(c, tmId, filename, { signal }),
    ...onDemand,
  });

export const taskManagerThreadDumpQuery = (c: string, tmId: string) =>
  queryOptions({
    queryKey: flinkKeys.tmThreadDump(c, tmId),
    queryFn: ({ signal }) => flink.getTaskManagerThreadDump(c, tmId, { signal }),
    ...onDemand,
  });

export const taskManagerProfilingQuery = (c: string, tmId: string) =>
  queryOptions({
    queryKey: flinkKeys.tmProfiling(c, tmId),
    queryFn: ({ signal }) => flink.getTaskManagerProfiling(c, tmId, { signal }),
  });

export const taskManagerProfilerFileQuery = (c: string, tmId: string, filename: string) =>
  queryOptions({
    queryKey: flinkKeys.tmProfilerFile(c, tmId, filename),
    queryFn: ({ signal }) => flink.getTaskManagerProfilerFile(c, tmId, filename, { signal }),
    ...onDemand,
  });

type Id = string | undefined;

export function useTaskManagers(c: string) {
  return useQuery({ ...taskManagersQuery(c), refetchInterval: usePollInterval(c) });
}

export function useTaskManagersMetrics(c: string, q: TaskManagersMetricQuery) {
  return useQuery({
    ...taskManagersMetricsQuery(c, q),
    refetchInterval: usePollInterval(c, { minimumMs: METRICS_MIN_MS }),
  });
}

export function useTaskManager(c: string, tmId: Id) {
  return useQuery({
    ...taskManagerQuery(c, tmId ?? ''),
    enabled: !!tmId,
    refetchInterval: usePollInterval(c),
  });
}

export function useTaskManagerMetrics(c: string, tmId: Id, q: MetricQuery = {}) {
  return useQuery({
    ...taskManagerMetricsQuery(c, tmId ?? '', q),
    enabled: !!tmId,
    refetchInterval: usePollInterval(c, { minimumMs: METRICS_MIN_MS }),
  });
}

export function useTaskManagerLogs(c: string, tmId: Id) {
  return useQuery({ ...taskManagerLogsQuery(c, tmId ?? ''), enabled: !!tmId });
}

/** Log text: fetched on mount, refreshed only through `refetch()`. */
export function useTaskManagerLog(c: string, tmId: Id) {
  return useQuery({ ...taskManagerLogQuery(c, tmId ?? ''), enabled: !!tmId });
}

export function useTaskManagerStdout(c: string, tmId: Id) {
  return useQuery({ ...taskManagerStdoutQuery(c, tmId ?? ''), enabled: !!tmId });
}

export function useTaskManagerLogFile(c: string, tmId: Id, filename: Id) {
  return useQuery({
    ...taskManagerLogFileQuery(c, tmId ?? '', filename ?? ''),
    enabled: !!tmId && !!filename,
  });
}

export function useTaskManagerThreadDump(c: string, tmId: Id) {
  return useQuery({ ...taskManagerThreadDumpQuery(c, tmId ?? ''), enabled: !!tmId });
}

/** Profiling runs: polled while one is RUNNING so its result appears. */
export function useTaskManagerProfiling(c: string, tmId: Id) {
  const poll = usePollInterval(c);
  return useQuery({
    ...taskManagerProfilingQuery(c, tmId ?? ''),
    enabled: !!tmId,
    refetchInterval: (q) => (q.state.data?.profilingList.some((p) => p.status === 'RUNNING') ? poll : false),
  });
}

export function useTaskManagerProfilerFile(c: string, tmId: Id, filename: Id) {
  return useQuery({
    ...taskManagerProfilerFileQuery(c, tmId ?? '', filename ?? ''),
    enabled: !!tmId && !!filename,
  });
}
