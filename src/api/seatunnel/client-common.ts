import * as z from 'zod/mini';
import { request, validate } from '../http';
import { JsonInteger, toJsonText } from './json-text';
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
import { postText } from './text-body-request';

/*
 * The endpoints both REST flavours share. v1 and v2 run the same engine code and differ only in
 * the path prefix (see client-v1.ts / client-v2.ts). Every answer is read with json-lossless so
 * 64-bit job ids survive.
 */

export type Opts = { signal?: AbortSignal | undefined };
/** A job config (env, source, transform, sink) as JSON. */
export type JobConfig = Record<string, unknown>;
/** `/finished-jobs/:state`; the engine also keeps SAVEPOINT_DONE and answers [] for unknown states. */
export type FinishedJobState = 'FINISHED' | 'CANCELED' | 'FAILED' | 'UNKNOWABLE' | 'SAVEPOINT_DONE';

export interface SubmitJobInput {
  /** A JSON config object, or the config as text (HOCON / SQL / JSON text). */
  config: JobConfig | string;
  /** `format` query parameter (v2, 2.3.10+); omitted for json so older engines are not confused. */
  format?: 'json' | 'hocon' | 'sql';
  /** 64-bit id as digits; sent as a query parameter, so it stays exact. */
  jobId?: string;
  jobName?: string;
  /** Restore from the savepoint of the job `jobId`. */
  startWithSavepoint?: boolean;
}

export interface StopJobInput {
  jobId: string;
  /** Take a savepoint first (the job ends as SAVEPOINT_DONE and can be resubmitted with its id). */
  withSavepoint: boolean;
}

const CONTENT_TYPE = { json: 'application/json', hocon: 'text/plain', sql: 'text/plain' } as const;

export const base = (c: string) => `/api/${encodeURIComponent(c)}`;

function submitQuery(input: SubmitJobInput) {
  return {
    jobId: input.jobId,
    jobName: input.jobName,
    isStartWithSavePoint: input.startWithSavepoint ? 'true' : undefined,
    format: input.format && input.format !== 'json' ? input.format : undefined,
  };
}

function stopBody(input: StopJobInput) {
  return { jobId: new JsonInteger(input.jobId), isStopWithSavePoint: input.withSavepoint };
}

/** Builds one flavour's client; `prefix` is '' for v2 and '/hazelcast/rest/maps' for v1. */
export function createSeaTunnelClient(prefix: string) {
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
    postText({
      base: base(c),
      path: prefix + path,
      schema,
      bodyText: toJsonText(value),
      contentType: 'application/json',
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
    getJobLogs: (c: string, jobId: string, o: Opts = {}) => getLogList(c, '/logs/:jobId', { jobId }, o),
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
        ? postText({
            base: base(c),
            path: `${prefix}/submit-job`,
            query: submitQuery(input),
            bodyText: input.config,
            contentType: CONTENT_TYPE[input.format ?? 'json'],
            schema: submitJobResponseSchema,
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
    submitJobs: (
      c: string,
      inputs: readonly (Omit<SubmitJobInput, 'config' | 'format'> & { config: JobConfig })[],
      o: Opts = {},
    ) =>
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

type GetExtra = { query?: Record<string, string>; params?: Record<string, string> };

function submitParams(input: Omit<SubmitJobInput, 'config' | 'format'>) {
  const params: Record<string, string> = {};
  if (input.jobId !== undefined) params.jobId = input.jobId;
  if (input.jobName !== undefined) params.jobName = input.jobName;
  if (input.startWithSavepoint) params.isStartWithSavePoint = 'true';
  return params;
}

export type SeaTunnelClient = ReturnType<typeof createSeaTunnelClient>;
