/**
 * The flame graph's own URL state. The type (full / on_cpu / off_cpu, Flink's names) is kept in
 * the job route's `panel` param, the vertex panel's view, so a shared link opens the same graph.
 */
import type { FlameGraphType } from '@/api/flink/schemas';

export const FLAME_TYPES: readonly { param: string; type: FlameGraphType; label: string; hint: string }[] = [
  {
    param: 'full',
    type: 'FULL',
    label: 'Full',
    hint: 'All samples: on-CPU frames warm, off-CPU frames blue',
  },
  { param: 'on_cpu', type: 'ON_CPU', label: 'On-CPU', hint: 'Threads that were running (RUNNABLE)' },
  {
    param: 'off_cpu',
    type: 'OFF_CPU',
    label: 'Off-CPU',
    hint: 'Threads that waited: sleeping, blocked, waiting on I/O or locks',
  },
];

export function flameTypeFromParam(param: string | undefined): FlameGraphType {
  return FLAME_TYPES.find((t) => t.param === param?.toLowerCase())?.type ?? 'FULL';
}

export function paramFromFlameType(type: FlameGraphType): string | undefined {
  return type === 'FULL' ? undefined : FLAME_TYPES.find((t) => t.type === type)?.param;
}

export interface VertexBusy {
  id: string;
  /** Busy share of the worst subtask, 0..1. */
  busy: number | undefined;
  backPressured: number | undefined;
}

/**
 * Which vertex to show when none is chosen: the busiest one that is not back-pressured (the usual
 * bottleneck), else the busiest, else the first.
 */
export function defaultVertex(vertices: readonly VertexBusy[]): string | undefined {
  const byBusy = [...vertices].sort((a, b) => (b.busy ?? -1) - (a.busy ?? -1));
  const free = byBusy.find((v) => v.busy !== undefined && (v.backPressured ?? 0) <= 0.1);
  return (free ?? byBusy[0] ?? vertices[0])?.id;
}

export type FlameStatus =
  | { kind: 'sampling' }
  | { kind: 'finished' }
  | { kind: 'disabled' }
  | { kind: 'empty'; endTimestamp: number }
  | { kind: 'data'; endTimestamp: number };

/** Flink's `endTimestamp` codes: -3 sampling, -1 not running (finished), -2 disabled. */
export function flameStatus(answer: { endTimestamp: number; data?: unknown }): FlameStatus {
  const t = answer.endTimestamp;
  if (t === -3) return { kind: 'sampling' };
  if (t === -2) return { kind: 'disabled' };
  if (t === -1) return { kind: 'finished' };
  if (answer.data === undefined || answer.data === null || t < 0) return { kind: 'empty', endTimestamp: t };
  return { kind: 'data', endTimestamp: t };
}
