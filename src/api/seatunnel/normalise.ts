import { isTerminalState } from '../polling';
import { toDag, type SeaTunnelDag } from './job-dag';
import { toMetrics, type SeaTunnelJobMetrics } from './job-metrics';
import type { RawJob, RawJobInfo, RawOverview } from './schemas';

export type { SeaTunnelDag, SeaTunnelEdge, SeaTunnelVertex, VertexType } from './job-dag';
export type { SeaTunnelJobMetrics, TableMetrics } from './job-metrics';
export { toDag } from './job-dag';
export { toMetrics } from './job-metrics';

/*
 * One shape for the pages, whatever the flavour and whichever of the engine's forms arrived
 * (running jobs and finished jobs describe their DAG differently). Absent values are null.
 */

export interface SeaTunnelOverview {
  projectVersion: string;
  gitCommitAbbrev: string | null;
  totalSlot: number;
  unassignedSlot: number;
  workers: number | null;
  runningJobs: number;
  finishedJobs: number;
  failedJobs: number;
  cancelledJobs: number;
  /** Only newer engines say. */
  pendingJobs: number | null;
}

export interface SeaTunnelJob {
  jobId: string;
  jobName: string;
  /** RUNNING, FINISHED, CANCELED, FAILED, SAVEPOINT_DONE, ... (see isTerminalState). */
  jobStatus: string;
  /** Engine-local "YYYY-MM-DD HH:mm:ss" text; the engine does not say its time zone. */
  createTime: string | null;
  startTime: string | null;
  finishTime: string | null;
  errorMsg: string | null;
  envOptions: Record<string, string>;
  pluginJars: string[];
  isStartWithSavePoint: boolean | null;
  dag: SeaTunnelDag;
  metrics: SeaTunnelJobMetrics;
}

const text = (s: string | null | undefined): string | null =>
  s === undefined || s === null || s === '' ? null : s;

export function toOverview(raw: RawOverview): SeaTunnelOverview {
  const { works, workers, gitCommitAbbrev, ...rest } = raw;
  const { pendingJobs, ...counters } = rest;
  return {
    ...counters,
    gitCommitAbbrev: text(gitCommitAbbrev),
    workers: workers ?? works ?? null,
    pendingJobs: pendingJobs ?? null,
  };
}

/** A job of running-jobs / finished-jobs, or a found job-info. */
export function toJob(raw: RawJob): SeaTunnelJob {
  return {
    jobId: raw.jobId,
    jobName: raw.jobName,
    jobStatus: raw.jobStatus,
    createTime: text(raw.createTime),
    startTime: text(raw.startTime),
    finishTime: text(raw.finishTime ?? raw.finishedTime),
    errorMsg: text(raw.errorMsg),
    envOptions: Object.fromEntries(
      Object.entries(raw.envOptions ?? {}).map(([k, v]) => [
        k,
        typeof v === 'string' ? v : JSON.stringify(v),
      ]),
    ),
    pluginJars: (raw.pluginJarsUrls ?? []).map((j) => (typeof j === 'string' ? j : j.jarPath)),
    isStartWithSavePoint: raw.isStartWithSavePoint ?? null,
    dag: toDag(raw.jobDag ?? {}),
    metrics: toMetrics(raw.metrics ?? {}),
  };
}

/**
 * Whether the job will not change any more, so its detail need not be polled. Right after a stop
 * the engine can still answer the running shape with CANCELED and no finishTime (see the real
 * notes), so a terminal job counts as settled once its finish record arrived; SAVEPOINT_DONE jobs
 * stay in the running map for good (until restored, which our submit invalidates).
 */
export function isJobSettled(job: SeaTunnelJob | null | undefined): boolean {
  if (!job || !isTerminalState(job.jobStatus)) return false;
  return job.finishTime !== null || job.jobStatus.toUpperCase() === 'SAVEPOINT_DONE';
}

/** job-info / running-job: null when the engine does not know the id (it answers `{jobId}` only). */
export function toJobDetail(raw: RawJobInfo): SeaTunnelJob | null {
  const { jobName, jobStatus, createTime } = raw;
  if (jobStatus === undefined) return null;
  return toJob({ ...raw, jobName: jobName ?? '', jobStatus, createTime: createTime ?? '' });
}
