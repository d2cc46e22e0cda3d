/**
 * What the rules remember between polls: counters and gauges that only mean something as a trend
 * (restart counts, failed checkpoints, accumulated busy/back-pressured time, source output,
 * watermarks, task manager ids, SeaTunnel source/sink counts). `observe*` appends one sample per
 * new answer (by its arrival time, so re-evaluating the same data adds nothing) and forgets what
 * is older than the longest window.
 */
import { isRecoveredRun } from '@/api/flink/job-runs';
import { parseMetricValue } from '@/api/flink/metric-values';
import { isTerminalState } from '@/api/polling';
import type { FlinkInput, SeaTunnelInput } from './types';

export interface Sample {
  t: number;
  v: number;
}

export interface CheckpointPoint {
  id: number;
  /** Trigger time. */
  t: number;
  duration: number;
  size: number;
}

export interface VertexTimes {
  at: number;
  /** Sum over subtasks of accumulated back-pressured / busy / idle time (ms), per vertex id. */
  byVertex: Record<string, { bp: number; busy: number; idle: number }>;
}

export interface FlinkHistory {
  restarts: Record<string, Sample[]>;
  /** jobId → the job's `start-time` in the last overview (a later one means a JobManager failover). */
  jobStarts: Record<string, number>;
  /** jobId → new `start-time`s seen: when a new JobManager recovered the job (cluster clock). */
  recoveries: Record<string, number[]>;
  failedCheckpoints: Record<string, Sample[]>;
  vertexTimes: Record<string, VertexTimes[]>;
  /** jobId → records read by all its vertices (for throughput). */
  jobRecords: Record<string, Sample[]>;
  /** jobId → source vertex id → records written. */
  sourceRecords: Record<string, Record<string, Sample[]>>;
  /** `jobId/vertexId` → lowest input watermark of the vertex (ms). */
  watermarks: Record<string, Sample[]>;
  completedCheckpoints: Record<string, CheckpointPoint[]>;
  taskManagers: {
    /** Task manager id → last time it was listed. */
    lastSeen: Record<string, number>;
    maxCount: number;
  };
}

export interface FlowSample {
  t: number;
  /** Exact counts as decimal text (SeaTunnel counts may exceed 2^53). */
  source: string;
  sink: string;
}

export interface SeaTunnelHistory {
  flows: Record<string, FlowSample[]>;
}

/** How long samples are kept: the longest window any rule looks at. */
export const HISTORY_KEEP_MS = 30 * 60_000;
const MAX_SAMPLES = 400;

export function emptyFlinkHistory(): FlinkHistory {
  return {
    restarts: {},
    jobStarts: {},
    recoveries: {},
    failedCheckpoints: {},
    vertexTimes: {},
    jobRecords: {},
    sourceRecords: {},
    watermarks: {},
    completedCheckpoints: {},
    taskManagers: { lastSeen: {}, maxCount: 0 },
  };
}

export function emptySeaTunnelHistory(): SeaTunnelHistory {
  return { flows: {} };
}

/** Appends a sample unless one of that time exists; drops old ones. */
function append<S extends { t: number }>(list: S[] | undefined, sample: S, now: number): S[] {
  const out = list ? [...list] : [];
  const last = out[out.length - 1];
  if (last && sample.t <= last.t) return out;
  out.push(sample);
  const from = now - HISTORY_KEEP_MS;
  let drop = 0;
  while (drop < out.length - 1 && (out[drop] as S).t < from) drop++;
  return out.slice(Math.max(drop, out.length - MAX_SAMPLES));
}

/** Keeps only the entries of `keep` (jobs still polled). */
function retain<T>(record: Record<string, T>, keep: ReadonlySet<string>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(record)) if (keep.has(k.split('/')[0] as string)) out[k] = v;
  return out;
}

function metricValue(
  list: { id: string; value?: string | undefined }[] | undefined,
  id: string,
): number | undefined {
  return parseMetricValue(list?.find((m) => m.id === id)?.value);
}

