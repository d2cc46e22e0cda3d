/**
 * Plan + job details + vertex load → what the graph draws (nodes, edges) and what the vertex
 * table lists (rows). Pure functions: the tab only wires them to the queries.
 */
import type { DagEdge, DagNode } from '@/components/graph';
import type { IoMetrics, JobVertexSummary, Plan } from '@/api/flink/schemas';
import { formatBytes, formatCount, formatDuration, formatPercent, isKnown, UNKNOWN } from '@/lib/format';
import { vertexTone, type VertexTone } from './tones';
import type { VertexLoad } from './vertex-load';

export interface VertexLink {
  id: string;
  name: string;
  /** FORWARD, HASH, REBALANCE, … */
  shipStrategy: string | undefined;
}

export interface VertexRow extends VertexTone {
  id: string;
  name: string;
  /** The operators chained into this vertex, in order (from the plan's description). */
  operators: string[];
  status: string | undefined;
  parallelism: number;
  maxParallelism: number | undefined;
  startTime: number | undefined;
  endTime: number | undefined;
  duration: number | undefined;
  tasks: Record<string, number>;
  /** Totals since the vertex started (from `/jobs/:jobid`). */
  totals: IoMetrics | undefined;
  load: VertexLoad | undefined;
  /** When the load was received (0 = never). */
  loadAt: number;
  inputs: VertexLink[];
  outputs: VertexLink[];
  /** The job is in a terminal state: its rates are over, its totals are what is left to show. */
  jobOver: boolean;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  apos: "'",
  nbsp: ' ',
};

/** Decodes the few entities Flink escapes; the result is plain text, never parsed as HTML. */
function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, e: string) => ENTITIES[e] ?? '');
}

/**
 * `"[1]:Source: Kafka<br/>+- [2]:Map<br/>"` → `["Source: Kafka", "Map"]`. Flink writes the chain
 * as HTML lines with "+- " indents; older versions prefix the operator id in brackets.
 */
export function planOperators(description: string): string[] {
  return description
    .split(/<br\s*\/?>|\n/i)
    .map((line) =>
      decodeEntities(line.replace(/<[^>]*>/g, ''))
        .replace(/^[\s+|-]*/, '')
        .replace(/^\[\d+\]:\s*/, '')
        .trim(),
    )
    .filter((line) => line !== '');
}

/** One edge per plan input, labelled with its ship strategy. */
export function planEdges(plan: Plan): DagEdge[] {
  const known = new Set(plan.nodes.map((n) => n.id));
  const edges: DagEdge[] = [];
  for (const node of plan.nodes) {
    for (const input of node.inputs ?? []) {
      if (!known.has(input.id)) continue;
      edges.push({
        source: input.id,
        target: node.id,
        ...(input.ship_strategy ? { label: input.ship_strategy } : {}),
      });
    }
  }
  return edges;
}

/**
 * The table rows, in the plan's topological order (sources first). Vertices come from the plan;
 * status, timings and task counts from `/jobs/:jobid` `vertices[]`; load from the metric polls.
 */
export function vertexRows(
  plan: Plan,
  vertices: readonly JobVertexSummary[],
  loads: Readonly<Record<string, { load: VertexLoad | undefined; at: number } | undefined>>,
  jobOver = false,
): VertexRow[] {
  const summaries = new Map(vertices.map((v) => [v.id, v]));
  const nameOf = (id: string) =>
    summaries.get(id)?.name ??
    planOperators(plan.nodes.find((n) => n.id === id)?.description ?? '').join(' -> ');
  const outputs = new Map<string, VertexLink[]>();
  for (const node of plan.nodes) {
    for (const input of node.inputs ?? []) {
      const list = outputs.get(input.id) ?? [];
      list.push({ id: node.id, name: '', shipStrategy: input.ship_strategy });
      outputs.set(input.id, list);
    }
  }
  const rows = plan.nodes.map((node): VertexRow => {
    const v = summaries.get(node.id);
    const operators = planOperators(node.description);
    const entry = loads[node.id];
    const load = entry?.load;
    return {
      id: node.id,
      name: v?.name ?? (operators.join(' -> ') || node.id),
      operators,
      status: v?.status,
      parallelism: v?.parallelism ?? node.parallelism,
      maxParallelism: v?.maxParallelism,
      startTime: v?.['start-time'],
      endTime: v?.['end-time'],
      duration: v?.duration,
      tasks: v?.tasks ?? {},
      totals: v?.metrics,
      load,
      loadAt: entry?.at ?? 0,
      inputs: (node.inputs ?? []).map((i) => ({
        id: i.id,
        name: nameOf(i.id),
        shipStrategy: i.ship_strategy,
      })),
      outputs: (outputs.get(node.id) ?? []).map((o) => ({ ...o, name: nameOf(o.id) })),
      jobOver,
      ...vertexTone(v?.status, jobOver ? undefined : load),
    };
  });
  return topologicalOrder(rows);
}

