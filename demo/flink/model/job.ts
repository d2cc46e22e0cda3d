// One simulated job: its identity, plan and a state machine that is a pure function of time
// plus the few things users do to it (cancel, stop, rescale). Nothing runs in the background:
// every read asks "what does this job look like at `now`?".
import { Rng, hashString, stableHexId } from '../util/rng.ts';
import type { CheckpointTracker } from './checkpoints.ts';
import type { ExecutionState, JobSpec, JobStatus, VertexSpec } from './types.ts';
import { TERMINAL_JOB } from './types.ts';

export interface SimVertex {
  index: number;
  id: string;
  name: string;
  spec: VertexSpec;
  parallelism: number;
  maxParallelism: number;
}

export interface Phase {
  status: JobStatus;
  /** When the job entered `status`. */
  since: number;
  /** End time of a terminal job, else -1. */
  end: number;
  /** Start of the current (or last) RUNNING period: task attempts were deployed then. */
  runningSince: number;
  /** Execution attempt number of the tasks (grows with every restart). */
  attempt: number;
  /** Failures so far (numRestarts for restarting jobs). */
  failures: number;
  /** The RUNNING period during which IO counters accumulated, for frozen (terminal) jobs. */
  countersUntil: number;
}

const INIT_MS = 600;
const CANCEL_MS = 1000;
const RESCALE_MS = 2000;

export class SimJob {
  readonly id: string;
  readonly vertices: SimVertex[];
  readonly submittedAt: number;
  readonly initializedAt: number;
  readonly slotSharingGroupId: string;
  readonly executionGraphId: string;
  checkpoints?: CheckpointTracker;
  private cancelAt?: number;
  private termination?: { status: 'FINISHED' | 'CANCELED'; at: number };
  private readonly rescales: { at: number; parallelism: Map<number, number> }[] = [];
  /** Every rescale with the parallelism before and after (Flink 2.3's rescale history). */
  readonly rescaleLog: {
    at: number;
    endAt: number;
    changes: { index: number; from: number; to: number }[];
  }[] = [];
  /** Bumped by every user action; lets callers cache what depends on the job's state. */
  version = 0;
  private phaseMemo?: { now: number; version: number; phase: Phase };

  constructor(
    readonly seed: number,
    readonly spec: JobSpec,
    clusterStart: number,
    idOverride?: string,
  ) {
    this.id = idOverride ?? stableHexId(seed, `job:${spec.key}`);
    this.submittedAt = clusterStart - spec.submittedAgoMs;
    this.initializedAt = this.submittedAt + INIT_MS;
    const rng = new Rng(hashString(`${seed}:${this.id}:ids`));
    this.slotSharingGroupId = rng.hex(32);
    this.executionGraphId = rng.hex(32);
    this.vertices = spec.vertices.map((v, index) => ({
      index,
      id: rng.hex(32),
      name: v.operators.join(' -> '),
      spec: v,
      parallelism: v.parallelism,
      maxParallelism: v.maxParallelism ?? 128,
    }));
  }

  get name(): string {
    return this.spec.name;
  }

  vertex(id: string): SimVertex | undefined {
    return this.vertices.find((v) => v.id === id);
  }

  /** Max parallelism over vertices: the number of slots the job needs (one slot sharing group). */
  slotsNeeded(): number {
    return Math.max(...this.vertices.map((v) => v.parallelism));
  }

  // ---- user actions

  requestCancel(now: number): void {
    if (this.cancelAt === undefined) this.cancelAt = now;
    this.version++;
  }

  /** After a stop-with-savepoint (FINISHED) or cancel-with-savepoint (CANCELED) completes. */
  terminateAt(status: 'FINISHED' | 'CANCELED', at: number): void {
    if (!this.termination || at < this.termination.at) this.termination = { status, at };
    this.version++;
  }

  /** Adaptive scheduler: new requirements restart the job with the new parallelism. */
  rescale(now: number, parallelism: Map<number, number>): void {
    const changes = [...parallelism].map(([index, to]) => ({
      index,
      from: this.vertices[index]?.parallelism ?? to,
      to,
    }));
    this.rescaleLog.push({ at: now, endAt: now + RESCALE_MS, changes });
    this.rescales.push({ at: now, parallelism });
    this.version++;
  }

