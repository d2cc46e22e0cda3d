// Checkpoint statistics, configuration, details and manually triggered checkpoints.
import { badRequest, internalError, notFound, RestError } from '../http/errors.ts';
import { jsonBody, type RequestContext } from '../http/router.ts';
import type { SimJob } from '../model/job.ts';
import {
  COORDINATOR_FRAMES,
  DISPATCHER_FRAMES,
  serializedThrowable,
  type OperationOutcome,
} from '../model/operations.ts';
import {
  checkpointConfigJson,
  checkpointingStatistics,
  checkpointJson,
  taskCheckpointDetails,
} from '../json/checkpoint-json.ts';
import { requireJob, type Api, type RouteModule } from './api.ts';

function tracker(job: SimJob) {
  if (!job.checkpoints) throw new RestError(404, 'Checkpointing has not been enabled.');
  return job.checkpoints;
}

export function jobNotFoundThrowable(jobId: string) {
  return serializedThrowable(
    'org.apache.flink.runtime.messages.FlinkJobNotFoundException',
    `Could not find Flink job (${jobId})`,
    DISPATCHER_FRAMES,
  );
}

export function tasksNotRunningThrowable(what: string) {
  return serializedThrowable(
    'org.apache.flink.runtime.checkpoint.CheckpointException',
    `Failed to trigger ${what}. Failure reason: Not all required tasks are currently running.`,
    COORDINATOR_FRAMES,
  );
}

function findRecord(job: SimJob, id: number, now: number) {
  const t = tracker(job);
  const visible = t.triggered(now).slice(-t.historySize);
  const rec = t.find(id);
  if (!rec || rec.triggeredAt > now || !visible.includes(rec))
    throw new RestError(404, `Could not find checkpointing statistics for checkpoint ${id}.`);
  return rec;
}

function triggerCheckpoint(api: Api, ctx: RequestContext) {
  const c = api.cluster;
  const now = c.now();
  const jobId = ctx.params.jobid ?? '';
  const body = jsonBody(ctx, 'CheckpointTriggerRequestBody');
  const type = body.checkpointType ?? 'CONFIGURED';
  if (type !== 'CONFIGURED' && type !== 'FULL' && type !== 'INCREMENTAL')
    throw badRequest('Request did not match expected format CheckpointTriggerRequestBody.');
  if (type === 'INCREMENTAL')
    throw internalError(
      'java.lang.IllegalStateException',
      'Flink does not support triggering incremental checkpoint explicitly. See FLINK-33723.',
    );
  const triggerId =
    typeof body.triggerId === 'string' && /^[0-9a-f]{32}$/i.test(body.triggerId)
      ? body.triggerId.toLowerCase()
      : c.newId();
  const key = `cp:${jobId}:${triggerId}`;
  if (c.ops.has(key)) return { status: 202, json: { 'request-id': triggerId } };
  const job = c.job(jobId, now);
  let completesAt = now + 150;
  let outcome: () => OperationOutcome;
  const status = job?.phase(now).status;
  if (!job || job.isTerminal(now)) outcome = () => ({ ok: false, failure: jobNotFoundThrowable(jobId) });
  else if (status !== 'RUNNING' || !job.checkpoints)
    outcome = () => ({ ok: false, failure: tasksNotRunningThrowable('checkpoint') });
  else {
    const rec = job.checkpoints.create('manual', now);
    completesAt = rec.endsAt;
    outcome = () =>
      rec.outcome === 'COMPLETED'
        ? { ok: true, value: { checkpointId: rec.id } }
        : {
            ok: false,
            failure: serializedThrowable(
              'org.apache.flink.runtime.checkpoint.CheckpointException',
              rec.failureMessage ?? 'Checkpoint failed.',
              COORDINATOR_FRAMES,
            ),
          };
  }
  c.ops.register(key, { createdAt: now, completesAt, outcome });
  return { status: 202, json: { 'request-id': triggerId } };
}

export const checkpointRoutes: RouteModule = (api) => {
  const c = api.cluster;
  return [
    {
      method: 'GET',
      path: '/jobs/:jobid/checkpoints',
      handler: (ctx) => {
        const now = c.now();
        const job = requireJob(api, ctx.params.jobid ?? '', now);
        return { json: checkpointingStatistics(job, tracker(job), now) };
      },
    },
    { method: 'POST', path: '/jobs/:jobid/checkpoints', handler: (ctx) => triggerCheckpoint(api, ctx) },
    {
      method: 'GET',
      path: '/jobs/:jobid/checkpoints/:triggerid',
      handler: (ctx) => {
        const key = `cp:${ctx.params.jobid}:${ctx.params.triggerid}`;
        const st = c.ops.status(key, c.now());
        if (st === undefined)
          throw new RestError(
            404,
            `There is no checkpoint operation with triggerId=${ctx.params.triggerid} for job ${ctx.params.jobid}.`,
          );
        if (st === 'IN_PROGRESS') return { json: { status: { id: 'IN_PROGRESS' }, operation: null } };
        return {
          json: { status: { id: 'COMPLETED' }, operation: st.ok ? st.value : { failureCause: st.failure } },
        };
      },
    },
    {
      method: 'GET',
      path: '/jobs/:jobid/checkpoints/config',
      handler: (ctx) => {
        const job = requireJob(api, ctx.params.jobid ?? '', c.now());
        return { json: checkpointConfigJson(job, tracker(job)) };
      },
    },
    {
      method: 'GET',
      path: '/jobs/:jobid/checkpoints/details/:checkpointid',
      handler: (ctx) => {
        const now = c.now();
        const job = requireJob(api, ctx.params.jobid ?? '', now);
        return {
          json: checkpointJson(job, findRecord(job, Number(ctx.params.checkpointid), now), now, true),
        };
      },
    },
    {
      method: 'GET',
      path: '/jobs/:jobid/checkpoints/details/:checkpointid/subtasks/:vertexid',
      handler: (ctx) => {
        const now = c.now();
        const job = requireJob(api, ctx.params.jobid ?? '', now);
        const rec = findRecord(job, Number(ctx.params.checkpointid), now);
        const v = job.vertex(ctx.params.vertexid ?? '');
        if (!v) throw notFound(`There is no checkpoint statistics for task ${ctx.params.vertexid}.`);
        return { json: taskCheckpointDetails(job, v, rec, now) };
      },
    },
  ];
};
