// Checkpoint history of one job. Periodic checkpoints are generated lazily, in order, up to the
// time of each read, so the history grows while you watch; manual checkpoints and savepoints
// join the same sequence of ids, as in Flink's CheckpointCoordinator.
import { Rng, hashString, noise } from '../util/rng.ts';
import type { SimJob } from './job.ts';
import type { CheckpointSpec } from './types.ts';

export type CheckpointKind = 'periodic' | 'manual' | 'savepoint' | 'sync-savepoint';

export interface CheckpointRecord {
  id: number;
  kind: CheckpointKind;
  triggeredAt: number;
  endsAt: number;
  outcome: 'COMPLETED' | 'FAILED';
  failureMessage?: string;
  stateSize: number;
  checkpointedSize: number;
  processedData: number;
  persistedData: number;
  externalPath?: string;
  savepointFormat?: 'CANONICAL' | 'NATIVE';
  unaligned: boolean;
}

export type CheckpointStatus = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

export class CheckpointTracker {
  readonly records: CheckpointRecord[] = [];
  private nextId: number;
  private nextPeriodic: number;
  private readonly rng: Rng;
  private readonly restorePathSuffix: string;

  constructor(
    private readonly job: SimJob,
    readonly spec: CheckpointSpec,
    readonly historySize: number,
  ) {
    this.nextId = (spec.restoredFrom?.id ?? 0) + 1;
    this.nextPeriodic = spec.disabled ? Infinity : job.initializedAt + 2500 + spec.intervalMs;
    this.rng = new Rng(hashString(`${job.seed}:${job.id}:savepoints`));
    this.restorePathSuffix = this.rng.hex(12);
  }

  /** When the job was restored from a checkpoint or savepoint, the restore details. */
  restored(): { id: number; isSavepoint: boolean; path: string; at: number } | undefined {
    const r = this.spec.restoredFrom;
    if (!r) return undefined;
    const path =
      r.path ??
      (r.savepoint
        ? `file:/tmp/flink-savepoints/savepoint-${this.job.id.slice(0, 6)}-${this.restorePathSuffix}`
        : `file:/tmp/flink-checkpoints/${this.job.id}/chk-${r.id}`);
    return { id: r.id, isSavepoint: r.savepoint, path, at: this.job.initializedAt + 900 };
  }

  status(rec: CheckpointRecord, now: number): CheckpointStatus {
    return now < rec.endsAt ? 'IN_PROGRESS' : rec.outcome;
  }

  /** Generates the periodic checkpoints triggered up to `now`. */
  advance(now: number): void {
    const interval = this.spec.intervalMs;
    let guard = 0;
    while (this.nextPeriodic <= now && guard++ < 200_000) {
      const t = this.nextPeriodic;
      const phase = this.job.phase(t);
      if (phase.status !== 'RUNNING') {
        if (this.job.isTerminal(t) || phase.status === 'CANCELLING') {
          this.nextPeriodic = Infinity;
          break;
        }
        // restarting: the coordinator resumes once tasks run again
        this.nextPeriodic = t + interval;
        continue;
      }
      if (t < phase.runningSince + 2500) {
        this.nextPeriodic = phase.runningSince + 2500;
        continue;
      }
      const rec = this.create('periodic', t);
      this.nextPeriodic = Math.max(t + interval, rec.endsAt + this.spec.minPauseMs);
    }
  }

