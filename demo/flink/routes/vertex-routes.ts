// Vertex endpoints: details, subtasks and attempts, accumulators, times, task managers,
// back-pressure, flame graphs and watermarks.
import { badRequest, RestError } from '../http/errors.ts';
import { queryEnum, queryInt, type RequestContext } from '../http/router.ts';
import type { SimJob, SimVertex } from '../model/job.ts';
import { buildFlameGraph, syntheticFlameGraph, type FlameNode } from '../model/flame-graph.ts';
import { LARGE_JOB_NAMES } from '../model/large-specs.ts';
import { EXECUTION_STATES, type ExecutionState } from '../model/types.ts';
import { sampleSubtask } from '../model/vertex-metrics.ts';
import {
  aggregateState,
  ioMetrics,
  statsOf,
  statusDuration,
  subtaskJson,
  vertexDetails,
} from '../json/job-json.ts';
import { javaLong, LONG_MIN_VALUE } from '../util/java-format.ts';
import { requireJob, requireSubtask, requireVertex, type Api, type RouteModule } from './api.ts';

/** Sampling takes a moment in Flink too (metric fetch / thread sampling). */
export const BACK_PRESSURE_SAMPLE_MS = 1000;
export const FLAME_GRAPH_SAMPLE_MS = 1500;
/** rest.flamegraph.refresh-interval */
const FLAME_GRAPH_REFRESH_MS = 60_000;

/**
 * Whether the metric store has task metrics for a subtask: once it ran, Flink keeps its last
 * values while the job is listed (finished, cancelled or restarting jobs still answer).
 */
export function reportsMetrics(job: SimJob, v: SimVertex, s: number, now: number): boolean {
  const status = job.phase(now).status;
  if (status === 'INITIALIZING' || status === 'CREATED') return false;
  if (status === 'RUNNING') return job.taskState(v, s, now) === 'RUNNING' || job.phase(now).attempt > 0;
  return true;
}

function lookup(api: Api, ctx: RequestContext) {
  const now = api.cluster.now();
  const job = requireJob(api, ctx.params.jobid ?? '', now);
  const v = requireVertex(job, ctx.params.vertexid ?? '');
  return { now, job, v };
}

function vertexAccumulators(job: SimJob, v: SimVertex, now: number, share = 1) {
  const p = job.phase(now);
  const seconds = Math.max(0, (Math.min(now, p.countersUntil) - p.runningSince) / 1000);
  return (job.spec.userAccumulators ?? [])
    .filter((_, i) => (i + 1) % job.vertices.length === v.index)
    .map((a) => ({ name: a.name, type: a.type, value: String(Math.floor(a.perSecond * seconds * share)) }));
}

/** The 50,000-node flame graph of the large scale, built once per seed. */
const largeFlames = new Map<number, FlameNode>();

