import * as z from 'zod/mini';

/*
 * Prometheus HTTP API answers (https://prometheus.io/docs/prometheus/latest/querying/api/):
 * `{ status: "success", data: { resultType, result }, warnings? }`. A sample is
 * `[<unix time in seconds, float>, "<value as text>"]`; the text may be "NaN", "+Inf", "-Inf".
 */

export const sampleSchema = z.tuple([z.number(), z.string()]);

export const rangeSeriesSchema = z.object({
  metric: z.record(z.string(), z.string()),
  values: z.array(sampleSchema),
});
export type RawRangeSeries = z.infer<typeof rangeSeriesSchema>;

/** `GET /api/v1/query_range`: a matrix. */
export const queryRangeSchema = z.object({
  status: z.literal('success'),
  data: z.object({
    resultType: z.literal('matrix'),
    result: z.array(rangeSeriesSchema),
  }),
  warnings: z.optional(z.array(z.string())),
  infos: z.optional(z.array(z.string())),
});
export type QueryRangeAnswer = z.infer<typeof queryRangeSchema>;
