/**
 * A source vertex has no input, so Flink's `/watermarks` (input watermarks) has nothing for it
 * (Long.MIN_VALUE on every subtask). What a source does show is per subtask in the vertex metrics:
 * its operators' `currentOutputWatermark`, and whether it emits at all (`numRecordsOutPerSecond`,
 * `idleTimeMsPerSecond`). An idle subtask emits nothing and holds back the watermark downstream
 * (unless the source declares idleness).
 */
import type { MetricList } from '@/api/flink/schemas';
import { maxOverSubtasks, minOverSubtasks, perSubtask } from './vertex-load';
import { parseWatermark } from './watermarks';

const OUTPUT_WATERMARK = /^(\d+)\.(.+)\.currentOutputWatermark$/;
const PER_SUBTASK = /^\d+\.(idleTimeMsPerSecond|numRecordsOutPerSecond)$/;

/** The metric ids to ask for, from the vertex's list of available metrics. */
export function sourceWatermarkMetricIds(available: MetricList | undefined): string[] {
  return (available ?? [])
    .map((m) => m.id)
    .filter((id) => OUTPUT_WATERMARK.test(id) || PER_SUBTASK.test(id))
    .sort();
}

export interface SourceSubtaskRow {
  subtask: number;
  /** The lowest output watermark over the chained operators; undefined for "none" (Long.MIN_VALUE). */
  watermark: number | undefined;
  lagMs: number | undefined;
  recordsOutPerSecond: number | undefined;
  /** Share of each second spent waiting for input, 0..1. */
  idle: number | undefined;
  /** Emits nothing: no records out over the last metric window. */
  isIdle: boolean;
}

export interface SourceWatermarkSummary {
  rows: SourceSubtaskRow[];
  low: number | undefined;
  maxLagMs: number | undefined;
  idleSubtasks: number;
}

const num = (s: string | undefined) => {
  if (s === undefined || s.trim() === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
};

export function sourceWatermarkRows(
  values: MetricList | undefined,
  parallelism: number,
  now: number,
): SourceWatermarkSummary {
  // A chain's operators each report one; the lowest is what the subtask holds back.
  const watermarks = new Map<number, number>();
  for (const m of values ?? []) {
    const match = OUTPUT_WATERMARK.exec(m.id);
    const wm = parseWatermark(m.value);
    if (!match || wm === undefined) continue;
    const i = Number(match[1]);
    watermarks.set(i, Math.min(watermarks.get(i) ?? wm, wm));
  }
  const idleMs = perSubtask(values, 'idleTimeMsPerSecond');
  const out = perSubtask(values, 'numRecordsOutPerSecond');
  const rows: SourceSubtaskRow[] = [];
  for (let i = 0; i < parallelism; i++) {
    const watermark = watermarks.get(i);
    const recordsOutPerSecond = num(out.get(i));
    const idle = num(idleMs.get(i));
    rows.push({
      subtask: i,
      watermark,
      lagMs: watermark === undefined ? undefined : Math.max(0, now - watermark),
      recordsOutPerSecond,
      idle: idle === undefined ? undefined : Math.min(1, idle / 1000),
      isIdle: recordsOutPerSecond === 0,
    });
  }
  return {
    rows,
    low: minOverSubtasks(rows.map((r) => r.watermark)),
    maxLagMs: maxOverSubtasks(rows.map((r) => r.lagMs)),
    idleSubtasks: rows.filter((r) => r.isIdle).length,
  };
}
