// Shapes of the simulated cluster. Names follow Flink's own vocabulary.

export const JOB_STATUSES = [
  'INITIALIZING',
  'CREATED',
  'RUNNING',
  'FAILING',
  'FAILED',
  'CANCELLING',
  'CANCELED',
  'FINISHED',
  'RESTARTING',
  'SUSPENDED',
  'RECONCILING',
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const EXECUTION_STATES = [
  'CREATED',
  'SCHEDULED',
  'DEPLOYING',
  'RUNNING',
  'FINISHED',
  'CANCELING',
  'CANCELED',
  'FAILED',
  'RECONCILING',
  'INITIALIZING',
] as const;
export type ExecutionState = (typeof EXECUTION_STATES)[number];

export const TERMINAL_JOB: readonly JobStatus[] = ['FAILED', 'CANCELED', 'FINISHED', 'SUSPENDED'];

export type ShipStrategy = 'FORWARD' | 'HASH' | 'REBALANCE' | 'BROADCAST' | 'RESCALE' | 'GLOBAL';

/** Which stacks a vertex's threads show in flame graphs and thread dumps. */
export type StackProfile =
  | 'kafka-source'
  | 'mqtt-source'
  | 'file-source'
  | 'parse'
  | 'blocking-lookup'
  | 'window'
  | 'keyed-process'
  | 'sink-es'
  | 'sink-kafka'
  | 'sink-jdbc'
  | 'sink-s3';

export interface VertexSpec {
  /** Operator names chained into this vertex; the vertex name joins them with " -> ". */
  operators: string[];
  parallelism: number;
  maxParallelism?: number;
  inputs: { from: number; ship: ShipStrategy }[];
  /** Share of each second the task is busy / back-pressured (idle is the rest). */
  busy: number;
  backPressured: number;
  /** Records out per record in (sources: ignored). */
  selectivity: number;
  recordBytes: number;
  /** Records per second emitted by the whole source vertex. */
  sourceRate?: number;
  /** Subtasks that receive no data: idle, watermark stuck. */
  idleSubtasks?: number[];
  /** How far behind wall-clock the emitted watermark is, ms (sources). */
  watermarkDelayMs?: number;
  stack: StackProfile;
  /** Adds Thread.sleep frames to this vertex's off-CPU samples (the slow external call). */
  sleeps?: boolean;
}

export type Scenario = 'running' | 'finished' | 'failed' | 'restarting' | 'canceled';

export interface CheckpointSpec {
  /** Checkpointing not enabled: no periodic checkpoints, savepoints still work. */
  disabled?: boolean;
  intervalMs: number;
  timeoutMs: number;
  minPauseMs: number;
  /** Typical duration of one checkpoint, ms. */
  durationMs: number;
  /** Typical full state size, bytes. */
  stateBytes: number;
  /** Every n-th checkpoint fails (0 = never). */
  failEvery: number;
  failureMessages: string[];
  unaligned: boolean;
  incremental: boolean;
  /** Checkpoint id and path this job was restored from, if any. */
  restoredFrom?: { id: number; savepoint: boolean; path?: string };
}

export interface JobSpec {
  /** Stable key used to derive ids (job id = f(seed, key)). */
  key: string;
  name: string;
  type: 'STREAMING' | 'BATCH';
  scenario: Scenario;
  vertices: VertexSpec[];
  checkpointing?: CheckpointSpec;
  /** How long before cluster start the job was submitted. */
  submittedAgoMs: number;
  /** For terminal scenarios: how long it ran. */
  runtimeMs?: number;
  /** Savepoints for this job fail (the flaky job). */
  savepointsFail?: boolean;
  userAccumulators?: { name: string; type: string; perSecond: number }[];
  /** Restarting jobs: one cycle of RUNNING then RESTARTING, ms. */
  restartCycle?: { runningMs: number; restartingMs: number };
}
