// The simulated Flink cluster: jobs, task managers, slots, jars and pending operations.
// Reads call `now` once and ask every model object for its state at that instant.
import { stableHexId, Rng, hashString } from '../util/rng.ts';
import { CheckpointTracker } from './checkpoints.ts';
import { SimJob } from './job.ts';
import { JarStore } from './jars.ts';
import { largeSpecs } from './large-specs.ts';
import { OperationStore } from './operations.ts';
import { DEMO_JOBS } from './specs.ts';
import { createTaskManagers, type SimTaskManager, type TmLoad } from './task-managers.ts';
import { DEMO_FLINK_VERSIONS, type DemoFlinkVersion } from './config.ts';
import type { CheckpointSpec, JobSpec } from './types.ts';
import { MetricFetcher } from './metric-fetcher.ts';

/** What Flink reports for a job that did not enable checkpointing. */
const DISABLED_CHECKPOINTING: CheckpointSpec = {
  disabled: true,
  intervalMs: Infinity,
  timeoutMs: 600_000,
  minPauseMs: 0,
  durationMs: 300,
  stateBytes: 4 * 1024 * 1024,
  failEvery: 0,
  failureMessages: [],
  unaligned: false,
  incremental: false,
};

export interface ClusterOptions {
  seed: number;
  scale: 'normal' | 'large';
  flameGraphs: boolean;
  /** execution.checkpointing.savepoint-dir; null = not configured. */
  defaultSavepointDir: string | null;
  /** metrics.fetcher.update-interval: metrics served through REST change at most this often (0: on every request). */
  metricFetchIntervalMs?: number;
  /** The Flink version to imitate (default 2.2). */
  flinkVersion?: DemoFlinkVersion;
  now: () => number;
}

export interface Slot {
  tm: SimTaskManager;
  index: number;
}

export class Cluster {
  readonly startedAt: number;
  readonly jmStartedAt: number;
  readonly taskManagers: SimTaskManager[];
  readonly ops = new OperationStore();
  readonly jars: JarStore;
  readonly historySize: number;
  readonly datasets = new Map<string, { isComplete: boolean }>();
  readonly commitId: string;
  readonly metricFetcher: MetricFetcher;
  private readonly jobsById = new Map<string, SimJob>();
  private readonly jobOrder: SimJob[] = [];
  private largeLoaded = false;
  private slotCache?: { key: string; slots: Map<string, Slot[]>; used: number[]; backPressured: boolean[] };
  private slotMemo?: {
    now: number;
    version: number;
    plan: { slots: Map<string, Slot[]>; used: number[]; backPressured: boolean[] };
  };
  /** Set by DELETE /cluster; the server closes after answering. */
  shutdownRequested = false;
  private readonly idRng: Rng;

  /** The version string the cluster reports (`/config`, `/overview`). */
  get flinkVersion(): string {
    return DEMO_FLINK_VERSIONS[this.opts.flinkVersion ?? '2.2'];
  }
  /** Flink 2.3 keeps the adaptive scheduler's rescale history (the demo runs that scheduler). */
  get hasRescaleHistory(): boolean {
    return this.opts.flinkVersion === '2.3';
  }

  constructor(readonly opts: ClusterOptions) {
    this.startedAt = opts.now();
    this.metricFetcher = new MetricFetcher(opts.metricFetchIntervalMs);
    this.jmStartedAt = this.startedAt - 3 * 3600_000 - 412_000;
    const large = opts.scale === 'large';
    this.taskManagers = createTaskManagers(opts.seed, large ? 1000 : 3, 4, this.startedAt);
    this.historySize = large ? 10_000 : 10;
    this.jars = new JarStore(opts.seed, this.startedAt);
    this.commitId = new Rng(hashString(`${opts.seed}:commit`)).hex(7);
    this.idRng = new Rng(hashString(`${opts.seed}:ids`));
    this.datasets.set(stableHexId(opts.seed, 'dataset:inventory-cache'), { isComplete: true });
    for (const spec of DEMO_JOBS) this.addJob(spec);
  }

  now(): number {
    return this.opts.now();
  }

  /** When the metrics served to a request at `now` were measured (the JobManager's metric fetcher). */
  metricsAt(now: number): number {
    return this.metricFetcher.at(now);
  }

  /** A fresh 32-hex id (trigger ids, job ids of submitted jobs), from the seeded sequence. */
  newId(): string {
    return this.idRng.hex(32);
  }

