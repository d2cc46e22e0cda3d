import type { ExactCount } from './values';
import type { RawJob, RawJobDag, RawJobInfo, RawJobMetrics, RawOverview, RawVertexInfo } from './schemas';

/*
 * One shape for the pages, whatever the flavour and whichever of the engine's forms arrived
 * (running jobs and finished jobs describe their DAG differently). Absent values are null.
 */

export interface SeaTunnelOverview {
  projectVersion: string;
  gitCommitAbbrev: string | null;
  totalSlot: number;
  unassignedSlot: number;
  workers: number | null;
  runningJobs: number;
  finishedJobs: number;
  failedJobs: number;
  cancelledJobs: number;
}

export type VertexType = 'source' | 'transform' | 'sink' | 'unknown';

export interface SeaTunnelVertex {
  id: string;
  /** e.g. `Source[0]-FakeSource`. */
  name: string;
  type: VertexType;
  pipelineId: string | null;
  parallelism: number | null;
  tablePaths: string[];
}

export interface SeaTunnelEdge {
  source: string;
  target: string;
  pipelineId: string | null;
}

export interface SeaTunnelDag {
  vertices: SeaTunnelVertex[];
  edges: SeaTunnelEdge[];
}

interface FlowMetrics {
  sourceReceivedCount: ExactCount | null;
  sourceReceivedBytes: ExactCount | null;
  sourceReceivedQPS: number | null;
  sourceReceivedBytesPerSeconds: number | null;
  sinkWriteCount: ExactCount | null;
  sinkWriteBytes: ExactCount | null;
  sinkWriteQPS: number | null;
  sinkWriteBytesPerSeconds: number | null;
  /** 2.3.10+ only. */
  sinkCommittedCount: ExactCount | null;
  sinkCommittedBytes: ExactCount | null;
  sinkCommittedQPS: number | null;
  sinkCommittedBytesPerSeconds: number | null;
}

export interface TableMetrics extends FlowMetrics {
  /** As the engine names it: `fake`, `shop.orders`. */
  table: string;
}

export interface SeaTunnelJobMetrics extends FlowMetrics {
  /** One row per table, sorted by name. */
  tables: TableMetrics[];
}

export interface SeaTunnelJob {
  jobId: string;
  jobName: string;
  /** RUNNING, FINISHED, CANCELED, FAILED, SAVEPOINT_DONE, ... (see isTerminalState). */
  jobStatus: string;
  /** Engine-local "YYYY-MM-DD HH:mm:ss" text; the engine does not say its time zone. */
  createTime: string | null;
  startTime: string | null;
  finishTime: string | null;
  errorMsg: string | null;
  envOptions: Record<string, string>;
  pluginJars: string[];
  isStartWithSavePoint: boolean | null;
  dag: SeaTunnelDag;
  metrics: SeaTunnelJobMetrics;
}

const text = (s: string | null | undefined): string | null => (s === undefined || s === null || s === '' ? null : s);

export function toOverview(raw: RawOverview): SeaTunnelOverview {
  const { works, workers, gitCommitAbbrev, ...rest } = raw;
  return { ...rest, gitCommitAbbrev: text(gitCommitAbbrev), workers: workers ?? works ?? null };
}

