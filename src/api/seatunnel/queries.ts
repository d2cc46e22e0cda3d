import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { HttpError } from '../errors';
import { usePollInterval } from '../polling';
import { seatunnel, type FinishedJobState, type SeaTunnelFlavour } from './client';
import { resolveFlavour, useFlavourSetting, type FlavourSetting } from './detect-flavour';
import { seatunnelKeys } from './keys';
import { isJobSettled, toJob, toJobDetail, toOverview } from './normalise';

/*
 * Query options (for loaders, prefetching, tests) and the hooks pages use. Each takes the
 * cluster's flavour setting (useFlavourSetting; undefined while settings load, which skips the
 * query) and resolves 'auto' inside the query, so a failed detection shows up as that query's
 * error. Data is stored normalised (normalise.ts).
 */

type Setting = FlavourSetting | undefined;

/** The query function once the setting is known; skipToken until then. */
function withFlavour<T>(
  c: string,
  setting: Setting,
  run: (flavour: SeaTunnelFlavour, signal: AbortSignal) => Promise<T>,
) {
  if (setting === undefined) return skipToken;
  return async ({ signal }: { signal: AbortSignal }) => run(await resolveFlavour(c, setting), signal);
}

/** Lists grow when running jobs end, but slowly: poll them no faster than this. */
const LIST_MINIMUM_MS = 10_000;

export const overviewQuery = (c: string, setting: Setting, tags: Record<string, string> = {}) =>
  queryOptions({
    queryKey: seatunnelKeys.overview(c, tags),
    queryFn: withFlavour(c, setting, async (f, signal) =>
      toOverview(await seatunnel.getOverview(c, f, tags, { signal })),
    ),
  });

export const runningJobsQuery = (c: string, setting: Setting) =>
  queryOptions({
    queryKey: seatunnelKeys.runningJobs(c),
    queryFn: withFlavour(c, setting, async (f, signal) =>
      (await seatunnel.getRunningJobs(c, f, { signal })).map(toJob),
    ),
  });

export const finishedJobsQuery = (c: string, setting: Setting, state?: FinishedJobState) =>
  queryOptions({
    queryKey: seatunnelKeys.finishedJobs(c, state),
    queryFn: withFlavour(c, setting, async (f, signal) =>
      (await seatunnel.getFinishedJobs(c, f, state, { signal })).map(toJob),
    ),
  });

/** Engines before job-info (2.3.4 and older) only have running-job; unknown paths answer 400/404. */
const isMissingEndpoint = (e: unknown) => e instanceof HttpError && [400, 404, 405].includes(e.status);

/** The job, or null when the engine does not know the id. */
export const jobQuery = (c: string, setting: Setting, jobId: string) =>
  queryOptions({
    queryKey: seatunnelKeys.jobInfo(c, jobId),
    queryFn: withFlavour(c, setting, async (f, signal) => {
      try {
        return toJobDetail(await seatunnel.getJobInfo(c, f, jobId, { signal }));
      } catch (e) {
        if (!isMissingEndpoint(e)) throw e;
        return toJobDetail(await seatunnel.getRunningJob(c, f, jobId, { signal }));
      }
    }),
  });

export const systemMonitoringQuery = (c: string, setting: Setting) =>
  queryOptions({
    queryKey: seatunnelKeys.systemMonitoring(c),
    queryFn: withFlavour(c, setting, (f, signal) => seatunnel.getSystemMonitoring(c, f, { signal })),
  });

export const threadDumpQuery = (c: string, setting: Setting) =>
  queryOptions({
    queryKey: seatunnelKeys.threadDump(c),
    queryFn: withFlavour(c, setting, (f, signal) => seatunnel.getThreadDump(c, f, { signal })),
    staleTime: Infinity, // a snapshot: taken again only when asked (refetch)
  });

export const runningThreadsQuery = (c: string, setting: Setting) =>
  queryOptions({
    queryKey: seatunnelKeys.runningThreads(c),
    queryFn: withFlavour(c, setting, (f, signal) => seatunnel.getRunningThreads(c, f, { signal })),
  });

