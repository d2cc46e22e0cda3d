/**
 * Each cluster's rule history (between polls) lives here for the page's lifetime, so a collector
 * that re-mounts continues where it was. Task manager ids are also kept in IndexedDB: after a
 * reload a task manager that disappeared meanwhile is still recognised as lost.
 */
import { readValue, writeValue } from '@/api/metric-store';
import type { FlinkNeeds } from '../rules/engine';
import {
  emptyFlinkHistory,
  emptySeaTunnelHistory,
  type FlinkHistory,
  type SeaTunnelHistory,
} from '../rules/history';

const flink = new Map<string, FlinkHistory>();
const seatunnel = new Map<string, SeaTunnelHistory>();
const loading = new Map<string, Promise<void>>();
const TM_KEY = (c: string) => `triage.taskmanagers.${c}`;

export function flinkHistory(clusterId: string): FlinkHistory {
  let h = flink.get(clusterId);
  if (!h) {
    h = emptyFlinkHistory();
    flink.set(clusterId, h);
  }
  return h;
}

const written = new Map<string, { ids: string; at: number }>();

/** Stores the new history; the task manager ids are written when they change, else once a minute. */
export function setFlinkHistory(clusterId: string, h: FlinkHistory, now = Date.now()) {
  flink.set(clusterId, h);
  const ids = `${Object.keys(h.taskManagers.lastSeen).sort().join(',')}#${h.taskManagers.maxCount}`;
  const last = written.get(clusterId);
  if (ids === '#0' || (last && last.ids === ids && now - last.at < 60_000)) return;
  written.set(clusterId, { ids, at: now });
  void writeValue(TM_KEY(clusterId), h.taskManagers);
}

/** Merges the stored task managers of the cluster into its history (once per page). */
export function loadStoredTaskManagers(clusterId: string): Promise<void> {
  let p = loading.get(clusterId);
  if (!p) {
    p = readValue<FlinkHistory['taskManagers']>(TM_KEY(clusterId)).then((stored) => {
      if (!stored || typeof stored !== 'object' || typeof stored.lastSeen !== 'object') return;
      const h = flinkHistory(clusterId);
      const lastSeen = { ...h.taskManagers.lastSeen };
      for (const [id, t] of Object.entries(stored.lastSeen)) {
        if (typeof t === 'number' && !(id in lastSeen)) lastSeen[id] = t;
      }
      flink.set(clusterId, {
        ...h,
        taskManagers: { lastSeen, maxCount: Math.max(h.taskManagers.maxCount, Number(stored.maxCount) || 0) },
      });
    });
    loading.set(clusterId, p);
  }
  return p;
}

export function seatunnelHistory(clusterId: string): SeaTunnelHistory {
  let h = seatunnel.get(clusterId);
  if (!h) {
    h = emptySeaTunnelHistory();
    seatunnel.set(clusterId, h);
  }
  return h;
}

export function setSeatunnelHistory(clusterId: string, h: SeaTunnelHistory) {
  seatunnel.set(clusterId, h);
}

/**
 * What each cluster's rules asked to poll next (flinkNeeds). An external store rather than
 * component state: it is written after each evaluation, and a re-mounted collector resumes it.
 */
const NO_NEEDS: FlinkNeeds = {
  jobs: [],
  failedJobs: [],
  vertexMetrics: {},
  watermarks: {},
  taskManagers: [],
};
const needs = new Map<string, FlinkNeeds>();
const needsListeners = new Set<() => void>();

export const flinkNeedsOf = (clusterId: string): FlinkNeeds => needs.get(clusterId) ?? NO_NEEDS;

export function setFlinkNeeds(clusterId: string, next: FlinkNeeds) {
  if (JSON.stringify(flinkNeedsOf(clusterId)) === JSON.stringify(next)) return;
  needs.set(clusterId, next);
  needsListeners.forEach((l) => l());
}

export function subscribeFlinkNeeds(listener: () => void): () => void {
  needsListeners.add(listener);
  return () => needsListeners.delete(listener);
}
