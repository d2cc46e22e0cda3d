import type * as z from 'zod/mini';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { requestWithLazySchema } from '../http';
import type { clusterInfoSchema, dashboardSettingsSchema } from './clusters-schema';

export type ClusterInfo = z.infer<typeof clusterInfoSchema>;
export type DashboardSettings = z.infer<typeof dashboardSettingsSchema>;

export const dashboardKeys = { settings: ['dashboard', 'settings'] as const };

const SETTINGS = { base: '/api', path: '/clusters' } as const;
/** Sent early by main.tsx, before any page code loads. */
export const DASHBOARD_SETTINGS_URL = `${SETTINGS.base}${SETTINGS.path}`;

export const dashboardSettingsQuery = queryOptions({
  queryKey: dashboardKeys.settings,
  queryFn: ({ signal }) =>
    requestWithLazySchema({ ...SETTINGS, signal }, () =>
      import('./clusters-schema').then((m) => m.dashboardSettingsSchema),
    ),
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

/** True for a History Server: what it serves is archived, never changes, and is asked once. */
export function isArchiveCluster(settings: DashboardSettings | undefined, clusterId: string): boolean {
  return settings?.clusters.some((c) => c.id === clusterId && c.archive === true) ?? false;
}
