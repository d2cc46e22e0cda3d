// Task manager endpoints: list, details with JVM metrics, logs, stdout and thread dumps.
import { internalError, RestError } from '../http/errors.ts';
import type { RequestContext } from '../http/router.ts';
import type { Cluster } from '../model/cluster.ts';
import { bigLog, taskManagerLog, taskManagerStdout, tmLogName, tmOutName } from '../model/logs.ts';
import {
  jvmSample,
  resourceOf,
  slotResource,
  TM_MEMORY,
  tmDetailMetrics,
  tmPath,
  type SimTaskManager,
} from '../model/task-managers.ts';
import { taskManagerThreadDump, type TaskThread } from '../model/thread-dump.ts';
import { noise } from '../util/rng.ts';
import type { Api, RouteModule } from './api.ts';

/** The 50 MB log of the large scale, built on first request. */
const bigLogs = new Map<string, Buffer>();
const BIG_LOG_BYTES = 50 * 1024 * 1024;

function requireTm(api: Api, ctx: RequestContext): SimTaskManager {
  const id = ctx.params.taskmanagerid ?? '';
  const tm = api.cluster.taskManager(id);
  if (!tm)
    throw internalError(
      'org.apache.flink.runtime.resourcemanager.exceptions.UnknownTaskExecutorException',
      `No TaskExecutor registered under ${id}.`,
    );
  return tm;
}

/** Tasks deployed on a task manager, with the time they were deployed. */
export function tasksOn(c: Cluster, tm: SimTaskManager, now: number): (TaskThread & { at: number })[] {
  const out: (TaskThread & { at: number })[] = [];
  const plan = c.slotPlan(now);
  for (const job of c.jobs()) {
    const slots = plan.slots.get(job.id);
    if (!slots?.some((s) => s.tm === tm)) continue;
    const p = job.phase(now);
    for (const v of job.vertices) {
      for (let s = 0; s < v.parallelism; s++) {
        if (slots[s % slots.length]?.tm !== tm) continue;
        out.push({
          name: `${v.name} (${s + 1}/${v.parallelism})#${p.attempt}`,
          spec: v.spec,
          source: v.spec.sourceRate !== undefined,
          at: job.taskTimes(v, s, p.runningSince).DEPLOYING,
        });
        if (out.length > 400) return out;
      }
    }
  }
  return out;
}

function tmInfo(c: Cluster, tm: SimTaskManager, now: number) {
  const used = Math.min(tm.slots, c.tmLoad(tm, now).usedSlots);
  return {
    id: tm.id,
    path: tmPath(tm),
    dataPort: tm.dataPort,
    jmxPort: -1,
    timeSinceLastHeartbeat: now - Math.floor(noise(c.seed, tm.id, Math.floor(now / 10_000)) * 9000),
    slotsNumber: tm.slots,
    freeSlots: tm.slots - used,
    totalResource: resourceOf(tm.slots, tm.slots),
    freeResource: resourceOf(tm.slots, tm.slots - used),
    hardware: {
      cpuCores: tm.cpuCores,
      physicalMemory: 16_760_631_296,
      freeMemory: 536_870_912,
      managedMemory: TM_MEMORY.managedMemory,
    },
    memoryConfiguration: { ...TM_MEMORY },
  };
}

function tmLog(c: Cluster, tm: SimTaskManager, now: number): string | Buffer {
  if (c.opts.scale === 'large' && tm.index === 0) {
    const key = `${c.seed}:${tm.id}`;
    let buf = bigLogs.get(key);
    if (!buf) bigLogs.set(key, (buf = bigLog(tm.registeredAt, BIG_LOG_BYTES)));
    return buf;
  }
  return taskManagerLog(c, tm, tasksOn(c, tm, now));
}

export const taskManagerRoutes: RouteModule = (api) => {
  const c = api.cluster;
  return [
    {
      method: 'GET',
      path: '/taskmanagers',
      handler: () => ({ json: { taskmanagers: c.taskManagers.map((tm) => tmInfo(c, tm, c.now())) } }),
    },
    {
      method: 'GET',
      path: '/taskmanagers/:taskmanagerid',
      handler: (ctx) => {
        const tm = requireTm(api, ctx);
        const now = c.now();
        const info = tmInfo(c, tm, now);
        const metricsAt = c.metricsAt(now);
        const load = c.tmLoad(tm, metricsAt);
        const allocatedSlots: { jobId: string; resource: ReturnType<typeof slotResource> }[] = [];
        for (const [jobId, slots] of c.slotPlan(now).slots) {
          for (const s of slots)
            if (s.tm === tm && allocatedSlots.length < tm.slots)
              allocatedSlots.push({ jobId, resource: slotResource(tm.slots) });
        }
        return {
          json: {
            ...info,
            allocatedSlots,
            metrics: tmDetailMetrics(jvmSample(c.seed, tm.id, tm.registeredAt, metricsAt, load)),
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/taskmanagers/:taskmanagerid/logs',
      handler: (ctx) => {
        const tm = requireTm(api, ctx);
        const now = c.now();
        const log = tmLog(c, tm, now);
        return {
          json: {
            logs: [
              { name: tmLogName(tm), size: Buffer.byteLength(log), mtime: now - (now % 1000) },
              {
                name: tmOutName(tm),
                size: Buffer.byteLength(taskManagerStdout(tasksOn(c, tm, now))),
                mtime: tm.registeredAt + 1500,
              },
            ],
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/taskmanagers/:taskmanagerid/log',
      handler: (ctx) => ({ text: tmLog(c, requireTm(api, ctx), c.now()) }),
    },
    {
      method: 'GET',
      path: '/taskmanagers/:taskmanagerid/stdout',
      handler: (ctx) => ({ text: taskManagerStdout(tasksOn(c, requireTm(api, ctx), c.now())) }),
    },
    {
      method: 'GET',
      path: '/taskmanagers/:taskmanagerid/logs/:filename',
      handler: (ctx) => {
        const tm = requireTm(api, ctx);
        const name = ctx.params.filename ?? '';
        if (name === tmLogName(tm)) return { text: tmLog(c, tm, c.now()) };
        if (name === tmOutName(tm)) return { text: taskManagerStdout(tasksOn(c, tm, c.now())) };
        throw new RestError(404, `The file ${name} does not exist on the TaskExecutor.`);
      },
    },
    {
      method: 'GET',
      path: '/taskmanagers/:taskmanagerid/thread-dump',
      handler: (ctx) => ({ json: taskManagerThreadDump(tasksOn(c, requireTm(api, ctx), c.now())) }),
    },
  ];
};
