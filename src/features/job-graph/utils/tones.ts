/**
 * Which colour a vertex gets. The thresholds follow Flink's own back-pressure levels
 * (OK up to 10 %, LOW up to 50 %, HIGH above) so the graph agrees with the Back Pressure tab.
 */
import type { NodeTone } from '@/components/graph';
import type { VertexLoad } from './vertex-load';

export const THRESHOLDS = {
  /** Back-pressure from here on counts (Flink's LOW level starts above 10 %). */
  backPressureLow: 0.1,
  /** Flink's HIGH level. */
  backPressureHigh: 0.5,
  /** Busy from here on is shown as hot; the heat deepens towards 100 %. */
  busy: 0.5,
  /** Idle at least this share of time while nothing flows: the vertex simply has no work. */
  idle: 0.95,
} as const;

export type LoadLevel = 'ok' | 'low' | 'high';

/** Flink's back-pressure level for a ratio (undefined when unknown). */
export function backPressureLevel(ratio: number | undefined): LoadLevel | undefined {
  if (ratio === undefined || !Number.isFinite(ratio)) return undefined;
  if (ratio > THRESHOLDS.backPressureHigh) return 'high';
  if (ratio > THRESHOLDS.backPressureLow) return 'low';
  return 'ok';
}

const FAILED = new Set(['FAILED', 'FAILING']);
const DONE = new Set(['FINISHED', 'CANCELED', 'CANCELING']);
const STARTING = new Set(['CREATED', 'SCHEDULED', 'DEPLOYING', 'INITIALIZING', 'RECONCILING']);

export interface VertexTone {
  tone: NodeTone;
  /** 0..1 intensity of the tone (busy or back-pressure ratio). */
  fill: number | undefined;
}

/**
 * failed beats everything; a finished vertex is idle; a starting one or one without metrics is
 * unknown; otherwise back-pressure when it is above 10 % and dominates busy time, busy from 50 %,
 * idle when it does nothing at all, else ok (with the busy ratio as a light fill).
 */
export function vertexTone(status: string | undefined, load: VertexLoad | undefined): VertexTone {
  const s = (status ?? '').toUpperCase();
  if (FAILED.has(s)) return { tone: 'failed', fill: undefined };
  if (DONE.has(s)) return { tone: 'idle', fill: undefined };
  if (STARTING.has(s) || !load) return { tone: 'unknown', fill: undefined };
  const { busy, backPressured: bp, idle } = load;
  if (busy === undefined && bp === undefined) return { tone: 'unknown', fill: undefined };
  if (bp !== undefined && bp > THRESHOLDS.backPressureLow && bp >= (busy ?? 0)) {
    return { tone: 'backpressured', fill: bp };
  }
  if (busy !== undefined && busy >= THRESHOLDS.busy) return { tone: 'busy', fill: busy };
  const flowing = (load.recordsIn ?? 0) + (load.recordsOut ?? 0) > 0;
  if (idle !== undefined && idle >= THRESHOLDS.idle && !flowing) return { tone: 'idle', fill: undefined };
  return { tone: 'ok', fill: busy };
}

const HOT_ORDER: NodeTone[] = ['failed', 'backpressured', 'busy'];

/** The vertices that need a look, worst first: failed, then back-pressured, then busy (by ratio). */
export function hotSpots<T extends { id: string } & VertexTone>(rows: readonly T[], limit = 3): T[] {
  return rows
    .filter((r) => HOT_ORDER.includes(r.tone))
    .sort((a, b) => HOT_ORDER.indexOf(a.tone) - HOT_ORDER.indexOf(b.tone) || (b.fill ?? 0) - (a.fill ?? 0))
    .slice(0, limit);
}
