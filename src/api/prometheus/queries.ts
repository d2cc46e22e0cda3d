import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { prometheus } from './client';
import { prometheusKeys } from './keys';
import { toSeries } from './series';

export interface RangeOptions {
  /** How far back from now. */
  rangeMs: number;
  /** Resolution; Prometheus answers at most 11,000 points per series. */
  stepMs: number;
}

export const DEFAULT_RANGE: RangeOptions = { rangeMs: 60 * 60_000, stepMs: 15_000 };

/** `query_range` over the last `rangeMs`, ending when the query runs (so polling moves the window). */
export const prometheusRangeQuery = (
  c: string,
  query: string,
  { rangeMs, stepMs }: RangeOptions = DEFAULT_RANGE,
) =>
  queryOptions({
    queryKey: prometheusKeys.range(c, { query, rangeMs, stepMs }),
    queryFn: async ({ signal }) => {
      const endMs = Date.now();
      return toSeries(
        await prometheus.queryRange(c, { query, startMs: endMs - rangeMs, endMs, stepMs }, { signal }),
      );
    },
  });

/**
 * History of a PromQL expression from the cluster's Prometheus (`hasPrometheus` in useClusterInfo).
 * Refreshed once per step (at least every 15 s); `query` undefined or `enabled` false: no request.
 */
export function usePrometheusRange(
  c: string,
  query: string | undefined,
  options: RangeOptions & { enabled?: boolean } = DEFAULT_RANGE,
) {
  const { enabled = true, ...range } = options;
  return useQuery({
    ...prometheusRangeQuery(c, query ?? '', range),
    enabled: enabled && !!query,
    refetchInterval: Math.max(15_000, range.stepMs),
    placeholderData: keepPreviousData,
  });
}
