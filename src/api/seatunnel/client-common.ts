import * as z from 'zod/mini';
import { request, validate } from '../http';
import { toJsonText } from './json-text';
import {
  CONTENT_TYPE,
  stopBody,
  submitParams,
  submitQuery,
  type BatchSubmitInput,
  type FinishedJobState,
  type JobConfig,
  type Opts,
  type StopJobInput,
  type SubmitJobInput,
} from './requests';
import {
  encryptConfigResponseSchema,
  jobInfoSchema,
  jobListSchema,
  logFilesSchema,
  overviewSchema,
  runningThreadsSchema,
  stopJobResponseSchema,
  stopJobsResponseSchema,
  submitJobResponseSchema,
  submitJobsResponseSchema,
  systemMonitoringSchema,
  tagsUpdateResponseSchema,
  threadDumpSchema,
} from './schemas';

/*
 * The endpoints both REST flavours share. v1 and v2 run the same engine code and differ only in
 * the path prefix (see client-v1.ts / client-v2.ts). Every answer is read with json-lossless so
 * 64-bit job ids survive.
 */

export type {
  BatchSubmitInput,
  FinishedJobState,
  JobConfig,
  Opts,
  StopJobInput,
  SubmitJobInput,
} from './requests';

const base = (c: string) => `/api/${encodeURIComponent(c)}`;
type GetExtra = { query?: Record<string, string>; params?: Record<string, string> };

