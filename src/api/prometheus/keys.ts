/** Prometheus query keys: not `['flink', …]`, so they never count as the cluster's own polls. */
export const prometheusKeys = {
  all: ['prometheus'] as const,
  cluster: (c: string) => ['prometheus', c] as const,
  range: (c: string, q: { query: string; rangeMs: number; stepMs: number }) =>
    ['prometheus', c, 'range', q] as const,
};
