/**
 * Summary statistics for metric values (subtask skew, checkpoint durations, …).
 *
 *   summarize([3, 1, 2])          -> { count: 3, min: 1, avg: 2, max: 3, p50: 2, p90: 2.8, p99: 2.98 }
 *   percentile(sortedAsc, 0.9)    -> linear interpolation between closest ranks
 *
 * Non-finite values (NaN, ±Infinity) are ignored; an empty input gives `undefined` figures,
 * so callers show "—" instead of a misleading 0.
 */

export interface Summary {
  count: number;
  min: number | undefined;
  avg: number | undefined;
  max: number | undefined;
  sum: number;
  p50: number | undefined;
  p90: number | undefined;
  p99: number | undefined;
}

/**
 * The p-quantile (0..1) of values already sorted ascending, interpolating linearly between
 * the two closest ranks (the "R-7" / Excel PERCENTILE.INC definition, as numpy's default).
 */
export function percentile(sortedAsc: ArrayLike<number>, p: number): number | undefined {
  const n = sortedAsc.length;
  if (n === 0 || !Number.isFinite(p)) return undefined;
  const q = Math.min(1, Math.max(0, p));
  const rank = q * (n - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sortedAsc[lo] as number;
  const b = sortedAsc[hi] as number;
  return a + (b - a) * (rank - lo);
}

/** Finite values, sorted ascending, in a typed array (fast numeric sort, no comparator). */
export function sortedFinite(values: Iterable<number | null | undefined>): Float64Array {
  const out: number[] = [];
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
  return Float64Array.from(out).sort();
}

export function summarize(values: Iterable<number | null | undefined>): Summary {
  const sorted = sortedFinite(values);
  const count = sorted.length;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += sorted[i] as number;
  return {
    count,
    sum,
    min: count ? sorted[0] : undefined,
    max: count ? sorted[count - 1] : undefined,
    avg: count ? sum / count : undefined,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
  };
}

/** max / avg: how far the slowest subtask is from the typical one (1 = perfectly even). */
export function skew(summary: Pick<Summary, 'max' | 'avg'>): number | undefined {
  if (summary.max === undefined || summary.avg === undefined || summary.avg === 0) return undefined;
  return summary.max / summary.avg;
}
