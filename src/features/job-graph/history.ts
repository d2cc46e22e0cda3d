import { useSyncExternalStore } from 'react';
import { MetricHistory, type Point } from '@/lib/metric-history';

/**
 * Metric values seen while the dashboard is open (not persisted): 360 points per series, i.e. one
 * hour at the 10 s metrics cadence. Keys: `<jobId>/<vertexId>/<series>`.
 */
export const jobGraphHistory = new MetricHistory({ capacity: 360, maxSeries: 300 });

export const historyKey = (jobId: string, vertexId: string, series: string) =>
  `${jobId}/${vertexId}/${series}`;

/** The points of a few series, re-rendering when new ones arrive. */
export function useHistorySeries(keys: readonly string[]): Point[][] {
  useSyncExternalStore(jobGraphHistory.subscribe, jobGraphHistory.getVersion);
  return keys.map((k) => jobGraphHistory.get(k));
}
