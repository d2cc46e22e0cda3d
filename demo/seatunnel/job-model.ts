// The in-memory shape of a demo job. Everything the REST layer prints is
// derived from this, so both REST flavours always agree.

export type JobStatus =
  | 'INITIALIZING'
  | 'CREATED'
  | 'SCHEDULED'
  | 'RUNNING'
  | 'PENDING'
  | 'FAILING'
  | 'FAILED'
  | 'DOING_SAVEPOINT'
  | 'SAVEPOINT_DONE'
  | 'CANCELING'
  | 'CANCELED'
  | 'FINISHED'
  | 'UNKNOWABLE';

const END_STATES: ReadonlySet<JobStatus> = new Set([
  'FAILED',
  'SAVEPOINT_DONE',
  'CANCELED',
  'FINISHED',
  'UNKNOWABLE',
]);

export const isEndState = (s: JobStatus): boolean => END_STATES.has(s);

export type JobMode = 'BATCH' | 'STREAMING';

export interface PluginSpec {
  /** plugin_name as the user wrote it, e.g. "FakeSource", "Jdbc". */
  name: string;
  /** Full table names this plugin reads or writes, e.g. "shop.orders". */
  tables: string[];
}

export interface JobSpec {
  name: string;
  mode: JobMode;
  /** env options as the engine echoes them: every value a string. */
  env: Array<[string, string]>;
  parallelism: number;
  sources: PluginSpec[];
  transforms: PluginSpec[];
  sinks: PluginSpec[];
  /** Batch jobs: rows each table produces before the job finishes. */
  batchRowsPerTable?: number;
}

export interface DagVertex {
  vertexId: number;
  type: 'source' | 'transform' | 'sink';
  vertexName: string;
  tablePaths: string[];
}

export interface DagEdge {
  pipelineId: number;
  inputVertexId: number;
  targetVertexId: number;
}

export interface JobDag {
  vertices: DagVertex[];
  edges: DagEdge[];
}

/** Live counters for one table; floats so slow rates still accumulate. */
export interface TableFlow {
  table: string;
  /** Nominal source rows per second while running. */
  baseRate: number;
  rowBytes: number;
  phase: number;
  sourceCount: number;
  sinkCount: number;
  sourceQps: number;
  sinkQps: number;
}

export interface DemoJob {
  /** Decimal text of the 64-bit id: never a JS number. */
  id: string;
  spec: JobSpec;
  status: JobStatus;
  createTime: number;
  finishTime?: number;
  errorMsg: string | null;
  isStartWithSavePoint: boolean;
  pluginJars: string[];
  dag: JobDag;
  tables: TableFlow[];
  intermediateQueueSize: number;
  lastAdvance: number;
  /** When set, the sink stops writing from this time while the source goes on. */
  sinkStalledAt?: number;
  /** A pending transition (batch end, cancel, savepoint) and when it lands. */
  transition?: { at: number; to: JobStatus };
  /** Which member runs the job; drives log listings. */
  member: number;
}