  get seed(): number {
    return this.opts.seed;
  }

  addJob(spec: JobSpec, id?: string, reference = this.startedAt): SimJob {
    const job = new SimJob(this.opts.seed, spec, reference, id);
    job.checkpoints = new CheckpointTracker(
      job,
      spec.checkpointing ?? DISABLED_CHECKPOINTING,
      this.historySize,
    );
    this.jobsById.set(job.id, job);
    this.jobOrder.push(job);
    this.slotCache = undefined;
    return job;
  }

  /** All jobs, oldest submission first. */
  jobs(): readonly SimJob[] {
    this.ensureLarge();
    return this.jobOrder;
  }

  /** A job brought up to date with `now` (rescales applied, checkpoints generated). */
  job(id: string, now: number): SimJob | undefined {
    this.ensureLarge();
    const job = this.jobsById.get(id);
    if (job) this.touch(job, now);
    return job;
  }

  touch(job: SimJob, now: number): void {
    if (job.applyRescales(now)) this.slotCache = undefined;
    job.checkpoints?.advance(now);
  }

  private ensureLarge(): void {
    if (this.largeLoaded || this.opts.scale !== 'large') return;
    this.largeLoaded = true;
    // built on first use so that starting the demo stays fast
    for (const spec of largeSpecs(this.opts.seed)) this.addJob(spec);
  }

  taskManager(id: string): SimTaskManager | undefined {
    return this.taskManagers.find((tm) => tm.id === id);
  }

  /** Slots per non-terminal job, spread round-robin over task managers (one sharing group). */
  slotPlan(now: number): { slots: Map<string, Slot[]>; used: number[]; backPressured: boolean[] } {
    // one request asks many times at the same instant: remember the answer
    const version = this.jobOrder.length + this.jobOrder.reduce((a, j) => a + j.version, 0);
    if (this.slotMemo && Math.abs(this.slotMemo.now - now) < 100 && this.slotMemo.version === version)
      return this.slotMemo.plan;
    const plan = this.computeSlotPlan(now);
    this.slotMemo = { now, version, plan };
    return plan;
  }

  private computeSlotPlan(now: number): {
    slots: Map<string, Slot[]>;
    used: number[];
    backPressured: boolean[];
  } {
    const active = this.jobs().filter((j) => !j.isTerminal(now));
    const key = active.map((j) => `${j.id}:${j.slotsNeeded()}`).join(',');
    if (this.slotCache?.key === key) return this.slotCache;
    const n = this.taskManagers.length;
    const used = new Array<number>(n).fill(0);
    const backPressured = new Array<boolean>(n).fill(false);
    const slots = new Map<string, Slot[]>();
    let cursor = 0;
    for (const job of active) {
      const list: Slot[] = [];
      for (let i = 0; i < job.slotsNeeded(); i++) {
        const tmIndex = cursor % n;
        const tm = this.taskManagers[tmIndex];
        if (!tm) continue;
        list.push({ tm, index: used[tmIndex] ?? 0 });
        used[tmIndex] = (used[tmIndex] ?? 0) + 1;
        if (job.vertices.some((v) => v.spec.backPressured > 0.5)) backPressured[tmIndex] = true;
        cursor++;
      }
      slots.set(job.id, list);
    }
    this.slotCache = { key, slots, used, backPressured };
    return this.slotCache;
  }

  /** Where a subtask runs (or last ran, for finished jobs: a stable pick). */
  locate(
    job: SimJob,
    _vertexIndex: number,
    subtask: number,
    now = this.now(),
  ): { tm: SimTaskManager; endpoint: string; taskManagerId: string } {
    const slots = this.slotPlan(now).slots.get(job.id);
    let tm: SimTaskManager | undefined;
    if (slots && slots.length > 0) tm = slots[subtask % slots.length]?.tm;
    tm ??= this.taskManagers[(hashString(job.id) + subtask) % this.taskManagers.length];
    if (!tm) throw new Error('cluster without task managers');
    return { tm, endpoint: `${tm.host}:${tm.dataPort}`, taskManagerId: tm.id };
  }

  tmLoad(tm: SimTaskManager, now: number): TmLoad {
    const plan = this.slotPlan(now);
    return { usedSlots: plan.used[tm.index] ?? 0, backPressured: plan.backPressured[tm.index] ?? false };
  }

  totalSlots(): number {
    return this.taskManagers.reduce((a, tm) => a + tm.slots, 0);
  }
}
