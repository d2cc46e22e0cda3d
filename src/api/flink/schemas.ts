import * as z from 'zod/mini';

/*
 * Schemas mirror Flink's JSON exactly (kebab-case keys and all). Unknown extra fields are
 * tolerated (stripped); wrong types are rejected with the field's path.
 * Flink uses -1 for "unknown" numbers: those stay -1 here and are shown as "—" by lib/format.
 */

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

export const jobStateSchema = z.string(); // RUNNING, FINISHED, ... kept open: newer Flink adds states
export const taskCountsSchema = z.record(z.string(), z.number());

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
