import { queryOptions, useQuery } from '@tanstack/react-query';
import { usePollInterval } from '../polling';
import { flink } from './client';
import type { MetricQuery } from './client';
import { flinkKeys, metricNames } from './keys';
import { METRICS_MIN_MS } from './queries-jobs';
import { onDemand } from './queries-taskmanagers';

/** Only changes with a restart: fetched once. */
export const jobManagerConfigQuery = (c: string) =>
  queryOptions({
    queryKey: flinkKeys.jmConfig(c),
    queryFn: ({ signal }) => flink.getJobManagerConfig(c, { signal }),
    staleTime: Infinity,
  });

export const jobManagerEnvironmentQuery = (c: string) =>
  queryOptions({
    queryKey: flinkKeys.jmEnvironment(c),
    queryFn: ({ signal }) => flink.getJobManagerEnvironment(c, { signal }),
    staleTime: Infinity,
  });

export const jobManagerMetricsQuery = (c: string, q: MetricQuery) => {
  const norm = { get: metricNames(q.get) };
  return queryOptions({
    queryKey: flinkKeys.jmMetrics(c, norm),
    queryFn: ({ signal }) => flink.getJobManagerMetrics(c, norm, { signal }),
  });
};

export const jobManagerLogsQuery = (c: string) =>
  queryOptions({
    queryKey: flinkKeys.jmLogs(c),
    queryFn: ({ signal }) => flink.getJobManagerLogs(c, { signal }),
  });

export const jobManagerLogQuery = (c: string) =>
  queryOptions({
    queryKey: flinkKeys.jmLog(c),
    queryFn: ({ signal }) => flink.getJobManagerLog(c, { signal }),
    ...onDemand,
  });

export const jobManagerStdoutQuery = (c: string) =>
  queryOptions({
    queryKey: flinkKeys.jmStdout(c),
    queryFn: ({ signal }) => flink.getJobManagerStdout(c, { signal }),
    ...onDemand,
  });

export const jobManagerLogFileQuery = (c: string, filename: string) =>
  queryOptions({
    queryKey: flinkKeys.jmLogFile(c, filename),
    queryFn: ({ signal }) => flink.getJobManagerLogFile(c, filename, { signal }),
    ...onDemand,
  });

export const jobManagerThreadDumpQuery = (c: string) =>
  queryOptions({
    queryKey: flinkKeys.jmThreadDump(c),
    queryFn: ({ signal }) => flink.getJobManagerThreadDump(c, { signal }),
    ...onDemand,
  });

export const jobManagerProfilingQuery = (c: string) =>
  queryOptions({
    queryKey: flinkKeys.jmProfiling(c),
    queryFn: ({ signal }) => flink.getJobManagerProfiling(c, { signal }),
  });

export const jobManagerProfilerFileQuery = (c: string, filename: string) =>
  queryOptions({
    queryKey: flinkKeys.jmProfilerFile(c, filename),
    queryFn: ({ signal }) => flink.getJobManagerProfilerFile(c, filename, { signal }),
    ...onDemand,
  });

export function useJobManagerConfig(c: string) {
  return useQuery(jobManagerConfigQuery(c));
}

export function useJobManagerEnvironment(c: string) {
  return useQuery(jobManagerEnvironmentQuery(c));
}

export function useJobManagerMetrics(c: string, q: MetricQuery = {}) {
  return useQuery({
    ...jobManagerMetricsQuery(c, q),
    refetchInterval: usePollInterval(c, { minimumMs: METRICS_MIN_MS }),
  });
}

export function useJobManagerLogs(c: string) {
  return useQuery(jobManagerLogsQuery(c));
}

/** Log text: fetched on mount, refreshed only through `refetch()`. */
export function useJobManagerLog(c: string) {
  return useQuery(jobManagerLogQuery(c));
}

export function useJobManagerStdout(c: string) {
  return useQuery(jobManagerStdoutQuery(c));
}

export function useJobManagerLogFile(c: string, filename: string | undefined) {
  return useQuery({ ...jobManagerLogFileQuery(c, filename ?? ''), enabled: !!filename });
}

export function useJobManagerThreadDump(c: string) {
  return useQuery(jobManagerThreadDumpQuery(c));
}

/** Profiling runs: polled while one is RUNNING so its result appears. */
export function useJobManagerProfiling(c: string) {
  const poll = usePollInterval(c);
  return useQuery({
    ...jobManagerProfilingQuery(c),
    refetchInterval: (q) => (q.state.data?.profilingList.some((p) => p.status === 'RUNNING') ? poll : false),
  });
}

export function useJobManagerProfilerFile(c: string, filename: string | undefined) {
  return useQuery({ ...jobManagerProfilerFileQuery(c, filename ?? ''), enabled: !!filename });
}
