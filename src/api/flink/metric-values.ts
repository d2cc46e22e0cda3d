import type { AggregatedMetricList, MetricAggregation, MetricList } from './schemas';

/** Flink sends metric values as strings; anything that is not a finite number becomes undefined. */
export function parseMetricValue(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** `[{id, value}]` → `{ id: number }` for charts and tables. */
export function metricValues(list: MetricList | undefined): Record<string, number | undefined> {
  const out: Record<string, number | undefined> = {};
  for (const m of list ?? []) out[m.id] = parseMetricValue(m.value);
  return out;
}

/** `[{id, max, ...}]` → `{ id: max }` for one aggregation. */
export function aggregatedValues(
  list: AggregatedMetricList | undefined,
  agg: MetricAggregation,
): Record<string, number | undefined> {
  const out: Record<string, number | undefined> = {};
  for (const m of list ?? []) {
    const v = m[agg];
    out[m.id] = v !== undefined && Number.isFinite(v) ? v : undefined;
  }
  return out;
}
