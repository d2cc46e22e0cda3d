/** Helpers for subtask and attempt lists. */
import type { SubtaskAttempt, SubtasksAccumulators, UserAccumulator } from '@/api/flink/schemas';

/** "10.0.0.5:37437" → "10.0.0.5"; "(unassigned)" stays as it is. */
export function hostOf(endpoint: string | undefined): string {
  if (!endpoint) return '—';
  const m = /^(.*):\d+$/.exec(endpoint);
  return m?.[1] || endpoint;
}

/** The attempt numbers before the current one, newest first (0 … attempt-1). */
export function earlierAttempts(current: number): number[] {
  const out: number[] = [];
  for (let a = current - 1; a >= 0; a--) out.push(a);
  return out;
}

/** Time spent in each state, in Flink's life-cycle order. */
const STATE_ORDER = [
  'CREATED',
  'SCHEDULED',
  'DEPLOYING',
  'INITIALIZING',
  'RUNNING',
  'FINISHED',
  'CANCELING',
  'CANCELED',
  'FAILED',
];
export function stateDurations(attempt: Pick<SubtaskAttempt, 'status-duration'>): [string, number][] {
  return Object.entries(attempt['status-duration'] ?? {})
    .filter(([, ms]) => ms > 0)
    .sort(([a], [b]) => (STATE_ORDER.indexOf(a) + 1 || 99) - (STATE_ORDER.indexOf(b) + 1 || 99));
}

export interface AccumulatorRow extends UserAccumulator {
  key: string;
  subtask: number;
  attempt: number;
  endpoint: string | undefined;
}

/** `/subtasks/accumulators` flattened to one row per subtask and accumulator. */
export function accumulatorRows(data: SubtasksAccumulators | undefined): AccumulatorRow[] {
  const rows: AccumulatorRow[] = [];
  for (const s of data?.subtasks ?? []) {
    for (const a of s['user-accumulators']) {
      rows.push({
        ...a,
        key: `${s.subtask}/${a.name}`,
        subtask: s.subtask,
        attempt: s.attempt,
        endpoint: s.endpoint,
      });
    }
  }
  return rows;
}
