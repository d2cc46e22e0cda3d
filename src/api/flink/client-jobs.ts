import { request } from '../http';
import { base, done, type MetricQuery, type Opts } from './client-shared';
import {
  aggregatedMetricListSchema,
  asyncOperationSchema,
  configEntriesSchema,
  environmentInfoSchema,
  jobAccumulatorsSchema,
  jobConfigSchema,
  jobDetailsSchema,
  jobExceptionsSchema,
  jobExecutionResultSchema,
  jobIdsSchema,
  jobPlanSchema,
  jobsOverviewSchema,
  jobStatusSchema,
  logUrlSchema,
  metricListSchema,
  rescalesHistorySchema,
  rescalesOverviewSchema,
  resourceRequirementsSchema,
  savepointStatusSchema,
  triggerResponseSchema,
  type MetricAggregation,
  type ResourceRequirements,
} from './schemas';

export type SavepointFormat = 'CANONICAL' | 'NATIVE';

/** POST /jobs/:jobid/savepoints. `triggerId` is required so a resend never starts a second savepoint. */
export interface SavepointRequest {
  triggerId: string;
  'target-directory'?: string | undefined;
  'cancel-job'?: boolean | undefined;
  formatType?: SavepointFormat | undefined;
}

/** POST /jobs/:jobid/stop. Its status is read from `/jobs/:jobid/savepoints/:triggerid`. */
export interface StopWithSavepointRequest {
  triggerId: string;
  targetDirectory?: string | undefined;
  /** Emit MAX_WATERMARK first so event-time timers fire (ends the job "cleanly"). */
  drain?: boolean | undefined;
  formatType?: SavepointFormat | undefined;
}

export interface JobsMetricQuery extends MetricQuery {
  agg?: readonly MetricAggregation[] | undefined;
  jobs?: readonly string[] | undefined;
}

export interface ExceptionsQuery {
  maxExceptions?: number | undefined;
  /** `key:value` pairs; only exceptions carrying all of them are returned. */
  failureLabelFilter?: readonly string[] | undefined;
}

const job = (jobId: string) => ({ jobid: jobId });

