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

const metricIds = (list: MetricList) => list.map((m) => m.id).sort((a, b) => a.localeCompare(b));

/** The job manager's metric names (`/jobmanager/metrics` without `get`), sorted; not polled. */
export function useJobManagerMetricNames(c: string) {
  return useQuery({ ...jobManagerMetricsQuery(c, {}), staleTime: 5 * 60_000, select: metricIds });
}