export const vertexRoutes: RouteModule = (api) => {
  const c = api.cluster;
  const base = '/jobs/:jobid/vertices/:vertexid';
  return [
    {
      method: 'GET',
      path: base,
      handler: (ctx) => {
        const { now, job, v } = lookup(api, ctx);
        return { json: vertexDetails(c, job, v, now) };
      },
    },
    {
      method: 'GET',
      path: `${base}/subtasks/:subtaskindex`,
      handler: (ctx) => {
        const { now, job, v } = lookup(api, ctx);
        const s = requireSubtask(v, Number(ctx.params.subtaskindex));
        return { json: subtaskJson(c, job, v, s, now) };
      },
    },
    {
      method: 'GET',
      path: `${base}/subtasks/:subtaskindex/attempts/:attempt`,
      handler: (ctx) => {
        const { now, job, v } = lookup(api, ctx);
        const s = requireSubtask(v, Number(ctx.params.subtaskindex));
        return { json: subtaskJson(c, job, v, s, now, attemptOf(job, Number(ctx.params.attempt), now)) };
      },
    },
    {
      method: 'GET',
      path: `${base}/subtasks/:subtaskindex/attempts/:attempt/accumulators`,
      handler: (ctx) => {
        const { now, job, v } = lookup(api, ctx);
        const s = requireSubtask(v, Number(ctx.params.subtaskindex));
        const attempt = attemptOf(job, Number(ctx.params.attempt), now);
        return {
          json: {
            subtask: s,
            attempt,
            id: `${job.executionGraphId}_${v.id}_${s}_${attempt}`,
            'user-accumulators': vertexAccumulators(job, v, now, 1 / v.parallelism),
          },
        };
      },
    },
    {
      method: 'GET',
      path: `${base}/accumulators`,
      handler: (ctx) => {
        const { now, job, v } = lookup(api, ctx);
        return { json: { id: v.id, 'user-accumulators': vertexAccumulators(job, v, now) } };
      },
    },
    {
      method: 'GET',
      path: `${base}/subtasks/accumulators`,
      handler: (ctx) => {
        const { now, job, v } = lookup(api, ctx);
        const attempt = job.phase(now).attempt;
        const subtasks = [...Array(v.parallelism).keys()].map((s) => ({
          subtask: s,
          attempt,
          endpoint: c.locate(job, v.index, s, now).endpoint,
          'user-accumulators': vertexAccumulators(job, v, now, 1 / v.parallelism),
        }));
        return { json: { id: v.id, parallelism: v.parallelism, subtasks } };
      },
    },
    {
      method: 'GET',
      path: `${base}/subtasktimes`,
      handler: (ctx) => {
        const { now, job, v } = lookup(api, ctx);
        const subtasks = [...Array(v.parallelism).keys()].map((s) => {
          const t = job.taskTimestamps(v, s, now);
          const start = t.SCHEDULED || t.CREATED;
          const end = Math.max(t.FINISHED, t.CANCELED, t.FAILED);
          return {
            subtask: s,
            endpoint: c.locate(job, v.index, s, now).endpoint,
            duration: start > 0 ? (end > 0 ? end : now) - start : -1,
            timestamps: t,
          };
        });
        return { json: { id: v.id, name: v.name, now, subtasks } };
      },
    },
    {
      method: 'GET',
      path: `${base}/taskmanagers`,
      handler: (ctx) => {
        const { now, job, v } = lookup(api, ctx);
        return { json: vertexTaskManagers(api, job, v, now) };
      },
    },
    { method: 'GET', path: `${base}/backpressure`, handler: (ctx) => ({ json: backPressure(api, ctx) }) },
    { method: 'GET', path: `${base}/flamegraph`, handler: (ctx) => ({ json: flameGraph(api, ctx) }) },
    {
      method: 'GET',
      path: `${base}/watermarks`,
      handler: (ctx) => {
        const { now, job, v } = lookup(api, ctx);
        const out: { id: string; value: string }[] = [];
        for (let s = 0; s < v.parallelism; s++) {
          if (!reportsMetrics(job, v, s, now)) continue;
          const wm = sampleSubtask(job, v, s, api.cluster.metricsAt(now)).inputWatermark;
          out.push({ id: `${s}.currentInputWatermark`, value: wm === null ? LONG_MIN_VALUE : javaLong(wm) });
        }
        return { json: out };
      },
    },
  ];
};

/** Current attempt, or a prior one kept in the execution history (16 attempts). */
function attemptOf(job: SimJob, attempt: number, now: number): number {
  const current = job.phase(now).attempt;
  if (attempt === current || (attempt < current && attempt >= current - 15)) return attempt;
  throw new RestError(404, `Invalid attempt num ${attempt}`);
}

function vertexTaskManagers(api: Api, job: SimJob, v: SimVertex, now: number) {
  const metricsAt = api.cluster.metricsAt(now);
  const byTm = new Map<string, { endpoint: string; subtasks: number[] }>();
  for (let s = 0; s < v.parallelism; s++) {
    const loc = api.cluster.locate(job, v.index, s, now);
    const entry = byTm.get(loc.taskManagerId) ?? { endpoint: loc.endpoint, subtasks: [] };
    entry.subtasks.push(s);
    byTm.set(loc.taskManagerId, entry);
  }
  const taskmanagers = [...byTm].map(([tmId, e]) => {
    const counts = Object.fromEntries(EXECUTION_STATES.map((st) => [st, 0])) as Record<
      ExecutionState,
      number
    >;
    let start = -1;
    let end = -1;
    for (const s of e.subtasks) {
      counts[job.taskState(v, s, now)]++;
      const t = job.taskTimestamps(v, s, now);
      if (t.DEPLOYING > 0 && (start < 0 || t.DEPLOYING < start)) start = t.DEPLOYING;
      end = Math.max(end, t.FINISHED, t.CANCELED, t.FAILED);
    }
    const state = aggregateState(counts, e.subtasks.length);
    if (['RUNNING', 'DEPLOYING', 'SCHEDULED', 'INITIALIZING', 'CREATED'].includes(state)) end = -1;
    const metricsPerSubtask = e.subtasks.map((s) => ioMetrics(job, v, [s], metricsAt));
    const keys = [
      'read-bytes',
      'write-bytes',
      'read-records',
      'write-records',
      'accumulated-backpressured-time',
      'accumulated-idle-time',
      'accumulated-busy-time',
    ] as const;
    const durations = e.subtasks.map((s) => statusDuration(job, v, s, now));
    return {
      endpoint: e.endpoint,
      status: state,
      'start-time': start,
      'end-time': end,
      duration: start < 0 ? -1 : (end > 0 ? end : now) - start,
      metrics: ioMetrics(job, v, e.subtasks, metricsAt),
      'status-counts': counts,
      'taskmanager-id': tmId,
      aggregated: {
        metrics: Object.fromEntries(
          keys.map((k) => [k, statsOf(metricsPerSubtask.map((m) => Number(m[k])))]),
        ),
        'status-duration': Object.fromEntries(
          ['CREATED', 'SCHEDULED', 'DEPLOYING', 'INITIALIZING', 'RUNNING'].map((st) => [
            st,
            statsOf(durations.map((d) => d[st] ?? -1)),
          ]),
        ),
      },
    };
  });
  return { id: v.id, name: v.name, now, taskmanagers };
}

