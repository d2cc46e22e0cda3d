import * as z from 'zod/mini';
import { double, queueStatusSchema, serializedThrowableSchema } from './common';

/** min/max/avg plus percentiles; percentiles are NaN (sent as "NaN") until there is data. */
export const statsSummarySchema = z.object({
  min: z.number(),
  max: z.number(),
  avg: z.number(),
  p50: z.optional(double),
  p90: z.optional(double),
  p95: z.optional(double),
  p99: z.optional(double),
  p999: z.optional(double),
});
export type StatsSummary = z.infer<typeof statsSummarySchema>;

/** Per-vertex numbers inside a checkpoint. */
export const taskCheckpointStatisticsSchema = z.object({
  id: z.number(),
  status: z.string(),
  latest_ack_timestamp: z.number(),
  checkpointed_size: z.optional(z.number()),
  state_size: z.number(),
  end_to_end_duration: z.number(),
  alignment_buffered: z.optional(z.number()),
  processed_data: z.optional(z.number()),
  persisted_data: z.optional(z.number()),
  num_subtasks: z.number(),
  num_acknowledged_subtasks: z.number(),
});
export type TaskCheckpointStatistics = z.infer<typeof taskCheckpointStatisticsSchema>;

const checkpointCommon = {
  id: z.number(),
  is_savepoint: z.boolean(),
  trigger_timestamp: z.number(),
  latest_ack_timestamp: z.number(),
  checkpointed_size: z.optional(z.number()),
  state_size: z.number(),
  end_to_end_duration: z.number(),
  alignment_buffered: z.optional(z.number()),
  processed_data: z.optional(z.number()),
  persisted_data: z.optional(z.number()),
  num_subtasks: z.number(),
  num_acknowledged_subtasks: z.number(),
  /** CHECKPOINT, UNALIGNED_CHECKPOINT, SAVEPOINT, SYNC_SAVEPOINT; open for future kinds. */
  checkpoint_type: z.string(),
  /** CANONICAL / NATIVE for savepoints; null for checkpoints. */
  savepointFormat: z.optional(z.nullable(z.string())),
  /** Per vertex id; empty in the history list, filled in the details endpoint. */
  tasks: z.record(z.string(), taskCheckpointStatisticsSchema),
};

export const completedCheckpointSchema = z.object({
  ...checkpointCommon,
  status: z.literal('COMPLETED'),
  external_path: z.optional(z.nullable(z.string())),
  discarded: z.boolean(),
});
export const failedCheckpointSchema = z.object({
  ...checkpointCommon,
  status: z.literal('FAILED'),
  failure_timestamp: z.number(),
  failure_message: z.optional(z.nullable(z.string())),
});
export const inProgressCheckpointSchema = z.object({ ...checkpointCommon, status: z.literal('IN_PROGRESS') });

/** A history entry or `/checkpoints/details/:id`: the fields differ by status, so narrow on `status`. */
export const checkpointStatisticsSchema = z.discriminatedUnion('status', [
  completedCheckpointSchema,
  failedCheckpointSchema,
  inProgressCheckpointSchema,
]);
export type CheckpointStatistics = z.infer<typeof checkpointStatisticsSchema>;
export type CompletedCheckpoint = z.infer<typeof completedCheckpointSchema>;
export type FailedCheckpoint = z.infer<typeof failedCheckpointSchema>;

/** `/jobs/:jobid/checkpoints`. Every `latest.*` is null until such a checkpoint exists. */
export const checkpointingStatisticsSchema = z.object({
  counts: z.object({
    restored: z.number(),
    total: z.number(),
    in_progress: z.number(),
    completed: z.number(),
    failed: z.number(),
  }),
  summary: z.object({
    checkpointed_size: z.optional(statsSummarySchema),
    state_size: statsSummarySchema,
    end_to_end_duration: statsSummarySchema,
    alignment_buffered: z.optional(statsSummarySchema),
    processed_data: z.optional(statsSummarySchema),
    persisted_data: z.optional(statsSummarySchema),
  }),
  latest: z.object({
    completed: z.optional(z.nullable(completedCheckpointSchema)),
    savepoint: z.optional(z.nullable(completedCheckpointSchema)),
    failed: z.optional(z.nullable(failedCheckpointSchema)),
    restored: z.optional(
      z.nullable(
        z.object({
          id: z.number(),
          restore_timestamp: z.number(),
          is_savepoint: z.boolean(),
          external_path: z.optional(z.nullable(z.string())),
        }),
      ),
    ),
  }),
  history: z.array(checkpointStatisticsSchema),
});
export type CheckpointingStatistics = z.infer<typeof checkpointingStatisticsSchema>;

