import * as z from 'zod/mini';
import { double } from './common';

/*
 * Metric endpoints answer `[{id}]` without `?get=` (the names available) and
 * `[{id, value}]` with it. Values are strings: gauges may hold text, and
 * watermarks are 64-bit (Long.MIN_VALUE means "no watermark yet").
 */
export const metricSchema = z.object({ id: z.string(), value: z.optional(z.string()) });
export const metricListSchema = z.array(metricSchema);
export type Metric = z.infer<typeof metricSchema>;
export type MetricList = z.infer<typeof metricListSchema>;

/** The aggregating endpoints (`/jobs/metrics`, `/taskmanagers/metrics`, `.../subtasks/metrics`) send numbers per `agg`. */
export const aggregatedMetricSchema = z.object({
  id: z.string(),
  min: z.optional(double),
  max: z.optional(double),
  avg: z.optional(double),
  sum: z.optional(double),
  skew: z.optional(double),
});
export const aggregatedMetricListSchema = z.array(aggregatedMetricSchema);
export type AggregatedMetric = z.infer<typeof aggregatedMetricSchema>;
export type AggregatedMetricList = z.infer<typeof aggregatedMetricListSchema>;

export const METRIC_AGGREGATIONS = ['min', 'max', 'avg', 'sum', 'skew'] as const;
export type MetricAggregation = (typeof METRIC_AGGREGATIONS)[number];
