import { isNotSupported } from '@/api/errors';
import type { ResourceRequirements } from '@/api/flink/schemas';

/*
 * The rescale form: per-vertex parallelism bounds for the adaptive scheduler's
 * PUT /jobs/:jobid/resource-requirements (which must name every vertex).
 */

export interface RescaleVertex {
  id: string;
  name: string;
  /** Parallelism the vertex runs with now. */
  current: number;
  maxParallelism: number | undefined;
}

export interface BoundsDraft {
  lower: string;
  upper: string;
}

export type Drafts = Record<string, BoundsDraft>;

export function initialDrafts(req: ResourceRequirements): Drafts {
  return Object.fromEntries(
    Object.entries(req).map(([id, r]) => [
      id,
      { lower: String(r.parallelism.lowerBound), upper: String(r.parallelism.upperBound) },
    ]),
  );
}

const toInt = (s: string): number | undefined => (/^\s*\d+\s*$/.test(s) ? Number(s) : undefined);

export interface RescalePlan {
  /** vertex id -> [lower, upper]; undefined while any entry is invalid. */
  bounds: Record<string, [number, number]> | undefined;
  errors: Record<string, string>;
  /** Vertices whose bounds differ from what Flink has now. */
  changed: string[];
  summary: string;
}

export function planRescale(
  vertices: readonly RescaleVertex[],
  req: ResourceRequirements,
  drafts: Drafts,
): RescalePlan {
  const errors: Record<string, string> = {};
  const bounds: Record<string, [number, number]> = {};
  const changed: string[] = [];
  const parts: string[] = [];
  // Every vertex Flink knows must be in the request, named or not.
  const ids = Object.keys(req);
  for (const id of ids) {
    const v = vertices.find((x) => x.id === id);
    const d = drafts[id];
    const lower = d ? toInt(d.lower) : req[id]?.parallelism.lowerBound;
    const upper = d ? toInt(d.upper) : req[id]?.parallelism.upperBound;
    if (lower === undefined || upper === undefined) {
      errors[id] = 'Whole numbers only.';
      continue;
    }
    if (upper < 1) errors[id] = 'The upper bound must be at least 1.';
    else if (lower < 1) errors[id] = 'The lower bound must be at least 1.';
    else if (lower > upper) errors[id] = 'The lower bound is above the upper bound.';
    else if (v?.maxParallelism !== undefined && v.maxParallelism > 0 && upper > v.maxParallelism)
      errors[id] = `At most ${v.maxParallelism} (the vertex’s max parallelism).`;
    if (errors[id]) continue;
    bounds[id] = [lower, upper];
    const before = req[id]?.parallelism;
    if (!before || before.lowerBound !== lower || before.upperBound !== upper) {
      changed.push(id);
      parts.push(`${v?.name ?? id} ${v?.current ?? '?'} → ${lower === upper ? upper : `${lower}..${upper}`}`);
    }
  }
  const valid = Object.keys(errors).length === 0;
  return { bounds: valid ? bounds : undefined, errors, changed, summary: parts.join(', ') };
}

/** Whether an error of GET/PUT resource-requirements means "not the adaptive scheduler" (or a Flink without the endpoint). */
export function isSchedulerUnsupported(error: unknown): boolean {
  return isNotSupported(error);
}