export const logsQuery = (c: string, setting: Setting) =>
  queryOptions({
    queryKey: seatunnelKeys.logs(c),
    queryFn: withFlavour(c, setting, (f, signal) => seatunnel.getLogs(c, f, { signal })),
  });

export const jobLogsQuery = (c: string, setting: Setting, jobId: string) =>
  queryOptions({
    queryKey: seatunnelKeys.jobLogs(c, jobId),
    queryFn: withFlavour(c, setting, (f, signal) => seatunnel.getJobLogs(c, f, jobId, { signal })),
  });

export const logFileQuery = (c: string, setting: Setting, logName: string) =>
  queryOptions({
    queryKey: seatunnelKeys.logFile(c, logName),
    queryFn: withFlavour(c, setting, (f, signal) => seatunnel.getLogFile(c, f, logName, { signal })),
  });

// ---- hooks -------------------------------------------------------------------------------

/** Cluster overview; `tags` narrow workers and slots to matching nodes. */
export function useSeaTunnelOverview(c: string, tags?: Record<string, string>) {
  const setting = useFlavourSetting(c);
  return useQuery({ ...overviewQuery(c, setting, tags), refetchInterval: usePollInterval(c) });
}

export function useSeaTunnelRunningJobs(c: string) {
  const setting = useFlavourSetting(c);
  return useQuery({ ...runningJobsQuery(c, setting), refetchInterval: usePollInterval(c) });
}

/** Finished jobs (optionally of one state). The list grows as jobs end, so it is polled, slowly. */
export function useSeaTunnelFinishedJobs(c: string, state?: FinishedJobState) {
  const setting = useFlavourSetting(c);
  const interval = usePollInterval(c, { minimumMs: LIST_MINIMUM_MS });
  return useQuery({ ...finishedJobsQuery(c, setting, state), refetchInterval: interval });
}

/** One job, `data === null` when the cluster does not know it. Settled (finished) jobs are not polled. */
export function useSeaTunnelJob(c: string, jobId: string) {
  const setting = useFlavourSetting(c);
  const interval = usePollInterval(c);
  return useQuery({
    ...jobQuery(c, setting, jobId),
    refetchInterval: (query) => (isJobSettled(query.state.data) ? false : interval),
  });
}

/** Per node: memory, GC, load, threads, queues (text values as the engine formats them). */
export function useSeaTunnelSystemMonitoring(c: string) {
  const setting = useFlavourSetting(c);
  return useQuery({ ...systemMonitoringQuery(c, setting), refetchInterval: usePollInterval(c) });
}

/** A thread dump of the node behind the proxy; not polled, `refetch()` takes a new one. */
export function useSeaTunnelThreadDump(c: string, { enabled = true }: { enabled?: boolean } = {}) {
  const setting = useFlavourSetting(c);
  return useQuery({ ...threadDumpQuery(c, setting), enabled });
}

export function useSeaTunnelRunningThreads(c: string) {
  const setting = useFlavourSetting(c);
  return useQuery({ ...runningThreadsQuery(c, setting), refetchInterval: usePollInterval(c) });
}

/** Log files of all nodes (v2, 2.3.9+). */
export function useSeaTunnelLogs(c: string) {
  const setting = useFlavourSetting(c);
  return useQuery({
    ...logsQuery(c, setting),
    refetchInterval: usePollInterval(c, { minimumMs: LIST_MINIMUM_MS }),
  });
}

export function useSeaTunnelJobLogs(c: string, jobId: string) {
  const setting = useFlavourSetting(c);
  const interval = usePollInterval(c, { minimumMs: LIST_MINIMUM_MS });
  return useQuery({ ...jobLogsQuery(c, setting, jobId), refetchInterval: interval });
}

/** Content of one log file; not polled (files are large), `refetch()` reloads. */
export function useSeaTunnelLogFile(c: string, logName: string | undefined) {
  const setting = useFlavourSetting(c);
  const options = logFileQuery(c, setting, logName ?? '');
  return useQuery({ ...options, enabled: logName !== undefined });
}
