// Job endpoints: lists, details, cancellation, plan, configuration, exceptions, results.
import { badRequest, jobNotFound, RestError } from '../http/errors.ts';
import { jsonBody, queryEnum, queryInt, queryList, type RequestContext } from '../http/router.ts';
import { jvmEnvironment, jobConfigEntries } from '../model/config.ts';
import { exceptionHistory, jobFailureCause } from '../model/exceptions.ts';
import type { SimJob } from '../model/job.ts';
import { throwableFromTrace } from '../model/operations.ts';
import { jarJobSpec } from '../model/specs.ts';
import { jobDetails, jobOverviewEntry, planJson } from '../json/job-json.ts';
import { parseMultipart } from '../util/multipart.ts';
import { requireJob, type Api, type RouteModule } from './api.ts';

/** Java serialization of OptionalFailure<Long>, as Flink returns accumulator values. */
const OPTIONAL_LONG_PREFIX = Buffer.from(
  'rO0ABXNyACVvcmcuYXBhY2hlLmZsaW5rLnV0aWwuT3B0aW9uYWxGYWlsdXJlAAAAAAAAAAEDAAFMAAxmYWlsdXJlQ2F1c2V0ABVMamF2YS9sYW5nL1Rocm93YWJsZTt4cHBzcgAOamF2YS5sYW5nLkxvbmc7i+SQzI8j3wIAAUoABXZhbHVleHIAEGphdmEubGFuZy5OdW1iZXKGrJUdC5TgiwIAAHhw',
  'base64',
);

function serializedLong(value: number): string {
  const tail = Buffer.alloc(9);
  tail.writeBigInt64BE(BigInt(Math.trunc(value)));
  tail[8] = 0x78; // TC_ENDBLOCKDATA
  return Buffer.concat([OPTIONAL_LONG_PREFIX, tail]).toString('base64');
}

function userAccumulators(job: SimJob, now: number) {
  const p = job.phase(now);
  const seconds = Math.max(0, (Math.min(now, p.countersUntil) - p.runningSince) / 1000);
  return (job.spec.userAccumulators ?? []).map((a) => ({
    name: a.name,
    type: a.type,
    value: String(Math.floor(a.perSecond * seconds)),
  }));
}

function cancel(api: Api, ctx: RequestContext) {
  const c = api.cluster;
  const now = c.now();
  const modes = queryEnum(ctx, 'mode', ['cancel', 'stop'] as const);
  if (modes[0] === 'stop') {
    throw new RestError(
      308,
      'The termination mode "stop" has been removed. For an ungraceful shutdown, please use "cancel" instead. For a graceful shutdown, please use "jobs/:jobId/stop" instead.',
    );
  }
  const id = ctx.params.jobid ?? '';
  const job = c.job(id, now);
  if (!job) {
    throw new RestError(404, 'Job could not be found.', {
      causes: [
        {
          exceptionClass: 'org.apache.flink.runtime.messages.FlinkJobNotFoundException',
          message: `Could not find Flink job (${id})`,
        },
      ],
    });
  }
  const status = job.phase(now).status;
  if (status === 'FINISHED' || status === 'FAILED') {
    throw new RestError(
      409,
      `Job cancellation failed because the job has already reached another terminal state (${status}).`,
      {
        causes: [
          {
            exceptionClass:
              'org.apache.flink.runtime.messages.FlinkJobTerminatedWithoutCancellationException',
            message: `Flink job (${id}) was not canceled, but instead ${status}.`,
          },
        ],
      },
    );
  }
  if (status !== 'CANCELED' && status !== 'CANCELLING') {
    job.requestCancel(now);
    job.checkpoints?.abortInFlight(now, 'Checkpoint Coordinator is suspending.');
  }
  return { status: 202, json: {} };
}

