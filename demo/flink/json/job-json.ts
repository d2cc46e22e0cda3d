// Job-level response bodies: overview entries, job details, plan, vertex details.
import type { Cluster } from '../model/cluster.ts';
import type { SimJob, SimVertex } from '../model/job.ts';
import { EXECUTION_STATES, type ExecutionState } from '../model/types.ts';
import { sampleSubtask } from '../model/vertex-metrics.ts';

const LOWER_TASK_KEYS: Record<ExecutionState, string> = {
  CREATED: 'created',
  SCHEDULED: 'scheduled',
  DEPLOYING: 'deploying',
  RUNNING: 'running',
  FINISHED: 'finished',
  CANCELING: 'canceling',
  CANCELED: 'canceled',
  FAILED: 'failed',
  RECONCILING: 'reconciling',
  INITIALIZING: 'initializing',
};

function emptyStateCounts(): Record<ExecutionState, number> {
  return Object.fromEntries(EXECUTION_STATES.map((s) => [s, 0])) as Record<ExecutionState, number>;
}

/** Aggregate state of a vertex from its subtasks (ExecutionJobVertex.getAggregateState). */
export function aggregateState(counts: Record<ExecutionState, number>, parallelism: number): ExecutionState {
  if (counts.FAILED > 0) return 'FAILED';
  if (counts.CANCELING > 0) return 'CANCELING';
  if (counts.CANCELED > 0) return 'CANCELED';
  if (counts.INITIALIZING > 0) return 'INITIALIZING';
  if (counts.RUNNING > 0) return 'RUNNING';
  if (counts.FINISHED > 0) return counts.FINISHED === parallelism ? 'FINISHED' : 'RUNNING';
  if (counts.DEPLOYING > 0) return 'DEPLOYING';
  if (counts.SCHEDULED > 0) return 'SCHEDULED';
  return 'CREATED';
}

export function vertexTaskCounts(job: SimJob, v: SimVertex, now: number): Record<ExecutionState, number> {
  const counts = emptyStateCounts();
  for (let s = 0; s < v.parallelism; s++) counts[job.taskState(v, s, now)]++;
  return counts;
}

export function ioMetrics(job: SimJob, v: SimVertex, subtasks: number[], now: number) {
  let readBytes = 0;
  let writeBytes = 0;
  let readRecords = 0;
  let writeRecords = 0;
  let bp = 0;
  let idle = 0;
  let busy = 0;
  for (const s of subtasks) {
    const x = sampleSubtask(job, v, s, now);
    readBytes += x.bytesIn;
    writeBytes += x.bytesOut;
    readRecords += x.recordsIn;
    writeRecords += x.recordsOut;
    bp += x.accBackPressuredMs;
    idle += x.accIdleMs;
    busy += x.accBusyMs;
  }
  return {
    'read-bytes': readBytes,
    'read-bytes-complete': true,
    'write-bytes': writeBytes,
    'write-bytes-complete': true,
    'read-records': readRecords,
    'read-records-complete': true,
    'write-records': writeRecords,
    'write-records-complete': true,
    'accumulated-backpressured-time': bp,
    'accumulated-idle-time': idle,
    'accumulated-busy-time': busy,
  };
}

function vertexTimes(
  job: SimJob,
  v: SimVertex,
  now: number,
): { start: number; end: number; duration: number } {
  let start = -1;
  let end = -1;
  let allDone = true;
  for (let s = 0; s < v.parallelism; s++) {
    const t = job.taskTimestamps(v, s, now);
    if (t.DEPLOYING > 0 && (start < 0 || t.DEPLOYING < start)) start = t.DEPLOYING;
    const terminal = Math.max(t.FINISHED, t.CANCELED, t.FAILED);
    if (terminal > 0) end = Math.max(end, terminal);
    else allDone = false;
  }
  if (!allDone) end = -1;
  const duration = start < 0 ? -1 : (end > 0 ? end : now) - start;
  return { start, end, duration };
}

