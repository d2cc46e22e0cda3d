/**
 * `/jobs/:jobid/vertices/:vertexid/watermarks` answers `[{id: "<subtask>.currentInputWatermark",
 * value: "<ms>"}]`. Long.MIN_VALUE (or any negative value) means "no watermark yet"; the low
 * watermark of the vertex is the minimum over its subtasks, the worst lag the maximum.
 */
import type { MetricList } from '@/api/flink/schemas';
import { maxOverSubtasks, minOverSubtasks, perSubtask } from './vertex-load';

export interface WatermarkRow {
  subtask: number;
  /** Epoch ms, undefined when the subtask has no watermark yet (or did not report). */
  watermark: number | undefined;
  /** now − watermark in ms, undefined without a watermark. */
  lagMs: number | undefined;
  reported: boolean;
}

export interface WatermarkSummary {
  rows: WatermarkRow[];
  /** Min over subtasks with a watermark. */
  low: number | undefined;
  maxLagMs: number | undefined;
  withoutWatermark: number;
}

export function parseWatermark(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** One row per subtask 0..parallelism-1 (subtasks missing from the answer are listed unreported). */
export function watermarkRows(
  list: MetricList | undefined,
  parallelism: number,
  now: number,
): WatermarkSummary {
  const values = perSubtask(list, 'currentInputWatermark');
  const count = Math.max(parallelism, values.size ? Math.max(...values.keys()) + 1 : 0);
  const rows: WatermarkRow[] = [];
  for (let i = 0; i < count; i++) {
    const raw = values.get(i);
    const watermark = parseWatermark(raw);
    rows.push({
      subtask: i,
      watermark,
      lagMs: watermark === undefined ? undefined : Math.max(0, now - watermark),
      reported: raw !== undefined,
    });
  }
  return {
    rows,
    low: minOverSubtasks(rows.map((r) => r.watermark)),
    maxLagMs: maxOverSubtasks(rows.map((r) => r.lagMs)),
    withoutWatermark: rows.filter((r) => r.watermark === undefined).length,
  };
}
