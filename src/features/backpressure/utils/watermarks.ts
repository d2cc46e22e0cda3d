/**
 * Watermarks of a vertex: `/watermarks` answers `[{id: "<subtask>.currentInputWatermark", value}]`
 * with epoch ms as strings; Long.MIN_VALUE ("-9223372036854775808") means the subtask has no
 * watermark (yet). The vertex's event time is the lowest of its subtasks (the low watermark); the
 * lag is how far that is behind the clock. A watermark that does not move between polls is stuck:
 * usually an idle input partition without `withIdleness`, which holds back every window downstream.
 */
import type { MetricList } from '@/api/flink/schemas';

/** A watermark unchanged for this long (two metric refreshes) counts as stuck. */
export const STUCK_AFTER_MS = 20_000;

/** Epoch ms, or undefined for "no watermark" (Long.MIN_VALUE, any negative value, junk). */
export function parseWatermark(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const s = value.trim();
  if (s === '' || s.startsWith('-')) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** subtask index → watermark (undefined = no watermark), from the `/watermarks` answer. */
export function watermarksBySubtask(list: MetricList | undefined): Map<number, number | undefined> {
  const out = new Map<number, number | undefined>();
  for (const m of list ?? []) {
    const match = /^(\d+)\.currentInputWatermark$/.exec(m.id);
    if (!match) continue;
    out.set(Number(match[1]), parseWatermark(m.value));
  }
  return out;
}

export interface WatermarkTrack {
  value: number | undefined;
  /** When this value was first seen (ms, dashboard clock). */
  since: number;
}
export type WatermarkTracks = ReadonlyMap<number, WatermarkTrack>;

/** Adds one observation (taken at `at`) to what was seen before; unchanged values keep their `since`. */
export function trackWatermarks(
  prev: WatermarkTracks | undefined,
  sample: ReadonlyMap<number, number | undefined>,
  at: number,
): WatermarkTracks {
  const next = new Map<number, WatermarkTrack>();
  for (const [subtask, value] of sample) {
    const before = prev?.get(subtask);
    next.set(subtask, before && before.value === value ? before : { value, since: at });
  }
  return next;
}

export interface SubtaskWatermark {
  subtask: number;
  watermark: number | undefined;
  lagMs: number | undefined;
  /** How long the watermark has not moved (as far as observed), when stuck. */
  stuckForMs: number | undefined;
}

export interface VertexWatermarks {
  subtasks: SubtaskWatermark[];
  /** Lowest watermark over the subtasks that have one. */
  low: number | undefined;
  /** now − low. */
  lagMs: number | undefined;
  /** Subtasks without a watermark. */
  none: number[];
  /** Subtasks whose watermark has not moved for STUCK_AFTER_MS. */
  stuck: number[];
}

/** The vertex's low watermark, lag and stuck subtasks at `now` (both on the dashboard clock). */
export function summarizeWatermarks(
  tracks: WatermarkTracks,
  now: number,
  observedAt: number,
  stuckAfterMs = STUCK_AFTER_MS,
): VertexWatermarks {
  const subtasks: SubtaskWatermark[] = [...tracks]
    .sort(([a], [b]) => a - b)
    .map(([subtask, { value, since }]) => {
      const unchanged = observedAt - since;
      return {
        subtask,
        watermark: value,
        lagMs: value === undefined ? undefined : Math.max(0, now - value),
        stuckForMs: value !== undefined && unchanged >= stuckAfterMs ? unchanged : undefined,
      };
    });
  const values = subtasks.map((s) => s.watermark).filter((x): x is number => x !== undefined);
  const low = values.length ? Math.min(...values) : undefined;
  return {
    subtasks,
    low,
    lagMs: low === undefined ? undefined : Math.max(0, now - low),
    none: subtasks.filter((s) => s.watermark === undefined).map((s) => s.subtask),
    stuck: subtasks.filter((s) => s.stuckForMs !== undefined).map((s) => s.subtask),
  };
}
