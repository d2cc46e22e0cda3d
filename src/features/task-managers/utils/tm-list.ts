/**
 * The task manager list: search, sort (kept in the URL as `sort`/`desc`), summary figures and
 * the few fields Flink reports in surprising ways.
 */
import type { TaskManager } from '@/api/flink/schemas';
import { filterRows, type SortState } from '@/components/data-table';

/**
 * Milliseconds since the last heartbeat. Flink names the field `timeSinceLastHeartbeat` but sends
 * the epoch time of the heartbeat (e.g. 1795338707097); older versions sent a duration.
 */
export function heartbeatAge(value: number, now: number): number | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined;
  // Anything after 2001 is a timestamp, anything smaller a duration.
  return value > 1e12 ? Math.max(0, now - value) : value;
}

/** `pekko.tcp://flink@10.0.0.5:46259/user/rpc/taskmanager_0` → `10.0.0.5:46259`. */
export function addressOf(path: string): string {
  const m = /@([^/]+)/.exec(path);
  return m?.[1] ?? path;
}

/** Every whitespace-separated term must appear in the id or the path. */
export function searchTaskManagers<T extends Pick<TaskManager, 'id' | 'path'>>(
  tms: readonly T[],
  q: string,
): readonly T[] {
  return filterRows(tms, q, ['id', 'path']);
}

export interface TaskManagersSummary {
  count: number;
  slots: number;
  freeSlots: number;
  cpuCores: number;
  physicalMemory: number;
  blocked: number;
}

export function summarise(tms: readonly TaskManager[]): TaskManagersSummary {
  const s: TaskManagersSummary = {
    count: tms.length,
    slots: 0,
    freeSlots: 0,
    cpuCores: 0,
    physicalMemory: 0,
    blocked: 0,
  };
  for (const tm of tms) {
    s.slots += tm.slotsNumber;
    s.freeSlots += tm.freeSlots;
    s.cpuCores += Math.max(0, tm.hardware.cpuCores);
    s.physicalMemory += Math.max(0, tm.hardware.physicalMemory);
    if (tm.blocked) s.blocked++;
  }
  return s;
}

/** Column ids the URL may name in `sort`. */
export const SORTABLE = [
  'id',
  'dataPort',
  'heartbeat',
  'slots',
  'freeSlots',
  'cpuCores',
  'physicalMemory',
  'heap',
  'managedMemory',
] as const;

export function sortFromSearch(sort: string | undefined, desc: boolean | undefined): SortState | null {
  if (!sort || !(SORTABLE as readonly string[]).includes(sort)) return null;
  return { id: sort, desc: desc ?? false };
}

export function searchFromSort(s: SortState | null): { sort: string | undefined; desc: boolean | undefined } {
  return s ? { sort: s.id, desc: s.desc ? true : undefined } : { sort: undefined, desc: undefined };
}

/** Heartbeats older than this are worth a warning (Flink's default heartbeat.timeout is 50 s). */
export const LATE_HEARTBEAT_MS = 20_000;
