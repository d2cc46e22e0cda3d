import * as z from 'zod/mini';

/*
 * Profiler endpoints (Flink 1.19+, only with `rest.profiling.enabled: true`). They are not in the
 * 2.2 REST reference; the shapes follow what the Flink web UI reads.
 */
export const PROFILING_MODES = ['CPU', 'ALLOC', 'LOCK', 'WALL', 'ITIMER'] as const;
export type ProfilingMode = (typeof PROFILING_MODES)[number];

export const profilingInfoSchema = z.object({
  /** RUNNING, FINISHED or FAILED. */
  status: z.string(),
  mode: z.string(),
  triggerTime: z.number(),
  finishedTime: z.optional(z.nullable(z.number())),
  duration: z.number(),
  message: z.optional(z.nullable(z.string())),
  /** File name to fetch from `.../profiler/:filename` once FINISHED. */
  outputFile: z.optional(z.nullable(z.string())),
});
export type ProfilingInfo = z.infer<typeof profilingInfoSchema>;

export const profilingListSchema = z.object({ profilingList: z.array(profilingInfoSchema) });
export type ProfilingList = z.infer<typeof profilingListSchema>;
