import * as z from 'zod/mini';
import {
  double,
  queueStatusSchema,
  serializedThrowableSchema,
  stateCountsSchema,
  stateTimesSchema,
  userAccumulatorSchema,
} from './common';

/** RUNNING, FINISHED, ... kept open: newer Flink versions add states. */
export const jobStateSchema = z.string();
export const taskCountsSchema = stateCountsSchema;

/** One row of `/jobs/overview`; `job-type` and `pending-operators` are Flink 2.x only. */
export const jobOverviewSchema = z.object({
  jid: z.string(),
  name: z.string(),
  state: jobStateSchema,
  'start-time': z.number(),
  'end-time': z.number(),
  duration: z.number(),
  'last-modification': z.number(),
  tasks: taskCountsSchema,
  'job-type': z.optional(z.string()),
  'pending-operators': z.optional(z.number()),
});
export type JobOverview = z.infer<typeof jobOverviewSchema>;
export const jobsOverviewSchema = z.object({ jobs: z.array(jobOverviewSchema) });
export type JobsOverview = z.infer<typeof jobsOverviewSchema>;

/** `/jobs`: just ids and states. */
export const jobIdsSchema = z.object({ jobs: z.array(z.object({ id: z.string(), status: jobStateSchema })) });
export type JobIds = z.infer<typeof jobIdsSchema>;

export const jobStatusSchema = z.object({ status: jobStateSchema });
export type JobStatus = z.infer<typeof jobStatusSchema>;

/** Records/bytes in and out of a vertex or subtask; the `-complete` flags say whether all inputs reported. */
export const ioMetricsSchema = z.object({
  'read-bytes': z.number(),
  'read-bytes-complete': z.boolean(),
  'write-bytes': z.number(),
  'write-bytes-complete': z.boolean(),
  'read-records': z.number(),
  'read-records-complete': z.boolean(),
  'write-records': z.number(),
  'write-records-complete': z.boolean(),
  'accumulated-backpressured-time': z.optional(z.number()),
  'accumulated-idle-time': z.optional(z.number()),
  /** A double: NaN when the subtask never reported. */
  'accumulated-busy-time': z.optional(double),
});
export type IoMetrics = z.infer<typeof ioMetricsSchema>;

/** An edge into a plan node. Sources have no `inputs` at all. */
export const planInputSchema = z.object({
  num: z.number(),
  id: z.string(),
  ship_strategy: z.optional(z.string()),
  exchange: z.optional(z.string()),
  local_strategy: z.optional(z.string()),
  caching: z.optional(z.string()),
});

/** Flink never repeats a vertex id; every view keys vertices by id, so a list that does is refused. */
const uniqueIds = (items: readonly { id: string }[]) => new Set(items.map((i) => i.id)).size === items.length;
const withUniqueIds = (what: string) =>
  z.refine<{ id: string }[]>(uniqueIds, { error: `${what} ids repeat` });

export const planNodeSchema = z.object({
  id: z.string(),
  parallelism: z.number(),
  description: z.string(),
  operator: z.optional(z.string()),
  operator_strategy: z.optional(z.string()),
  inputs: z.optional(z.array(planInputSchema)),
  /** Raw optimizer output; absent on streaming jobs. */
  optimizer_properties: z.optional(z.unknown()),
});
export type PlanNode = z.infer<typeof planNodeSchema>;

export const planSchema = z.object({
  jid: z.string(),
  name: z.string(),
  type: z.optional(z.string()),
  nodes: z.array(planNodeSchema).check(withUniqueIds('plan node')),
});
export type Plan = z.infer<typeof planSchema>;
/** `/jobs/:jobid/plan` and `/jars/:jarid/plan`. */
export const jobPlanSchema = z.object({ plan: planSchema });
export type JobPlan = z.infer<typeof jobPlanSchema>;

export const jobVertexSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  maxParallelism: z.optional(z.number()),
  parallelism: z.number(),
  status: z.string(),
  'start-time': z.number(),
  'end-time': z.number(),
  duration: z.number(),
  tasks: taskCountsSchema,
  metrics: ioMetricsSchema,
  slotSharingGroupId: z.optional(z.string()),
});
export type JobVertexSummary = z.infer<typeof jobVertexSummarySchema>;

