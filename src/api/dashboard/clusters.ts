import * as z from 'zod/mini';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../http';

/** The dashboard's own endpoint: which clusters it may reach (no secrets in here). */
export const clusterInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['flink', 'seatunnel']),
  flavour: z.optional(z.enum(['v1', 'v2', 'auto'])),
  hasPrometheus: z.boolean(),
  /** Watched by triage (home page, /triage, header badge); false in the config leaves it out. */
  monitored: z._default(z.boolean(), true),
});
export type ClusterInfo = z.infer<typeof clusterInfoSchema>;

export const dashboardSettingsSchema = z.object({
  clusters: z.array(clusterInfoSchema),
  readOnly: z.boolean(),
  triage: z.record(z.string(), z.number()),
});
export type DashboardSettings = z.infer<typeof dashboardSettingsSchema>;

export const dashboardKeys = { settings: ['dashboard', 'settings'] as const };

export const dashboardSettingsQuery = queryOptions({
  queryKey: dashboardKeys.settings,
  queryFn: ({ signal }) =>
    request({ base: '/api', path: '/clusters', schema: dashboardSettingsSchema, signal }),
  staleTime: Infinity,
});

export function useDashboardSettings() {
  return useQuery(dashboardSettingsQuery);
}

/** The configured cluster with this id, or undefined while loading / when unknown. */
export function useClusterInfo(clusterId: string): ClusterInfo | undefined {
  const { data } = useDashboardSettings();
  return data?.clusters.find((c) => c.id === clusterId);
}

export function useReadOnly(): boolean {
  return useDashboardSettings().data?.readOnly ?? true;
}
