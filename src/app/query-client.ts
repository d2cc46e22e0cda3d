import {
  QueryClient,
  type DefaultError,
  type DefaultedQueryObserverOptions,
  type Query,
  type QueryKey,
  type QueryObserverOptions,
} from '@tanstack/react-query';
import { isApiError, isNotSupported } from '@/api/errors';
import { trackConnections } from '@/api/connection-status';
import { dashboardKeys, isArchiveCluster, type DashboardSettings } from '@/api/dashboard/clusters';

/**
 * A query whose last answer was the cluster's "not supported here" (see ApiError.notSupported)
 * is switched off until it answers otherwise: no poll, no refetch on focus, reconnect, mount or
 * invalidation. The browser logs every failed request in the console, so the only way to have no
 * error per poll is not to ask again. The retry button (an explicit refetch) still asks.
 */
/** Query-key segments of data only a running JobManager has (never in a History Server's archive). */
const LIVE_ONLY = new Set([
  'metrics',
  'subtasks-metrics',
  'jm-operator-metrics',
  'subtasks-accumulators',
  'backpressure',
  'flamegraph',
  'watermarks',
]);

class DashboardQueryClient extends QueryClient {
  private asksArchive(key: QueryKey | undefined): boolean {
    const clusterId = key?.[0] === 'flink' ? key[1] : undefined;
    return (
      typeof clusterId === 'string' &&
      isArchiveCluster(this.getQueryData<DashboardSettings>(dashboardKeys.settings), clusterId)
    );
  }

  override defaultQueryOptions<
    TQueryFnData = unknown,
    TError = DefaultError,
    TData = TQueryFnData,
    TQueryData = TQueryFnData,
    TQueryKey extends QueryKey = QueryKey,
    TPageParam = never,
  >(
    options:
      | QueryObserverOptions<TQueryFnData, TError, TData, TQueryData, TQueryKey, TPageParam>
      | DefaultedQueryObserverOptions<TQueryFnData, TError, TData, TQueryData, TQueryKey>,
  ): DefaultedQueryObserverOptions<TQueryFnData, TError, TData, TQueryData, TQueryKey> {
    const defaulted = super.defaultQueryOptions(options);
    if (options._defaulted) return defaulted;
    if (this.asksArchive(defaulted.queryKey)) {
      // A History Server's archive never changes: ask once, never poll or refetch. It holds no
      // metrics, back-pressure, flame graphs or watermarks: those are not asked at all.
      const liveOnly = defaulted.queryKey.some((part) => typeof part === 'string' && LIVE_ONLY.has(part));
      return {
        ...defaulted,
        ...(liveOnly ? { enabled: false } : {}),
        staleTime: Infinity,
        refetchInterval: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      };
    }
    const enabled = defaulted.enabled;
    return {
      ...defaulted,
      enabled: (query: Query<TQueryFnData, TError, TQueryData, TQueryKey>) => {
        if (isNotSupported(query.state.error)) return false;
        return typeof enabled === 'function' ? enabled(query) : enabled !== false;
      },
    };
  }
}

export function createQueryClient() {
  const client = new DashboardQueryClient({
    defaultOptions: {
      queries: {
        staleTime: 1000,
        // Wrong answers and 4xx will not fix themselves; outages get one quick retry.
        retry: (count, error) => (isApiError(error) && error.isOutage ? count < 1 : false),
        retryDelay: 1000,
        // A failed query is asked again by its poll or the retry button, not by every component
        // that mounts: a parent that shows a skeleton while pending would otherwise remount its
        // children, whose mount refetches, which makes it pending again: a request loop.
        retryOnMount: false,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
  trackConnections(client);
  return client;
}
