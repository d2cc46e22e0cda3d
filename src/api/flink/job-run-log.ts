import { useEffect, useSyncExternalStore } from 'react';
import { HttpError } from '../errors';
import { EMPTY_RUN_LOG, observeJobAnswer, observeJobError, type JobRunLog } from './job-runs';
import type { JobDetails } from './schemas';

/*
 * The job pages' memory of each job's runs and outages (see job-runs.ts), kept for the browser
 * tab's life so the Timeline tab can show a failover that happened while another tab was open.
 */
const logs = new Map<string, JobRunLog>();
const listeners = new Set<() => void>();
const keyOf = (c: string, jobId: string) => `${c}\u0000${jobId}`;

function update(c: string, jobId: string, next: JobRunLog) {
  if (next === logs.get(keyOf(c, jobId))) return;
  logs.set(keyOf(c, jobId), next);
  listeners.forEach((l) => l());
}

/** Forgets every job (tests). */
export function resetJobRunLogs() {
  logs.clear();
  listeners.forEach((l) => l());
}

export function useJobRunLog(c: string, jobId: string): JobRunLog {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => logs.get(keyOf(c, jobId)) ?? EMPTY_RUN_LOG,
  );
}

interface DetailsState {
  data: JobDetails | undefined;
  dataUpdatedAt: number;
  error: unknown;
  errorUpdatedAt: number;
}

/** Adds one `/jobs/:jobid` answer received at `receivedAt` (browser clock) to the job's log. */
export function recordJobAnswer(c: string, jobId: string, answer: JobDetails, receivedAt: number) {
  update(c, jobId, observeJobAnswer(logs.get(keyOf(c, jobId)) ?? EMPTY_RUN_LOG, answer, receivedAt));
}

/** Adds a poll that failed at `failedAt` (browser clock) to the job's log. */
export function recordJobError(c: string, jobId: string, failedAt: number, message: string) {
  update(c, jobId, observeJobError(logs.get(keyOf(c, jobId)) ?? EMPTY_RUN_LOG, failedAt, message));
}

/**
 * Feeds the job's log from the job page's `/jobs/:jobid` query: each new answer, and each failed
 * poll while the JobManager is unreachable or answers 5xx (a 4xx says something about the job, not
 * the JobManager, and is left to the page).
 */
export function useRecordJobRuns(c: string, jobId: string | undefined, q: DetailsState) {
  const { data, dataUpdatedAt, error, errorUpdatedAt } = q;
  useEffect(() => {
    if (jobId && data && dataUpdatedAt) recordJobAnswer(c, jobId, data, dataUpdatedAt);
  }, [c, jobId, data, dataUpdatedAt]);
  useEffect(() => {
    if (!jobId || !error || !errorUpdatedAt) return;
    if (error instanceof HttpError && error.status < 500) return;
    recordJobError(c, jobId, errorUpdatedAt, error instanceof Error ? error.message : String(error));
  }, [c, jobId, error, errorUpdatedAt]);
}
