// Flink 2.3's rescale history of the adaptive scheduler (`/jobs/:jobid/rescales/*`), served only
// when the demo imitates 2.3: older versions have no such routes and answer 404 like any unknown path.
import { badRequest } from '../http/errors.ts';
import type { SimJob } from '../model/job.ts';
import { stableHexId } from '../util/rng.ts';
import { requireJob, type Api, type RouteModule } from './api.ts';

const HISTORY_MAX = 10;

const uuid = (hex: string) =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;

/** One rescale as Flink 2.3's JobRescaleDetails writes it (vertices keyed by vertex id). */
function details(seed: number, job: SimJob, n: number, now: number) {
  const r = job.rescaleLog[n]!;
  const done = r.endAt <= now;
  return {
    rescaleUuid: uuid(stableHexId(seed, `${job.id}:rescale:${n}`)),
    resourceRequirementsUuid: uuid(stableHexId(seed, `${job.id}:requirements:${n}`)),
    rescaleAttemptId: 1,
    vertices: Object.fromEntries(
      r.changes.map((c) => {
        const v = job.vertices[c.index]!;
        return [
          v.id,
          {
            jobVertexId: v.id,
            jobVertexName: v.name,
            slotSharingGroupId: stableHexId(seed, `${job.id}:ssg`),
            slotSharingGroupName: 'default',
            desiredParallelism: c.to,
            sufficientParallelism: 1,
            preRescaleParallelism: c.from,
            postRescaleParallelism: done ? c.to : null,
          },
        ];
      }),
    ),
    slots: {},
    schedulerStates: [
      {
        state: 'Executing',
        enterTimestampInMillis: r.at,
        leaveTimestampInMillis: r.at,
        durationInMillis: 0,
        stringifiedException: null,
      },
      {
        state: 'Restarting',
        enterTimestampInMillis: r.at,
        leaveTimestampInMillis: done ? r.endAt : null,
        durationInMillis: done ? r.endAt - r.at : null,
        stringifiedException: null,
      },
    ],
    startTimestampInMillis: r.at,
    endTimestampInMillis: done ? r.endAt : null,
    terminalState: done ? 'COMPLETED' : null,
    triggerCause: 'UPDATE_REQUIREMENT',
    terminatedReason: done ? 'SUCCEEDED' : null,
  };
}

function history(api: Api, job: SimJob, now: number) {
  const all = job.rescaleLog.map((_, n) => details(api.cluster.seed, job, n, now));
  return all.reverse().slice(0, HISTORY_MAX);
}

/** Duration statistics as Flink writes them: "NaN" percentiles while there are none. */
function stats(durations: number[]) {
  if (durations.length === 0)
    return { min: 0, max: 0, avg: 0, p50: 'NaN', p90: 'NaN', p95: 'NaN', p99: 'NaN', p999: 'NaN' };
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return {
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    avg: Math.round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    p50: at(0.5),
    p90: at(0.9),
    p95: at(0.95),
    p99: at(0.99),
    p999: at(0.999),
  };
}

export const rescaleRoutes: RouteModule = (api) => {
  const c = api.cluster;
  if (!c.hasRescaleHistory) return [];
  const counts = (h: ReturnType<typeof history>) => ({
    ignored: 0,
    inProgress: h.filter((r) => r.terminalState === null).length,
    completed: h.filter((r) => r.terminalState === 'COMPLETED').length,
    failed: 0,
  });
  return [
    {
      method: 'GET',
      path: '/jobs/:jobid/rescales/overview',
      handler: (ctx) => {
        const now = c.now();
        const h = history(api, requireJob(api, ctx.params.jobid ?? '', now), now);
        const completed = h.find((r) => r.terminalState === 'COMPLETED') ?? null;
        return { json: { rescalesCounts: counts(h), latest: { completed, failed: null, ignored: null } } };
      },
    },
    {
      method: 'GET',
      path: '/jobs/:jobid/rescales/history',
      handler: (ctx) => {
        const now = c.now();
        return { json: history(api, requireJob(api, ctx.params.jobid ?? '', now), now) };
      },
    },
    {
      method: 'GET',
      path: '/jobs/:jobid/rescales/summary',
      handler: (ctx) => {
        const now = c.now();
        const h = history(api, requireJob(api, ctx.params.jobid ?? '', now), now);
        const durations = h.flatMap((r) =>
          r.endTimestampInMillis === null ? [] : [r.endTimestampInMillis - r.startTimestampInMillis],
        );
        return {
          json: {
            rescalesCounts: counts(h),
            rescalesDurationStatsInMillis: stats(durations),
            completedRescalesDurationStatsInMillis: stats(durations),
            ignoredRescalesDurationStatsInMillis: stats([]),
            failedRescalesDurationStatsInMillis: stats([]),
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/jobs/:jobid/rescales/config',
      handler: (ctx) => {
        requireJob(api, ctx.params.jobid ?? '', c.now());
        return {
          json: {
            rescaleHistoryMax: HISTORY_MAX,
            schedulerExecutionMode: null,
            submissionResourceWaitTimeoutInMillis: 300000,
            submissionResourceStabilizationTimeoutInMillis: 10000,
            slotIdleTimeoutInMillis: 50000,
            executingCooldownTimeoutInMillis: 30000,
            executingResourceStabilizationTimeoutInMillis: 60000,
            maximumDelayForTriggeringRescaleInMillis: 3000,
            rescaleOnFailedCheckpointCount: 2,
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/jobs/:jobid/rescales/details/:rescaleuuid',
      handler: (ctx) => {
        const now = c.now();
        const id = ctx.params.rescaleuuid ?? '';
        if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id))
          throw badRequest(
            `Bad request, could not parse parameters: Cannot resolve path parameter (rescaleuuid) from value "${id}".`,
          );
        const found = history(api, requireJob(api, ctx.params.jobid ?? '', now), now).find(
          (r) => r.rescaleUuid === id,
        );
        if (!found) throw badRequest(`Rescale ${id} not found.`);
        return { json: found };
      },
    },
  ];
};
