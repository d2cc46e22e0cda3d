import type { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../errors';
import { flinkKeys } from './keys';

/** Safe only for requests Flink deduplicates (trigger ids) or that are idempotent. */
export const retryOutages = (failureCount: number, error: unknown) =>
  isApiError(error) && error.isOutage && failureCount < 2;

/** After any change to a job: everything of the job, plus the lists and counts that show it. */
export function invalidateJob(qc: QueryClient, c: string, jobId: string) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: flinkKeys.job(c, jobId) }),
    qc.invalidateQueries({ queryKey: flinkKeys.jobsOverview(c) }),
    qc.invalidateQueries({ queryKey: flinkKeys.jobsList(c) }),
    qc.invalidateQueries({ queryKey: flinkKeys.overview(c) }),
  ]);
}
