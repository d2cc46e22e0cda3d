/**
 * Which job manager metrics the user charts, remembered per cluster in localStorage, and how a
 * metric's value reads (bytes, share, count) from its name.
 */
import type { ValueFormat } from '@/lib/value-format';

const KEY = (clusterId: string) => `streamdash.jm-metrics:${clusterId}`;
export const MAX_PICKS = 12;

/** Charted until the user picks others (those the cluster reports). */
export const DEFAULT_PICKS = [
  'Status.JVM.Memory.Heap.Used',
  'Status.JVM.CPU.Load',
  'Status.JVM.Threads.Count',
  'numRunningJobs',
  'numRegisteredTaskManagers',
  'taskSlotsAvailable',
];

export function readPicks(storage: Storage | undefined, clusterId: string): string[] | undefined {
  try {
    const raw = storage?.getItem(KEY(clusterId));
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as unknown;
    return Array.isArray(parsed)
      ? parsed.filter((x): x is string => typeof x === 'string').slice(0, MAX_PICKS)
      : undefined;
  } catch {
    return undefined;
  }
}

export function writePicks(storage: Storage | undefined, clusterId: string, picks: readonly string[]) {
  try {
    storage?.setItem(KEY(clusterId), JSON.stringify(picks.slice(0, MAX_PICKS)));
  } catch {
    /* storage full or blocked: the picks last for this page only */
  }
}

/** The picks to chart: the stored ones, else the defaults the cluster has. */
export function effectivePicks(
  stored: readonly string[] | undefined,
  available: readonly string[] | undefined,
): string[] {
  if (stored) return [...stored];
  if (!available) return [];
  const have = new Set(available);
  return DEFAULT_PICKS.filter((m) => have.has(m));
}

/** Adds or removes a metric; adding beyond MAX_PICKS drops the oldest pick. */
export function togglePick(picks: readonly string[], metric: string): string[] {
  if (picks.includes(metric)) return picks.filter((m) => m !== metric);
  const next = [...picks, metric];
  return next.length > MAX_PICKS ? next.slice(next.length - MAX_PICKS) : next;
}

/** How to read a metric by its name. */
export function formatFor(metric: string): ValueFormat {
  if (/CPU\.Load$/.test(metric)) return 'percent';
  if (/GarbageCollector\..*\.Time$/.test(metric)) return 'duration';
  if (/\.Memory\./.test(metric) && !/\.Count$/.test(metric)) return 'bytes';
  if (/Bytes/.test(metric)) return 'bytes';
  return 'count';
}
