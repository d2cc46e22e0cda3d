// Cluster-wide endpoints: /config, /overview, /cluster, /datasets and the JobManager's own.
import type { Api, RouteModule } from './api.ts';
import { hashString } from '../util/rng.ts';
import { clusterConfig, jvmEnvironment } from '../model/config.ts';
import { jobManagerLog, jobManagerLogList, jobManagerStdout, jmLogName } from '../model/logs.ts';
import { jobManagerThreadDump } from '../model/thread-dump.ts';
import { notFound, RestError } from '../http/errors.ts';

export const clusterRoutes: RouteModule = (api) => {
  const c = api.cluster;
  return [
    {
      method: 'GET',
      path: '/config',
      handler: () => ({
        json: {
          'refresh-interval': 3000,
          'timezone-name': 'Coordinated Universal Time',
          'timezone-offset': 0,
          'flink-version': c.flinkVersion,
          'flink-revision': `${c.commitId} @ 2025-11-20T10:12:43+01:00`,
          features: { 'web-submit': true, 'web-cancel': true, 'web-rescale': true, 'web-history': false },
        },
      }),
    },
    {
      method: 'GET',
      path: '/overview',
      handler: () => {
        const now = c.now();
        let running = 0;
        let finished = 0;
        let cancelled = 0;
        let failed = 0;
        for (const job of c.jobs()) {
          const s = job.phase(now).status;
          if (s === 'FINISHED') finished++;
          else if (s === 'CANCELED') cancelled++;
          else if (s === 'FAILED') failed++;
          else if (s !== 'SUSPENDED') running++;
        }
        const used = c.slotPlan(now).used.reduce((a, b) => a + b, 0);
        const total = c.totalSlots();
        return {
          json: {
            taskmanagers: c.taskManagers.length,
            'slots-total': total,
            'slots-available': Math.max(0, total - used),
            'jobs-running': running,
            'jobs-finished': finished,
            'jobs-cancelled': cancelled,
            'jobs-failed': failed,
            'flink-version': c.flinkVersion,
            'flink-commit': c.commitId,
          },
        };
      },
    },
    {
      method: 'DELETE',
      path: '/cluster',
      handler: () => {
        c.shutdownRequested = true;
        return { json: {} };
      },
    },
    {
      method: 'GET',
      path: '/datasets',
      handler: () => ({
        json: { dataSets: [...c.datasets].map(([id, d]) => ({ id, isComplete: d.isComplete })) },
      }),
    },
    {
      method: 'DELETE',
      path: '/datasets/:datasetid',
      handler: (ctx) => {
        const now = c.now();
        const id = ctx.params.datasetid ?? '';
        const triggerId = c.newId();
        c.ops.register(`dataset:${triggerId}`, {
          createdAt: now,
          completesAt: now + 800,
          outcome: () => {
            c.datasets.delete(id);
            return { ok: true, value: {} };
          },
        });
        return { status: 202, json: { 'request-id': triggerId } };
      },
    },
    {
      method: 'GET',
      path: '/datasets/delete/:triggerid',
      handler: (ctx) => asyncStatus(api, `dataset:${ctx.params.triggerid}`),
    },
    {
      method: 'GET',
      path: '/jobmanager/config',
      handler: () => ({ json: clusterConfig(c, api.restPort()) }),
    },
    { method: 'GET', path: '/jobmanager/environment', handler: () => ({ json: jvmEnvironment() }) },
    {
      method: 'GET',
      path: '/jobmanager/logs',
      handler: () => ({ json: { logs: jobManagerLogList(c, c.now()) } }),
    },
    { method: 'GET', path: '/jobmanager/log', handler: () => ({ text: jobManagerLog(c, c.now()) }) },
    { method: 'GET', path: '/jobmanager/stdout', handler: () => ({ text: jobManagerStdout() }) },
    {
      method: 'GET',
      path: '/jobmanager/logs/:filename',
      handler: (ctx) => {
        const name = ctx.params.filename ?? '';
        if (name === jmLogName()) return { text: jobManagerLog(c, c.now()) };
        if (name === jmLogName().replace(/\.log$/, '.out')) return { text: jobManagerStdout() };
        throw new RestError(404, 'This file does not exist in JobManager log dir.');
      },
    },
    { method: 'GET', path: '/jobmanager/thread-dump', handler: () => ({ json: jobManagerThreadDump() }) },
  ];
};

/** Status of an async operation without a job (disposal, data set deletion). */
export function asyncStatus(api: Api, key: string) {
  const st = api.cluster.ops.status(key, api.cluster.now());
  // Flink prints the operation key object, not the trigger id
  if (st === undefined)
    throw notFound(
      `Operation not found under key: org.apache.flink.runtime.rest.handler.async.OperationKey@${(hashString(key) >>> 1).toString(16)}`,
    );
  if (st === 'IN_PROGRESS') return { json: { status: { id: 'IN_PROGRESS' }, operation: null } };
  return {
    json: { status: { id: 'COMPLETED' }, operation: st.ok ? st.value : { 'failure-cause': st.failure } },
  };
}
