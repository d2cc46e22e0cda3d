/** Prometheus HTTP API (`query_range`) through the dashboard proxy, for metric history. */
export { prometheus, prometheusBase, type RangeRequest } from './client';
export { prometheusKeys } from './keys';
export { DEFAULT_RANGE, prometheusRangeQuery, usePrometheusRange, type RangeOptions } from './queries';
export { flinkPromQL, labelKey, promString, toSeries, type PromSeries } from './series';
export { queryRangeSchema, type QueryRangeAnswer } from './schemas';
