import type { SeaTunnelJob, SeaTunnelJobMetrics, TableMetrics } from '@/api/seatunnel/normalise';
import type { ExactCount } from '@/api/seatunnel/values';
import { countDifference, countToNumber } from './format';

/*
 * A job's flow figures for the metrics table and charts: the job's totals and one row per table,
 * plus what the engine leaves to the reader (rows still between source and sink, a sink that
 * stopped writing while its source reads on).
 */

type Flow = Omit<TableMetrics, 'table'>;

export interface FlowRow {
  /** Table name, or null for the job's totals. */
  table: string | null;
  flow: Flow;
  /** Received minus written (exact); null when either is missing. */
  lag: ExactCount | null;
  stalled: boolean;
}

/** The source reads but the sink writes nothing: the tell-tale of a stuck sink. */
export function isSinkStalled(flow: Pick<Flow, 'sourceReceivedQPS' | 'sinkWriteQPS'>): boolean {
  return (flow.sourceReceivedQPS ?? 0) > 0 && flow.sinkWriteQPS !== null && flow.sinkWriteQPS === 0;
}

function row(table: string | null, flow: Flow, running: boolean): FlowRow {
  return {
    table,
    flow,
    lag: countDifference(flow.sourceReceivedCount, flow.sinkWriteCount),
    stalled: running && isSinkStalled(flow),
  };
}

export function flowRows(metrics: SeaTunnelJobMetrics, running: boolean): FlowRow[] {
  const { tables, intermediateQueueSize: _queue, ...totals } = metrics;
  return [row(null, totals, running), ...tables.map(({ table, ...flow }) => row(table, flow, running))];
}

const FLOW_KEYS = [
  'sourceReceivedCount',
  'sourceReceivedBytes',
  'sourceReceivedQPS',
  'sourceReceivedBytesPerSeconds',
  'sinkWriteCount',
  'sinkWriteBytes',
  'sinkWriteQPS',
  'sinkWriteBytesPerSeconds',
  'sinkCommittedCount',
  'sinkCommittedQPS',
] as const;
export type FlowKey = (typeof FLOW_KEYS)[number];

export const TOTAL_PREFIX = 'total/';
export const tablePrefix = (table: string) => `table/${table}/`;

/** One poll's values for the history: `total/<key>` and `table/<name>/<key>`. */
export function metricSamples(metrics: SeaTunnelJobMetrics): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  const put = (prefix: string, flow: Flow) => {
    for (const key of FLOW_KEYS) {
      const v = flow[key];
      out[prefix + key] = typeof v === 'number' || typeof v === 'string' ? countToNumber(v) : null;
    }
  };
  put(TOTAL_PREFIX, metrics);
  for (const t of metrics.tables) put(tablePrefix(t.table), t);
  out[`${TOTAL_PREFIX}intermediateQueueSize`] = countToNumber(metrics.intermediateQueueSize);
  return out;
}

export interface Point {
  t: number;
  v: number;
}

/** Whether a counter went up between the first and the last sample. */
export function climbed(points: readonly Point[]): boolean {
  const first = points[0];
  const last = points[points.length - 1];
  return first !== undefined && last !== undefined && last.v > first.v;
}

/** Job mode from its env options (running jobs only: finished jobs do not carry them). */
export function jobMode(job: Pick<SeaTunnelJob, 'envOptions'>): string | null {
  const mode = job.envOptions['job.mode'];
  return mode ? mode.toUpperCase() : null;
}
