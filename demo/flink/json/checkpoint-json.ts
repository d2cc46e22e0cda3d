// Checkpoint statistics bodies (CheckpointingStatistics, CheckpointStatistics and the per-task
// details), computed from the job's checkpoint records at `now`.
import type { CheckpointRecord, CheckpointTracker } from '../model/checkpoints.ts';
import type { SimJob, SimVertex } from '../model/job.ts';
import type { StackProfile } from '../model/types.ts';
import { LONG_MAX } from '../util/json.ts';
import { noise } from '../util/rng.ts';

const STATE_WEIGHT: Record<StackProfile, number> = {
  'kafka-source': 0.2,
  'mqtt-source': 0.1,
  'file-source': 0.2,
  parse: 0.05,
  'blocking-lookup': 1,
  window: 5,
  'keyed-process': 4,
  'sink-es': 0.1,
  'sink-kafka': 0.15,
  'sink-jdbc': 0.1,
  'sink-s3': 0.3,
};

function stateShare(job: SimJob, v: SimVertex): number {
  const total = job.vertices.reduce((a, x) => a + STATE_WEIGHT[x.spec.stack], 0);
  return STATE_WEIGHT[v.spec.stack] / total;
}

function apiType(r: CheckpointRecord): string {
  if (r.kind === 'sync-savepoint') return 'SYNC_SAVEPOINT';
  if (r.kind === 'savepoint') return 'SAVEPOINT';
  return r.unaligned ? 'UNALIGNED_CHECKPOINT' : 'CHECKPOINT';
}

/** Fraction of a checkpoint done at `now` (1 once it ended). */
function progress(r: CheckpointRecord, now: number): number {
  if (now >= r.endsAt) return r.outcome === 'COMPLETED' ? 1 : 0.6;
  return Math.max(0, Math.min(0.99, (now - r.triggeredAt) / Math.max(1, r.endsAt - r.triggeredAt)));
}

/** When subtask `s` of vertex `v` acknowledged, as a fraction of the checkpoint's duration. */
function ackFraction(job: SimJob, v: SimVertex, s: number, r: CheckpointRecord): number {
  const depth = v.index / Math.max(1, job.vertices.length - 1);
  return Math.min(1, 0.35 + 0.55 * depth + 0.1 * noise(job.seed, r.id, v.id, s, 'ack'));
}

function subtaskAcked(job: SimJob, v: SimVertex, s: number, r: CheckpointRecord, now: number): boolean {
  if (now >= r.endsAt) return r.outcome === 'COMPLETED' || ackFraction(job, v, s, r) < 0.6;
  return ackFraction(job, v, s, r) <= progress(r, now);
}

function taskStats(job: SimJob, v: SimVertex, r: CheckpointRecord, now: number) {
  let acked = 0;
  let lastAck = -1;
  for (let s = 0; s < v.parallelism; s++) {
    if (!subtaskAcked(job, v, s, r, now)) continue;
    acked++;
    lastAck = Math.max(
      lastAck,
      Math.round(r.triggeredAt + ackFraction(job, v, s, r) * (r.endsAt - r.triggeredAt)),
    );
  }
  const share = stateShare(job, v) * (acked / v.parallelism);
  const status = now < r.endsAt ? 'IN_PROGRESS' : r.outcome;
  return {
    id: r.id,
    status,
    latest_ack_timestamp: lastAck,
    checkpointed_size: Math.round(r.checkpointedSize * share),
    state_size: Math.round(r.stateSize * share),
    end_to_end_duration: lastAck < 0 ? -1 : lastAck - r.triggeredAt,
    alignment_buffered: 0,
    processed_data: Math.round(r.processedData * share),
    persisted_data: Math.round(r.persistedData * share),
    num_subtasks: v.parallelism,
    num_acknowledged_subtasks: acked,
  };
}

