import type { FinishedJobState } from './requests';

/**
 * Hierarchical query keys: invalidating `cluster(c)` clears everything of that cluster,
 * `job(c, id)` everything of one job, `jobLists(c)` the running and finished lists.
 */
export const seatunnelKeys = {
  all: ['seatunnel'] as const,
  cluster: (c: string) => [...seatunnelKeys.all, c] as const,
  /** The cluster's REST flavour (configured, or detected for 'auto'); never goes stale. */
  flavour: (c: string, setting?: string) =>
    [...seatunnelKeys.cluster(c), 'flavour', setting ?? 'auto'] as const,
  /** Every overview, whatever its tag filter. */
  overviews: (c: string) => [...seatunnelKeys.cluster(c), 'overview'] as const,
  overview: (c: string, tags: Record<string, string> = {}) => [...seatunnelKeys.overviews(c), tags] as const,
  jobLists: (c: string) => [...seatunnelKeys.cluster(c), 'job-lists'] as const,
  runningJobs: (c: string) => [...seatunnelKeys.jobLists(c), 'running'] as const,
  /** All finished-jobs lists, whatever their state filter. */
  finishedJobLists: (c: string) => [...seatunnelKeys.jobLists(c), 'finished'] as const,
  finishedJobs: (c: string, state?: FinishedJobState) =>
    [...seatunnelKeys.finishedJobLists(c), state ?? 'ALL'] as const,
  job: (c: string, jobId: string) => [...seatunnelKeys.cluster(c), 'jobs', jobId] as const,
  jobInfo: (c: string, jobId: string) => [...seatunnelKeys.job(c, jobId), 'info'] as const,
  jobLogs: (c: string, jobId: string) => [...seatunnelKeys.job(c, jobId), 'logs'] as const,
  systemMonitoring: (c: string) => [...seatunnelKeys.cluster(c), 'system-monitoring'] as const,
  threadDump: (c: string) => [...seatunnelKeys.cluster(c), 'thread-dump'] as const,
  runningThreads: (c: string) => [...seatunnelKeys.cluster(c), 'running-threads'] as const,
  logs: (c: string) => [...seatunnelKeys.cluster(c), 'logs'] as const,
  logFile: (c: string, logName: string) => [...seatunnelKeys.logs(c), 'file', logName] as const,
};
