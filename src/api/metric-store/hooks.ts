/**
 * The page-wide metric store and its React side.
 *
 *   recordMetric(`flink:${clusterId}:tm:${tmId}:heap`, heapUsed, query.dataUpdatedAt);
 *   const points = useMetricHistory(`flink:${clusterId}:tm:${tmId}:heap`);   // [{ t, v }, …]
 *
 * or, to draw several series with the shared chart (src/components/metric-history):
 *
 *   const history = getMetricHistory();
 *   <HistoryChart history={history} version={useMetricStoreVersion()} series={[{ key, label }]} … />
 *
 * Series keys are free-form; the convention is `<backend>:<clusterId>:<object>:<id>:<metric>`.
 */
import { useSyncExternalStore } from 'react';
import type { MetricHistory, Point } from '@/lib/metric-history';
import { DEFAULT_STORE_SETTINGS, MetricStore, indexedDbBackend, type SeriesBackend } from './metric-store';

let store: MetricStore | undefined;

/** The one store of this page (created, and its stored history loaded, on first use). */
export function getMetricStore(): MetricStore {
  if (!store) {
    const created = new MetricStore(indexedDbBackend, DEFAULT_STORE_SETTINGS);
    store = created;
    if (typeof window !== 'undefined') {
      const flush = () => void created.flush();
      window.addEventListener('pagehide', flush);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'hidden') flush();
      });
    }
  }
  return store;
}

/** For tests: use another backend (or a fresh IndexedDB store) from now on. */
export function resetMetricStore(
  backend: SeriesBackend = indexedDbBackend,
  settings = DEFAULT_STORE_SETTINGS,
) {
  store = new MetricStore(backend, settings);
  return store;
}

export function getMetricHistory(): MetricHistory {
  return getMetricStore().history;
}

/** Adds one point to a series (`t` defaults to now); unknown values (undefined, NaN) are skipped. */
export function recordMetric(seriesKey: string, value: number | null | undefined, t?: number) {
  getMetricStore().record(seriesKey, value, t);
}

/** Adds one poll's values to many series at once. */
export function recordMetrics(values: Record<string, number | null | undefined>, t?: number) {
  getMetricStore().recordMany(values, t);
}

/** The points of one series, oldest first; re-renders when the series changes. */
export function useMetricHistory(seriesKey: string): Point[] {
  const history = getMetricStore().history;
  return useSyncExternalStore(
    history.subscribe,
    () => history.get(seriesKey),
    () => history.get(seriesKey),
  );
}

/** Changes with every write to the store: pass it to HistoryChart's `version`. */
export function useMetricStoreVersion(): number {
  const history = getMetricStore().history;
  return useSyncExternalStore(history.subscribe, history.getVersion, history.getVersion);
}
