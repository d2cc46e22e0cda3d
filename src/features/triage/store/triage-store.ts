/**
 * The triage results of every cluster, shared by the home page, the triage page, the header badge
 * and notifications. The collectors (monitor.tsx) publish each cluster's problems after every
 * evaluation; readers subscribe (useTriage). First-seen times are kept in IndexedDB.
 */
import { useSyncExternalStore } from 'react';
import { readValue, writeValue } from '@/api/metric-store';
import { rankProblems } from '../rules/engine';
import type { Problem } from '../rules/types';
import { mergeStored, updateSeen, type SeenMap } from './first-seen';
import {
  jobStateNotifications,
  newProblemNotifications,
  type JobStateEntry,
  type NotificationSpec,
} from './notify';

export interface ClusterTriage {
  problems: Problem[];
  evaluatedAt: number;
  jobStates: Record<string, JobStateEntry>;
}

export interface TriageSnapshot {
  /** Every cluster's problems, worst first, `since` filled from first-seen where the evidence has none. */
  problems: Problem[];
  byCluster: Record<string, ClusterTriage>;
  /** First-seen time per problem id. */
  firstSeen: Record<string, number>;
}

const SEEN_KEY = 'triage.first-seen';
const SAVE_DELAY_MS = 2000;

let clusters: Record<string, ClusterTriage> = {};
let seen: SeenMap = {};
let snapshot: TriageSnapshot = { problems: [], byCluster: {}, firstSeen: {} };
const listeners = new Set<() => void>();
let saveTimer: ReturnType<typeof setTimeout> | undefined;
let hydrated = false;

function rebuild() {
  const firstSeen = Object.fromEntries(Object.entries(seen).map(([id, e]) => [id, e.first]));
  const all = Object.values(clusters).flatMap((c) => c.problems);
  snapshot = {
    problems: rankProblems(
      all.map((p) =>
        p.since === undefined && firstSeen[p.id] !== undefined
          ? { ...p, since: firstSeen[p.id], sinceBasis: 'seen' as const }
          : p,
      ),
    ),
    byCluster: clusters,
    firstSeen,
  };
  listeners.forEach((l) => l());
}

function scheduleSave() {
  if (saveTimer !== undefined) return;
  saveTimer = setTimeout(() => {
    saveTimer = undefined;
    void writeValue(SEEN_KEY, seen);
  }, SAVE_DELAY_MS);
}

/** Loads first-seen times stored by earlier page loads (once). */
export function hydrateTriageStore(now = Date.now()): Promise<void> {
  if (hydrated) return Promise.resolve();
  hydrated = true;
  return readValue<unknown>(SEEN_KEY).then((stored) => {
    seen = mergeStored(seen, stored, now);
    rebuild();
  });
}

/**
 * One cluster's evaluation. Returns the notifications it deserves (none for the first evaluation
 * of a cluster on this page: what was already wrong is not news).
 */
export function publishCluster(
  clusterId: string,
  problems: Problem[],
  jobStates: Record<string, JobStateEntry>,
  watched: ReadonlySet<string>,
  now = Date.now(),
): NotificationSpec[] {
  const before = clusters[clusterId];
  clusters = { ...clusters, [clusterId]: { problems, evaluatedAt: now, jobStates } };
  seen = updateSeen(
    seen,
    clusterId,
    problems.map((p) => p.id),
    now,
  );
  scheduleSave();
  rebuild();
  if (!before) return [];
  return [
    ...newProblemNotifications(before.problems, problems),
    ...jobStateNotifications(before.jobStates, jobStates, watched),
  ];
}

/** Clusters no longer configured. */
export function retainClusters(ids: readonly string[]) {
  const keep = new Set(ids);
  if (Object.keys(clusters).every((id) => keep.has(id))) return;
  clusters = Object.fromEntries(Object.entries(clusters).filter(([id]) => keep.has(id)));
  rebuild();
}

export function getTriageSnapshot(): TriageSnapshot {
  return snapshot;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useTriage(): TriageSnapshot {
  return useSyncExternalStore(subscribe, getTriageSnapshot, getTriageSnapshot);
}

/** For tests. */
export function resetTriageStore() {
  clusters = {};
  seen = {};
  hydrated = false;
  if (saveTimer !== undefined) clearTimeout(saveTimer);
  saveTimer = undefined;
  rebuild();
}
