/**
 * The jobs this dashboard has seen, per Flink cluster: fed by every `/jobs/overview` and
 * `/jobs/:jobid` answer (queries-jobs.ts), kept across reloads in IndexedDB, read by the jobs
 * list, the cluster overview, the job page and triage. The rules are in lost-jobs.ts.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { getConnectionStatus } from '../connection-status';
import { readValue, writeValue } from '../metric-store';
import {
  lostJobs,
  mergeKnown,
  observeJobDetails,
  observeJobList,
  observeJobMissing,
  type AnswerTimes,
  type KnownJob,
  type KnownJobs,
  type OutageSeen,
} from './lost-jobs';
import type { JobDetails, JobOverview } from './schemas';

const STORE_KEY = 'flink.known-jobs';
const SAVE_DELAY_MS = 2000;
const EMPTY: KnownJobs = {};

let byCluster: Record<string, KnownJobs> = {};
let version = 0;
const listeners = new Set<() => void>();
let saveTimer: ReturnType<typeof setTimeout> | undefined;
let hydrating: Promise<void> | undefined;

function set(clusterId: string, next: KnownJobs) {
  if (next === byCluster[clusterId]) return;
  byCluster = { ...byCluster, [clusterId]: next };
  version++;
  listeners.forEach((l) => l());
  if (saveTimer === undefined) {
    saveTimer = setTimeout(() => {
      saveTimer = undefined;
      void writeValue(STORE_KEY, byCluster);
    }, SAVE_DELAY_MS);
  }
}

/** Loads what earlier page loads saw (once per page); entries seen on this page win. */
export function hydrateKnownJobs(now = Date.now()): Promise<void> {
  hydrating ??= readValue<unknown>(STORE_KEY).then(
    (stored) => {
      if (!stored || typeof stored !== 'object') return;
      for (const [clusterId, jobs] of Object.entries(stored as Record<string, unknown>)) {
        const merged = mergeKnown(byCluster[clusterId] ?? EMPTY, jobs, now);
        if (Object.keys(merged).length) set(clusterId, merged);
      }
    },
    () => undefined,
  );
  return hydrating;
}

/** The outage the cluster's polls saw most recently (ongoing or ended). */
function outageOf(clusterId: string): OutageSeen | undefined {
  const s = getConnectionStatus(clusterId);
  if (s.disconnectedSince !== undefined) return { from: s.disconnectedSince };
  return s.lastOutage;
}

export function recordJobList(clusterId: string, jobs: readonly JobOverview[], when: AnswerTimes) {
  set(clusterId, observeJobList(byCluster[clusterId] ?? EMPTY, jobs, when, outageOf(clusterId)));
}

export function recordJobDetails(clusterId: string, details: JobDetails, at: number) {
  set(clusterId, observeJobDetails(byCluster[clusterId] ?? EMPTY, details, at));
}

export function recordJobMissing(clusterId: string, jobId: string, when: AnswerTimes) {
  set(clusterId, observeJobMissing(byCluster[clusterId] ?? EMPTY, jobId, when, outageOf(clusterId)));
}

export function knownJobsOf(clusterId: string): KnownJobs {
  return byCluster[clusterId] ?? EMPTY;
}

export function knownJobsVersion(): number {
  return version;
}

export function subscribeKnownJobs(listener: () => void): () => void {
  listeners.add(listener);
  void hydrateKnownJobs();
  return () => listeners.delete(listener);
}

export function useKnownJobs(clusterId: string): KnownJobs {
  return useSyncExternalStore(subscribeKnownJobs, () => knownJobsOf(clusterId));
}

export function useKnownJob(clusterId: string, jobId: string): KnownJob | undefined {
  return useKnownJobs(clusterId)[jobId];
}

/** The cluster's lost jobs, most recently lost first. */
export function useLostJobs(clusterId: string) {
  const known = useKnownJobs(clusterId);
  return useMemo(() => lostJobs(known), [known]);
}

/** For tests. */
export function resetKnownJobs(initial: Record<string, KnownJobs> = {}) {
  byCluster = initial;
  version++;
  hydrating = Promise.resolve();
  if (saveTimer !== undefined) clearTimeout(saveTimer);
  saveTimer = undefined;
  listeners.forEach((l) => l());
}