  /** Creates a checkpoint (or savepoint) triggered at `at`; its outcome is fixed now. */
  create(
    kind: CheckpointKind,
    at: number,
    opts: { targetDir?: string; format?: 'CANONICAL' | 'NATIVE'; fail?: string } = {},
  ): CheckpointRecord {
    const id = this.nextId++;
    const n = (k: string) => noise(this.job.seed, this.job.id, id, k);
    const s = this.spec;
    const savepoint = kind === 'savepoint' || kind === 'sync-savepoint';
    let duration = s.durationMs * (0.6 + 0.8 * n('d'));
    if (n('spike') > 0.93) duration *= 3;
    if (savepoint) duration = Math.max(duration, 1200);
    const growth = 1 + 0.00015 * (id % 5000);
    const stateSize = Math.round(s.stateBytes * growth * (0.96 + 0.08 * n('size')));
    const incremental = s.incremental && !savepoint;
    const checkpointedSize = incremental ? Math.round(stateSize * (0.04 + 0.12 * n('inc'))) : stateSize;
    const unaligned = s.unaligned && !savepoint;
    let outcome: 'COMPLETED' | 'FAILED' = 'COMPLETED';
    let failureMessage = opts.fail;
    let endsAt = Math.round(at + duration);
    if (
      failureMessage === undefined &&
      kind === 'periodic' &&
      s.failEvery > 0 &&
      hashString(`${this.job.id}:${id}`) % s.failEvery === 0
    ) {
      failureMessage =
        s.failureMessages[id % s.failureMessages.length] ?? 'Checkpoint expired before completing.';
    }
    if (failureMessage !== undefined) {
      outcome = 'FAILED';
      endsAt = failureMessage.includes('expired') ? at + s.timeoutMs : Math.round(at + duration * 0.6);
    }
    // a failover or cancellation while the checkpoint is in flight aborts it
    const startPhase = this.job.phase(at);
    const endPhase = this.job.phase(endsAt);
    if (endPhase.status !== 'RUNNING' || endPhase.runningSince !== startPhase.runningSince) {
      outcome = 'FAILED';
      failureMessage = 'Checkpoint Coordinator is suspending.';
      endsAt = Math.max(at + 50, endPhase.status !== 'RUNNING' ? endPhase.since : endPhase.runningSince);
    }
    const rec: CheckpointRecord = {
      id,
      kind,
      triggeredAt: at,
      endsAt,
      outcome,
      stateSize,
      checkpointedSize,
      processedData: unaligned ? Math.round(2e6 * n('pd')) : 0,
      persistedData: unaligned ? Math.round(4e5 * n('pp')) : 0,
      unaligned,
    };
    if (failureMessage !== undefined) rec.failureMessage = failureMessage;
    if (savepoint) {
      const dir = (opts.targetDir ?? 'file:/tmp/flink-savepoints').replace(/\/+$/, '');
      rec.externalPath = `${dir.includes(':') ? dir : `file:${dir}`}/savepoint-${this.job.id.slice(0, 6)}-${this.rng.hex(12)}`;
      rec.savepointFormat = opts.format ?? 'CANONICAL';
    } else {
      rec.externalPath = `file:/tmp/flink-checkpoints/${this.job.id}/chk-${id}`;
    }
    this.records.push(rec);
    return rec;
  }

  /** Fails in-flight checkpoints (the job is being cancelled). */
  abortInFlight(now: number, message: string): void {
    for (const r of this.records) {
      if (r.endsAt > now) {
        r.outcome = 'FAILED';
        r.failureMessage = message;
        r.endsAt = now + 20;
      }
    }
    this.nextPeriodic = Infinity;
  }

  /** The latest completed checkpoint (not savepoint) at `now`: the one Flink still retains. */
  latestCompleted(now: number): CheckpointRecord | undefined {
    let best: CheckpointRecord | undefined;
    for (let i = this.records.length - 1; i >= 0; i--) {
      const r = this.records[i];
      if (!r || r.triggeredAt > now || r.kind === 'savepoint' || r.kind === 'sync-savepoint') continue;
      if (r.endsAt <= now && r.outcome === 'COMPLETED' && (!best || r.endsAt > best.endsAt)) best = r;
      if (best && r.endsAt < best.endsAt - 600_000) break;
    }
    return best;
  }

  find(id: number): CheckpointRecord | undefined {
    // ids are increasing: binary search
    let lo = 0;
    let hi = this.records.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = this.records[mid];
      if (!r) break;
      if (r.id === id) return r;
      if (r.id < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** Records triggered by `now`, oldest first. */
  triggered(now: number): CheckpointRecord[] {
    let end = this.records.length;
    while (end > 0 && (this.records[end - 1]?.triggeredAt ?? 0) > now) end--;
    return this.records.slice(0, end);
  }
}