/** Jobs and everything directly under `/jobs/:jobid` except checkpoints and vertices. */
export const jobsApi = {
  getJobs: (c: string, o: Opts = {}) =>
    request({ base: base(c), path: '/jobs', schema: jobIdsSchema, signal: o.signal }),
  getJobsOverview: (c: string, o: Opts = {}) =>
    request({ base: base(c), path: '/jobs/overview', schema: jobsOverviewSchema, signal: o.signal }),
  getJobsMetrics: (c: string, q: JobsMetricQuery = {}, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/jobs/metrics',
      query: { get: q.get, agg: q.agg, jobs: q.jobs },
      schema: aggregatedMetricListSchema,
      signal: o.signal,
    }),

  getJob: (c: string, jobId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/jobs/:jobid',
      params: job(jobId),
      schema: jobDetailsSchema,
      signal: o.signal,
    }),
  getJobStatus: (c: string, jobId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/jobs/:jobid/status',
      params: job(jobId),
      schema: jobStatusSchema,
      signal: o.signal,
    }),
  /** PATCH ?mode=cancel; answers 202 at once, the job is CANCELLING until it is CANCELED. */
  cancelJob: (c: string, jobId: string, o: Opts = {}) =>
    request({
      base: base(c),
      method: 'PATCH',
      path: '/jobs/:jobid',
      params: job(jobId),
      query: { mode: 'cancel' },
      signal: o.signal,
    }).then(done),
  getJobConfig: (c: string, jobId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/jobs/:jobid/config',
      params: job(jobId),
      schema: jobConfigSchema,
      signal: o.signal,
    }),
  getJobPlan: (c: string, jobId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/jobs/:jobid/plan',
      params: job(jobId),
      schema: jobPlanSchema,
      signal: o.signal,
    }),
  getJobExceptions: (c: string, jobId: string, q: ExceptionsQuery = {}, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/jobs/:jobid/exceptions',
      params: job(jobId),
      query: { maxExceptions: q.maxExceptions, failureLabelFilter: q.failureLabelFilter },
      schema: jobExceptionsSchema,
      signal: o.signal,
    }),
  getJobAccumulators: (
    c: string,
    jobId: string,
    q: { includeSerializedValue?: boolean } = {},
    o: Opts = {},
  ) =>
    request({
      base: base(c),
      path: '/jobs/:jobid/accumulators',
      params: job(jobId),
      query: { includeSerializedValue: q.includeSerializedValue },
      schema: jobAccumulatorsSchema,
      signal: o.signal,
    }),
  getJobExecutionResult: (c: string, jobId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/jobs/:jobid/execution-result',
      params: job(jobId),
      schema: jobExecutionResultSchema,
      signal: o.signal,
    }),
  getJobMetrics: (c: string, jobId: string, q: MetricQuery = {}, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/jobs/:jobid/metrics',
      params: job(jobId),
      query: { get: q.get },
      schema: metricListSchema,
      signal: o.signal,
    }),

  /** The job manager's config/environment as this job saw it (also served by the history server). */
  getJobJobManagerConfig: (c: string, jobId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/jobs/:jobid/jobmanager/config',
      params: job(jobId),
      schema: configEntriesSchema,
      signal: o.signal,
    }),
  getJobJobManagerEnvironment: (c: string, jobId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/jobs/:jobid/jobmanager/environment',
      params: job(jobId),
      schema: environmentInfoSchema,
      signal: o.signal,
    }),
  getJobJobManagerLogUrl: (c: string, jobId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/jobs/:jobid/jobmanager/log-url',
      params: job(jobId),
      schema: logUrlSchema,
      signal: o.signal,
    }),
  getJobTaskManagerLogUrl: (c: string, jobId: string, tmId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/jobs/:jobid/taskmanagers/:taskmanagerid/log-url',
      params: { ...job(jobId), taskmanagerid: tmId },
      schema: logUrlSchema,
      signal: o.signal,
    }),

  /** Parallelism bounds per vertex (adaptive scheduler). */
  getResourceRequirements: (c: string, jobId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/jobs/:jobid/resource-requirements',
      params: job(jobId),
      schema: resourceRequirementsSchema,
      signal: o.signal,
    }),
  /** The way to rescale with the adaptive scheduler: PUT new bounds; synchronous. */
  setResourceRequirements: (c: string, jobId: string, body: ResourceRequirements, o: Opts = {}) =>
    request({
      base: base(c),
      method: 'PUT',
      path: '/jobs/:jobid/resource-requirements',
      params: job(jobId),
      body,
      signal: o.signal,
    }).then(done),
  /** The adaptive scheduler's rescale counts and latest rescales (Flink 2.3+). */
  getRescalesOverview: (c: string, jobId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/jobs/:jobid/rescales/overview',
      params: job(jobId),
      schema: rescalesOverviewSchema,
      signal: o.signal,
    }),
  /** The adaptive scheduler's recent rescales, newest first (Flink 2.3+). */
  getRescalesHistory: (c: string, jobId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/jobs/:jobid/rescales/history',
      params: job(jobId),
      schema: rescalesHistorySchema,
      signal: o.signal,
    }),
  /** Legacy async rescaling (PATCH ?parallelism=); recent Flink answers it with an error. */
  rescaleJob: (c: string, jobId: string, parallelism: number, o: Opts = {}) =>
    request({
      base: base(c),
      method: 'PATCH',
      path: '/jobs/:jobid/rescaling',
      params: job(jobId),
      query: { parallelism },
      schema: triggerResponseSchema,
      signal: o.signal,
    }),
  getRescalingStatus: (c: string, jobId: string, triggerId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/jobs/:jobid/rescaling/:triggerid',
      params: { ...job(jobId), triggerid: triggerId },
      schema: asyncOperationSchema,
      signal: o.signal,
    }),

  triggerSavepoint: (c: string, jobId: string, body: SavepointRequest, o: Opts = {}) =>
    request({
      base: base(c),
      method: 'POST',
      path: '/jobs/:jobid/savepoints',
      params: job(jobId),
      body,
      schema: triggerResponseSchema,
      signal: o.signal,
    }),
  stopJob: (c: string, jobId: string, body: StopWithSavepointRequest, o: Opts = {}) =>
    request({
      base: base(c),
      method: 'POST',
      path: '/jobs/:jobid/stop',
      params: job(jobId),
      body,
      schema: triggerResponseSchema,
      signal: o.signal,
    }),
  /** Status of a savepoint or of a stop-with-savepoint. */
  getSavepointStatus: (c: string, jobId: string, triggerId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/jobs/:jobid/savepoints/:triggerid',
      params: { ...job(jobId), triggerid: triggerId },
      schema: savepointStatusSchema,
      signal: o.signal,
    }),

  /** Keeps an attached (detached=false) client's job alive; the dashboard has no use for it but it is part of the API. */
  sendClientHeartbeat: (c: string, jobId: string, expiredTimestamp: number, o: Opts = {}) =>
    request({
      base: base(c),
      method: 'PATCH',
      path: '/jobs/:jobid/clientHeartbeat',
      params: job(jobId),
      body: { expiredTimestamp },
      signal: o.signal,
    }).then(done),
};