function level(ratio: number): 'ok' | 'low' | 'high' {
  return ratio <= 0.1 ? 'ok' : ratio <= 0.5 ? 'low' : 'high';
}

function backPressure(api: Api, ctx: RequestContext) {
  const c = api.cluster;
  const now = c.now();
  const job = c.job(ctx.params.jobid ?? '', now);
  const v = job?.vertex(ctx.params.vertexid ?? '');
  // Flink reads this from the metric store and does not check the job: unknown ids are "deprecated"
  if (!job || !v) return { status: 'deprecated' };
  const key = `${job.id}/${v.id}`;
  const since = api.backPressureSince.get(key);
  if (since === undefined) api.backPressureSince.set(key, now);
  const running = [...Array(v.parallelism).keys()].filter((s) => reportsMetrics(job, v, s, now));
  if (since === undefined || now - since < BACK_PRESSURE_SAMPLE_MS || running.length === 0)
    return { status: 'deprecated' };
  const subtasks = running.map((s) => {
    const x = sampleSubtask(job, v, s, c.metricsAt(now));
    const ratio = x.backPressuredMs / 1000;
    const lv = level(ratio);
    return {
      subtask: s,
      'backpressure-level': lv,
      ratio,
      idleRatio: x.idleMs / 1000,
      busyRatio: x.busyMs / 1000,
      backpressureLevel: lv,
    };
  });
  const max = Math.max(...subtasks.map((s) => s.ratio));
  return {
    status: 'ok',
    'backpressure-level': level(max),
    'end-timestamp': now - (now % 1000),
    subtasks,
    backpressureLevel: level(max),
  };
}

function flameGraph(api: Api, ctx: RequestContext) {
  const c = api.cluster;
  const types = queryEnum(ctx, 'type', ['FULL', 'ON_CPU', 'OFF_CPU'] as const);
  const subtask = queryInt(ctx, 'subtaskindex');
  // rest.flamegraph.enabled: false registers a handler that answers "disabled" for any vertex
  if (!c.opts.flameGraphs) return { endTimestamp: -2 };
  const { now, job, v } = lookup(api, ctx);
  if (subtask !== undefined && (subtask < 0 || subtask >= v.parallelism))
    throw badRequest(`Invalid subtask index ${subtask} for vertex ${v.id}.`);
  const counts = Object.fromEntries(EXECUTION_STATES.map((st) => [st, 0])) as Record<ExecutionState, number>;
  for (let s = 0; s < v.parallelism; s++) counts[job.taskState(v, s, now)]++;
  if (['FINISHED', 'CANCELED', 'FAILED'].includes(aggregateState(counts, v.parallelism)))
    return { endTimestamp: -1 };
  const key = `${job.id}/${v.id}/${subtask ?? 'all'}`;
  const since = api.flameGraphSince.get(key);
  if (since === undefined) api.flameGraphSince.set(key, now);
  if (since === undefined || now - since < FLAME_GRAPH_SAMPLE_MS) return { endTimestamp: -3 };
  const round = Math.floor((now - since - FLAME_GRAPH_SAMPLE_MS) / FLAME_GRAPH_REFRESH_MS);
  const endTimestamp = since + FLAME_GRAPH_SAMPLE_MS + round * FLAME_GRAPH_REFRESH_MS;
  if (c.opts.scale === 'large' && job.name === LARGE_JOB_NAMES.wide && v.index === 1) {
    let data = largeFlames.get(c.seed);
    if (!data) largeFlames.set(c.seed, (data = syntheticFlameGraph(c.seed, 50_000)));
    return { endTimestamp, data };
  }
  return { endTimestamp, data: buildFlameGraph(job, v, types[0] ?? 'FULL', subtask, round) };
}