  /** Applies rescales whose restart finished (called by the cluster before reads). */
  applyRescales(now: number): boolean {
    let changed = false;
    for (const r of this.rescales) {
      if (r.at + RESCALE_MS / 2 <= now && r.parallelism.size > 0) {
        for (const [index, p] of r.parallelism) {
          const v = this.vertices[index];
          if (v) v.parallelism = p;
        }
        r.parallelism = new Map();
        changed = true;
      }
    }
    if (changed) this.version++;
    return changed;
  }

  // ---- state at a point in time

  isTerminal(now: number): boolean {
    return TERMINAL_JOB.includes(this.phase(now).status);
  }

  phase(now: number): Phase {
    const m = this.phaseMemo;
    if (m && m.now === now && m.version === this.version) return m.phase;
    const phase = this.computePhase(now);
    this.phaseMemo = { now, version: this.version, phase };
    return phase;
  }

  private computePhase(now: number): Phase {
    const s = this.spec;
    if (s.scenario === 'finished' || s.scenario === 'failed' || s.scenario === 'canceled') {
      const end = this.initializedAt + (s.runtimeMs ?? 60_000);
      // before it ended, the job was running (its checkpoint history was made then)
      if (now < end && now >= this.initializedAt) {
        return {
          status: 'RUNNING',
          since: this.initializedAt,
          end: -1,
          runningSince: this.initializedAt,
          attempt: 0,
          failures: 0,
          countersUntil: now,
        };
      }
      const status: JobStatus =
        s.scenario === 'finished' ? 'FINISHED' : s.scenario === 'failed' ? 'FAILED' : 'CANCELED';
      const failures = s.scenario === 'failed' ? 4 : 0;
      const runningSince = s.scenario === 'failed' ? end - 1_200_000 : this.initializedAt;
      return {
        status,
        since: end,
        end,
        runningSince,
        attempt: Math.max(0, failures - 1),
        failures,
        countersUntil: end,
      };
    }
    if (now < this.submittedAt + INIT_MS / 2) return this.pre('INITIALIZING', this.submittedAt);
    if (now < this.initializedAt) return this.pre('CREATED', this.submittedAt + INIT_MS / 2);

    const endings: { status: JobStatus; at: number }[] = [];
    if (this.cancelAt !== undefined) endings.push({ status: 'CANCELED', at: this.cancelAt + CANCEL_MS });
    if (this.termination) endings.push(this.termination);
    endings.sort((a, b) => a.at - b.at);
    const ending = endings[0];
    if (ending && now >= ending.at) {
      const base = this.running(ending.at);
      return { ...base, status: ending.status, since: ending.at, end: ending.at, countersUntil: ending.at };
    }
    if (this.cancelAt !== undefined && now >= this.cancelAt) {
      const base = this.running(this.cancelAt);
      return { ...base, status: 'CANCELLING', since: this.cancelAt, countersUntil: this.cancelAt };
    }
    return this.running(now);
  }

  private pre(status: JobStatus, since: number): Phase {
    return {
      status,
      since,
      end: -1,
      runningSince: this.initializedAt,
      attempt: 0,
      failures: 0,
      countersUntil: since,
    };
  }

  /** RUNNING/RESTARTING at time t, ignoring cancellation. */
  private running(t: number): Phase {
    let runningSince = this.initializedAt;
    let attempt = 0;
    let failures = 0;
    const cycle = this.spec.restartCycle;
    if (cycle) {
      const period = cycle.runningMs + cycle.restartingMs;
      const k = Math.floor((t - this.initializedAt) / period);
      const cycleStart = this.initializedAt + k * period;
      attempt = k;
      failures = k;
      runningSince = cycleStart;
      if (t - cycleStart >= cycle.runningMs) {
        const since = cycleStart + cycle.runningMs;
        return {
          status: 'RESTARTING',
          since,
          end: -1,
          runningSince,
          attempt,
          failures: k + 1,
          countersUntil: since,
        };
      }
    }
    for (const r of this.rescales) {
      if (t < r.at) continue;
      if (t < r.at + RESCALE_MS) {
        return {
          status: 'RESTARTING',
          since: r.at,
          end: -1,
          runningSince,
          attempt,
          failures,
          countersUntil: r.at,
        };
      }
      attempt += 1;
      if (r.at + RESCALE_MS > runningSince) runningSince = r.at + RESCALE_MS;
    }
    return {
      status: 'RUNNING',
      since: runningSince,
      end: -1,
      runningSince,
      attempt,
      failures,
      countersUntil: t,
    };
  }

