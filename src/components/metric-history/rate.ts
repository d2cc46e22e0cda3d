import type { MetricHistory, Point } from '@/lib/metric-history';

/** A series drawn from a MetricHistory; `rate` turns a cumulative counter into a per-second rate. */
export interface HistorySeries {
  key: string;
  label: string;
  /** Per-second rate between consecutive points, times `scale` (60 → per minute, 1/1000 → ms/s as a ratio). */
  rate?: { scale: number };
}

/**
 * Per-second rate of a cumulative counter between consecutive points, times `scale`. A drop
 * (the process restarted and the counter began again) and gaps longer than `maxGapMs` (the page
 * was closed) start a new run instead of drawing a bogus rate.
 */
export function ratePoints(points: readonly Point[], scale = 1, maxGapMs = 5 * 60_000): Point[] {
  const out: Point[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    const dt = b.t - a.t;
    if (dt <= 0 || dt > maxGapMs || b.v < a.v) continue;
    out.push({ t: b.t, v: ((b.v - a.v) / dt) * 1000 * scale });
  }
  return out;
}

/** The points to draw for one series. */
export function seriesPoints(history: MetricHistory, s: HistorySeries): Point[] {
  const points = history.get(s.key);
  return s.rate ? ratePoints(points, s.rate.scale) : points;
}
