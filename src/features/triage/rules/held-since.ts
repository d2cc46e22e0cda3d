/**
 * Dates problems by their recorded series (kept across reloads in the metric store): a problem
 * whose series has a threshold has held since the first point of the last run at or above it.
 * A point below the threshold before that run dates the start ('data'); a run as old as the
 * recorded history only says since when it was seen ('seen').
 */
import type { Point } from '@/lib/metric-history';
import type { Problem } from './types';

export function heldSince(
  points: readonly Point[],
  threshold: number,
): { since: number; basis: 'data' | 'seen' } | undefined {
  let i = points.length - 1;
  if (i < 0 || (points[i] as Point).v < threshold) return undefined;
  while (i > 0 && (points[i - 1] as Point).v >= threshold) i--;
  return { since: (points[i] as Point).t, basis: i > 0 ? 'data' : 'seen' };
}

/** Problems without a date from their rule get one from their series, where it has a threshold. */
export function dateBySeries(
  problems: readonly Problem[],
  pointsOf: (key: string) => readonly Point[],
): Problem[] {
  return problems.map((p) => {
    if (p.since !== undefined || p.series?.threshold === undefined) return p;
    const held = heldSince(pointsOf(p.series.key), p.series.threshold);
    return held ? { ...p, since: held.since, sinceBasis: held.basis } : p;
  });
}
