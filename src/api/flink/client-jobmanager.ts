import { request } from '../http';
import { base, TEXT_TIMEOUT_MS, type MetricQuery, type Opts } from './client-shared';
import {
  configEntriesSchema,
  environmentInfoSchema,
  logListSchema,
  metricListSchema,
  profilingInfoSchema,
  profilingListSchema,
  textSchema,
  threadDumpSchema,
  type ProfilingMode,
} from './schemas';

export interface ProfilingRequest {
  mode: ProfilingMode;
  /** Seconds. */
  duration: number;
}

const text = { responseType: 'text', schema: textSchema, timeoutMs: TEXT_TIMEOUT_MS } as const;

/** The job manager: configuration, JVM, logs, metrics, thread dump and profiler. */
export const jobManagerApi = {
  getJobManagerConfig: (c: string, o: Opts = {}) =>
    request({ base: base(c), path: '/jobmanager/config', schema: configEntriesSchema, signal: o.signal }),
  getJobManagerEnvironment: (c: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/jobmanager/environment',
      schema: environmentInfoSchema,
      signal: o.signal,
    }),
  getJobManagerMetrics: (c: string, q: MetricQuery = {}, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/jobmanager/metrics',
      query: { get: q.get },
      schema: metricListSchema,
      signal: o.signal,
    }),
  getJobManagerThreadDump: (c: string, o: Opts = {}) =>
    request({ base: base(c), path: '/jobmanager/thread-dump', schema: threadDumpSchema, signal: o.signal }),

  getJobManagerLogs: (c: string, o: Opts = {}) =>
    request({ base: base(c), path: '/jobmanager/logs', schema: logListSchema, signal: o.signal }),
  /** The main log file as text (not in the REST reference; served by the web UI handlers). */
  getJobManagerLog: (c: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/jobmanager/log',
      ...text,
      signal: o.signal,
    }),
  getJobManagerStdout: (c: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/jobmanager/stdout',
      ...text,
      signal: o.signal,
    }),
  /** One file from `getJobManagerLogs`, as text. */
  getJobManagerLogFile: (c: string, filename: string, o: Opts = {}) =>
    request({
      base: base(c),
      // Named as in the endpoint table (endpoint-schemas.ts), so errors name it the same way.
      path: '/jobmanager/logs/:logname',
      params: { logname: filename },
      ...text,
      signal: o.signal,
    }),

  /** Profiler (Flink 1.19+, `rest.profiling.enabled`); not in the REST reference. */
  getJobManagerProfiling: (c: string, o: Opts = {}) =>
    request({ base: base(c), path: '/jobmanager/profiler', schema: profilingListSchema, signal: o.signal }),
  triggerJobManagerProfiling: (c: string, body: ProfilingRequest, o: Opts = {}) =>
    request({
      base: base(c),
      method: 'POST',
      path: '/jobmanager/profiler',
      body,
      schema: profilingInfoSchema,
      signal: o.signal,
    }),
  /** The profiler's result (an HTML flame graph) as text. */
  getJobManagerProfilerFile: (c: string, filename: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/jobmanager/profiler/:filename',
      params: { filename },
      ...text,
      signal: o.signal,
    }),
};
