import { isTerminalState } from '@/api/polling';
import type { SeaTunnelJob, SeaTunnelVertex, TableMetrics } from '@/api/seatunnel/normalise';
import type { DagEdge, DagMetric, DagNode, NodeTone } from '@/components/graph';
import type { ExactCount } from '@/api/seatunnel/values';
import { formatPerSecond, formatShortCount } from './format';
import { isSinkStalled } from './job-metrics';

/*
 * The SeaTunnel DAG on the shared graph: one box per vertex with its connector, pipeline,
 * parallelism, tables and the flow through it. The engine counts per job and per table, not per
 * vertex, so a vertex shows its tables' sums (or the job's totals when it is the only source or
 * sink, as in 2.3.8, which names no tables per vertex).
 */

export interface VertexLabel {
  title: string;
  kind: string;
  index: string | null;
  multiTable: boolean;
}

/** `Source[0]-FakeSource` → FakeSource / source 0; `TransformChain[Transform[0]-sql, …]` → sql, …. */
export function vertexLabel(v: Pick<SeaTunnelVertex, 'name' | 'type'>): VertexLabel {
  const chain = /^TransformChain\[(.*)\]$/.exec(v.name);
  if (chain) {
    const title = (chain[1] ?? '')
      .split(/,\s*/)
      .map((t) => t.replace(/^Transform\[\d+\]-/, ''))
      .join(' → ');
    return { title: title || v.name, kind: 'transform chain', index: null, multiTable: false };
  }
  const m = /^(Source|Sink|Transform)\[(\d+)\]-(.*)$/.exec(v.name);
  if (!m) return { title: v.name, kind: v.type, index: null, multiTable: false };
  const rest = m[3] ?? '';
  const multiTable = /-MultiTableSink$/.test(rest);
  return {
    title: rest.replace(/-MultiTableSink$/, '') || v.name,
    kind: (m[1] ?? '').toLowerCase(),
    index: m[2] ?? null,
    multiTable,
  };
}

interface VertexFlow {
  count: ExactCount | null;
  qps: number | null;
  /** Names of the tables summed, when known. */
  tables: string[];
  stalled: boolean;
}

function sumCounts(values: (ExactCount | null)[]): ExactCount | null {
  const known = values.filter((v): v is ExactCount => v !== null);
  if (!known.length) return null;
  const sum = known.reduce((s, v) => s + BigInt(v), 0n);
  return Number.isSafeInteger(Number(sum)) ? Number(sum) : sum.toString();
}

function sumRates(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((s, v) => s + v, 0) : null;
}

/** What flows through a source (received) or sink (written) vertex. */
export function vertexFlow(job: SeaTunnelJob, v: SeaTunnelVertex): VertexFlow | null {
  if (v.type !== 'source' && v.type !== 'sink') return null;
  const m = job.metrics;
  const source = v.type === 'source';
  const sameType = job.dag.vertices.filter((x) => x.type === v.type);
  const tables: TableMetrics[] = v.tablePaths.length
    ? m.tables.filter((t) => v.tablePaths.includes(t.table))
    : [];
  if (tables.length) {
    return {
      count: sumCounts(tables.map((t) => (source ? t.sourceReceivedCount : t.sinkWriteCount))),
      qps: sumRates(tables.map((t) => (source ? t.sourceReceivedQPS : t.sinkWriteQPS))),
      tables: tables.map((t) => t.table),
      stalled: !source && tables.some((t) => isSinkStalled(t)),
    };
  }
  if (sameType.length !== 1) return null;
  return {
    count: source ? m.sourceReceivedCount : m.sinkWriteCount,
    qps: source ? m.sourceReceivedQPS : m.sinkWriteQPS,
    tables: m.tables.map((t) => t.table),
    stalled: !source && isSinkStalled(m),
  };
}

function toneOf(job: SeaTunnelJob, flow: VertexFlow | null): { tone: NodeTone; fill?: number } {
  const status = job.jobStatus.toUpperCase();
  if (status === 'FAILED') return { tone: 'failed' };
  if (status !== 'RUNNING') return { tone: 'idle' };
  if (!flow) return { tone: 'ok' };
  if (flow.stalled) return { tone: 'backpressured', fill: 1 };
  return (flow.qps ?? 0) > 0 ? { tone: 'ok' } : { tone: 'idle' };
}

export function toGraph(job: SeaTunnelJob): { nodes: DagNode[]; edges: DagEdge[] } {
  const nodes = job.dag.vertices.map((v): DagNode => {
    const label = vertexLabel(v);
    const flow = vertexFlow(job, v);
    const metrics: DagMetric[] = [];
    if (flow) {
      metrics.push({
        label: v.type === 'source' ? 'Received' : 'Written',
        value: formatShortCount(flow.count),
      });
      // A job that is over has no rate: its count is what it did.
      if (!isTerminalState(job.jobStatus)) metrics.push({ label: 'Rate', value: formatPerSecond(flow.qps) });
    }
    const tableCount = v.tablePaths.length || (flow ? flow.tables.length : 0);
    if (tableCount > 0) metrics.push({ label: 'Tables', value: String(tableCount) });
    const badges = [label.kind];
    if (label.multiTable) badges.push('multi-table');
    if (flow?.stalled) badges.push('not writing');
    const subtitle = [
      label.index !== null ? `${label.kind} ${label.index}` : label.kind,
      v.pipelineId ? `pipeline ${v.pipelineId}` : null,
    ]
      .filter(Boolean)
      .join(' · ');
    return {
      id: v.id,
      title: label.title,
      subtitle,
      ...(v.parallelism !== null ? { parallelism: v.parallelism } : {}),
      badges,
      metrics,
      ...toneOf(job, flow),
    };
  });
  const edges = job.dag.edges.map((e): DagEdge => ({ source: e.source, target: e.target }));
  return { nodes, edges };
}
