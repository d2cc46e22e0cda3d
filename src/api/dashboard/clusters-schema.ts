import * as z from 'zod/mini';

/*
 * The dashboard's own endpoint: which clusters it may reach (no secrets in here). Imported by the
 * settings query while its request is in flight (clusters.ts), so zod is not on the first page.
 */
export const clusterInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['flink', 'seatunnel']),
  flavour: z.optional(z.enum(['v1', 'v2', 'auto'])),
  hasPrometheus: z.boolean(),
  /** Watched by triage (home page, /triage, header badge); false in the config leaves it out. */
  monitored: z._default(z.boolean(), true),
  /** Flink's History Server web UI (configured `historyUrl`), for jobs the cluster forgot. */
  historyUrl: z.optional(z.string()),
  /** A Flink History Server: archived jobs that never change and take no action. */
  archive: z.optional(z.boolean()),
  /** The archive cluster (History Server) holding this cluster's finished jobs. */
  historyClusterId: z.optional(z.string()),
});

export const dashboardSettingsSchema = z.object({
  clusters: z.array(clusterInfoSchema),
  readOnly: z.boolean(),
  triage: z.record(z.string(), z.number()),
});
