import { queryOptions, useQuery } from '@tanstack/react-query';
import { HttpError } from '../errors';
import { isTerminalState, usePollInterval } from '../polling';
import { flink } from './client';
import { recordJobDetails, recordJobList, recordJobMissing } from './known-jobs-store';
import type { ExceptionsQuery, JobsMetricQuery, MetricQuery } from './client';
import { flinkKeys, metricNames } from './keys';
import type { JobDetails } from './schemas';

/** The server refreshes metrics every 10 s (`metrics.fetcher.update-interval`); polling faster only repeats values. */
export const METRICS_MIN_MS = 10_000;

// ---- query options --------------------------------------------------------------------------

export const jobsListQuery = (c: string) =>
  queryOptions({ queryKey: flinkKeys.jobsList(c), queryFn: ({ signal }) => flink.getJobs(c, { signal }) });

export const jobsOverviewQuery = (c: string) =>
  queryOptions({
    queryKey: flinkKeys.jobsOverview(c),
    queryFn: async ({ signal }) => {
      const requestedAt = Date.now();
      const answer = await flink.getJobsOverview(c, { signal });
      // Every sighting feeds the one memory of jobs seen (lost-job detection).
      recordJobList(c, answer.jobs, { requestedAt, at: Date.now() });
      return answer;
    },
  });

export const jobsMetricsQuery = (c: string, q: JobsMetricQuery) => {
  const norm = { get: metricNames(q.get), agg: metricNames(q.agg), jobs: metricNames(q.jobs) };
  return queryOptions({
    queryKey: flinkKeys.jobsMetrics(c, norm),
    queryFn: ({ signal }) => flink.getJobsMetrics(c, norm, { signal }),
  });
};

export const jobDetailsQuery = (c: string, jobId: string) =>
  queryOptions({
    queryKey: flinkKeys.jobDetails(c, jobId),
    queryFn: async ({ signal }) => {
      const requestedAt = Date.now();
      try {
        const details = await flink.getJob(c, jobId, { signal });
        recordJobDetails(c, details, Date.now());
        return details;
      } catch (e) {
        if (e instanceof HttpError && e.status === 404)
          recordJobMissing(c, jobId, { requestedAt, at: Date.now() });
        throw e;
      }
    },
  });

export const jobStatusQuery = (c: string, jobId: string) =>
  queryOptions({
    queryKey: flinkKeys.jobStatus(c, jobId),
    queryFn: ({ signal }) => flink.getJobStatus(c, jobId, { signal }),
  });

/** Fixed at submission: fetched once. */
export const jobConfigQuery = (c: string, jobId: string) =>
  queryOptions({
    queryKey: flinkKeys.jobConfig(c, jobId),
    queryFn: ({ signal }) => flink.getJobConfig(c, jobId, { signal }),
    staleTime: Infinity,
  });

export const jobPlanQuery = (c: string, jobId: string) =>
  queryOptions({
    queryKey: flinkKeys.jobPlan(c, jobId),
    queryFn: ({ signal }) => flink.getJobPlan(c, jobId, { signal }),
  });

export const jobExceptionsQuery = (c: string, jobId: string, q: ExceptionsQuery = {}) => {
  const norm = { maxExceptions: q.maxExceptions, failureLabelFilter: metricNames(q.failureLabelFilter) };
  return queryOptions({
    queryKey: flinkKeys.jobExceptions(c, jobId, norm),
    queryFn: ({ signal }) => flink.getJobExceptions(c, jobId, norm, { signal }),
  });
};

export const jobAccumulatorsQuery = (
  c: string,
  jobId: string,
  q: { includeSerializedValue?: boolean } = {},
) =>
  queryOptions({
    queryKey: flinkKeys.jobAccumulators(c, jobId, q),
    queryFn: ({ signal }) => flink.getJobAccumulators(c, jobId, q, { signal }),
  });

export const jobExecutionResultQuery = (c: string, jobId: string) =>
  queryOptions({
    queryKey: flinkKeys.jobExecutionResult(c, jobId),
    queryFn: ({ signal }) => flink.getJobExecutionResult(c, jobId, { signal }),
  });