export const jobRoutes: RouteModule = (api) => {
  const c = api.cluster;
  return [
    {
      method: 'GET',
      path: '/jobs',
      handler: () => ({
        json: { jobs: c.jobs().map((j) => ({ id: j.id, status: j.phase(c.now()).status })) },
      }),
    },
    {
      method: 'GET',
      path: '/jobs/overview',
      handler: () => {
        const now = c.now();
        return { json: { jobs: c.jobs().map((j) => jobOverviewEntry(j, now)) } };
      },
    },
    {
      method: 'POST',
      path: '/jobs',
      handler: (ctx) => {
        const parts = parseMultipart(ctx.body, ctx.headers['content-type']);
        const request = parts?.find((p) => p.name === 'request');
        if (!parts || !request)
          throw badRequest('Request did not match expected format JobSubmitRequestBody.');
        const body = JSON.parse(request.data.toString('utf8') || '{}') as { jobGraphFileName?: string };
        if (!body.jobGraphFileName || !parts.some((p) => p.filename === body.jobGraphFileName)) {
          throw badRequest('Could not find job graph file.');
        }
        const now = c.now();
        const id = c.newId();
        c.addJob({ ...jarJobSpec(`submitted:${id}`, 'Flink Streaming Job', 1), submittedAgoMs: 0 }, id, now);
        return { status: 202, json: { jobUrl: `/jobs/${id}` } };
      },
    },
    {
      method: 'GET',
      path: '/jobs/:jobid',
      handler: (ctx) => {
        const now = c.now();
        return { json: jobDetails(requireJob(api, ctx.params.jobid ?? '', now), now, c.metricsAt(now)) };
      },
    },
    { method: 'PATCH', path: '/jobs/:jobid', handler: (ctx) => cancel(api, ctx) },
    { method: 'GET', path: '/jobs/:jobid/yarn-cancel', handler: (ctx) => cancel(api, ctx) },
    {
      method: 'GET',
      path: '/jobs/:jobid/status',
      handler: (ctx) => {
        const now = c.now();
        return { json: { status: requireJob(api, ctx.params.jobid ?? '', now).phase(now).status } };
      },
    },
    {
      method: 'GET',
      path: '/jobs/:jobid/plan',
      handler: (ctx) => ({ json: { plan: planJson(requireJob(api, ctx.params.jobid ?? '', c.now())) } }),
    },
    {
      method: 'GET',
      path: '/jobs/:jobid/config',
      handler: (ctx) => {
        const job = requireJob(api, ctx.params.jobid ?? '', c.now());
        return {
          json: {
            jid: job.id,
            name: job.name,
            'execution-config': {
              'restart-strategy': 'Restart with fixed delay (PT10S). #3 restart attempts.',
              'job-parallelism': Math.max(...job.vertices.map((v) => v.parallelism)),
              'object-reuse-mode': false,
              'user-config': job.spec.key.startsWith('jar:')
                ? {}
                : { 'pipeline.owner': 'data-platform', environment: 'demo' },
            },
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/jobs/:jobid/exceptions',
      handler: (ctx) => {
        const now = c.now();
        const job = requireJob(api, ctx.params.jobid ?? '', now);
        const max = queryInt(ctx, 'maxExceptions') ?? 20;
        const filters = queryList(ctx, 'failureLabelFilter').map((f) => {
          const i = f.indexOf(':');
          if (i <= 0)
            throw badRequest(
              `Bad request, could not parse parameters: Cannot resolve query parameter (failureLabelFilter) from value "${f}".`,
            );
          return [f.slice(0, i), f.slice(i + 1)] as const;
        });
        const all = exceptionHistory(job, now, { locate: (j, v, s) => c.locate(j, v, s, now) }).filter((e) =>
          filters.every(([k, v]) => e.failureLabels[k] === v),
        );
        return {
          json: {
            exceptionHistory: { entries: all.slice(0, Math.max(0, max)), truncated: all.length > max },
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/jobs/:jobid/accumulators',
      handler: (ctx) => {
        const now = c.now();
        const job = requireJob(api, ctx.params.jobid ?? '', now);
        const acc = userAccumulators(job, now);
        const serialized =
          ctx.query.get('includeSerializedValue') === 'true'
            ? Object.fromEntries(acc.map((a) => [a.name, serializedLong(Number(a.value))]))
            : {};
        return {
          json: {
            'job-accumulators': [],
            'user-task-accumulators': acc,
            'serialized-user-task-accumulators': serialized,
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/jobs/:jobid/execution-result',
      handler: (ctx) => {
        const now = c.now();
        const job = requireJob(api, ctx.params.jobid ?? '', now);
        const p = job.phase(now);
        if (p.end < 0) return { json: { status: { id: 'IN_PROGRESS' } } };
        const appStatus =
          p.status === 'FINISHED'
            ? 'SUCCEEDED'
            : p.status === 'FAILED'
              ? 'FAILED'
              : p.status === 'CANCELED'
                ? 'CANCELED'
                : 'UNKNOWN';
        const result: Record<string, unknown> = {
          id: job.id,
          'application-status': appStatus,
          'accumulator-results': {},
          'net-runtime': p.end - job.submittedAt,
        };
        if (p.status === 'FAILED') {
          const cause = jobFailureCause();
          result['failure-cause'] = throwableFromTrace(cause.className, cause.stackTrace);
        }
        return { json: { status: { id: 'COMPLETED' }, 'job-execution-result': result } };
      },
    },
    {
      method: 'GET',
      path: '/jobs/:jobid/jobmanager/config',
      handler: (ctx) => ({
        json: jobConfigEntries(c, requireJob(api, ctx.params.jobid ?? '', c.now()), api.restPort()),
      }),
    },
    {
      method: 'GET',
      path: '/jobs/:jobid/jobmanager/environment',
      handler: (ctx) => {
        requireJob(api, ctx.params.jobid ?? '', c.now());
        return { json: jvmEnvironment() };
      },
    },
    {
      method: 'GET',
      path: '/jobs/:jobid/jobmanager/log-url',
      handler: (ctx) => {
        requireJob(api, ctx.params.jobid ?? '', c.now());
        return { json: { url: `${ctx.baseUrl}/#/job-manager/logs` } };
      },
    },
    {
      method: 'GET',
      path: '/jobs/:jobid/taskmanagers/:taskmanagerid/log-url',
      handler: (ctx) => {
        requireJob(api, ctx.params.jobid ?? '', c.now());
        return { json: { url: `${ctx.baseUrl}/#/task-manager/${ctx.params.taskmanagerid ?? ''}/logs` } };
      },
    },
    {
      method: 'PATCH',
      path: '/jobs/:jobid/clientHeartbeat',
      handler: (ctx) => {
        jsonBody(ctx, 'JobClientHeartbeatRequestBody');
        requireJob(api, ctx.params.jobid ?? '', c.now());
        return { status: 202, json: {} };
      },
    },
    {
      method: 'PATCH',
      path: '/jobs/:jobid/rescaling',
      handler: () => {
        throw new RestError(503, 'Rescaling is temporarily disabled. See FLINK-12312.');
      },
    },
    {
      method: 'GET',
      path: '/jobs/:jobid/rescaling/:triggerid',
      handler: () => {
        throw new RestError(503, 'Rescaling is temporarily disabled. See FLINK-12312.');
      },
    },
    ...resourceRequirementRoutes(api),
  ];
};

function resourceRequirementRoutes(api: Api) {
  const c = api.cluster;
  const runningJob = (id: string, now: number) => {
    const job = requireJob(api, id, now);
    if (job.isTerminal(now)) throw jobNotFound(id);
    return job;
  };
  return [
    {
      method: 'GET' as const,
      path: '/jobs/:jobid/resource-requirements',
      handler: (ctx: RequestContext) => {
        const job = runningJob(ctx.params.jobid ?? '', c.now());
        return {
          json: Object.fromEntries(
            job.vertices.map((v) => [v.id, { parallelism: { lowerBound: 1, upperBound: v.parallelism } }]),
          ),
        };
      },
    },
    {
      method: 'PUT' as const,
      path: '/jobs/:jobid/resource-requirements',
      handler: (ctx: RequestContext) => {
        const now = c.now();
        const job = runningJob(ctx.params.jobid ?? '', now);
        const body = jsonBody(ctx, 'JobResourceRequirementsBody');
        const changes = new Map<number, number>();
        for (const v of job.vertices) {
          const entry = body[v.id] as
            { parallelism?: { lowerBound?: unknown; upperBound?: unknown } } | undefined;
          if (!entry)
            throw badRequest(
              `The request is incomplete, missing job vertex [${v.id}] resource requirements.`,
            );
          const lower = Number(entry.parallelism?.lowerBound);
          const upper = Number(entry.parallelism?.upperBound);
          if (
            !Number.isInteger(lower) ||
            !Number.isInteger(upper) ||
            upper < 1 ||
            lower > upper ||
            upper > v.maxParallelism
          ) {
            throw badRequest(`Request did not match expected format JobResourceRequirementsBody.`, [
              {
                exceptionClass: 'java.lang.IllegalArgumentException',
                message: `Invalid parallelism bounds [${String(entry.parallelism?.lowerBound)}, ${String(entry.parallelism?.upperBound)}] for vertex ${v.id}.`,
              },
            ]);
          }
          if (upper !== v.parallelism) changes.set(v.index, upper);
        }
        const unknown = Object.keys(body).filter((k) => !job.vertex(k));
        if (unknown.length)
          throw badRequest(`Request did not match expected format JobResourceRequirementsBody.`, [
            {
              exceptionClass: 'java.lang.IllegalArgumentException',
              message: `Unknown vertices ${unknown.join(', ')}.`,
            },
          ]);
        if (changes.size > 0) job.rescale(now, changes);
        return { json: {} };
      },
    },
  ];
}