/** `/jobs/:jobid/checkpoints/config`; without checkpointing `interval` is Long.MAX_VALUE (imprecise as a JS number). */
export const checkpointConfigSchema = z.object({
  mode: z.string(),
  interval: z.number(),
  timeout: z.number(),
  min_pause: z.number(),
  max_concurrent: z.number(),
  externalization: z.object({ enabled: z.boolean(), delete_on_cancellation: z.boolean() }),
  state_backend: z.optional(z.string()),
  checkpoint_storage: z.optional(z.string()),
  unaligned_checkpoints: z.optional(z.boolean()),
  tolerable_failed_checkpoints: z.optional(z.number()),
  aligned_checkpoint_timeout: z.optional(z.number()),
  checkpoints_after_tasks_finish: z.optional(z.boolean()),
  state_changelog_enabled: z.optional(z.boolean()),
  changelog_periodic_materialization_interval: z.optional(z.number()),
  changelog_storage: z.optional(z.string()),
});
export type CheckpointConfig = z.infer<typeof checkpointConfigSchema>;

/** A subtask in a checkpoint: only `index` and `status` until it acknowledged. */
export const subtaskCheckpointSchema = z.object({
  index: z.number(),
  /** "completed" or "pending_or_failed". */
  status: z.string(),
  ack_timestamp: z.optional(z.number()),
  end_to_end_duration: z.optional(z.number()),
  state_size: z.optional(z.number()),
  checkpointed_size: z.optional(z.number()),
  checkpoint: z.optional(z.object({ sync: z.number(), async: z.number() })),
  alignment: z.optional(
    z.object({
      buffered: z.optional(z.number()),
      processed: z.optional(z.number()),
      persisted: z.optional(z.number()),
      duration: z.optional(z.number()),
    }),
  ),
  start_delay: z.optional(z.number()),
  unaligned_checkpoint: z.optional(z.boolean()),
  aborted: z.optional(z.boolean()),
});
export type SubtaskCheckpoint = z.infer<typeof subtaskCheckpointSchema>;

/** `/jobs/:jobid/checkpoints/details/:checkpointid/subtasks/:vertexid`. */
export const taskCheckpointDetailsSchema = z.object({
  ...taskCheckpointStatisticsSchema.def.shape,
  summary: z.object({
    checkpointed_size: z.optional(statsSummarySchema),
    state_size: statsSummarySchema,
    end_to_end_duration: statsSummarySchema,
    checkpoint_duration: z.object({ sync: statsSummarySchema, async: statsSummarySchema }),
    alignment: z.object({
      buffered: z.optional(statsSummarySchema),
      processed: z.optional(statsSummarySchema),
      persisted: z.optional(statsSummarySchema),
      duration: statsSummarySchema,
    }),
    start_delay: statsSummarySchema,
  }),
  subtasks: z.array(subtaskCheckpointSchema),
});
export type TaskCheckpointDetails = z.infer<typeof taskCheckpointDetailsSchema>;

/** `/jobs/:jobid/checkpoints/:triggerid`: note the camelCase `failureCause` here. */
export const checkpointTriggerStatusSchema = z.object({
  status: queueStatusSchema,
  operation: z.optional(
    z.nullable(
      z.object({
        checkpointId: z.optional(z.nullable(z.number())),
        failureCause: z.optional(z.nullable(serializedThrowableSchema)),
      }),
    ),
  ),
});
export type CheckpointTriggerStatus = z.infer<typeof checkpointTriggerStatusSchema>;

/** Flink 2.x reports a job without checkpointing with interval Long.MAX_VALUE (1.x answered 404). */
export const isCheckpointingEnabled = (config: CheckpointConfig) =>
  config.interval > 0 && config.interval < 2 ** 62;
