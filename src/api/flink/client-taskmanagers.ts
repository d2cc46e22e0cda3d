import { request } from '../http';
import type { ProfilingRequest } from './client-jobmanager';
import { base, TEXT_TIMEOUT_MS, type MetricQuery, type Opts } from './client-shared';
import {
  aggregatedMetricListSchema,
  logListSchema,
  metricListSchema,
  profilingInfoSchema,
  profilingListSchema,
  taskManagerDetailsSchema,
  taskManagersSchema,
  textSchema,
  threadDumpSchema,
  type MetricAggregation,
} from './schemas';

export interface TaskManagersMetricQuery extends MetricQuery {
  agg?: readonly MetricAggregation[] | undefined;
  /** Restrict to these task manager ids. */
  taskmanagers?: readonly string[] | undefined;
}

const tm = (id: string) => ({ taskmanagerid: id });
const text = { responseType: 'text', schema: textSchema, timeoutMs: TEXT_TIMEOUT_MS } as const;

/** Task managers: list, details, logs, metrics, thread dumps and profiler. */
export const taskManagersApi = {
  getTaskManagers: (c: string, o: Opts = {}) =>
    request({ base: base(c), path: '/taskmanagers', schema: taskManagersSchema, signal: o.signal }),
  getTaskManagersMetrics: (c: string, q: TaskManagersMetricQuery = {}, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/taskmanagers/metrics',
      query: { get: q.get, agg: q.agg, taskmanagers: q.taskmanagers },
      schema: aggregatedMetricListSchema,
      signal: o.signal,
    }),
  getTaskManager: (c: string, tmId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/taskmanagers/:taskmanagerid',
      params: tm(tmId),
      schema: taskManagerDetailsSchema,
      signal: o.signal,
    }),
  getTaskManagerMetrics: (c: string, tmId: string, q: MetricQuery = {}, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/taskmanagers/:taskmanagerid/metrics',
      params: tm(tmId),
      query: { get: q.get },
      schema: metricListSchema,
      signal: o.signal,
    }),
  getTaskManagerThreadDump: (c: string, tmId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/taskmanagers/:taskmanagerid/thread-dump',
      params: tm(tmId),
      schema: threadDumpSchema,
      signal: o.signal,
    }),

  getTaskManagerLogs: (c: string, tmId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/taskmanagers/:taskmanagerid/logs',
      params: tm(tmId),
      schema: logListSchema,
      signal: o.signal,
    }),
  getTaskManagerLog: (c: string, tmId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/taskmanagers/:taskmanagerid/log',
      params: tm(tmId),
      ...text,
      signal: o.signal,
    }),
  getTaskManagerStdout: (c: string, tmId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/taskmanagers/:taskmanagerid/stdout',
      params: tm(tmId),
      ...text,
      signal: o.signal,
    }),
  getTaskManagerLogFile: (c: string, tmId: string, filename: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/taskmanagers/:taskmanagerid/logs/:logname',
      params: { ...tm(tmId), logname: filename },
      ...text,
      signal: o.signal,
    }),

  /** Profiler (Flink 1.19+, `rest.profiling.enabled`); not in the REST reference. */
  getTaskManagerProfiling: (c: string, tmId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/taskmanagers/:taskmanagerid/profiler',
      params: tm(tmId),
      schema: profilingListSchema,
      signal: o.signal,
    }),
  triggerTaskManagerProfiling: (c: string, tmId: string, body: ProfilingRequest, o: Opts = {}) =>
    request({
      base: base(c),
      method: 'POST',
      path: '/taskmanagers/:taskmanagerid/profiler',
      params: tm(tmId),
      body,
      schema: profilingInfoSchema,
      signal: o.signal,
    }),
  getTaskManagerProfilerFile: (c: string, tmId: string, filename: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/taskmanagers/:taskmanagerid/profiler/:filename',
      params: { ...tm(tmId), filename },
      ...text,
      signal: o.signal,
    }),
};
