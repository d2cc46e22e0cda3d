import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { HttpError } from '../errors';
import { isTerminalState, usePollInterval } from '../polling';
import type { ExceptionsQuery } from './client';
import { useRecordJobRuns } from './job-run-log';
import { useKnownJob } from './known-jobs-store';
import { jobGoneVerdict, overviewFromDetails, type JobGone } from './lost-jobs';
import { GONE_RECHECK_MS, jobDetailsQuery, jobExceptionsQuery, useJobPolling } from './queries-jobs';

/*
 * Hooks of the job page that differ from the shared ones in queries-jobs.ts only in how they
 * behave on screen (same query keys, so the cache is shared with every other user of the data).
 */

/**
 * `/jobs/:jobid` for the job page's frame: polls until the job is terminal, and stops on a
 * 4xx (an unknown or malformed job id will not appear later). Each answer and outage goes into the
 * job's run log (job-run-log.ts), which remembers the run before a JobManager failover.
 */
export function useJobPageDetails(c: string, jobId: string | undefined) {
  const poll = usePollInterval(c);
  const query = useQuery({
    ...jobDetailsQuery(c, jobId ?? ''),
    enabled: !!jobId,
    refetchInterval: (q) => {
      const e = q.state.error;
      if (isTerminalState(q.state.data?.state)) return false;
      if (!(e instanceof HttpError && e.status >= 400 && e.status < 500)) return poll;
      // Never seen: it will not appear later. Seen, then gone (lost): asked again slowly, in case it comes back.
      return q.state.data === undefined || poll === false ? false : Math.max(poll, GONE_RECHECK_MS);
    },
  });
  useRecordJobRuns(c, jobId, query);
  return query;
}

/** `/jobs/:jobid/exceptions` that keeps the shown entries while "load more" fetches a longer list. */
export function useJobExceptionsPaged(c: string, jobId: string | undefined, q: ExceptionsQuery = {}) {
  return useQuery({
    ...jobExceptionsQuery(c, jobId ?? '', q),
    enabled: !!jobId,
    placeholderData: keepPreviousData,
    ...useJobPolling(c, jobId),
  });
}

/**
 * Whether the cluster no longer knows a job this dashboard has seen (its details answer 404):
 * the last known data, since when, and the likely cause. Undefined while the job is known, and
 * for a job never seen (a plain "not found").
 */
export function useJobGone(c: string, jobId: string): JobGone | undefined {
  const details = useJobPageDetails(c, jobId);
  const known = useKnownJob(c, jobId);
  const e = details.error;
  const notFound = details.isError && e instanceof HttpError && e.status === 404;
  const data = details.data;
  return useMemo(
    () =>
      jobGoneVerdict({
        notFound,
        notFoundAt: details.errorUpdatedAt,
        seenInVisit: data ? { job: overviewFromDetails(data), at: details.dataUpdatedAt } : undefined,
        known,
      }),
    [notFound, details.errorUpdatedAt, details.dataUpdatedAt, data, known],
  );
}

/** What a History Server says of a job: held in its archive, not there, or not known (yet). */
export type ArchiveVerdict = 'archived' | 'not-archived' | 'unknown';

/**
 * Whether the History Server (an archive cluster) holds a job. Asked once, as everything of an
 * archive (query-client.ts); `recheck` asks again (it reads new archives only every
 * `historyserver.archive.fs.refresh-interval`).
 */
export function useArchivedJob(historyClusterId: string | undefined, jobId: string) {
  const query = useQuery({ ...jobDetailsQuery(historyClusterId ?? '', jobId), enabled: !!historyClusterId });
  const e = query.error;
  const verdict: ArchiveVerdict = query.data
    ? 'archived'
    : e instanceof HttpError && e.status === 404
      ? 'not-archived'
      : 'unknown';
  return { verdict, checking: query.isFetching, recheck: () => void query.refetch() };
}
