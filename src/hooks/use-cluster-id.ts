import { clusterRoute, useOptionalRouteParams } from '@/app/router';

/** The cluster the current view belongs to (from the URL), or undefined on cross-cluster pages. */
export function useOptionalClusterId(): string | undefined {
  return useOptionalRouteParams(clusterRoute)?.clusterId;
}

/** For views under /clusters/:clusterId: the cluster id, always present there. */
export function useClusterId(): string {
  const id = useOptionalClusterId();
  if (!id) throw new Error('useClusterId used outside a cluster route');
  return id;
}
