/**
 * The Metrics tab: which metrics exist, which ones the user picked (remembered per job and
 * vertex in localStorage) and which aggregations over subtasks are worth drawing for each.
 */
import type { MetricAggregation, MetricList } from '@/api/flink/schemas';
import type { ValueFormat } from '@/components/charts';
import { formatBytes, formatCount } from '@/lib/format';

const PREFIX = 'streamdash.job-graph.metrics';
export const MAX_PICKED = 8;
export const DEFAULT_PICKED = ['numRecordsInPerSecond', 'numRecordsOutPerSecond'] as const;

export function storageKey(jobId: string, vertexId: string): string {
  return `${PREFIX}.${jobId}.${vertexId}`;
}

/** The names a subtask reports (`.../subtasks/0/metrics`), sorted, task metrics before operator ones. */
export function metricNames(list: MetricList | undefined): string[] {
  const names = [...new Set((list ?? []).map((m) => m.id))];
  const operatorScoped = (n: string) => n.includes('.') && !n.startsWith('buffers.');
  return names.sort((a, b) => Number(operatorScoped(a)) - Number(operatorScoped(b)) || a.localeCompare(b));
}

/** The stored pick, or undefined when the user never picked anything for this vertex. */
export function readPicked(jobId: string, vertexId: string): string[] | undefined {
  try {
    const raw = localStorage.getItem(storageKey(jobId, vertexId));
    if (raw === null) return undefined;
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed)
      ? parsed.filter((x): x is string => typeof x === 'string').slice(0, MAX_PICKED)
      : undefined;
  } catch {
    return undefined;
  }
}

export function writePicked(jobId: string, vertexId: string, names: readonly string[]): void {
  try {
    localStorage.setItem(storageKey(jobId, vertexId), JSON.stringify(names.slice(0, MAX_PICKED)));
  } catch {
    // Storage full or disabled: the pick just is not remembered.
  }
}

/** What to show before the user picked: the record rates, if the vertex has them. */
export function initialPick(stored: readonly string[] | undefined, available: readonly string[]): string[] {
  if (stored) return [...stored];
  return DEFAULT_PICKED.filter((n) => available.includes(n));
}

/**
 * Throughput and counters add up over subtasks (sum = the vertex, max = the hottest subtask);
 * gauges such as pool usage or watermarks do not, so they get min / avg / max.
 */
export function aggregationsFor(name: string): MetricAggregation[] {
  const base = name.slice(name.lastIndexOf('.') + 1);
  const additive = /^num[A-Z]/.test(base) || (base.endsWith('PerSecond') && !base.endsWith('MsPerSecond'));
  return additive ? ['sum', 'max'] : ['min', 'avg', 'max'];
}

const bytesPerSecond = (v: number) => `${formatBytes(v)}/s`;
const msPerSecond = (v: number) => `${formatCount(v)} ms/s`;

/** How values of a metric read best, from its name. */
export function metricFormat(name: string): ValueFormat {
  const base = name.slice(name.lastIndexOf('.') + 1);
  if (/Bytes\w*PerSecond$/.test(base)) return bytesPerSecond;
  if (base.endsWith('MsPerSecond')) return msPerSecond;
  if (base.endsWith('PerSecond')) return 'rate';
  if (/Bytes/.test(base)) return 'bytes';
  if (/(Usage|Ratio)$/.test(base)) return 'percent';
  if (/(Ms|Latency)(_p\d+|_mean|_max|_min)?$/.test(base)) return 'duration';
  return 'count';
}
