/** Metric histories and small values kept in the browser's IndexedDB (see hooks.ts for usage). */
export {
  getMetricHistory,
  getMetricStore,
  recordMetric,
  recordMetrics,
  resetMetricStore,
  useMetricHistory,
  useMetricStoreVersion,
} from './hooks';
export {
  DEFAULT_STORE_SETTINGS,
  MetricStore,
  fromStored,
  mergePoints,
  toStored,
  type MetricStoreSettings,
  type SeriesBackend,
  type StoredSeries,
} from './metric-store';
export { readValue, writeValue } from './kv';