/** `retainedId`: the latest completed checkpoint; older ones are discarded (num-retained 1). */
export function checkpointJson(
  job: SimJob,
  r: CheckpointRecord,
  now: number,
  withTasks: boolean,
  retainedId = job.checkpoints?.latestCompleted(now)?.id,
) {
  const status = now < r.endsAt ? 'IN_PROGRESS' : r.outcome;
  const tasks = job.vertices.map((v) => taskStats(job, v, r, now));
  const numSubtasks = tasks.reduce((a, t) => a + t.num_subtasks, 0);
  const acked = tasks.reduce((a, t) => a + t.num_acknowledged_subtasks, 0);
  const latestAck = Math.max(-1, ...tasks.map((t) => t.latest_ack_timestamp));
  const p = progress(r, now);
  const className = status === 'COMPLETED' ? 'completed' : status === 'FAILED' ? 'failed' : 'in_progress';
  const body: Record<string, unknown> = {
    className,
    id: r.id,
    status,
    is_savepoint: r.kind === 'savepoint' || r.kind === 'sync-savepoint',
    savepointFormat: r.savepointFormat ?? null,
    trigger_timestamp: r.triggeredAt,
    latest_ack_timestamp: latestAck,
    checkpointed_size: Math.round(r.checkpointedSize * p),
    state_size: Math.round(r.stateSize * p),
    end_to_end_duration:
      status === 'IN_PROGRESS'
        ? now - r.triggeredAt
        : latestAck > 0
          ? latestAck - r.triggeredAt
          : r.endsAt - r.triggeredAt,
    alignment_buffered: 0,
    processed_data: Math.round(r.processedData * p),
    persisted_data: Math.round(r.persistedData * p),
    num_subtasks: numSubtasks,
    num_acknowledged_subtasks: acked,
    checkpoint_type: apiType(r),
    tasks: withTasks ? Object.fromEntries(job.vertices.map((v, i) => [v.id, tasks[i]])) : {},
  };
  if (status === 'COMPLETED') {
    body.external_path = r.externalPath ?? '<checkpoint-not-externally-addressable>';
    body.discarded = r.kind !== 'savepoint' && r.kind !== 'sync-savepoint' && r.id !== retainedId;
  }
  if (status === 'FAILED') {
    body.failure_timestamp = r.endsAt;
    body.failure_message = r.failureMessage ?? null;
  }
  return body;
}

const ZERO_SUMMARY = { min: 0, max: 0, avg: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0 };

/** Per-subtask summaries carry no histogram in Flink: percentiles are NaN. */
function minMaxAvg(values: number[]) {
  const s = summary(values);
  return { ...s, p50: NaN, p90: NaN, p95: NaN, p99: NaN, p999: NaN };
}