/** Builds one flavour's client; `prefix` is '' for v2 and '/hazelcast/rest/maps' for v1. */
export function createSeaTunnelClient(
  prefix: string,
  {
    jobLogsFromFullList = false,
  }: {
    /**
     * REST v1 (2.3.13) compares the job id with the query string still attached, so
     * `/logs/:jobId?format=json` lists nothing: list every file and keep the job's instead.
     */
    jobLogsFromFullList?: boolean;
  } = {},
) {
  const get = <S extends z.ZodMiniType>(c: string, path: string, schema: S, o: Opts, extra: GetExtra = {}) =>
    request({
      base: base(c),
      path: prefix + path,
      schema,
      responseType: 'json-lossless',
      signal: o.signal,
      ...extra,
    });
  const post = <S extends z.ZodMiniType>(c: string, path: string, schema: S, body: unknown, o: Opts) =>
    request({
      method: 'POST',
      base: base(c),
      path: prefix + path,
      schema,
      body,
      responseType: 'json-lossless',
      signal: o.signal,
    });
  const postJsonText = <S extends z.ZodMiniType>(
    c: string,
    path: string,
    schema: S,
    value: unknown,
    o: Opts,
  ) =>
    request({
      method: 'POST',
      base: base(c),
      path: prefix + path,
      schema,
      bodyText: { text: toJsonText(value), contentType: 'application/json' },
      responseType: 'json-lossless',
      signal: o.signal,
    });

  /** Log lists: engines without them answer 204 (v1 2.3.8), which means "no log files". */
  const getLogList = async (c: string, path: string, params: Record<string, string>, o: Opts) => {
    const endpoint = `GET ${prefix + path}`;
    const json = await request({
      base: base(c),
      path: prefix + path,
      params,
      query: { format: 'json' },
      responseType: 'json-lossless',
      signal: o.signal,
    });
    return json === undefined ? [] : validate(endpoint, logFilesSchema, json);
  };

  return {
    /** Cluster overview; `tags` filter the worker/slot counts (job counts stay cluster-wide). */
    getOverview: (c: string, tags: Record<string, string> = {}, o: Opts = {}) =>
      get(c, '/overview', overviewSchema, o, { query: tags }),
    getRunningJobs: (c: string, o: Opts = {}) => get(c, '/running-jobs', jobListSchema, o),
    /** Running or finished job; an unknown id answers `{jobId}` only (HTTP 200). */
    getJobInfo: (c: string, jobId: string, o: Opts = {}) =>
      get(c, '/job-info/:jobId', jobInfoSchema, o, { params: { jobId } }),
    /** Deprecated twin of job-info, for engines before it existed. */
    getRunningJob: (c: string, jobId: string, o: Opts = {}) =>
      get(c, '/running-job/:jobId', jobInfoSchema, o, { params: { jobId } }),
    /** Without a state: every finished job, newest first. */
    getFinishedJobs: (c: string, state?: FinishedJobState, o: Opts = {}) =>
      state === undefined
        ? get(c, '/finished-jobs', jobListSchema, o)
        : get(c, '/finished-jobs/:state', jobListSchema, o, { params: { state } }),
    getSystemMonitoring: (c: string, o: Opts = {}) =>
      get(c, '/system-monitoring-information', systemMonitoringSchema, o),
    getThreadDump: (c: string, o: Opts = {}) => get(c, '/thread-dump', threadDumpSchema, o),
    getRunningThreads: (c: string, o: Opts = {}) => get(c, '/running-threads', runningThreadsSchema, o),
    /** Log files of every node (`format=json`). */
    getLogs: (c: string, o: Opts = {}) => getLogList(c, '/logs', {}, o),
    /** Log files whose name contains the job id. */
    getJobLogs: async (c: string, jobId: string, o: Opts = {}) =>
      jobLogsFromFullList
        ? (await getLogList(c, '/logs', {}, o)).filter((f) => f.logName.includes(jobId))
        : getLogList(c, '/logs/:jobId', { jobId }, o),
    /** One log file of the node behind the proxy (the name must end in `.log`). */
    getLogFile: (c: string, logName: string, o: Opts = {}) =>
      request({
        base: base(c),
        path: `${prefix}/logs/:logName`,
        params: { logName },
        responseType: 'text',
        schema: z.string(),
        signal: o.signal,
      }),

    submitJob: (c: string, input: SubmitJobInput, o: Opts = {}) =>
      typeof input.config === 'string'
        ? request({
            method: 'POST',
            base: base(c),
            path: `${prefix}/submit-job`,
            query: submitQuery(input),
            bodyText: { text: input.config, contentType: CONTENT_TYPE[input.format ?? 'json'] },
            schema: submitJobResponseSchema,
            responseType: 'json-lossless',
            signal: o.signal,
          })
        : request({
            method: 'POST',
            base: base(c),
            path: `${prefix}/submit-job`,
            query: submitQuery(input),
            body: input.config,
            schema: submitJobResponseSchema,
            responseType: 'json-lossless',
            signal: o.signal,
          }),
    /** Batch submit; each job's id and name go in its `params` as strings (the engine accepts that). */
    submitJobs: (c: string, inputs: readonly BatchSubmitInput[], o: Opts = {}) =>
      post(
        c,
        '/submit-jobs',
        submitJobsResponseSchema,
        inputs.map((input) => ({ params: submitParams(input), ...input.config })),
        o,
      ),
    stopJob: (c: string, input: StopJobInput, o: Opts = {}) =>
      postJsonText(c, '/stop-job', stopJobResponseSchema, stopBody(input), o),
    stopJobs: (c: string, inputs: readonly StopJobInput[], o: Opts = {}) =>
      postJsonText(c, '/stop-jobs', stopJobsResponseSchema, inputs.map(stopBody), o),
    /** Encodes the config's secrets with its `env.shade.identifier`. */
    encryptConfig: (c: string, config: JobConfig, o: Opts = {}) =>
      post(c, '/encrypt-config', encryptConfigResponseSchema, config, o),
    /** Replaces the tags of the node behind the proxy; `{}` clears them. */
    updateTags: (c: string, tags: Record<string, string>, o: Opts = {}) =>
      post(c, '/update-tags', tagsUpdateResponseSchema, tags, o),
  };
}

export type SeaTunnelClient = ReturnType<typeof createSeaTunnelClient>;
