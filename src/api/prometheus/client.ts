import { request } from '../http';
import { queryRangeSchema } from './schemas';

/** Prometheus calls go through the dashboard proxy: `/prometheus/<clusterId>/api/v1/...` (GET only). */
export const prometheusBase = (c: string) => `/prometheus/${encodeURIComponent(c)}`;

export interface RangeRequest {
  /** PromQL expression. */
  query: string;
  /** Unix time in ms. */
  startMs: number;
  endMs: number;
  stepMs: number;
}

/** Prometheus wants seconds; keep millisecond precision. */
const seconds = (ms: number) => (ms / 1000).toFixed(3).replace(/\.?0+$/, '');

export const prometheus = {
  queryRange: (c: string, r: RangeRequest, o: { signal?: AbortSignal | undefined } = {}) =>
    request({
      base: prometheusBase(c),
      path: '/api/v1/query_range',
      query: {
        query: r.query,
        start: seconds(r.startMs),
        end: seconds(r.endMs),
        step: `${Math.max(1, Math.round(r.stepMs / 1000))}s`,
      },
      schema: queryRangeSchema,
      signal: o.signal,
    }),
};