export function jobOverviewEntry(job: SimJob, now: number) {
  const p = job.phase(now);
  const tasks: Record<string, number> = {
    running: 0,
    canceling: 0,
    canceled: 0,
    total: 0,
    created: 0,
    scheduled: 0,
    deploying: 0,
    reconciling: 0,
    finished: 0,
    initializing: 0,
    failed: 0,
  };
  for (const v of job.vertices) {
    const counts = vertexTaskCounts(job, v, now);
    for (const s of EXECUTION_STATES)
      tasks[LOWER_TASK_KEYS[s]] = (tasks[LOWER_TASK_KEYS[s]] ?? 0) + counts[s];
    tasks.total = (tasks.total ?? 0) + v.parallelism;
  }
  return {
    jid: job.id,
    name: job.name,
    'start-time': job.submittedAt,
    'end-time': p.end,
    duration: (p.end > 0 ? p.end : now) - job.submittedAt,
    state: p.status,
    'last-modification': p.since,
    tasks,
    'pending-operators': 0,
  };
}

/** The JSON plan: sinks first (Flink lists vertices in reverse topological order). */
export function planJson(job: { id: string; name: string; spec: SimJob['spec']; vertices: SimVertex[] }) {
  return {
    jid: job.id,
    name: job.name,
    type: job.spec.type,
    nodes: [...job.vertices].reverse().map((v) => ({
      id: v.id,
      operator: '',
      parallelism: v.parallelism,
      operator_strategy: '',
      description: v.spec.operators
        .map((op, i) => `${i === 0 ? '' : '+- '}${op.replace(/</g, '&lt;').replace(/>/g, '&gt;')}<br/>`)
        .join(''),
      optimizer_properties: {},
      ...(v.spec.inputs.length > 0
        ? {
            inputs: v.spec.inputs.map((input, num) => ({
              id: job.vertices[input.from]?.id ?? '',
              num,
              exchange: job.spec.type === 'BATCH' ? 'blocking' : 'pipelined_bounded',
              ship_strategy: input.ship,
            })),
          }
        : {}),
    })),
  };
}

/** `metricsAt`: when the served vertex metrics were measured (the metric fetcher's last refresh). */
export function jobDetails(job: SimJob, now: number, metricsAt = now) {
  const p = job.phase(now);
  const statusCounts = emptyStateCounts();
  const vertices = job.vertices.map((v) => {
    const counts = vertexTaskCounts(job, v, now);
    const state = aggregateState(counts, v.parallelism);
    statusCounts[state]++;
    const times = vertexTimes(job, v, now);
    return {
      id: v.id,
      slotSharingGroupId: job.slotSharingGroupId,
      name: v.name,
      maxParallelism: v.maxParallelism,
      parallelism: v.parallelism,
      status: state,
      'start-time': times.start,
      'end-time': times.end,
      duration: times.duration,
      tasks: counts,
      metrics: ioMetrics(job, v, [...Array(v.parallelism).keys()], metricsAt),
    };
  });
  return {
    jid: job.id,
    name: job.name,
    isStoppable: false,
    state: p.status,
    'job-type': job.spec.type,
    'start-time': job.submittedAt,
    'end-time': p.end,
    duration: (p.end > 0 ? p.end : now) - job.submittedAt,
    maxParallelism: -1,
    now,
    timestamps: job.timestamps(now),
    vertices,
    'status-counts': statusCounts,
    plan: planJson(job),
    'pending-operators': 0,
  };
}

