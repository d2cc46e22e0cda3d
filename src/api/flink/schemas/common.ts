import * as z from 'zod/mini';

/*
 * Building blocks shared by several Flink answers. Flink uses -1 for "unknown" numbers; those
 * stay -1 here and are shown as "—" by lib/format.
 */

/** Jackson writes non-finite doubles as the strings "NaN" / "Infinity"; they become numbers here. */
export const double = z.union([
  z.number(),
  z.pipe(
    z.enum(['NaN', 'Infinity', '-Infinity']),
    z.transform((s) => Number(s)),
  ),
]);

/** Counts per execution state (`RUNNING: 2, ...`), as in `tasks` and `status-counts`. */
export const stateCountsSchema = z.record(z.string(), z.number());
/** Milliseconds since epoch per state name, as in `timestamps` and `status-duration`. */
export const stateTimesSchema = z.record(z.string(), z.number());

/** The `{"id": "IN_PROGRESS" | "COMPLETED"}` of every asynchronous operation. */
export const queueStatusSchema = z.object({ id: z.enum(['IN_PROGRESS', 'COMPLETED']) });
export type QueueStatus = z.infer<typeof queueStatusSchema>['id'];

/** A Java exception as Flink sends it (the base64 `serialized-throwable` is dropped: it is huge and useless here). */
export const serializedThrowableSchema = z.object({
  class: z.optional(z.string()),
  'stack-trace': z.optional(z.string()),
});
export type SerializedThrowable = z.infer<typeof serializedThrowableSchema>;

/** The answer of every async trigger; with a browser-made trigger id it echoes that id. */
export const triggerResponseSchema = z.object({ 'request-id': z.string() });
export type TriggerResponse = z.infer<typeof triggerResponseSchema>;

/** Status of an operation whose result is only success or a failure cause. */
export const asyncOperationSchema = z.object({
  status: queueStatusSchema,
  operation: z.optional(
    z.nullable(z.object({ 'failure-cause': z.optional(z.nullable(serializedThrowableSchema)) })),
  ),
});
export type AsyncOperation = z.infer<typeof asyncOperationSchema>;

/** `[{key, value}]` configuration lists (jobmanager config, a job's jobmanager config). */
export const configEntriesSchema = z.array(z.object({ key: z.string(), value: z.string() }));
export type ConfigEntries = z.infer<typeof configEntriesSchema>;

export const environmentInfoSchema = z.object({
  jvm: z.object({
    version: z.string(),
    arch: z.string(),
    options: z.array(z.string()),
  }),
  classpath: z.array(z.string()),
});
export type EnvironmentInfo = z.infer<typeof environmentInfoSchema>;

/** `/jobmanager/logs`, `/taskmanagers/:id/logs`; `mtime` arrived in Flink 1.19. */
export const logListSchema = z.object({
  logs: z.array(z.object({ name: z.string(), size: z.number(), mtime: z.optional(z.number()) })),
});
export type LogList = z.infer<typeof logListSchema>;

export const logUrlSchema = z.object({ url: z.string() });

export const threadDumpSchema = z.object({
  threadInfos: z.array(z.object({ threadName: z.string(), stringifiedThreadInfo: z.string() })),
});
export type ThreadDump = z.infer<typeof threadDumpSchema>;

/** User accumulators: values are pre-formatted strings. */
export const userAccumulatorSchema = z.object({ name: z.string(), type: z.string(), value: z.string() });
export type UserAccumulator = z.infer<typeof userAccumulatorSchema>;

/** Plain text answers (logs, stdout, profiler output). */
export const textSchema = z.string();