export const jobMetricsQuery = (c: string, jobId: string, q: MetricQuery) => {
  const norm = { get: metricNames(q.get) };
  return queryOptions({
    queryKey: flinkKeys.jobMetrics(c, jobId, norm),
    queryFn: ({ signal }) => flink.getJobMetrics(c, jobId, norm, { signal }),
  });
};

export const jobJobManagerConfigQuery = (c: string, jobId: string) =>
  queryOptions({
    queryKey: flinkKeys.jobJobManagerConfig(c, jobId),
    queryFn: ({ signal }) => flink.getJobJobManagerConfig(c, jobId, { signal }),
    staleTime: Infinity,
  });

export const jobJobManagerEnvironmentQuery = (c: string, jobId: string) =>
  queryOptions({
    queryKey: flinkKeys.jobJobManagerEnvironment(c, jobId),
    queryFn: ({ signal }) => flink.getJobJobManagerEnvironment(c, jobId, { signal }),
    staleTime: Infinity,
  });

export const jobJobManagerLogUrlQuery = (c: string, jobId: string) =>
  queryOptions({
    queryKey: flinkKeys.jobJobManagerLogUrl(c, jobId),
    queryFn: ({ signal }) => flink.getJobJobManagerLogUrl(c, jobId, { signal }),
    staleTime: Infinity,
  });

export const jobTaskManagerLogUrlQuery = (c: string, jobId: string, tmId: string) =>
  queryOptions({
    queryKey: flinkKeys.jobTaskManagerLogUrl(c, jobId, tmId),
    queryFn: ({ signal }) => flink.getJobTaskManagerLogUrl(c, jobId, tmId, { signal }),
    staleTime: Infinity,
  });

export const resourceRequirementsQuery = (c: string, jobId: string) =>
  queryOptions({
    queryKey: flinkKeys.resourceRequirements(c, jobId),
    queryFn: ({ signal }) => flink.getResourceRequirements(c, jobId, { signal }),
  });

// ---- polling of job-scoped data --------------------------------------------------------------

/** A job that answers 4xx (unknown id, expired from the job manager) will not come back. */
const isGone = (error: unknown) => error instanceof HttpError && error.status >= 400 && error.status < 500;

/** A job that answered 404 after it was seen (lost): asked again this often, in case it comes back. */
export const GONE_RECHECK_MS = 10_000;

/** The job-details poll: until the job is terminal or gone; slowly while a job seen before is gone. */
function jobDetailsInterval(poll: number | false) {
  return (q: { state: { data: JobDetails | undefined; error: unknown } }) => {
    if (isTerminalState(q.state.data?.state)) return false;
    if (!isGone(q.state.error)) return poll;
    return q.state.data === undefined || poll === false ? false : Math.max(poll, GONE_RECHECK_MS);
  };
}

/**
 * Whether the job reached a terminal state (or is gone: its details answer 4xx now), from the
 * shared job-details query (the job page polls it anyway). That query polls itself until then, and
 * stops. The job's other data is not polled while it is gone.
 */
export function useJobFinished(c: string, jobId: string | undefined): boolean {
  const poll = usePollInterval(c);
  const { data, error } = useQuery({
    ...jobDetailsQuery(c, jobId ?? ''),
    enabled: !!jobId,
    select: (d) => isTerminalState(d.state),
    refetchInterval: jobDetailsInterval(poll),
  });
  return data === true || isGone(error);
}

/** Refetch options for data of one job: poll while it runs; once finished, never refetch. */
export function useJobPolling(c: string, jobId: string | undefined, minimumMs?: number) {
  const finished = useJobFinished(c, jobId);
  const refetchInterval = usePollInterval(c, { finished, minimumMs });
  return finished ? { refetchInterval, staleTime: Infinity } : { refetchInterval };
}

// ---- hooks -----------------------------------------------------------------------------------

export function useJobsOverview(c: string) {
  return useQuery({ ...jobsOverviewQuery(c), refetchInterval: usePollInterval(c) });
}

