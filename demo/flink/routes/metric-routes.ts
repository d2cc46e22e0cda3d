// Metric endpoints. Like Flink's metric handlers they never 404: an unknown component has no
// metrics, so the answer is []. Without `get` they list metric ids; with it, values (strings).
import { queryEnum, queryList, type RequestContext } from '../http/router.ts';
import type { Cluster } from '../model/cluster.ts';
import type { SimJob } from '../model/job.ts';
import { jvmMetrics, jvmSample, tmOnlyMetrics, type SimTaskManager } from '../model/task-managers.ts';
import { metricOperatorName, subtaskMetricNames, subtaskMetrics } from '../model/vertex-metrics.ts';
import { javaLong } from '../util/java-format.ts';
import { reportsMetrics } from './vertex-routes.ts';
import type { RouteModule } from './api.ts';

type Metrics = Map<string, string>;

function single(ctx: RequestContext, metrics: Metrics | undefined) {
  if (!metrics) return { json: [] };
  const wanted = queryList(ctx, 'get');
  if (wanted.length === 0) return { json: [...metrics.keys()].map((id) => ({ id })) };
  const out: { id: string; value: string }[] = [];
  for (const id of wanted) {
    const value = metrics.get(id);
    if (value !== undefined) out.push({ id, value });
  }
  return { json: out };
}

const AGGS = ['min', 'max', 'avg', 'sum', 'skew'] as const;

function aggregated(ctx: RequestContext, components: Metrics[]) {
  const wanted = queryList(ctx, 'get');
  const aggs = queryEnum(ctx, 'agg', AGGS);
  const use = aggs.length ? AGGS.filter((a) => aggs.includes(a)) : AGGS;
  if (wanted.length === 0) {
    const names = new Set<string>();
    for (const m of components) for (const k of m.keys()) names.add(k);
    return { json: [...names].map((id) => ({ id })) };
  }
  const out: Record<string, unknown>[] = [];
  for (const id of wanted) {
    const values = components.map((m) => Number(m.get(id))).filter((v) => Number.isFinite(v));
    if (values.length === 0) continue;
    const sum = values.reduce((a, b) => a + b, 0);
    const avg = sum / values.length;
    const dev = values.reduce((a, v) => a + Math.abs(avg - v), 0) / values.length;
    const all: Record<(typeof AGGS)[number], number> = {
      min: Math.min(...values),
      max: Math.max(...values),
      avg,
      sum,
      skew: avg === 0 ? 0 : Math.min((dev / avg) * 100, 100),
    };
    const entry: Record<string, unknown> = { id };
    for (const a of use) entry[a] = all[a];
    out.push(entry);
  }
  return { json: out };
}

/** JobManager-side job metrics; a job that ended has none (its metric group is closed). */
export function jobMetrics(job: SimJob, now: number): Metrics | undefined {
  const p = job.phase(now);
  if (p.status === 'INITIALIZING') return undefined;
  const m: Metrics = new Map();
  const running = p.status === 'RUNNING';
  m.set('numRestarts', javaLong(p.failures));
  m.set('uptime', javaLong(running ? now - p.runningSince : 0));
  m.set('downtime', javaLong(p.status === 'RESTARTING' ? now - p.since : 0));
  m.set('runningTime', javaLong(running ? now - p.runningSince : 0));
  m.set('restartingTime', javaLong(p.status === 'RESTARTING' ? now - p.since : 0));
  m.set('cancellingTime', javaLong(p.status === 'CANCELLING' ? now - p.since : 0));
  m.set('failingTime', '0');
  m.set('initializingTime', '0');
  m.set('createdTime', javaLong(p.status === 'CREATED' ? now - p.since : 0));
  m.set('deployingTime', '0');
  m.set('numRescales', '0');
  m.set('allSubTasksRunningOrFinishedTime', javaLong(running ? now - p.runningSince - 1500 : 0));
  const t = job.checkpoints;
  if (t) {
    const all = t.triggered(now);
    const done = all.filter((r) => t.status(r, now) === 'COMPLETED');
    const last = done[done.length - 1];
    m.set('totalNumberOfCheckpoints', javaLong(all.length));
    m.set('numberOfCompletedCheckpoints', javaLong(done.length));
    m.set('numberOfFailedCheckpoints', javaLong(all.filter((r) => t.status(r, now) === 'FAILED').length));
    m.set(
      'numberOfInProgressCheckpoints',
      javaLong(all.filter((r) => t.status(r, now) === 'IN_PROGRESS').length),
    );
    m.set('lastCheckpointDuration', javaLong(last ? last.endsAt - last.triggeredAt : -1));
    m.set('lastCheckpointSize', javaLong(last?.checkpointedSize ?? -1));
    m.set('lastCheckpointFullSize', javaLong(last?.stateSize ?? -1));
    m.set('lastCheckpointProcessedData', javaLong(last?.processedData ?? -1));
    m.set('lastCheckpointPersistedData', javaLong(last?.persistedData ?? -1));
    m.set('lastCheckpointExternalPath', last?.externalPath ?? 'n/a');
    m.set('lastCompletedCheckpointId', javaLong(last?.id ?? -1));
    m.set('lastCheckpointCompletedTimestamp', javaLong(last?.endsAt ?? -1));
    m.set('lastCheckpointMetadataSize', javaLong(last ? 2000 + job.vertices.length * 350 : -1));
    m.set('lastCheckpointRestoreTimestamp', javaLong(t.restored()?.at ?? -1));
  }
  return m;
}

