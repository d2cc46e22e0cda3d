// Jar management and submission: upload (multipart), list, delete, plan and run.
import { badRequest } from '../http/errors.ts';
import { jsonBody, queryInt, queryList, type RequestContext } from '../http/router.ts';
import type { JarFile } from '../model/jars.ts';
import { SimJob } from '../model/job.ts';
import { jarJobSpec } from '../model/specs.ts';
import { planJson } from '../json/job-json.ts';
import { parseMultipart } from '../util/multipart.ts';
import type { Api, RouteModule } from './api.ts';

const EXAMPLE_JOB_NAMES: Record<string, string> = {
  'org.apache.flink.streaming.examples.windowing.TopSpeedWindowing': 'CarTopSpeedWindowingExample',
  'org.apache.flink.streaming.examples.wordcount.WordCount': 'WordCount',
  'org.apache.flink.streaming.examples.statemachine.StateMachineExample': 'State machine job',
};

function requireJar(api: Api, id: string): JarFile {
  const jar = api.cluster.jars.get(id);
  if (!jar) throw badRequest(`Jar file ${api.cluster.jars.dir}/${id} does not exist`);
  return jar;
}

/** Program settings from the JSON body, falling back to the query parameters (deprecated path). */
function program(api: Api, ctx: RequestContext, jar: JarFile, requestClass: string) {
  const body = jsonBody(ctx, requestClass);
  const entryClass =
    typeof body.entryClass === 'string'
      ? body.entryClass
      : (queryList(ctx, 'entry-class')[0] ?? jar.entry[0]?.name);
  if (!entryClass) {
    throw badRequest(`Could not run the jar.`, [
      {
        exceptionClass: 'org.apache.flink.client.program.ProgramInvocationException',
        message: `Neither a 'Main-Class', nor a 'program-class' entry was found in the jar file.`,
      },
    ]);
  }
  const p = typeof body.parallelism === 'number' ? body.parallelism : (queryInt(ctx, 'parallelism') ?? 1);
  const parallelism = p > 0 ? p : 1;
  const name = EXAMPLE_JOB_NAMES[entryClass] ?? 'Flink Streaming Job';
  const savepointPath =
    typeof body.savepointPath === 'string' ? body.savepointPath : queryList(ctx, 'savepointPath')[0];
  const jobId =
    typeof body.jobId === 'string' && /^[0-9a-f]{32}$/i.test(body.jobId)
      ? body.jobId.toLowerCase()
      : api.cluster.newId();
  return { entryClass, parallelism, name, savepointPath, jobId };
}

export const jarRoutes: RouteModule = (api) => {
  const c = api.cluster;
  const planHandler = (ctx: RequestContext) => {
    const jar = requireJar(api, ctx.params.jarid ?? '');
    const prog = program(api, ctx, jar, 'JarPlanRequestBody');
    const job = new SimJob(
      c.seed,
      jarJobSpec(`jar:${jar.id}`, prog.name, prog.parallelism),
      c.now(),
      prog.jobId,
    );
    return { json: { plan: planJson(job) } };
  };
  return [
    {
      method: 'GET',
      path: '/jars',
      handler: (ctx) => ({ json: { address: ctx.baseUrl, files: c.jars.list() } }),
    },
    {
      method: 'POST',
      path: '/jars/upload',
      handler: (ctx) => {
        const files = (parseMultipart(ctx.body, ctx.headers['content-type']) ?? []).filter(
          (p) => p.filename !== undefined,
        );
        if (files.length !== 1) throw badRequest(`Exactly 1 file must be sent, received ${files.length}.`);
        const file = files[0];
        if (!file?.filename?.endsWith('.jar')) throw badRequest('Only Jar files are allowed.');
        const jar = c.jars.upload(file.filename, file.data, c.now());
        return { json: { filename: `${c.jars.dir}/${jar.id}`, status: 'success' } };
      },
    },
    {
      method: 'DELETE',
      path: '/jars/:jarid',
      handler: (ctx) => {
        const id = ctx.params.jarid ?? '';
        if (!c.jars.delete(id)) throw badRequest(`File ${id} does not exist in ${c.jars.dir}.`);
        return { json: {} };
      },
    },
    { method: 'GET', path: '/jars/:jarid/plan', handler: planHandler },
    { method: 'POST', path: '/jars/:jarid/plan', handler: planHandler },
    {
      method: 'POST',
      path: '/jars/:jarid/run',
      handler: (ctx) => {
        const jar = requireJar(api, ctx.params.jarid ?? '');
        const prog = program(api, ctx, jar, 'JarRunRequestBody');
        if (c.job(prog.jobId, c.now()))
          throw badRequest(`Job has already been submitted.`, [
            {
              exceptionClass: 'org.apache.flink.runtime.client.DuplicateJobSubmissionException',
              message: `Job has already been submitted.`,
            },
          ]);
        const spec = jarJobSpec(`jar:${jar.id}:${prog.jobId}`, prog.name, prog.parallelism);
        if (prog.savepointPath && spec.checkpointing)
          spec.checkpointing.restoredFrom = { id: 1, savepoint: true, path: prog.savepointPath };
        const job = c.addJob(spec, prog.jobId, c.now());
        return { json: { jobid: job.id } };
      },
    },
  ];
};