export function useJobsList(c: string) {
  return useQuery({ ...jobsListQuery(c), refetchInterval: usePollInterval(c) });
}

export function useJobsMetrics(c: string, q: JobsMetricQuery) {
  return useQuery({
    ...jobsMetricsQuery(c, q),
    refetchInterval: usePollInterval(c, { minimumMs: METRICS_MIN_MS }),
  });
}

/** `/jobs/:jobid`: polls until the job is terminal (or answers 4xx: unknown job). */
export function useJobDetails(c: string, jobId: string | undefined) {
  const poll = usePollInterval(c);
  return useQuery({
    ...jobDetailsQuery(c, jobId ?? ''),
    enabled: !!jobId,
    refetchInterval: jobDetailsInterval(poll),
  });
}

export function useJobStatus(c: string, jobId: string | undefined) {
  const poll = usePollInterval(c);
  return useQuery({
    ...jobStatusQuery(c, jobId ?? ''),
    enabled: !!jobId,
    refetchInterval: (q) => (isTerminalState(q.state.data?.status) ? false : poll),
  });
}

export function useJobConfig(c: string, jobId: string | undefined) {
  return useQuery({ ...jobConfigQuery(c, jobId ?? ''), enabled: !!jobId });
}

/** The plan changes only when the job is rescaled; a finished job's plan is never refetched. */
export function useJobPlan(c: string, jobId: string | undefined) {
  return useQuery({ ...jobPlanQuery(c, jobId ?? ''), enabled: !!jobId, ...useJobPolling(c, jobId) });
}

export function useJobExceptions(c: string, jobId: string | undefined, q: ExceptionsQuery = {}) {
  return useQuery({ ...jobExceptionsQuery(c, jobId ?? '', q), enabled: !!jobId, ...useJobPolling(c, jobId) });
}

export function useJobAccumulators(
  c: string,
  jobId: string | undefined,
  q: { includeSerializedValue?: boolean } = {},
) {
  return useQuery({
    ...jobAccumulatorsQuery(c, jobId ?? '', q),
    enabled: !!jobId,
    ...useJobPolling(c, jobId),
  });
}

/** Polls until the result exists (status COMPLETED), then keeps it. */
export function useJobExecutionResult(c: string, jobId: string | undefined) {
  const poll = usePollInterval(c);
  return useQuery({
    ...jobExecutionResultQuery(c, jobId ?? ''),
    enabled: !!jobId,
    refetchInterval: (q) => (q.state.data?.status.id === 'COMPLETED' ? false : poll),
  });
}

export function useJobMetrics(c: string, jobId: string | undefined, q: MetricQuery) {
  return useQuery({
    ...jobMetricsQuery(c, jobId ?? '', q),
    enabled: !!jobId,
    ...useJobPolling(c, jobId, METRICS_MIN_MS),
  });
}

export function useJobJobManagerConfig(c: string, jobId: string | undefined) {
  return useQuery({ ...jobJobManagerConfigQuery(c, jobId ?? ''), enabled: !!jobId });
}

export function useJobJobManagerEnvironment(c: string, jobId: string | undefined) {
  return useQuery({ ...jobJobManagerEnvironmentQuery(c, jobId ?? ''), enabled: !!jobId });
}

export function useJobJobManagerLogUrl(c: string, jobId: string | undefined) {
  return useQuery({ ...jobJobManagerLogUrlQuery(c, jobId ?? ''), enabled: !!jobId });
}

export function useJobTaskManagerLogUrl(c: string, jobId: string | undefined, tmId: string | undefined) {
  return useQuery({ ...jobTaskManagerLogUrlQuery(c, jobId ?? '', tmId ?? ''), enabled: !!jobId && !!tmId });
}

export function useResourceRequirements(c: string, jobId: string | undefined) {
  return useQuery({
    ...resourceRequirementsQuery(c, jobId ?? ''),
    enabled: !!jobId,
    ...useJobPolling(c, jobId),
  });
}
