import { useQuery } from '@tanstack/react-query';
import { buildPath } from '../http';
import { base } from './client-shared';
import { jobManagerConfigQuery, jobManagerMetricsQuery } from './queries-jobmanager';
import type { ConfigEntries, MetricList } from './schemas';

/*
 * Small additions for the task manager, job manager and submit pages: links to profiler result
 * files (served through the dashboard proxy), whether the cluster enables the profiler, and the
 * job manager's metric names.
 */

/** Proxy URL of a task manager's profiler result (an async-profiler HTML flame graph). */
export const taskManagerProfilerFileUrl = (c: string, tmId: string, filename: string) =>
  `${base(c)}${buildPath('/taskmanagers/:taskmanagerid/profiler/:filename', { taskmanagerid: tmId, filename })}`;

/** Proxy URL of a job manager profiler result. */
export const jobManagerProfilerFileUrl = (c: string, filename: string) =>
  `${base(c)}${buildPath('/jobmanager/profiler/:filename', { filename })}`;

/** The configuration key that turns the profiler endpoints on (Flink 1.19+, off by default). */
export const PROFILING_SETTING = 'rest.profiling.enabled';

const profilingEnabled = (entries: ConfigEntries) =>
  entries
    .find((e) => e.key === PROFILING_SETTING)
    ?.value.trim()
    .toLowerCase() === 'true';

/**
 * Whether `rest.profiling.enabled` is true in the job manager's configuration; undefined while
 * unknown (loading, or the configuration could not be read).
 */
export function useProfilingEnabled(c: string): boolean | undefined {
  return useQuery({ ...jobManagerConfigQuery(c), select: profilingEnabled }).data;
}

/** How often the JobManager refreshes the metrics it serves (Flink's default: 10 s). */
export const METRIC_FETCH_INTERVAL_SETTING = 'metrics.fetcher.update-interval';
const DEFAULT_METRIC_FETCH_INTERVAL_MS = 10_000;
const DURATION_UNITS: Record<string, number> = {
  '': 1,
  ms: 1,
  milli: 1,
  millis: 1,
  millisecond: 1,
  milliseconds: 1,
  s: 1000,
  sec: 1000,
  secs: 1000,
  second: 1000,
  seconds: 1000,
  min: 60_000,
  m: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
};

/** A Flink duration option ("10 s", "10000" = ms, "1 min") in ms; undefined when not one. */
export function flinkDurationMs(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = m ? DURATION_UNITS[(m[2] ?? '').toLowerCase()] : undefined;
  return m && unit !== undefined ? Number(m[1]) * unit : undefined;
}

/** The configured metric fetch interval in ms, Flink's default when not set. */
export function metricFetchIntervalMs(entries: ConfigEntries): number {
  const set = entries.find((e) => e.key === METRIC_FETCH_INTERVAL_SETTING)?.value;
  const ms = set === undefined ? undefined : flinkDurationMs(set);
  return ms !== undefined && ms > 0 ? ms : DEFAULT_METRIC_FETCH_INTERVAL_MS;
}

/**
 * How often the cluster's counters can change (`metrics.fetcher.update-interval` in
 * `/jobmanager/config`), for rates from counters; undefined while the configuration is unknown.
 */
export function useMetricFetchInterval(c: string): number | undefined {
  return useQuery({ ...jobManagerConfigQuery(c), select: metricFetchIntervalMs }).data;
}

const metricIds = (list: MetricList) => list.map((m) => m.id).sort((a, b) => a.localeCompare(b));

/** The job manager's metric names (`/jobmanager/metrics` without `get`), sorted; not polled. */
export function useJobManagerMetricNames(c: string) {
  return useQuery({ ...jobManagerMetricsQuery(c, {}), staleTime: 5 * 60_000, select: metricIds });
}
