import * as z from 'zod/mini';
import { double } from './common';

/*
 * The adaptive scheduler's rescale history, Flink 2.3+ (`/jobs/:jobid/rescales/*`). Older versions
 * have no such route (404); 2.3 answers 404 RescalesUnavailableException for a job of the default
 * scheduler or with `web.adaptive-scheduler.rescale-history.size` 0. Field names from the real 2.3.0
 * answers (e2e/fixtures/flink/2.3/adaptive--jobs__jobid__rescales__*) and its REST message classes.
 */

const counts = z.object({
  completed: z.number(),
  failed: z.number(),
  ignored: z.number(),
  inProgress: z.number(),
});

/** Duration statistics: percentiles are the string "NaN" while there are none (as in checkpoints). */
const durationStats = z.object({
  min: double,
  max: double,
  avg: double,
  p50: z.optional(double),
  p90: z.optional(double),
  p95: z.optional(double),
  p99: z.optional(double),
  p999: z.optional(double),
});

const schedulerState = z.object({
  state: z.string(),
  enterTimestampInMillis: z.optional(z.nullable(z.number())),
  leaveTimestampInMillis: z.optional(z.nullable(z.number())),
  durationInMillis: z.optional(z.nullable(z.number())),
  stringifiedException: z.optional(z.nullable(z.string())),
});

const vertexRescale = z.object({
  jobVertexId: z.string(),
  jobVertexName: z.optional(z.nullable(z.string())),
  slotSharingGroupId: z.optional(z.nullable(z.string())),
  slotSharingGroupName: z.optional(z.nullable(z.string())),
  desiredParallelism: z.optional(z.nullable(z.number())),
  sufficientParallelism: z.optional(z.nullable(z.number())),
  preRescaleParallelism: z.optional(z.nullable(z.number())),
  postRescaleParallelism: z.optional(z.nullable(z.number())),
});

/** One rescale: what triggered it, how it ended, the parallelism of each vertex before and after. */
export const rescaleDetailsSchema = z.object({
  rescaleUuid: z.string(),
  resourceRequirementsUuid: z.optional(z.nullable(z.string())),
  rescaleAttemptId: z.optional(z.nullable(z.number())),
  triggerCause: z.optional(z.nullable(z.string())),
  terminalState: z.optional(z.nullable(z.string())),
  terminatedReason: z.optional(z.nullable(z.string())),
  startTimestampInMillis: z.optional(z.nullable(z.number())),
  endTimestampInMillis: z.optional(z.nullable(z.number())),
  vertices: z.optional(z.nullable(z.union([z.array(vertexRescale), z.record(z.string(), vertexRescale)]))),
  slots: z.optional(z.nullable(z.unknown())),
  schedulerStates: z.optional(z.nullable(z.array(schedulerState))),
});
export type RescaleDetails = z.infer<typeof rescaleDetailsSchema>;

export const rescalesOverviewSchema = z.object({
  rescalesCounts: counts,
  latest: z.object({
    completed: z.nullable(rescaleDetailsSchema),
    failed: z.nullable(rescaleDetailsSchema),
    ignored: z.nullable(rescaleDetailsSchema),
  }),
});
export type RescalesOverview = z.infer<typeof rescalesOverviewSchema>;

/** Newest first, at most `rescaleHistoryMax` entries. */
export const rescalesHistorySchema = z.array(rescaleDetailsSchema);

export const rescalesSummarySchema = z.object({
  rescalesCounts: counts,
  rescalesDurationStatsInMillis: durationStats,
  completedRescalesDurationStatsInMillis: durationStats,
  ignoredRescalesDurationStatsInMillis: durationStats,
  failedRescalesDurationStatsInMillis: durationStats,
});

export const rescalesConfigSchema = z.object({
  rescaleHistoryMax: z.number(),
  schedulerExecutionMode: z.nullable(z.string()),
  submissionResourceWaitTimeoutInMillis: z.optional(z.number()),
  submissionResourceStabilizationTimeoutInMillis: z.optional(z.number()),
  slotIdleTimeoutInMillis: z.optional(z.number()),
  executingCooldownTimeoutInMillis: z.optional(z.number()),
  executingResourceStabilizationTimeoutInMillis: z.optional(z.number()),
  maximumDelayForTriggeringRescaleInMillis: z.optional(z.number()),
  rescaleOnFailedCheckpointCount: z.optional(z.number()),
});
