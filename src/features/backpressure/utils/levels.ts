/**
 * Flink's back-pressure levels. A subtask's `ratio` is its back-pressured share of time; Flink
 * calls it OK up to 10 %, LOW up to 50 % and HIGH above, and a vertex is as bad as its worst
 * subtask. Until the metric fetcher has a first sample the endpoint answers `{status:
 * "deprecated"}` alone: that is "sampling", a normal state, not an error.
 */
import type { BackPressure } from '@/api/flink/schemas';

export type BackPressureLevel = 'ok' | 'low' | 'high';

export const BACK_PRESSURE_LOW = 0.1;
export const BACK_PRESSURE_HIGH = 0.5;

/** Flink's level for a back-pressured ratio (undefined when unknown). */
export function levelOfRatio(ratio: number | undefined): BackPressureLevel | undefined {
  if (ratio === undefined || !Number.isFinite(ratio)) return undefined;
  if (ratio > BACK_PRESSURE_HIGH) return 'high';
  if (ratio > BACK_PRESSURE_LOW) return 'low';
  return 'ok';
}

/** A level as Flink spells it ("ok", "LOW", ...); anything else is undefined. */
export function parseLevel(value: string | undefined): BackPressureLevel | undefined {
  const v = value?.trim().toLowerCase();
  return v === 'ok' || v === 'low' || v === 'high' ? v : undefined;
}

const RANK: Record<BackPressureLevel, number> = { ok: 0, low: 1, high: 2 };

export function worstLevel(levels: Iterable<BackPressureLevel | undefined>): BackPressureLevel | undefined {
  let worst: BackPressureLevel | undefined;
  for (const l of levels) if (l && (!worst || RANK[l] > RANK[worst])) worst = l;
  return worst;
}

export interface SubtaskPressure {
  subtask: number;
  level: BackPressureLevel | undefined;
  /** Back-pressured share of time, 0..1. */
  backPressured: number | undefined;
  idle: number | undefined;
  busy: number | undefined;
}

export type VertexPressure =
  | { kind: 'sampling' }
  | {
      kind: 'sampled';
      level: BackPressureLevel | undefined;
      /** When Flink took the sample (epoch ms), undefined when not sent. */
      endTimestamp: number | undefined;
      subtasks: SubtaskPressure[];
    }
  /** An answer this dashboard does not know (a newer Flink's status): shown as such. */
  | { kind: 'other'; status: string };

const ratio = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? n : undefined);

/** The `/backpressure` answer as the tab shows it. */
export function vertexPressure(answer: BackPressure): VertexPressure {
  const status = answer.status.toLowerCase();
  if (status === 'deprecated') return { kind: 'sampling' };
  if (status !== 'ok') return { kind: 'other', status: answer.status };
  const subtasks: SubtaskPressure[] = (answer.subtasks ?? []).map((s) => {
    const backPressured = ratio(s.ratio);
    return {
      subtask: s.subtask,
      level: parseLevel(s['backpressure-level']) ?? levelOfRatio(backPressured),
      backPressured,
      idle: ratio(s.idleRatio),
      busy: ratio(s.busyRatio),
    };
  });
  subtasks.sort((a, b) => a.subtask - b.subtask);
  const end = answer['end-timestamp'];
  return {
    kind: 'sampled',
    level: parseLevel(answer['backpressure-level']) ?? worstLevel(subtasks.map((s) => s.level)),
    endTimestamp: end !== undefined && end > 0 ? end : undefined,
    subtasks,
  };
}

export interface RatioShares {
  backPressured: number;
  idle: number;
  busy: number;
}

/**
 * The average shares over subtasks, for one bar per vertex (or per group of subtasks). Missing
 * idle/busy ratios (Flink < 1.13) count as unknown, so the shares may add up to less than 1.
 */
export function averageShares(subtasks: readonly SubtaskPressure[]): RatioShares | undefined {
  if (subtasks.length === 0) return undefined;
  let bp = 0;
  let idle = 0;
  let busy = 0;
  for (const s of subtasks) {
    bp += s.backPressured ?? 0;
    idle += s.idle ?? 0;
    busy += s.busy ?? 0;
  }
  const n = subtasks.length;
  return { backPressured: bp / n, idle: idle / n, busy: busy / n };
}

/**
 * At most `max` bars for a strip of subtasks: consecutive subtasks are averaged into groups when
 * there are more (parallelism 2,000 still draws 64 bars).
 */
export function subtaskGroups(
  subtasks: readonly SubtaskPressure[],
  max = 64,
): { first: number; last: number; shares: RatioShares; level: BackPressureLevel | undefined }[] {
  const size = Math.max(1, Math.ceil(subtasks.length / max));
  const out: { first: number; last: number; shares: RatioShares; level: BackPressureLevel | undefined }[] =
    [];
  for (let i = 0; i < subtasks.length; i += size) {
    const group = subtasks.slice(i, i + size);
    const shares = averageShares(group);
    const first = group[0];
    const last = group[group.length - 1];
    if (!shares || !first || !last) continue;
    out.push({
      first: first.subtask,
      last: last.subtask,
      shares,
      level: worstLevel(group.map((s) => s.level)),
    });
  }
  return out;
}
