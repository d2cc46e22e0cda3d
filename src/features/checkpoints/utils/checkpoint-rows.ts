import type { CheckpointStatistics } from '@/api/flink/schemas';

/*
 * One history entry of `/jobs/:jobid/checkpoints` as the table shows it. Flink says "unknown"
 * with -1 (e.g. `latest_ack_timestamp` before the first acknowledgement) or by leaving a field
 * out (older versions); both become undefined here so the table shows "—", never a fake 0.
 */

export type CheckpointStatus = CheckpointStatistics['status'];

export interface CheckpointRow {
  id: number;
  status: CheckpointStatus;
  /** Savepoints (including the synchronous one of stop-with-savepoint) or periodic/manual checkpoints. */
  kind: 'checkpoint' | 'savepoint';
  /** Unaligned only for UNALIGNED_CHECKPOINT; savepoints are always aligned. */
  alignment: 'aligned' | 'unaligned';
  /** Flink's own name: CHECKPOINT, UNALIGNED_CHECKPOINT, SAVEPOINT, SYNC_SAVEPOINT, or a future one. */
  checkpointType: string;
  /** "aligned checkpoint", "unaligned checkpoint", "savepoint", "sync savepoint (stop)". */
  typeLabel: string;
  /** CANONICAL / NATIVE for savepoints. */
  savepointFormat: string | undefined;
  triggerTime: number;
  latestAck: number | undefined;
  duration: number | undefined;
  checkpointedSize: number | undefined;
  /** Full state size (`state_size`). */
  fullSize: number | undefined;
  processedData: number | undefined;
  persistedData: number | undefined;
  alignmentBuffered: number | undefined;
  acknowledged: number;
  total: number;
  failureTime: number | undefined;
  failureMessage: string | undefined;
  externalPath: string | undefined;
  discarded: boolean | undefined;
}

const known = (n: number | null | undefined): number | undefined =>
  typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;

/** A timestamp: Flink sends -1 (or 0) before it exists. */
const knownTime = (n: number | null | undefined): number | undefined => {
  const v = known(n);
  return v === undefined || v === 0 ? undefined : v;
};

export function typeLabel(checkpointType: string, isSavepoint: boolean): string {
  switch (checkpointType) {
    case 'CHECKPOINT':
      return 'aligned checkpoint';
    case 'UNALIGNED_CHECKPOINT':
      return 'unaligned checkpoint';
    case 'SAVEPOINT':
      return 'savepoint';
    case 'SYNC_SAVEPOINT':
      return 'sync savepoint';
    default:
      // A kind this dashboard does not know yet: show Flink's word rather than guess.
      return checkpointType
        ? checkpointType.toLowerCase().replace(/_/g, ' ')
        : isSavepoint
          ? 'savepoint'
          : 'checkpoint';
  }
}

export function toCheckpointRow(c: CheckpointStatistics): CheckpointRow {
  const savepoint = c.is_savepoint || c.checkpoint_type.includes('SAVEPOINT');
  return {
    id: c.id,
    status: c.status,
    kind: savepoint ? 'savepoint' : 'checkpoint',
    alignment: c.checkpoint_type === 'UNALIGNED_CHECKPOINT' ? 'unaligned' : 'aligned',
    checkpointType: c.checkpoint_type,
    typeLabel: typeLabel(c.checkpoint_type, savepoint),
    savepointFormat: c.savepointFormat ?? undefined,
    triggerTime: c.trigger_timestamp,
    latestAck: knownTime(c.latest_ack_timestamp),
    duration: known(c.end_to_end_duration),
    checkpointedSize: known(c.checkpointed_size),
    fullSize: known(c.state_size),
    processedData: known(c.processed_data),
    persistedData: known(c.persisted_data),
    alignmentBuffered: known(c.alignment_buffered),
    acknowledged: c.num_acknowledged_subtasks,
    total: c.num_subtasks,
    failureTime: c.status === 'FAILED' ? knownTime(c.failure_timestamp) : undefined,
    failureMessage: c.status === 'FAILED' ? (c.failure_message ?? undefined) : undefined,
    externalPath: c.status === 'COMPLETED' ? (c.external_path ?? undefined) : undefined,
    discarded: c.status === 'COMPLETED' ? c.discarded : undefined,
  };
}

const rowOf = new WeakMap<CheckpointStatistics, CheckpointRow>();

/**
 * Rows for the history, newest first. The query cache keeps unchanged entries identical between
 * polls (structural sharing), and each entry's row is remembered by identity: a poll of a
 * 10,000-entry history maps only what changed, and the table re-renders only those rows.
 */
export function toCheckpointRows(history: readonly CheckpointStatistics[]): CheckpointRow[] {
  const rows = history.map((c) => {
    let row = rowOf.get(c);
    if (!row) {
      row = toCheckpointRow(c);
      rowOf.set(c, row);
    }
    return row;
  });
  return rows.sort((a, b) => b.id - a.id);
}

/** "3/4" and whether every subtask acknowledged. */
export function ackLabel(row: Pick<CheckpointRow, 'acknowledged' | 'total'>): string {
  return `${row.acknowledged}/${row.total}`;
}

export interface TrendPoint {
  id: string;
  value: number | null;
  tone: 'ok' | 'bad' | 'info' | 'warn';
  label: string;
}

/** The charts draw at most this many bars: more would be unreadable and slow. */
export const TREND_LIMIT = 200;

/**
 * Bars per checkpoint id, oldest left, for the last `limit` retained checkpoints: completed
 * checkpoints green, savepoints blue, failed red (their duration is the time until they failed),
 * in progress amber. A failed checkpoint that uploaded nothing leaves a gap in the size chart.
 */
export function trendPoints(
  rows: readonly CheckpointRow[],
  metric: 'duration' | 'checkpointedSize',
  limit = TREND_LIMIT,
): TrendPoint[] {
  const recent = [...rows].sort((a, b) => a.id - b.id).slice(-limit);
  return recent.map((r) => {
    const failed = r.status === 'FAILED';
    const raw = metric === 'duration' ? r.duration : r.checkpointedSize;
    // A failed checkpoint's size is what it uploaded before failing; Flink sends 0 when nothing.
    const value = failed && metric === 'checkpointedSize' && !raw ? null : (raw ?? null);
    const tone = failed
      ? 'bad'
      : r.status === 'IN_PROGRESS'
        ? 'warn'
        : r.kind === 'savepoint'
          ? 'info'
          : 'ok';
    const what = failed
      ? `failed${r.failureMessage ? `: ${r.failureMessage}` : ''}`
      : r.status === 'IN_PROGRESS'
        ? 'in progress'
        : r.typeLabel;
    return { id: String(r.id), value, tone, label: `#${r.id} · ${what}` };
  });
}