  /** Latest time the job entered each status (0 = never), as in JobDetailsInfo.timestamps. */
  timestamps(now: number): Record<JobStatus, number> {
    const p = this.phase(now);
    const ts: Record<JobStatus, number> = {
      INITIALIZING: this.submittedAt,
      CREATED: now >= this.submittedAt + INIT_MS / 2 ? this.submittedAt + INIT_MS / 2 : 0,
      RUNNING: p.status === 'INITIALIZING' || p.status === 'CREATED' ? 0 : p.runningSince,
      FAILING: 0,
      FAILED: 0,
      CANCELLING: 0,
      CANCELED: 0,
      FINISHED: 0,
      RESTARTING: 0,
      SUSPENDED: 0,
      RECONCILING: 0,
    };
    if (p.failures > 0 && this.spec.restartCycle) {
      const c = this.spec.restartCycle;
      ts.RESTARTING = this.initializedAt + (p.failures - 1) * (c.runningMs + c.restartingMs) + c.runningMs;
    }
    if (p.status === 'RESTARTING') ts.RESTARTING = p.since;
    if (p.status === 'FAILED') {
      ts.FAILING = p.end - 40;
      ts.FAILED = p.end;
      ts.RESTARTING = p.end - 1_200_000 - 10_000;
    }
    if (p.status === 'CANCELLING' || p.status === 'CANCELED')
      ts.CANCELLING = this.cancelAt ?? p.end - CANCEL_MS;
    if (p.status === 'CANCELED' || p.status === 'FINISHED') ts[p.status] = p.end;
    return ts;
  }

  // ---- tasks

  /** The vertex whose first subtask fails (failed and restarting jobs). */
  failingVertex(): number {
    return Math.min(1, this.vertices.length - 1);
  }

  taskState(v: SimVertex, subtask: number, now: number): ExecutionState {
    const p = this.phase(now);
    const failing = v.index === this.failingVertex() && subtask === 0;
    switch (p.status) {
      case 'INITIALIZING':
      case 'CREATED':
        return 'CREATED';
      case 'FINISHED':
        return 'FINISHED';
      case 'CANCELED':
        return 'CANCELED';
      case 'CANCELLING':
        return 'CANCELING';
      case 'FAILED':
        return failing ? 'FAILED' : 'CANCELED';
      case 'RESTARTING':
        if (failing && this.spec.restartCycle) return 'FAILED';
        return now - p.since < 1000 ? 'CANCELING' : 'CANCELED';
      default: {
        const t = this.taskTimes(v, subtask, p.runningSince);
        if (now < t.DEPLOYING) return 'SCHEDULED';
        if (now < t.INITIALIZING) return 'DEPLOYING';
        if (now < t.RUNNING) return 'INITIALIZING';
        return 'RUNNING';
      }
    }
  }

  /** When a subtask's current attempt entered each state (0 = not reached). */
  taskTimes(v: SimVertex, subtask: number, runningSince: number): Record<ExecutionState, number> {
    const d = (v.index * 37 + subtask * 13) % 400;
    return {
      CREATED: runningSince - 40,
      SCHEDULED: runningSince,
      DEPLOYING: runningSince + 150 + d,
      INITIALIZING: runningSince + 600 + d,
      RUNNING: runningSince + 1500 + d,
      FINISHED: 0,
      CANCELING: 0,
      CANCELED: 0,
      FAILED: 0,
      RECONCILING: 0,
    };
  }

  /** Timestamps of a subtask including its terminal state. */
  taskTimestamps(v: SimVertex, subtask: number, now: number): Record<ExecutionState, number> {
    const p = this.phase(now);
    const t = this.taskTimes(v, subtask, p.runningSince);
    const state = this.taskState(v, subtask, now);
    for (const s of Object.keys(t) as ExecutionState[]) if (t[s] > now) t[s] = 0;
    if (state === 'CANCELING' || state === 'CANCELED') t.CANCELING = p.since;
    if (state === 'CANCELED') t.CANCELED = p.status === 'RESTARTING' ? p.since + 1000 : p.end;
    if (state === 'FAILED') t.FAILED = p.status === 'RESTARTING' ? p.since : p.end - 60;
    if (state === 'FINISHED') t.FINISHED = p.end - ((v.index * 17 + subtask * 7) % 200);
    return t;
  }

  /** Milliseconds the subtask's current attempt has been RUNNING (0 if not yet). */
  runningMs(v: SimVertex, subtask: number, now: number): number {
    const p = this.phase(now);
    const started = this.taskTimes(v, subtask, p.runningSince).RUNNING;
    const until = Math.min(now, p.countersUntil);
    return Math.max(0, until - started);
  }
}
