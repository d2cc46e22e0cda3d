import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { HttpError } from '../errors';
import { isTerminalState, usePollInterval } from '../polling';
import type { ExceptionsQuery } from './client';
import { useRecordJobRuns } from './job-run-log';
import { jobDetailsQuery, jobExceptionsQuery, useJobPolling } from './queries-jobs';

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
      if (e instanceof HttpError && e.status >= 400 && e.status < 500 && q.state.data === undefined)
        return false;
      return isTerminalState(q.state.data?.state) ? false : poll;
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
