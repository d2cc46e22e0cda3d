// Savepoints, stop-with-savepoint and savepoint disposal. A client-chosen triggerId makes
// the trigger idempotent: the same id answers with the same request-id and starts nothing new.
import { badRequest, RestError } from '../http/errors.ts';
import { jsonBody, type RequestContext } from '../http/router.ts';
import { COORDINATOR_FRAMES, serializedThrowable, type OperationOutcome } from '../model/operations.ts';
import { asyncStatus } from './cluster-routes.ts';
import { jobNotFoundThrowable, tasksNotRunningThrowable } from './checkpoint-routes.ts';
import type { Api, RouteModule } from './api.ts';

const SAVEPOINT_DIR_KEY = 'execution.checkpointing.savepoint-dir';

function trigger(api: Api, ctx: RequestContext, mode: 'savepoint' | 'stop') {
  const c = api.cluster;
  const now = c.now();
  const jobId = ctx.params.jobid ?? '';
  const requestClass = mode === 'stop' ? 'StopWithSavepointRequestBody' : 'SavepointTriggerRequestBody';
  const body = jsonBody(ctx, requestClass);
  const dirField = mode === 'stop' ? 'targetDirectory' : 'target-directory';
  const requested = body[dirField];
  const format = body.formatType ?? 'CANONICAL';
  if (
    (requested !== undefined && requested !== null && typeof requested !== 'string') ||
    (format !== 'CANONICAL' && format !== 'NATIVE')
  ) {
    throw badRequest(`Request did not match expected format ${requestClass}.`);
  }
  const dir = typeof requested === 'string' ? requested : c.opts.defaultSavepointDir;
  if (!dir)
    throw new RestError(
      400,
      `Config key [${SAVEPOINT_DIR_KEY}] is not set. Property [${dirField}] must be provided.`,
    );
  const triggerId =
    typeof body.triggerId === 'string' && /^[0-9a-f]{32}$/i.test(body.triggerId)
      ? body.triggerId.toLowerCase()
      : c.newId();
  const key = `sp:${jobId}:${triggerId}`;
  // same trigger id: Flink's DispatcherCachedOperationsHandler keeps the first operation
  if (c.ops.has(key)) return { status: 202, json: { 'request-id': triggerId } };

  const job = c.job(jobId, now);
  const what = mode === 'stop' ? 'stop-with-savepoint' : 'savepoint';
  let completesAt = now + 120;
  let outcome: () => OperationOutcome;
  if (!job || job.isTerminal(now)) {
    outcome = () => ({ ok: false, failure: jobNotFoundThrowable(jobId) });
  } else if (job.phase(now).status !== 'RUNNING') {
    completesAt = now + 300;
    outcome = () => ({ ok: false, failure: tasksNotRunningThrowable(what) });
  } else if (job.spec.savepointsFail) {
    completesAt = now + 1800;
    outcome = () => ({
      ok: false,
      failure: serializedThrowable(
        'org.apache.flink.runtime.checkpoint.CheckpointException',
        'Task has failed.',
        COORDINATOR_FRAMES,
        'java.lang.NullPointerException: Cannot invoke "String.length()" because "campaignId" is null',
      ),
    });
  } else {
    const kind = mode === 'stop' ? 'sync-savepoint' : 'savepoint';
    const rec = job.checkpoints?.create(kind, now, { targetDir: dir, format }) ?? null;
    completesAt = rec?.endsAt ?? now + 1500;
    const location =
      rec?.externalPath ??
      `${dir.includes(':') ? dir : `file:${dir}`}/savepoint-${job.id.slice(0, 6)}-${c.newId().slice(0, 12)}`;
    if (mode === 'stop') job.terminateAt('FINISHED', completesAt + 300);
    else if (body['cancel-job'] === true) job.terminateAt('CANCELED', completesAt + 200);
    outcome = () =>
      !rec || rec.outcome === 'COMPLETED'
        ? { ok: true, value: { location } }
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

export const savepointRoutes: RouteModule = (api) => {
  const c = api.cluster;
  return [
    { method: 'POST', path: '/jobs/:jobid/savepoints', handler: (ctx) => trigger(api, ctx, 'savepoint') },
    { method: 'POST', path: '/jobs/:jobid/stop', handler: (ctx) => trigger(api, ctx, 'stop') },
    {
      method: 'GET',
      path: '/jobs/:jobid/savepoints/:triggerid',
      handler: (ctx) => {
        const st = c.ops.status(`sp:${ctx.params.jobid}:${ctx.params.triggerid}`, c.now());
        if (st === undefined)
          throw new RestError(
            404,
            `There is no savepoint operation with triggerId=${ctx.params.triggerid} for job ${ctx.params.jobid}.`,
          );
        if (st === 'IN_PROGRESS') return { json: { status: { id: 'IN_PROGRESS' }, operation: null } };
        return {
          json: {
            status: { id: 'COMPLETED' },
            operation: st.ok ? st.value : { 'failure-cause': st.failure },
          },
        };
      },
    },
    {
      method: 'POST',
      path: '/savepoint-disposal',
      handler: (ctx) => {
        const body = jsonBody(ctx, 'SavepointDisposalRequest');
        const path = body['savepoint-path'];
        if (typeof path !== 'string' || path.length === 0)
          throw badRequest('Request did not match expected format SavepointDisposalRequest.');
        const now = c.now();
        const triggerId = c.newId();
        const known = c
          .jobs()
          .some(
            (j) =>
              j.checkpoints?.records.some((r) => r.externalPath === path) ||
              j.checkpoints?.restored()?.path === path,
          );
        c.ops.register(`dispose:${triggerId}`, {
          createdAt: now,
          completesAt: now + 1000,
          outcome: () =>
            known
              ? { ok: true, value: {} }
              : {
                  ok: false,
                  failure: serializedThrowable(
                    'java.io.FileNotFoundException',
                    `Cannot find checkpoint or savepoint file/directory '${path}' on file system 'file'.`,
                    [
                      'org.apache.flink.runtime.state.filesystem.AbstractFsCheckpointStorageAccess.resolveCheckpointPointer(AbstractFsCheckpointStorageAccess.java:285)',
                      'org.apache.flink.runtime.checkpoint.Checkpoints.disposeSavepoint(Checkpoints.java:352)',
                      'org.apache.flink.runtime.dispatcher.Dispatcher.lambda$disposeSavepoint$29(Dispatcher.java:1120)',
                      'java.base/java.lang.Thread.run(Thread.java:840)',
                    ],
                  ),
                },
        });
        return { json: { 'request-id': triggerId } };
      },
    },
    {
      method: 'GET',
      path: '/savepoint-disposal/:triggerid',
      handler: (ctx) => asyncStatus(api, `dispose:${ctx.params.triggerid}`),
    },
  ];
};