/** Sources first, then each vertex after all its inputs (Flink's plan lists sinks first). */
export function topologicalOrder(rows: readonly VertexRow[]): VertexRow[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const done = new Set<string>();
  const out: VertexRow[] = [];
  const visit = (row: VertexRow, path: Set<string>) => {
    if (done.has(row.id) || path.has(row.id)) return;
    path.add(row.id);
    for (const input of row.inputs) {
      const r = byId.get(input.id);
      if (r) visit(r, path);
    }
    path.delete(row.id);
    done.add(row.id);
    out.push(row);
  };
  for (const row of rows) visit(row, new Set());
  return out;
}

/** Records per second without false precision: 0.25/s, 12.5/s, 938/s, 23.3K/s. */
export function formatPerSecond(n: number | undefined): string {
  if (!isKnown(n)) return UNKNOWN;
  const rounded = n >= 100 ? Math.round(n) : n >= 10 ? Math.round(n * 10) / 10 : Math.round(n * 100) / 100;
  return `${formatCount(rounded)}/s`;
}

export function formatBytesPerSecond(n: number | undefined): string {
  return isKnown(n) ? `${formatBytes(n)}/s` : UNKNOWN;
}

/** "9.95 MiB → 5.24 MiB/s": bytes in and out of a vertex in one short chip. */
export function bytesFlow(load: VertexLoad | undefined): string {
  return `${formatBytes(load?.bytesIn)} → ${formatBytes(load?.bytesOut)}/s`;
}

/** A total since start; "≥" when not every input reported yet (Flink's `-complete` flags). */
export function formatTotal(
  n: number | undefined,
  complete: boolean | undefined,
  kind: 'records' | 'bytes',
): string {
  const text = kind === 'bytes' ? formatBytes(n) : formatCount(n);
  return isKnown(n) && complete === false ? `≥ ${text}` : text;
}

/** "9.95 MiB → 5.24 MiB": bytes received and sent by a vertex of a job that is over. */
export function bytesTotalFlow(totals: IoMetrics | undefined): string {
  return `${formatTotal(totals?.['read-bytes'], totals?.['read-bytes-complete'], 'bytes')} → ${formatTotal(
    totals?.['write-bytes'],
    totals?.['write-bytes-complete'],
    'bytes',
  )}`;
}

/**
 * What the graph box shows: busy/back-pressure (max over subtasks) and throughput while the job
 * runs; once it is over (rates all 0), what it received and sent in total and how long it ran.
 */
export function toDagNode(row: VertexRow): DagNode {
  const l = row.load;
  const t = row.totals;
  return {
    id: row.id,
    title: row.name,
    parallelism: row.parallelism,
    ...(row.status ? { status: row.status } : {}),
    badges: [row.jobOver ? bytesTotalFlow(t) : bytesFlow(l)],
    metrics: row.jobOver
      ? [
          {
            label: 'Received',
            value: formatTotal(t?.['read-records'], t?.['read-records-complete'], 'records'),
          },
          { label: 'Ran', value: formatDuration(row.duration) },
          {
            label: 'Sent',
            value: formatTotal(t?.['write-records'], t?.['write-records-complete'], 'records'),
          },
        ]
      : [
          { label: 'In', value: formatPerSecond(l?.recordsIn) },
          { label: 'Busy', value: formatPercent(l?.busy) },
          { label: 'Out', value: formatPerSecond(l?.recordsOut) },
          { label: 'BP', value: formatPercent(l?.backPressured) },
        ],
    tone: row.tone,
    ...(row.fill !== undefined ? { fill: row.fill } : {}),
  };
}