/** `/jobs/:jobid`. */
export const jobDetailsSchema = z.object({
  jid: z.string(),
  name: z.string(),
  isStoppable: z.boolean(),
  state: jobStateSchema,
  'job-type': z.optional(z.string()),
  'start-time': z.number(),
  'end-time': z.number(),
  duration: z.number(),
  maxParallelism: z.optional(z.number()),
  now: z.number(),
  timestamps: stateTimesSchema,
  vertices: z.array(jobVertexSummarySchema).check(withUniqueIds('vertex')),
  'status-counts': stateCountsSchema,
  plan: planSchema,
  /** Flink 2.x adaptive batch: the not yet expanded stream graph, opaque here. */
  'stream-graph': z.optional(z.unknown()),
  'pending-operators': z.optional(z.number()),
});
export type JobDetails = z.infer<typeof jobDetailsSchema>;

/** `/jobs/:jobid/config`. `execution-mode` is gone in Flink 2.x, so every setting is optional. */
export const jobConfigSchema = z.object({
  jid: z.string(),
  name: z.string(),
  'execution-config': z.optional(
    z.object({
      'execution-mode': z.optional(z.string()),
      'restart-strategy': z.optional(z.string()),
      'job-parallelism': z.optional(z.number()),
      'object-reuse-mode': z.optional(z.boolean()),
      'user-config': z.optional(z.record(z.string(), z.string())),
    }),
  ),
});
export type JobConfig = z.infer<typeof jobConfigSchema>;

/** One failure. Task fields are null or absent for global failures; labels came with Flink 1.18. */
export const exceptionInfoSchema = z.object({
  exceptionName: z.string(),
  stacktrace: z.string(),
  timestamp: z.number(),
  taskName: z.optional(z.nullable(z.string())),
  endpoint: z.optional(z.nullable(z.string())),
  taskManagerId: z.optional(z.nullable(z.string())),
  /** Flink 1.x name of `endpoint`. */
  location: z.optional(z.nullable(z.string())),
  failureLabels: z.optional(z.record(z.string(), z.string())),
});
export type ExceptionInfo = z.infer<typeof exceptionInfoSchema>;

export const rootExceptionInfoSchema = z.extend(exceptionInfoSchema, {
  /** Failures that happened together with the root one (e.g. other subtasks of a region). */
  concurrentExceptions: z.optional(z.array(exceptionInfoSchema)),
});
export type RootExceptionInfo = z.infer<typeof rootExceptionInfoSchema>;

/** `/jobs/:jobid/exceptions`. The top-level legacy fields were removed in Flink 2.0. */
export const jobExceptionsSchema = z.object({
  exceptionHistory: z.object({ entries: z.array(rootExceptionInfoSchema), truncated: z.boolean() }),
  'root-exception': z.optional(z.nullable(z.string())),
  timestamp: z.optional(z.nullable(z.number())),
  'all-exceptions': z.optional(z.array(z.unknown())),
  truncated: z.optional(z.boolean()),
});
export type JobExceptions = z.infer<typeof jobExceptionsSchema>;

/** `/jobs/:jobid/accumulators`. */
export const jobAccumulatorsSchema = z.object({
  'job-accumulators': z.array(z.unknown()),
  'user-task-accumulators': z.array(userAccumulatorSchema),
  'serialized-user-task-accumulators': z.optional(z.record(z.string(), z.unknown())),
});
export type JobAccumulators = z.infer<typeof jobAccumulatorsSchema>;

/** `/jobs/:jobid/execution-result`: the result only exists once the job is globally terminal. */
export const jobExecutionResultSchema = z.object({
  status: queueStatusSchema,
  'job-execution-result': z.optional(
    z.object({
      id: z.string(),
      'application-status': z.string(),
      'accumulator-results': z.record(z.string(), z.unknown()),
      'net-runtime': z.number(),
      'failure-cause': z.optional(serializedThrowableSchema),
    }),
  ),
});
export type JobExecutionResult = z.infer<typeof jobExecutionResultSchema>;

/** `/jobs/:jobid/resource-requirements`: per vertex id, the parallelism bounds the adaptive scheduler uses. */
export const resourceRequirementsSchema = z.record(
  z.string(),
  z.object({ parallelism: z.object({ lowerBound: z.number(), upperBound: z.number() }) }),
);
export type ResourceRequirements = z.infer<typeof resourceRequirementsSchema>;

/** Savepoint and stop-with-savepoint status: a `location` on success, a `failure-cause` otherwise. */
export const savepointStatusSchema = z.object({
  status: queueStatusSchema,
  operation: z.optional(
    z.nullable(
      z.object({
        location: z.optional(z.nullable(z.string())),
        'failure-cause': z.optional(z.nullable(serializedThrowableSchema)),
      }),
    ),
  ),
});
export type SavepointStatus = z.infer<typeof savepointStatusSchema>;