function subtaskMetricMap(
  c: Cluster,
  jobId: string,
  vertexId: string,
  s: number,
  now: number,
): Metrics | undefined {
  const job = c.job(jobId, now);
  const v = job?.vertex(vertexId);
  if (!job || !v || s >= v.parallelism || !reportsMetrics(job, v, s, now)) return undefined;
  return subtaskMetrics(job, v, s, c.metricsAt(now));
}

function tmMetrics(c: Cluster, tm: SimTaskManager, now: number): Metrics {
  const at = c.metricsAt(now);
  const load = c.tmLoad(tm, at);
  const j = jvmSample(c.seed, tm.id, tm.registeredAt, at, load);
  const m = jvmMetrics(j, tm.registeredAt, at);
  for (const [k, v] of tmOnlyMetrics(j, load.usedSlots, tm.slots)) m.set(k, v);
  return m;
}

function parseRanges(spec: string[]): Set<number> | undefined {
  if (spec.length === 0) return undefined;
  const out = new Set<number>();
  for (const part of spec) {
    const [a, b] = part.split('-').map(Number);
    if (a === undefined || !Number.isInteger(a)) continue;
    const end = b !== undefined && Number.isInteger(b) ? b : a;
    for (let i = a; i <= end && i - a < 100_000; i++) out.add(i);
  }
  return out;
}