/** min/max/avg/sum/median/p25/p75/p95 over subtasks, as AggregatedTaskDetailsInfo. */
export function statsOf(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const q = (p: number) => {
    if (sorted.length === 0) return 0;
    const pos = p * (sorted.length + 1);
    if (pos < 1) return sorted[0] ?? 0;
    if (pos >= sorted.length) return sorted[sorted.length - 1] ?? 0;
    const lo = sorted[Math.floor(pos) - 1] ?? 0;
    const hi = sorted[Math.floor(pos)] ?? lo;
    return Math.round(lo + (pos - Math.floor(pos)) * (hi - lo));
  };
  const sum = values.reduce((a, b) => a + b, 0);
  return {
    min: sorted[0] ?? 0,
    max: sorted[sorted.length - 1] ?? 0,
    avg: values.length ? Math.round(sum / values.length) : 0,
    sum,
    median: q(0.5),
    p25: q(0.25),
    p75: q(0.75),
    p95: q(0.95),
  };
}

const DURATION_STATES: ExecutionState[] = ['CREATED', 'SCHEDULED', 'DEPLOYING', 'INITIALIZING', 'RUNNING'];
const NEXT: Partial<Record<ExecutionState, ExecutionState>> = {
  CREATED: 'SCHEDULED',
  SCHEDULED: 'DEPLOYING',
  DEPLOYING: 'INITIALIZING',
  INITIALIZING: 'RUNNING',
};

export function statusDuration(job: SimJob, v: SimVertex, s: number, now: number): Record<string, number> {
  const t = job.taskTimestamps(v, s, now);
  const state = job.taskState(v, s, now);
  const out: Record<string, number> = {};
  for (const st of DURATION_STATES) {
    const start = t[st];
    const next = NEXT[st];
    const end = next ? t[next] : Math.max(t.FINISHED, t.CANCELING, t.FAILED);
    if (start <= 0) out[st] = -1;
    else if (state === st) out[st] = now - start;
    else out[st] = end > 0 ? end - start : -1;
  }
  return out;
}

export function subtaskJson(c: Cluster, job: SimJob, v: SimVertex, s: number, now: number, attempt?: number) {
  const p = job.phase(now);
  const current = attempt === undefined || attempt === p.attempt;
  const t = job.taskTimestamps(v, s, now);
  const loc = c.locate(job, v.index, s, now);
  const state = current
    ? job.taskState(v, s, now)
    : s === 0 && v.index === job.failingVertex()
      ? 'FAILED'
      : 'CANCELED';
  const start = current ? t.DEPLOYING || -1 : p.runningSince - 20_000;
  const endRaw = Math.max(t.FINISHED, t.CANCELED, t.FAILED);
  const end = current ? (endRaw > 0 ? endRaw : -1) : p.runningSince - 6000;
  return {
    subtask: s,
    status: state,
    attempt: attempt ?? p.attempt,
    endpoint: loc.endpoint,
    'start-time': start,
    'end-time': end,
    duration: start < 0 ? -1 : (end > 0 ? end : now) - start,
    metrics: ioMetrics(job, v, [s], current ? c.metricsAt(now) : p.runningSince),
    'taskmanager-id': loc.taskManagerId,
    'status-duration': statusDuration(job, v, s, now),
    start_time: start,
  };
}

export function vertexDetails(c: Cluster, job: SimJob, v: SimVertex, now: number) {
  const subtasks = [...Array(v.parallelism).keys()].map((s) => subtaskJson(c, job, v, s, now));
  const metricKeys = [
    'read-bytes',
    'write-bytes',
    'read-records',
    'write-records',
    'accumulated-backpressured-time',
    'accumulated-idle-time',
    'accumulated-busy-time',
  ] as const;
  const metrics: Record<string, ReturnType<typeof statsOf>> = {};
  for (const k of metricKeys) metrics[k] = statsOf(subtasks.map((x) => Number(x.metrics[k])));
  const durations: Record<string, ReturnType<typeof statsOf>> = {};
  for (const st of DURATION_STATES)
    durations[st] = statsOf(subtasks.map((x) => x['status-duration'][st] ?? -1));
  return {
    id: v.id,
    name: v.name,
    parallelism: v.parallelism,
    maxParallelism: v.maxParallelism,
    now,
    subtasks,
    aggregated: { metrics, 'status-duration': durations },
  };
}
