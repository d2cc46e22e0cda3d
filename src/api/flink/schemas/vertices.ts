import * as z from 'zod/mini';
import { double, stateCountsSchema, stateTimesSchema, userAccumulatorSchema } from './common';
import { ioMetricsSchema } from './jobs';

/** Statistics over subtasks (min, max, avg, sum, median, p25, ...) per metric or per state. */
const aggregatedStatsSchema = z.record(z.string(), z.record(z.string(), double));
export const aggregatedTaskDetailsSchema = z.object({
  metrics: z.optional(aggregatedStatsSchema),
  'status-duration': z.optional(aggregatedStatsSchema),
});

const subtaskAttemptBase = z.object({
  subtask: z.number(),
  status: z.string(),
  attempt: z.number(),
  /** `host:port` of the task manager, or "(unassigned)". */
  endpoint: z.string(),
  'start-time': z.number(),
  'end-time': z.number(),
  duration: z.number(),
  metrics: ioMetricsSchema,
  'taskmanager-id': z.optional(z.string()),
  'status-duration': z.optional(stateTimesSchema),
});

/** A subtask's current attempt; speculative execution adds `other-concurrent-attempts`. */
export const subtaskAttemptSchema = z.extend(subtaskAttemptBase, {
  'other-concurrent-attempts': z.optional(z.array(subtaskAttemptBase)),
});
export type SubtaskAttempt = z.infer<typeof subtaskAttemptSchema>;

/** `/jobs/:jobid/vertices/:vertexid`. */
export const vertexDetailsSchema = z.object({
  id: z.string(),
  name: z.string(),
  maxParallelism: z.optional(z.number()),
  parallelism: z.number(),
  now: z.number(),
  subtasks: z.array(subtaskAttemptSchema),
  aggregated: z.optional(aggregatedTaskDetailsSchema),
});
export type VertexDetails = z.infer<typeof vertexDetailsSchema>;

const subtaskBackPressureBase = z.object({
  subtask: z.number(),
  'attempt-number': z.optional(z.number()),
  /** ok, low or high. */
  'backpressure-level': z.string(),
  ratio: double,
  idleRatio: z.optional(double),
  busyRatio: z.optional(double),
});
export const subtaskBackPressureSchema = z.extend(subtaskBackPressureBase, {
  'other-concurrent-attempts': z.optional(z.array(subtaskBackPressureBase)),
});

/** `/jobs/:jobid/vertices/:vertexid/backpressure`: `{status: "deprecated"}` alone until the first sample. */
export const backPressureSchema = z.object({
  status: z.string(),
  'backpressure-level': z.optional(z.string()),
  'end-timestamp': z.optional(z.number()),
  subtasks: z.optional(z.array(subtaskBackPressureSchema)),
});
export type BackPressure = z.infer<typeof backPressureSchema>;

export interface FlameGraphNode {
  name: string;
  value: number;
  children?: FlameGraphNode[] | undefined;
}
export const flameGraphNodeSchema: z.ZodMiniType<FlameGraphNode> = z.object({
  name: z.string(),
  value: z.number(),
  get children() {
    return z.optional(z.array(flameGraphNodeSchema));
  },
});

/** `/jobs/:jobid/vertices/:vertexid/flamegraph`: no `data` until sampling finished (endTimestamp may be -1). */
export const flameGraphSchema = z.object({
  endTimestamp: z.number(),
  data: z.optional(z.nullable(flameGraphNodeSchema)),
});
export type FlameGraph = z.infer<typeof flameGraphSchema>;
export const FLAME_GRAPH_TYPES = ['FULL', 'ON_CPU', 'OFF_CPU'] as const;
export type FlameGraphType = (typeof FLAME_GRAPH_TYPES)[number];

/** `/jobs/:jobid/vertices/:vertexid/accumulators`. */
export const vertexAccumulatorsSchema = z.object({
  id: z.string(),
  'user-accumulators': z.array(userAccumulatorSchema),
});
export type VertexAccumulators = z.infer<typeof vertexAccumulatorsSchema>;

/** `/jobs/:jobid/vertices/:vertexid/subtasks/accumulators`. */
export const subtasksAccumulatorsSchema = z.object({
  id: z.string(),
  parallelism: z.number(),
  subtasks: z.array(
    z.object({
      subtask: z.number(),
      attempt: z.number(),
      endpoint: z.optional(z.string()),
      'user-accumulators': z.array(userAccumulatorSchema),
    }),
  ),
});
export type SubtasksAccumulators = z.infer<typeof subtasksAccumulatorsSchema>;

/** `.../subtasks/:subtaskindex/attempts/:attempt/accumulators`. */
export const attemptAccumulatorsSchema = z.object({
  subtask: z.number(),
  attempt: z.number(),
  id: z.string(),
  'user-accumulators': z.array(userAccumulatorSchema),
});
export type AttemptAccumulators = z.infer<typeof attemptAccumulatorsSchema>;

/** `/jobs/:jobid/vertices/:vertexid/subtasktimes`: when each subtask entered each state. */
export const subtaskTimesSchema = z.object({
  id: z.string(),
  name: z.string(),
  now: z.number(),
  subtasks: z.array(
    z.object({
      subtask: z.number(),
      endpoint: z.optional(z.string()),
      duration: z.number(),
      timestamps: stateTimesSchema,
    }),
  ),
});
export type SubtaskTimes = z.infer<typeof subtaskTimesSchema>;

/** `/jobs/:jobid/vertices/:vertexid/taskmanagers`: the vertex's subtasks grouped by task manager. */
export const vertexTaskManagersSchema = z.object({
  id: z.string(),
  name: z.string(),
  now: z.number(),
  taskmanagers: z.array(
    z.object({
      endpoint: z.string(),
      status: z.string(),
      'start-time': z.number(),
      'end-time': z.number(),
      duration: z.number(),
      metrics: ioMetricsSchema,
      'status-counts': stateCountsSchema,
      'taskmanager-id': z.optional(z.string()),
      aggregated: z.optional(aggregatedTaskDetailsSchema),
    }),
  ),
});
export type VertexTaskManagers = z.infer<typeof vertexTaskManagersSchema>;
