import { counterRates } from '@/lib/counter-rate';
import type { MetricHistory, Point } from '@/lib/metric-history';

/** A series drawn from a MetricHistory; `rate` turns a cumulative counter into a per-second rate. */
export interface HistorySeries {
  key: string;
  label: string;
  /** Per-second rate over the counter's change windows (src/lib/counter-rate.ts), times `scale` (60 → per minute, 1/1000 → ms/s as a ratio). */
  rate?: { scale: number };
}

/** The points to draw for one series. */
export function seriesPoints(history: MetricHistory, s: HistorySeries): Point[] {
  const points = history.get(s.key);
  return s.rate ? counterRates(points, { scale: s.rate.scale }) : points;
}