export const metricRoutes: RouteModule = (api) => {
  const c = api.cluster;
  const base = '/jobs/:jobid/vertices/:vertexid';
  return [
    {
      method: 'GET',
      path: '/jobmanager/metrics',
      handler: (ctx) => {
        const now = c.now();
        const at = c.metricsAt(now);
        const j = jvmSample(c.seed, 'jobmanager', c.jmStartedAt, at, { usedSlots: 2, backPressured: false });
        const m = jvmMetrics(j, c.jmStartedAt, at);
        const used = c.slotPlan(now).used.reduce((a, b) => a + b, 0);
        m.set('numRegisteredTaskManagers', javaLong(c.taskManagers.length));
        m.set('numPendingTaskManagers', '0');
        m.set('numRunningJobs', javaLong(c.jobs().filter((x) => !x.isTerminal(now)).length));
        m.set('taskSlotsTotal', javaLong(c.totalSlots()));
        m.set('taskSlotsAvailable', javaLong(Math.max(0, c.totalSlots() - used)));
        return single(ctx, m);
      },
    },
    {
      method: 'GET',
      path: '/jobs/metrics',
      handler: (ctx) => {
        const now = c.now();
        const filter = queryList(ctx, 'jobs');
        const jobs = filter.length
          ? filter.map((id) => c.job(id, now)).filter((j): j is SimJob => j !== undefined)
          : [...c.jobs()];
        return aggregated(
          ctx,
          jobs.map((j) => jobMetrics(j, now)).filter((m): m is Metrics => m !== undefined),
        );
      },
    },
    {
      method: 'GET',
      path: '/jobs/:jobid/metrics',
      handler: (ctx) => {
        const now = c.now();
        const job = c.job(ctx.params.jobid ?? '', now);
        return single(ctx, job && jobMetrics(job, now));
      },
    },
    {
      method: 'GET',
      path: `${base}/metrics`,
      handler: (ctx) => {
        const now = c.now();
        const job = c.job(ctx.params.jobid ?? '', now);
        const v = job?.vertex(ctx.params.vertexid ?? '');
        if (!job || !v) return { json: [] };
        const wanted = queryList(ctx, 'get');
        // large vertices: compute only the subtasks asked for, and list names without values
        const reporting = [...Array(v.parallelism).keys()].filter((s) => reportsMetrics(job, v, s, now));
        if (reporting.length === 0) return { json: [] };
        if (wanted.length === 0) {
          const names = subtaskMetricNames(job, v);
          return { json: reporting.flatMap((s) => names.map((n) => ({ id: `${s}.${n}` }))) };
        }
        const bySubtask = new Map<number, Metrics | undefined>();
        const out: { id: string; value: string }[] = [];
        for (const id of wanted) {
          const dot = id.indexOf('.');
          const s = Number(id.slice(0, dot));
          if (dot < 0 || !Number.isInteger(s)) continue;
          if (!bySubtask.has(s)) bySubtask.set(s, subtaskMetricMap(c, job.id, v.id, s, now));
          const value = bySubtask.get(s)?.get(id.slice(dot + 1));
          if (value !== undefined) out.push({ id, value });
        }
        return { json: out };
      },
    },
    {
      method: 'GET',
      path: `${base}/subtasks/metrics`,
      handler: (ctx) => {
        const now = c.now();
        const job = c.job(ctx.params.jobid ?? '', now);
        const v = job?.vertex(ctx.params.vertexid ?? '');
        if (!job || !v) return { json: [] };
        const only = parseRanges(queryList(ctx, 'subtasks'));
        const maps: Metrics[] = [];
        for (let s = 0; s < v.parallelism; s++) {
          if (only && !only.has(s)) continue;
          const m = subtaskMetricMap(c, job.id, v.id, s, now);
          if (m) maps.push(m);
        }
        return aggregated(ctx, maps);
      },
    },
    {
      method: 'GET',
      path: `${base}/subtasks/:subtaskindex/metrics`,
      handler: (ctx) =>
        single(
          ctx,
          subtaskMetricMap(
            c,
            ctx.params.jobid ?? '',
            ctx.params.vertexid ?? '',
            Number(ctx.params.subtaskindex),
            c.now(),
          ),
        ),
    },
    {
      method: 'GET',
      path: `${base}/jm-operator-metrics`,
      handler: (ctx) => {
        // source coordinators register metrics on the JobManager, named after the chained vertex
        const now = c.now();
        const job = c.job(ctx.params.jobid ?? '', now);
        const v = job?.vertex(ctx.params.vertexid ?? '');
        if (!job || !v || v.spec.sourceRate === undefined) return { json: [] };
        const idle = v.spec.idleSubtasks?.length ?? 0;
        return single(
          ctx,
          new Map([[`${metricOperatorName(v.name)}.coordinator.enumerator.unassignedSplits`, String(idle)]]),
        );
      },
    },
    {
      method: 'GET',
      path: '/taskmanagers/metrics',
      handler: (ctx) => {
        const now = c.now();
        const filter = queryList(ctx, 'taskmanagers');
        const tms = filter.length ? c.taskManagers.filter((tm) => filter.includes(tm.id)) : c.taskManagers;
        return aggregated(
          ctx,
          tms.map((tm) => tmMetrics(c, tm, now)),
        );
      },
    },
    {
      method: 'GET',
      path: '/taskmanagers/:taskmanagerid/metrics',
      handler: (ctx) => {
        const tm = c.taskManager(ctx.params.taskmanagerid ?? '');
        return single(ctx, tm && tmMetrics(c, tm, c.now()));
      },
    },
  ];
};
