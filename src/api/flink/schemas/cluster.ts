import * as z from 'zod/mini';
import { asyncOperationSchema } from './common';

/** `/config`: the web UI settings, including the refresh interval the dashboard polls at. */
export const dashboardConfigSchema = z.object({
  'refresh-interval': z.number(),
  'timezone-name': z.optional(z.string()),
  'timezone-offset': z.optional(z.number()),
  'flink-version': z.string(),
  'flink-revision': z.optional(z.string()),
  features: z.object({
    'web-submit': z.boolean(),
    'web-cancel': z.optional(z.boolean()),
    'web-rescale': z.optional(z.boolean()),
    'web-history': z.optional(z.boolean()),
  }),
});
export type DashboardConfig = z.infer<typeof dashboardConfigSchema>;

/** `/overview`; the `*-blocked` fields came with Flink 1.16/1.17 and may be absent. */
export const clusterOverviewSchema = z.object({
  taskmanagers: z.number(),
  'taskmanagers-blocked': z.optional(z.number()),
  'slots-total': z.number(),
  'slots-available': z.number(),
  'slots-free-and-blocked': z.optional(z.number()),
  'jobs-running': z.number(),
  'jobs-finished': z.number(),
  'jobs-cancelled': z.number(),
  'jobs-failed': z.number(),
  'flink-version': z.string(),
  'flink-commit': z.string(),
});
export type ClusterOverview = z.infer<typeof clusterOverviewSchema>;

/** `/datasets`: cached intermediate results of batch jobs. */
export const dataSetListSchema = z.object({
  dataSets: z.array(z.object({ id: z.string(), isComplete: z.boolean() })),
});
export type DataSetList = z.infer<typeof dataSetListSchema>;

export const dataSetDeleteStatusSchema = asyncOperationSchema;
export const savepointDisposalStatusSchema = asyncOperationSchema;
