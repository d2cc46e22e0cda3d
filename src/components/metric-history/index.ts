/** Metric histories that survive reloads: the hooks and the pure storage helpers. */
export { useHistoryVersion, usePersistedMetricHistory, useRecordMetrics } from './use-persisted-history';
export {
  DEFAULT_PERSIST,
  decodeHistory,
  encodeHistory,
  forgetHistory,
  loadHistory,
  saveHistory,
  type PersistSettings,
} from './persisted-history';
export { seriesPoints, type HistorySeries } from './rate';
export { HistoryChart, type HistoryChartProps } from './history-chart';