/** The lowest watermark over subtasks; Long.MIN_VALUE ("no watermark yet") is none. */
export function minWatermark(
  list: { id: string; value?: string | undefined }[] | undefined,
): number | undefined {
  let min: number | undefined;
  for (const m of list ?? []) {
    if (!m.id.endsWith('currentInputWatermark')) continue;
    const v = parseMetricValue(m.value);
    if (v === undefined || v <= -9.2e18 || v <= 0) continue;
    min = min === undefined ? v : Math.min(min, v);
  }
  return min;
}

/** Source vertices: plan nodes without inputs. */
export function sourceVertexIds(details: FlinkInput['jobDetails'][string]['data']): string[] {
  return details.plan.nodes.filter((n) => !n.inputs || n.inputs.length === 0).map((n) => n.id);
}

function sameTimes(a: VertexTimes['byVertex'], b: VertexTimes['byVertex']): boolean {
  const ids = Object.keys(b);
  if (ids.length !== Object.keys(a).length) return false;
  return ids.every((id) => {
    const x = a[id];
    const y = b[id] as VertexTimes['byVertex'][string];
    return x !== undefined && x.bp === y.bp && x.busy === y.busy && x.idle === y.idle;
  });
}

export function observeFlink(history: FlinkHistory, input: FlinkInput): FlinkHistory {
  const now = input.now;
  const next: FlinkHistory = {
    ...history,
    restarts: { ...history.restarts },
    jobStarts: { ...history.jobStarts },
    recoveries: { ...history.recoveries },
    failedCheckpoints: { ...history.failedCheckpoints },
    vertexTimes: { ...history.vertexTimes },
    jobRecords: { ...history.jobRecords },
    sourceRecords: { ...history.sourceRecords },
    watermarks: { ...history.watermarks },
    completedCheckpoints: { ...history.completedCheckpoints },
    taskManagers: { lastSeen: { ...history.taskManagers.lastSeen }, maxCount: history.taskManagers.maxCount },
  };

  for (const [jobId, m] of Object.entries(input.jobMetrics)) {
    const restarts = metricValue(m.data, 'numRestarts');
    if (restarts !== undefined)
      next.restarts[jobId] = append(next.restarts[jobId], { t: m.at, v: restarts }, now);
  }

  for (const [jobId, cp] of Object.entries(input.checkpoints)) {
    next.failedCheckpoints[jobId] = append(
      next.failedCheckpoints[jobId],
      { t: cp.at, v: cp.data.counts.failed },
      now,
    );
    const known = new Map((next.completedCheckpoints[jobId] ?? []).map((p) => [p.id, p]));
    const fresh = [...cp.data.history, ...(cp.data.latest.completed ? [cp.data.latest.completed] : [])];
    for (const c of fresh) {
      if (c.status !== 'COMPLETED' || c.is_savepoint) continue;
      known.set(c.id, {
        id: c.id,
        t: c.trigger_timestamp,
        duration: c.end_to_end_duration,
        size: c.checkpointed_size ?? c.state_size,
      });
    }
    const from = now + input.clockOffsetMs - HISTORY_KEEP_MS;
    next.completedCheckpoints[jobId] = [...known.values()]
      .filter((p) => p.t >= from)
      .sort((a, b) => a.id - b.id)
      .slice(-MAX_SAMPLES);
  }

  for (const [jobId, d] of Object.entries(input.jobDetails)) {
    if (isTerminalState(d.data.state)) continue;
    const byVertex: VertexTimes['byVertex'] = {};
    for (const v of d.data.vertices) {
      const bp = v.metrics['accumulated-backpressured-time'];
      const busy = v.metrics['accumulated-busy-time'];
      const idle = v.metrics['accumulated-idle-time'];
      if (bp === undefined || busy === undefined || idle === undefined || !Number.isFinite(busy)) continue;
      byVertex[v.id] = { bp, busy, idle };
    }
    const list = next.vertexTimes[jobId] ?? [];
    const newest = list[list.length - 1];
    // Only a refresh of the counters is a new sample: the pair then spans the counters' last change
    // window (Flink refreshes them every metrics.fetcher.update-interval, not on every poll).
    if (!newest || (newest.at < d.at && !sameTimes(newest.byVertex, byVertex))) {
      next.vertexTimes[jobId] = [...list, { at: d.at, byVertex }].slice(-2);
    }
    const read = d.data.vertices.reduce((sum, v) => sum + v.metrics['read-records'], 0);
    next.jobRecords[jobId] = append(next.jobRecords[jobId], { t: d.at, v: read }, now);
    const sources = new Set(sourceVertexIds(d.data));
    const perSource = { ...(next.sourceRecords[jobId] ?? {}) };
    for (const v of d.data.vertices) {
      if (!sources.has(v.id) || d.data.state !== 'RUNNING' || v.status !== 'RUNNING') continue;
      perSource[v.id] = append(perSource[v.id], { t: d.at, v: v.metrics['write-records'] }, now);
    }
    next.sourceRecords[jobId] = perSource;
  }

  for (const [jobId, byVertex] of Object.entries(input.watermarks)) {
    for (const [vertexId, w] of Object.entries(byVertex)) {
      const wm = minWatermark(w.data);
      if (wm === undefined) continue;
      const key = `${jobId}/${vertexId}`;
      next.watermarks[key] = append(next.watermarks[key], { t: w.at, v: wm }, now);
    }
  }

  if (input.taskManagers) {
    for (const tm of input.taskManagers.data) next.taskManagers.lastSeen[tm.id] = input.taskManagers.at;
    const count = input.taskManagers.data.length;
    if (count >= next.taskManagers.maxCount) next.taskManagers.maxCount = count;
    // Forget task managers gone for longer than any window.
    for (const [id, seen] of Object.entries(next.taskManagers.lastSeen)) {
      if (now - seen > HISTORY_KEEP_MS) delete next.taskManagers.lastSeen[id];
    }
  }

  if (input.jobs) {
    const from = now + input.clockOffsetMs - HISTORY_KEEP_MS;
    for (const job of input.jobs.data) {
      const before = next.jobStarts[job.jid];
      const start = job['start-time'];
      if (before !== undefined && isRecoveredRun(before, start)) {
        next.recoveries[job.jid] = [...(next.recoveries[job.jid] ?? []), start].filter((t) => t >= from);
      }
      if (start > 0) next.jobStarts[job.jid] = start;
    }
  }

  // Jobs that are no longer polled (finished, dropped from the overview): forget them.
  if (input.jobs) {
    const live = new Set(input.jobs.data.filter((j) => !isTerminalState(j.state)).map((j) => j.jid));
    next.restarts = retain(next.restarts, live);
    next.jobStarts = retain(next.jobStarts, live);
    next.recoveries = retain(next.recoveries, live);
    next.failedCheckpoints = retain(next.failedCheckpoints, live);
    next.vertexTimes = retain(next.vertexTimes, live);
    next.jobRecords = retain(next.jobRecords, live);
    next.sourceRecords = retain(next.sourceRecords, live);
    next.watermarks = retain(next.watermarks, live);
    next.completedCheckpoints = retain(next.completedCheckpoints, live);
  }
  return next;
}

const countText = (c: number | string | null): string | undefined => (c === null ? undefined : String(c));

export function observeSeaTunnel(history: SeaTunnelHistory, input: SeaTunnelInput): SeaTunnelHistory {
  if (!input.running) return history;
  const flows: SeaTunnelHistory['flows'] = {};
  for (const job of input.running.data) {
    const source = countText(job.metrics.sourceReceivedCount);
    const sink = countText(job.metrics.sinkWriteCount);
    const before = history.flows[job.jobId];
    flows[job.jobId] =
      source === undefined || sink === undefined
        ? (before ?? [])
        : append(before, { t: input.running.at, source, sink }, input.now);
  }
  return { flows };
}
