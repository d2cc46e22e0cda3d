import { queryOptions, useQuery } from '@tanstack/react-query';
import { flinkVersionAtLeast } from '@/lib/flink-version';
import { HttpError } from '../errors';
import { flink } from './client';
import { flinkKeys } from './keys';
import { useFlinkConfig } from './queries-config';
import { useJobPolling } from './queries-jobs';

/** Flink 2.3 added the adaptive scheduler's rescale history (`/jobs/:jobid/rescales/*`). */
export const hasRescaleHistory = (flinkVersion: string) => flinkVersionAtLeast(flinkVersion, 2, 3);

export const rescalesOverviewQuery = (c: string, jobId: string) =>
  queryOptions({
    queryKey: flinkKeys.rescalesOverview(c, jobId),
    queryFn: ({ signal }) => flink.getRescalesOverview(c, jobId, { signal }),
  });

export const rescalesHistoryQuery = (c: string, jobId: string) =>
  queryOptions({
    queryKey: flinkKeys.rescalesHistory(c, jobId),
    queryFn: ({ signal }) => flink.getRescalesHistory(c, jobId, { signal }),
  });

/** 2.3 answers 404 RescalesUnavailableException for a job without a history: that will not change. */
const isUnavailable = (error: unknown) => error instanceof HttpError && error.status === 404;

/**
 * A job's rescale history, where the cluster keeps one. Older versions are never asked (their
 * version says it); a 2.3 job without a history (default scheduler, or
 * `web.adaptive-scheduler.rescale-history.size` 0) is asked once and not polled.
 */
export function useRescales(c: string, jobId: string | undefined) {
  const config = useFlinkConfig(c);
  const version = config.data?.['flink-version'];
  const supported = version !== undefined && hasRescaleHistory(version);
  const { refetchInterval, ...polling } = useJobPolling(c, jobId);
  const poll = (q: { state: { error: unknown } }) => (isUnavailable(q.state.error) ? false : refetchInterval);
  const overview = useQuery({
    ...rescalesOverviewQuery(c, jobId ?? ''),
    enabled: supported && !!jobId,
    retry: (n, e) => !isUnavailable(e) && n < 2,
    refetchInterval: poll,
    ...polling,
  });
  const history = useQuery({
    ...rescalesHistoryQuery(c, jobId ?? ''),
    enabled: supported && !!jobId && overview.isSuccess,
    refetchInterval: poll,
    ...polling,
  });
  return {
    version,
    supported,
    unavailable: isUnavailable(overview.error),
    overview,
    history,
  };
}