/** A job of running-jobs / finished-jobs, or a found job-info. */
export function toJob(raw: RawJob): SeaTunnelJob {
  return {
    jobId: raw.jobId,
    jobName: raw.jobName,
    jobStatus: raw.jobStatus,
    createTime: text(raw.createTime),
    startTime: text(raw.startTime),
    finishTime: text(raw.finishTime ?? raw.finishedTime),
    errorMsg: text(raw.errorMsg),
    envOptions: Object.fromEntries(
      Object.entries(raw.envOptions ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
    ),
    pluginJars: (raw.pluginJarsUrls ?? []).map((j) => (typeof j === 'string' ? j : j.jarPath)),
    isStartWithSavePoint: raw.isStartWithSavePoint ?? null,
    dag: toDag(raw.jobDag ?? {}),
    metrics: toMetrics(raw.metrics ?? {}),
  };
}

/** job-info / running-job: null when the engine does not know the id (it answers `{jobId}` only). */
export function toJobDetail(raw: RawJobInfo): SeaTunnelJob | null {
  const { jobName, jobStatus, createTime } = raw;
  if (jobStatus === undefined) return null;
  return toJob({ ...raw, jobName: jobName ?? '', jobStatus, createTime: createTime ?? '' });
}

// ---- DAG ---------------------------------------------------------------------------------

/** `Source[0]-FakeSource(id=1)` / `pipeline-1 [Source[0]-FakeSource]` → `Source[0]-FakeSource`. */
function plainName(name: string): string {
  const bracketed = /^pipeline-\d+ \[(.*)\]$/.exec(name);
  return (bracketed?.[1] ?? name).replace(/\(id=\d+\)$/, '');
}

function typeOf(type: string | undefined, name: string): VertexType {
  const t = (type ?? /^(Source|Transform|Sink)\[/.exec(name)?.[1] ?? '').toLowerCase();
  return t === 'source' || t === 'transform' || t === 'sink' ? t : 'unknown';
}

function tablePathText(p: string | { databaseName?: string | null; schemaName?: string | null; tableName: string }) {
  return typeof p === 'string' ? p : [p.databaseName, p.schemaName, p.tableName].filter(Boolean).join('.');
}

function fromVertexInfo(v: RawVertexInfo, pipelineId: string | null): SeaTunnelVertex {
  const name = plainName(v.vertexName ?? v.connectorType ?? `vertex ${v.vertexId}`);
  const pipeline = pipelineId ?? /^pipeline-(\d+) /.exec(v.connectorType ?? '')?.[1] ?? null;
  return {
    id: String(v.vertexId),
    name,
    type: typeOf(v.type, name),
    pipelineId: pipeline,
    parallelism: null,
    tablePaths: (v.tablePaths ?? []).map(tablePathText),
  };
}

export function toDag(raw: RawJobDag): SeaTunnelDag {
  const vertices: SeaTunnelVertex[] = [];
  const edges: SeaTunnelEdge[] = [];
  // JobDAGInfo form: vertexInfoMap is a list (doc), a map by vertex id (real), or a map by pipeline.
  const infos = raw.vertexInfoMap;
  if (Array.isArray(infos)) vertices.push(...infos.map((v) => fromVertexInfo(v, null)));
  else if (infos) {
    for (const [key, value] of Object.entries(infos)) {
      if (Array.isArray(value)) vertices.push(...value.map((v) => fromVertexInfo(v, key)));
      else vertices.push(fromVertexInfo(value, null));
    }
  }
  for (const [pipelineId, list] of Object.entries(raw.pipelineEdges ?? {})) {
    for (const e of list) {
      edges.push({ source: String(e.inputVertexId), target: String(e.targetVertexId), pipelineId });
      for (const id of [e.inputVertexId, e.targetVertexId]) {
        const v = vertices.find((x) => x.id === String(id));
        if (v && v.pipelineId === null) v.pipelineId = pipelineId;
      }
    }
  }
  // Running-job form: {vertices, edges}, edges naming vertices without their "(id=N)".
  for (const v of raw.vertices ?? []) {
    const name = plainName(v.name);
    vertices.push({
      id: String(v.id),
      name,
      type: typeOf(undefined, name),
      pipelineId: null,
      parallelism: v.parallelism ?? null,
      tablePaths: [],
    });
  }
  for (const e of raw.edges ?? []) {
    const source = vertices.find((v) => v.name === plainName(e.inputVertex));
    const target = vertices.find((v) => v.name === plainName(e.targetVertex));
    if (source && target) edges.push({ source: source.id, target: target.id, pipelineId: null });
  }
  return { vertices, edges };
}

// ---- metrics -----------------------------------------------------------------------------

type MetricKey = keyof FlowMetrics;
/** Normalised name → the engine's total key; its per-table key is the same with `Table` in front. */
const METRIC_KEYS: Record<MetricKey, Exclude<keyof RawJobMetrics, `Table${string}`>> = {
  sourceReceivedCount: 'SourceReceivedCount',
  sourceReceivedBytes: 'SourceReceivedBytes',
  sourceReceivedQPS: 'SourceReceivedQPS',
  sourceReceivedBytesPerSeconds: 'SourceReceivedBytesPerSeconds',
  sinkWriteCount: 'SinkWriteCount',
  sinkWriteBytes: 'SinkWriteBytes',
  sinkWriteQPS: 'SinkWriteQPS',
  sinkWriteBytesPerSeconds: 'SinkWriteBytesPerSeconds',
  sinkCommittedCount: 'SinkCommittedCount',
  sinkCommittedBytes: 'SinkCommittedBytes',
  sinkCommittedQPS: 'SinkCommittedQPS',
  sinkCommittedBytesPerSeconds: 'SinkCommittedBytesPerSeconds',
};
const METRIC_NAMES = Object.keys(METRIC_KEYS) as MetricKey[];

function emptyFlow(): FlowMetrics {
  return Object.fromEntries(METRIC_NAMES.map((k) => [k, null])) as unknown as FlowMetrics;
}

export function toMetrics(raw: RawJobMetrics): SeaTunnelJobMetrics {
  const totals = emptyFlow();
  const tables = new Map<string, TableMetrics>();
  for (const name of METRIC_NAMES) {
    const key = METRIC_KEYS[name];
    (totals as unknown as Record<MetricKey, unknown>)[name] = raw[key] ?? null;
    const perTable = raw[`Table${key}` as keyof RawJobMetrics] as Record<string, ExactCount | number | null> | undefined;
    for (const [table, value] of Object.entries(perTable ?? {})) {
      const row = tables.get(table) ?? { table, ...emptyFlow() };
      (row as unknown as Record<MetricKey, unknown>)[name] = value;
      tables.set(table, row);
    }
  }
  // The old doc's lower-case spellings, when the real keys are absent.
  totals.sourceReceivedCount ??= raw.sourceReceivedCount ?? null;
  totals.sinkWriteCount ??= raw.sinkWriteCount ?? null;
  return { ...totals, tables: [...tables.values()].sort((a, b) => a.table.localeCompare(b.table)) };
}
