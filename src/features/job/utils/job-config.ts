import type { JobConfig, JobVertexSummary, ResourceRequirements } from '@/api/flink/schemas';
import { formatBytes, formatDuration, formatExact, formatTimestamp, type TimeZoneChoice } from '@/lib/format';

export interface KeyValue {
  key: string;
  value: string;
}

/** `/jobs/:jobid/config`'s execution config as readable rows (absent settings left out). */
export function executionConfigRows(config: JobConfig): KeyValue[] {
  const ec = config['execution-config'];
  if (!ec) return [];
  const rows: KeyValue[] = [];
  const add = (key: string, v: string | number | boolean | undefined) => {
    if (v !== undefined) rows.push({ key, value: String(v) });
  };
  add('Execution mode', ec['execution-mode']);
  add('Restart strategy', ec['restart-strategy']);
  add('Job parallelism', ec['job-parallelism']);
  add(
    'Object reuse',
    ec['object-reuse-mode'] === undefined ? undefined : ec['object-reuse-mode'] ? 'enabled' : 'disabled',
  );
  return rows;
}

export function userConfigRows(config: JobConfig): KeyValue[] {
  return Object.entries(config['execution-config']?.['user-config'] ?? {})
    .map(([key, value]) => ({ key, value }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Key/value rows whose key or value contains every term of `q` (case-insensitive). */
export function filterKeyValues<T extends KeyValue>(rows: readonly T[], q: string): readonly T[] {
  const terms = q.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return rows;
  return rows.filter((r) => {
    const k = r.key.toLowerCase();
    const v = r.value.toLowerCase();
    return terms.every((t) => k.includes(t) || v.includes(t));
  });
}

export interface RequirementRow {
  id: string;
  name: string;
  parallelism: number | undefined;
  lowerBound: number;
  upperBound: number;
}

/** Resource requirements per vertex id joined with the vertices' names, in the job's vertex order. */
export function requirementRows(
  req: ResourceRequirements,
  vertices: readonly JobVertexSummary[] | undefined,
): RequirementRow[] {
  const order = new Map((vertices ?? []).map((v, i) => [v.id, i]));
  return Object.entries(req)
    .map(([id, r]) => {
      const v = vertices?.find((x) => x.id === id);
      return {
        id,
        name: v?.name ?? id,
        parallelism: v?.parallelism,
        lowerBound: r.parallelism.lowerBound,
        upperBound: r.parallelism.upperBound,
      };
    })
    .sort(
      (a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity) || a.name.localeCompare(b.name),
    );
}

/** Job metrics worth seeing first, when the job has them. */
export const DEFAULT_JOB_METRICS = [
  'uptime',
  'numRestarts',
  'numberOfCompletedCheckpoints',
  'numberOfFailedCheckpoints',
  'lastCheckpointDuration',
  'lastCheckpointSize',
];

export type MetricKind = 'timestamp' | 'bytes' | 'duration' | 'number' | 'text';

/** What a job metric's value is, from its name (Flink's naming is consistent enough). */
export function jobMetricKind(id: string, value: string | undefined): MetricKind {
  const numeric = value !== undefined && value.trim() !== '' && Number.isFinite(Number(value));
  if (!numeric) return 'text';
  if (/Timestamp$/.test(id)) return 'timestamp';
  if (/(Size|Data|Bytes)$/.test(id)) return 'bytes';
  if (/(Time|TimeTotal|Duration)$/.test(id) || id === 'uptime' || id === 'downtime') return 'duration';
  return 'number';
}

/** A job metric value for reading; the raw value stays available as a tooltip. */
export function formatJobMetric(id: string, value: string | undefined, zone: TimeZoneChoice): string {
  if (value === undefined) return '—';
  const n = Number(value);
  switch (jobMetricKind(id, value)) {
    case 'timestamp':
      return formatTimestamp(n, zone);
    case 'bytes':
      return formatBytes(n);
    case 'duration':
      return formatDuration(n);
    case 'number':
      return n < 0 ? String(n) : formatExact(n);
    default:
      return value;
  }
}