function summary(values: number[]) {
  if (values.length === 0)
    return { min: 0, max: 0, avg: 0, p50: NaN, p90: NaN, p95: NaN, p99: NaN, p999: NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const q = (p: number) => {
    const pos = p * (sorted.length + 1);
    if (pos < 1) return sorted[0] ?? 0;
    if (pos >= sorted.length) return sorted[sorted.length - 1] ?? 0;
    const lo = sorted[Math.floor(pos) - 1] ?? 0;
    const hi = sorted[Math.floor(pos)] ?? lo;
    return lo + (pos - Math.floor(pos)) * (hi - lo);
  };
  return {
    min: sorted[0] ?? 0,
    max: sorted[sorted.length - 1] ?? 0,
    avg: Math.round(values.reduce((a, b) => a + b, 0) / values.length),
    p50: q(0.5),
    p90: q(0.9),
    p95: q(0.95),
    p99: q(0.99),
    p999: q(0.999),
  };
}

export function checkpointingStatistics(job: SimJob, t: CheckpointTracker, now: number) {
  const all = t.triggered(now);
  let completed = 0;
  let failed = 0;
  let inProgress = 0;
  const done: CheckpointRecord[] = [];
  let latestCompleted: CheckpointRecord | undefined;
  let latestSavepoint: CheckpointRecord | undefined;
  let latestFailed: CheckpointRecord | undefined;
  for (const r of all) {
    const st = t.status(r, now);
    if (st === 'IN_PROGRESS') inProgress++;
    else if (st === 'FAILED') {
      failed++;
      if (!latestFailed || r.endsAt >= latestFailed.endsAt) latestFailed = r;
    } else {
      completed++;
      done.push(r);
      const sp = r.kind === 'savepoint' || r.kind === 'sync-savepoint';
      if (sp) latestSavepoint = r;
      else latestCompleted = r;
    }
  }
  const window = done.slice(-1000);
  const restored = t.restored();
  const history = all.slice(-t.historySize).reverse();
  const retainedId = latestCompleted?.id;
  return {
    counts: { restored: restored ? 1 : 0, total: all.length, in_progress: inProgress, completed, failed },
    summary: {
      checkpointed_size: summary(window.map((r) => r.checkpointedSize)),
      state_size: summary(window.map((r) => r.stateSize)),
      end_to_end_duration: summary(window.map((r) => r.endsAt - r.triggeredAt)),
      alignment_buffered: ZERO_SUMMARY,
      processed_data: summary(window.map((r) => r.processedData)),
      persisted_data: summary(window.map((r) => r.persistedData)),
    },
    latest: {
      completed: latestCompleted ? checkpointJson(job, latestCompleted, now, false, retainedId) : null,
      savepoint: latestSavepoint ? checkpointJson(job, latestSavepoint, now, false, retainedId) : null,
      failed: latestFailed ? checkpointJson(job, latestFailed, now, false, retainedId) : null,
      restored: restored
        ? {
            id: restored.id,
            restore_timestamp: restored.at,
            is_savepoint: restored.isSavepoint,
            external_path: restored.path,
          }
        : null,
    },
    history: history.map((r) => checkpointJson(job, r, now, false, retainedId)),
  };
}

export function checkpointConfigJson(job: SimJob, t: CheckpointTracker) {
  const s = t.spec;
  if (s.disabled) {
    return {
      mode: 'at_least_once',
      interval: LONG_MAX,
      timeout: s.timeoutMs,
      min_pause: 0,
      max_concurrent: 1,
      externalization: { enabled: false, delete_on_cancellation: true },
      state_backend: 'HashMapStateBackend',
      checkpoint_storage: 'FileSystemCheckpointStorage',
      unaligned_checkpoints: false,
      tolerable_failed_checkpoints: 0,
      aligned_checkpoint_timeout: 0,
      checkpoints_after_tasks_finish: true,
      state_changelog_enabled: false,
      changelog_periodic_materialization_interval: 600000,
      changelog_storage: 'memory',
    };
  }
  return {
    mode: 'exactly_once',
    interval: s.intervalMs,
    timeout: s.timeoutMs,
    min_pause: s.minPauseMs,
    max_concurrent: 1,
    externalization: { enabled: true, delete_on_cancellation: false },
    state_backend: 'EmbeddedRocksDBStateBackend',
    checkpoint_storage: 'FileSystemCheckpointStorage',
    unaligned_checkpoints: s.unaligned,
    tolerable_failed_checkpoints: job.spec.restartCycle ? 2 : 10,
    aligned_checkpoint_timeout: 0,
    checkpoints_after_tasks_finish: true,
    state_changelog_enabled: false,
    changelog_periodic_materialization_interval: 600000,
    changelog_storage: 'memory',
  };
}

interface SubtaskDone {
  className: string;
  index: number;
  status: string;
  ack_timestamp: number;
  end_to_end_duration: number;
  state_size: number;
  checkpointed_size: number;
  checkpoint: { sync: number; async: number };
  alignment: { buffered: number; processed: number; persisted: number; duration: number };
  start_delay: number;
  unaligned_checkpoint: boolean;
  aborted: boolean;
}

export function taskCheckpointDetails(job: SimJob, v: SimVertex, r: CheckpointRecord, now: number) {
  const base = taskStats(job, v, r, now);
  const duration = Math.max(1, r.endsAt - r.triggeredAt);
  const perSubtaskState = (r.stateSize * stateShare(job, v)) / v.parallelism;
  const perSubtaskCheckpointed = (r.checkpointedSize * stateShare(job, v)) / v.parallelism;
  const backPressuredUpstream = job.vertices.some((u) => u.index < v.index && u.spec.backPressured > 0.5);
  const done: SubtaskDone[] = [];
  const subtasks = [...Array(v.parallelism).keys()].map(
    (s): SubtaskDone | { className: string; index: number; status: string } => {
      if (!subtaskAcked(job, v, s, r, now))
        return { className: 'pending_or_failed', index: s, status: 'pending_or_failed' };
      const n = (k: string) => noise(job.seed, r.id, v.id, s, k);
      const ack = Math.round(r.triggeredAt + ackFraction(job, v, s, r) * duration);
      const startDelay = Math.round((backPressuredUpstream ? 0.55 : 0.05) * duration * (0.8 + 0.4 * n('sd')));
      const alignment = Math.round((v.spec.busy > 0.9 ? 0.25 : 0.01) * duration * n('al'));
      const sync = Math.round(2 + 10 * n('sync'));
      const stats: SubtaskDone = {
        className: 'completed',
        index: s,
        status: 'completed',
        ack_timestamp: ack,
        end_to_end_duration: ack - r.triggeredAt,
        state_size: Math.round(perSubtaskState * (0.9 + 0.2 * n('ss'))),
        checkpointed_size: Math.round(perSubtaskCheckpointed * (0.9 + 0.2 * n('cs'))),
        checkpoint: { sync, async: Math.max(0, ack - r.triggeredAt - startDelay - alignment - sync) },
        alignment: {
          buffered: 0,
          processed: r.unaligned ? Math.round(2e5 * n('pr')) : 0,
          persisted: r.unaligned ? Math.round(4e4 * n('pe')) : 0,
          duration: alignment,
        },
        start_delay: startDelay,
        unaligned_checkpoint: r.unaligned,
        aborted: false,
      };
      done.push(stats);
      return stats;
    },
  );
  const pick = (f: (x: SubtaskDone) => number) => minMaxAvg(done.map(f));
  return {
    ...base,
    summary: {
      checkpointed_size: pick((x) => x.checkpointed_size),
      state_size: pick((x) => x.state_size),
      end_to_end_duration: pick((x) => x.end_to_end_duration),
      checkpoint_duration: { sync: pick((x) => x.checkpoint.sync), async: pick((x) => x.checkpoint.async) },
      alignment: {
        buffered: pick((x) => x.alignment.buffered),
        processed: pick((x) => x.alignment.processed),
        persisted: pick((x) => x.alignment.persisted),
        duration: pick((x) => x.alignment.duration),
      },
      start_delay: pick((x) => x.start_delay),
    },
    subtasks,
  };
}
