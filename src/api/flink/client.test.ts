import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flink, jarIdFromUpload } from './client';
import { responseSchemas } from './endpoint-schemas';
import { checkpointsApi } from './client-checkpoints';
import { clusterApi } from './client-cluster';
import { jarsApi } from './client-jars';
import { jobManagerApi } from './client-jobmanager';
import { jobsApi } from './client-jobs';
import { taskManagersApi } from './client-taskmanagers';
import { verticesApi } from './client-vertices';

/** The 69 routes of the Flink 2.2 REST reference (shared/reference/flink-rest-api-2.2.md). */
const REFERENCE_MD = join(process.cwd(), '../shared/reference/flink-rest-api-2.2.md');
const REFERENCE_ROUTES = [
  'DELETE /cluster',
  'GET /config',
  'GET /datasets',
  'GET /datasets/delete/:triggerid',
  'DELETE /datasets/:datasetid',
  'GET /jars',
  'POST /jars/upload',
  'DELETE /jars/:jarid',
  'POST /jars/:jarid/plan',
  'POST /jars/:jarid/run',
  'GET /jobmanager/config',
  'GET /jobmanager/environment',
  'GET /jobmanager/logs',
  'GET /jobmanager/metrics',
  'GET /jobmanager/thread-dump',
  'GET /jobs',
  'GET /jobs/metrics',
  'GET /jobs/overview',
  'GET /jobs/:jobid',
  'PATCH /jobs/:jobid',
  'GET /jobs/:jobid/accumulators',
  'GET /jobs/:jobid/checkpoints',
  'POST /jobs/:jobid/checkpoints',
  'GET /jobs/:jobid/checkpoints/config',
  'GET /jobs/:jobid/checkpoints/details/:checkpointid',
  'GET /jobs/:jobid/checkpoints/details/:checkpointid/subtasks/:vertexid',
  'GET /jobs/:jobid/checkpoints/:triggerid',
  'PATCH /jobs/:jobid/clientHeartbeat',
  'GET /jobs/:jobid/config',
  'GET /jobs/:jobid/exceptions',
  'GET /jobs/:jobid/execution-result',
  'GET /jobs/:jobid/jobmanager/config',
  'GET /jobs/:jobid/jobmanager/environment',
  'GET /jobs/:jobid/jobmanager/log-url',
  'GET /jobs/:jobid/metrics',
  'GET /jobs/:jobid/plan',
  'PATCH /jobs/:jobid/rescaling',
  'GET /jobs/:jobid/rescaling/:triggerid',
  'GET /jobs/:jobid/resource-requirements',
  'PUT /jobs/:jobid/resource-requirements',
  'POST /jobs/:jobid/savepoints',
  'GET /jobs/:jobid/savepoints/:triggerid',
  'GET /jobs/:jobid/status',
  'POST /jobs/:jobid/stop',
  'GET /jobs/:jobid/taskmanagers/:taskmanagerid/log-url',
  'GET /jobs/:jobid/vertices/:vertexid',
  'GET /jobs/:jobid/vertices/:vertexid/accumulators',
  'GET /jobs/:jobid/vertices/:vertexid/backpressure',
  'GET /jobs/:jobid/vertices/:vertexid/flamegraph',
  'GET /jobs/:jobid/vertices/:vertexid/jm-operator-metrics',
  'GET /jobs/:jobid/vertices/:vertexid/metrics',
  'GET /jobs/:jobid/vertices/:vertexid/subtasks/accumulators',
  'GET /jobs/:jobid/vertices/:vertexid/subtasks/metrics',
  'GET /jobs/:jobid/vertices/:vertexid/subtasks/:subtaskindex',
  'GET /jobs/:jobid/vertices/:vertexid/subtasks/:subtaskindex/attempts/:attempt',
  'GET /jobs/:jobid/vertices/:vertexid/subtasks/:subtaskindex/attempts/:attempt/accumulators',
  'GET /jobs/:jobid/vertices/:vertexid/subtasks/:subtaskindex/metrics',
  'GET /jobs/:jobid/vertices/:vertexid/subtasktimes',
  'GET /jobs/:jobid/vertices/:vertexid/taskmanagers',
  'GET /jobs/:jobid/vertices/:vertexid/watermarks',
  'GET /overview',
  'POST /savepoint-disposal',
  'GET /savepoint-disposal/:triggerid',
  'GET /taskmanagers',
  'GET /taskmanagers/metrics',
  'GET /taskmanagers/:taskmanagerid',
  'GET /taskmanagers/:taskmanagerid/logs',
  'GET /taskmanagers/:taskmanagerid/metrics',
  'GET /taskmanagers/:taskmanagerid/thread-dump',
];

interface Call {
  url: string;
  method: string;
  body: BodyInit | null | undefined;
  headers: Record<string, string>;
}
let calls: Call[] = [];
let answer = () => new Response('{}', { status: 200 });

beforeEach(() => {
  calls = [];
  answer = () => new Response('{}', { status: 200 });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      calls.push({
        url,
        method: init.method ?? 'GET',
        body: init.body,
        headers: (init.headers ?? {}) as Record<string, string>,
      });
      return answer();
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

const C = 'prod-1';
const J = '77b41fcbaaa6e8600f227ad482ab2967';
const V = '2095a3dcf8ee91c0c3e0530de99058d9';
const T = 'e24317c0b0c4106df540fa8d89ea77fd';
const TM = 'localhost:33327-605905';
const TMe = 'localhost%3A33327-605905';
const P = `/api/${C}`;

/** [name, call, method, url, JSON body]; the answer's validity is not the point here. */
type Case = [string, () => Promise<unknown>, string, string, unknown?];
const cases: Case[] = [
  ['getConfig', () => flink.getConfig(C), 'GET', `${P}/config`],
  ['getOverview', () => flink.getOverview(C), 'GET', `${P}/overview`],
  ['shutdownCluster', () => flink.shutdownCluster(C), 'DELETE', `${P}/cluster`],
  ['getDataSets', () => flink.getDataSets(C), 'GET', `${P}/datasets`],
  ['deleteDataSet', () => flink.deleteDataSet(C, T), 'DELETE', `${P}/datasets/${T}`],
  ['getDataSetDeleteStatus', () => flink.getDataSetDeleteStatus(C, T), 'GET', `${P}/datasets/delete/${T}`],
  [
    'disposeSavepoint',
    () => flink.disposeSavepoint(C, 'file:/sp/1'),
    'POST',
    `${P}/savepoint-disposal`,
    { 'savepoint-path': 'file:/sp/1' },
  ],
  [
    'getSavepointDisposalStatus',
    () => flink.getSavepointDisposalStatus(C, T),
    'GET',
    `${P}/savepoint-disposal/${T}`,
  ],

  ['getRescalesOverview', () => flink.getRescalesOverview(C, J), 'GET', `${P}/jobs/${J}/rescales/overview`],
  ['getRescalesHistory', () => flink.getRescalesHistory(C, J), 'GET', `${P}/jobs/${J}/rescales/history`],

  ['getJars', () => flink.getJars(C), 'GET', `${P}/jars`],
  ['deleteJar', () => flink.deleteJar(C, 'abc_job.jar'), 'DELETE', `${P}/jars/abc_job.jar`],
  [
    'planJar',
    () => flink.planJar(C, 'abc_job.jar', { entryClass: 'a.B', parallelism: 2 }),
    'POST',
    `${P}/jars/abc_job.jar/plan`,
    { entryClass: 'a.B', parallelism: 2 },
  ],
  [
    'getJarPlan',
    () => flink.getJarPlan(C, 'abc_job.jar', { entryClass: 'a.B', programArg: ['x', 'y'], parallelism: 2 }),
    'GET',
    `${P}/jars/abc_job.jar/plan?entry-class=a.B&programArg=x%2Cy&parallelism=2`,
  ],
  [
    'runJar',
    () =>
      flink.runJar(C, 'abc_job.jar', {
        programArgsList: ['--a', '1'],
        savepointPath: 's',
        allowNonRestoredState: true,
      }),
    'POST',
    `${P}/jars/abc_job.jar/run`,
    { programArgsList: ['--a', '1'], savepointPath: 's', allowNonRestoredState: true },
  ],

  ['getJobManagerConfig', () => flink.getJobManagerConfig(C), 'GET', `${P}/jobmanager/config`],
  ['getJobManagerEnvironment', () => flink.getJobManagerEnvironment(C), 'GET', `${P}/jobmanager/environment`],
  ['getJobManagerLogs', () => flink.getJobManagerLogs(C), 'GET', `${P}/jobmanager/logs`],
  ['getJobManagerLog', () => flink.getJobManagerLog(C), 'GET', `${P}/jobmanager/log`],
  ['getJobManagerStdout', () => flink.getJobManagerStdout(C), 'GET', `${P}/jobmanager/stdout`],
  [
    'getJobManagerLogFile',
    () => flink.getJobManagerLogFile(C, 'jobmanager.log.1'),
    'GET',
    `${P}/jobmanager/logs/jobmanager.log.1`,
  ],
  [
    'getJobManagerMetrics',
    () => flink.getJobManagerMetrics(C, { get: ['Status.JVM.CPU.Load', 'numRunningJobs'] }),
    'GET',
    `${P}/jobmanager/metrics?get=Status.JVM.CPU.Load%2CnumRunningJobs`,
  ],
  ['getJobManagerThreadDump', () => flink.getJobManagerThreadDump(C), 'GET', `${P}/jobmanager/thread-dump`],
  ['getJobManagerProfiling', () => flink.getJobManagerProfiling(C), 'GET', `${P}/jobmanager/profiler`],
  [
    'triggerJobManagerProfiling',
    () => flink.triggerJobManagerProfiling(C, { mode: 'ITIMER', duration: 3 }),
    'POST',
    `${P}/jobmanager/profiler`,
    { mode: 'ITIMER', duration: 3 },
  ],
  [
    'getJobManagerProfilerFile',
    () => flink.getJobManagerProfilerFile(C, 'JobManager_ITIMER.html'),
    'GET',
    `${P}/jobmanager/profiler/JobManager_ITIMER.html`,
  ],

  ['getTaskManagers', () => flink.getTaskManagers(C), 'GET', `${P}/taskmanagers`],
  [
    'getTaskManagersMetrics',
    () => flink.getTaskManagersMetrics(C, { get: ['a'], agg: ['max', 'skew'], taskmanagers: [TM] }),
    'GET',
    `${P}/taskmanagers/metrics?get=a&agg=max%2Cskew&taskmanagers=${TMe}`,
  ],
  ['getTaskManager', () => flink.getTaskManager(C, TM), 'GET', `${P}/taskmanagers/${TMe}`],
  ['getTaskManagerLogs', () => flink.getTaskManagerLogs(C, TM), 'GET', `${P}/taskmanagers/${TMe}/logs`],
  ['getTaskManagerLog', () => flink.getTaskManagerLog(C, TM), 'GET', `${P}/taskmanagers/${TMe}/log`],
  ['getTaskManagerStdout', () => flink.getTaskManagerStdout(C, TM), 'GET', `${P}/taskmanagers/${TMe}/stdout`],
  [
    'getTaskManagerLogFile',
    () => flink.getTaskManagerLogFile(C, TM, 'taskmanager.log'),
    'GET',
    `${P}/taskmanagers/${TMe}/logs/taskmanager.log`,
  ],
  [
    'getTaskManagerMetrics',
    () => flink.getTaskManagerMetrics(C, TM, { get: ['a', 'b'] }),
    'GET',
    `${P}/taskmanagers/${TMe}/metrics?get=a%2Cb`,
  ],
  [
    'getTaskManagerThreadDump',
    () => flink.getTaskManagerThreadDump(C, TM),
    'GET',
    `${P}/taskmanagers/${TMe}/thread-dump`,
  ],
  [
    'getTaskManagerProfiling',
    () => flink.getTaskManagerProfiling(C, TM),
    'GET',
    `${P}/taskmanagers/${TMe}/profiler`,
  ],
  [
    'triggerTaskManagerProfiling',
    () => flink.triggerTaskManagerProfiling(C, TM, { mode: 'WALL', duration: 3 }),
    'POST',
    `${P}/taskmanagers/${TMe}/profiler`,
    { mode: 'WALL', duration: 3 },
  ],
  [
    'getTaskManagerProfilerFile',
    () => flink.getTaskManagerProfilerFile(C, TM, 'x.html'),
    'GET',
    `${P}/taskmanagers/${TMe}/profiler/x.html`,
  ],

  ['getJobs', () => flink.getJobs(C), 'GET', `${P}/jobs`],
  ['getJobsOverview', () => flink.getJobsOverview(C), 'GET', `${P}/jobs/overview`],
  [
    'getJobsMetrics',
    () => flink.getJobsMetrics(C, { get: ['numRestarts'], agg: ['max'], jobs: [J, V] }),
    'GET',
    `${P}/jobs/metrics?get=numRestarts&agg=max&jobs=${J}%2C${V}`,
  ],
  ['getJob', () => flink.getJob(C, J), 'GET', `${P}/jobs/${J}`],
  ['cancelJob', () => flink.cancelJob(C, J), 'PATCH', `${P}/jobs/${J}?mode=cancel`],
  ['getJobStatus', () => flink.getJobStatus(C, J), 'GET', `${P}/jobs/${J}/status`],
  [
    'getJobAccumulators',
    () => flink.getJobAccumulators(C, J, { includeSerializedValue: true }),
    'GET',
    `${P}/jobs/${J}/accumulators?includeSerializedValue=true`,
  ],
  ['getJobConfig', () => flink.getJobConfig(C, J), 'GET', `${P}/jobs/${J}/config`],
  [
    'getJobExceptions',
    () => flink.getJobExceptions(C, J, { maxExceptions: 10, failureLabelFilter: ['type:user', 'x:y'] }),
    'GET',
    `${P}/jobs/${J}/exceptions?maxExceptions=10&failureLabelFilter=type%3Auser%2Cx%3Ay`,
  ],
  [
    'getJobExecutionResult',
    () => flink.getJobExecutionResult(C, J),
    'GET',
    `${P}/jobs/${J}/execution-result`,
  ],
  [
    'getJobJobManagerConfig',
    () => flink.getJobJobManagerConfig(C, J),
    'GET',
    `${P}/jobs/${J}/jobmanager/config`,
  ],
  [
    'getJobJobManagerEnvironment',
    () => flink.getJobJobManagerEnvironment(C, J),
    'GET',
    `${P}/jobs/${J}/jobmanager/environment`,
  ],
  [
    'getJobJobManagerLogUrl',
    () => flink.getJobJobManagerLogUrl(C, J),
    'GET',
    `${P}/jobs/${J}/jobmanager/log-url`,
  ],
  [
    'getJobTaskManagerLogUrl',
    () => flink.getJobTaskManagerLogUrl(C, J, TM),
    'GET',
    `${P}/jobs/${J}/taskmanagers/${TMe}/log-url`,
  ],
  [
    'getJobMetrics',
    () => flink.getJobMetrics(C, J, { get: ['numRestarts'] }),
    'GET',
    `${P}/jobs/${J}/metrics?get=numRestarts`,
  ],
  ['getJobPlan', () => flink.getJobPlan(C, J), 'GET', `${P}/jobs/${J}/plan`],
  ['rescaleJob', () => flink.rescaleJob(C, J, 4), 'PATCH', `${P}/jobs/${J}/rescaling?parallelism=4`],
  ['getRescalingStatus', () => flink.getRescalingStatus(C, J, T), 'GET', `${P}/jobs/${J}/rescaling/${T}`],
  [
    'getResourceRequirements',
    () => flink.getResourceRequirements(C, J),
    'GET',
    `${P}/jobs/${J}/resource-requirements`,
  ],
  [
    'setResourceRequirements',
    () => flink.setResourceRequirements(C, J, { [V]: { parallelism: { lowerBound: 1, upperBound: 2 } } }),
    'PUT',
    `${P}/jobs/${J}/resource-requirements`,
    { [V]: { parallelism: { lowerBound: 1, upperBound: 2 } } },
  ],
  [
    'triggerSavepoint',
    () =>
      flink.triggerSavepoint(C, J, {
        triggerId: T,
        'target-directory': 's3://sp',
        'cancel-job': false,
        formatType: 'NATIVE',
      }),
    'POST',
    `${P}/jobs/${J}/savepoints`,
    { triggerId: T, 'target-directory': 's3://sp', 'cancel-job': false, formatType: 'NATIVE' },
  ],
  ['getSavepointStatus', () => flink.getSavepointStatus(C, J, T), 'GET', `${P}/jobs/${J}/savepoints/${T}`],
  [
    'stopJob',
    () =>
      flink.stopJob(C, J, { triggerId: T, drain: true, targetDirectory: 's3://sp', formatType: 'CANONICAL' }),
    'POST',
    `${P}/jobs/${J}/stop`,
    { triggerId: T, drain: true, targetDirectory: 's3://sp', formatType: 'CANONICAL' },
  ],
  [
    'sendClientHeartbeat',
    () => flink.sendClientHeartbeat(C, J, 1795337034797),
    'PATCH',
    `${P}/jobs/${J}/clientHeartbeat`,
    { expiredTimestamp: 1795337034797 },
  ],

  ['getCheckpoints', () => flink.getCheckpoints(C, J), 'GET', `${P}/jobs/${J}/checkpoints`],
  [
    'triggerCheckpoint',
    () => flink.triggerCheckpoint(C, J, { triggerId: T, checkpointType: 'FULL' }),
    'POST',
    `${P}/jobs/${J}/checkpoints`,
    { triggerId: T, checkpointType: 'FULL' },
  ],
  ['getCheckpointConfig', () => flink.getCheckpointConfig(C, J), 'GET', `${P}/jobs/${J}/checkpoints/config`],
  [
    'getCheckpointDetails',
    () => flink.getCheckpointDetails(C, J, 25),
    'GET',
    `${P}/jobs/${J}/checkpoints/details/25`,
  ],
  [
    'getCheckpointSubtasks',
    () => flink.getCheckpointSubtasks(C, J, 25, V),
    'GET',
    `${P}/jobs/${J}/checkpoints/details/25/subtasks/${V}`,
  ],
  [
    'getCheckpointTriggerStatus',
    () => flink.getCheckpointTriggerStatus(C, J, T),
    'GET',
    `${P}/jobs/${J}/checkpoints/${T}`,
  ],

  ['getVertex', () => flink.getVertex(C, J, V), 'GET', `${P}/jobs/${J}/vertices/${V}`],
  [
    'getVertexAccumulators',
    () => flink.getVertexAccumulators(C, J, V),
    'GET',
    `${P}/jobs/${J}/vertices/${V}/accumulators`,
  ],
  [
    'getVertexBackPressure',
    () => flink.getVertexBackPressure(C, J, V),
    'GET',
    `${P}/jobs/${J}/vertices/${V}/backpressure`,
  ],
  [
    'getVertexFlameGraph',
    () => flink.getVertexFlameGraph(C, J, V, { type: 'OFF_CPU', subtaskIndex: 0 }),
    'GET',
    `${P}/jobs/${J}/vertices/${V}/flamegraph?type=OFF_CPU&subtaskindex=0`,
  ],
  [
    'getVertexJmOperatorMetrics',
    () => flink.getVertexJmOperatorMetrics(C, J, V, { get: ['a'] }),
    'GET',
    `${P}/jobs/${J}/vertices/${V}/jm-operator-metrics?get=a`,
  ],
  ['getVertexMetrics', () => flink.getVertexMetrics(C, J, V), 'GET', `${P}/jobs/${J}/vertices/${V}/metrics`],
  [
    'getSubtasksAccumulators',
    () => flink.getSubtasksAccumulators(C, J, V),
    'GET',
    `${P}/jobs/${J}/vertices/${V}/subtasks/accumulators`,
  ],
  [
    'getSubtasksMetrics',
    () =>
      flink.getSubtasksMetrics(C, J, V, {
        get: ['busyTimeMsPerSecond', 'backPressuredTimeMsPerSecond'],
        agg: ['max'],
        subtasks: ['1', '3', '5-9'],
      }),
    'GET',
    `${P}/jobs/${J}/vertices/${V}/subtasks/metrics?get=busyTimeMsPerSecond%2CbackPressuredTimeMsPerSecond&agg=max&subtasks=1%2C3%2C5-9`,
  ],
  ['getSubtask', () => flink.getSubtask(C, J, V, 1), 'GET', `${P}/jobs/${J}/vertices/${V}/subtasks/1`],
  [
    'getSubtaskAttempt',
    () => flink.getSubtaskAttempt(C, J, V, 1, 0),
    'GET',
    `${P}/jobs/${J}/vertices/${V}/subtasks/1/attempts/0`,
  ],
  [
    'getSubtaskAttemptAccumulators',
    () => flink.getSubtaskAttemptAccumulators(C, J, V, 1, 2),
    'GET',
    `${P}/jobs/${J}/vertices/${V}/subtasks/1/attempts/2/accumulators`,
  ],
  [
    'getSubtaskMetrics',
    () => flink.getSubtaskMetrics(C, J, V, 0, { get: ['numRecordsIn'] }),
    'GET',
    `${P}/jobs/${J}/vertices/${V}/subtasks/0/metrics?get=numRecordsIn`,
  ],
  [
    'getSubtaskTimes',
    () => flink.getSubtaskTimes(C, J, V),
    'GET',
    `${P}/jobs/${J}/vertices/${V}/subtasktimes`,
  ],
  [
    'getVertexTaskManagers',
    () => flink.getVertexTaskManagers(C, J, V),
    'GET',
    `${P}/jobs/${J}/vertices/${V}/taskmanagers`,
  ],
  [
    'getVertexWatermarks',
    () => flink.getVertexWatermarks(C, J, V),
    'GET',
    `${P}/jobs/${J}/vertices/${V}/watermarks`,
  ],
];

async function run(call: () => Promise<unknown>): Promise<Call> {
  await call().catch(() => undefined);
  const last = calls.at(-1);
  if (!last) throw new Error('no request was sent');
  return last;
}

describe('flink client', () => {
  it.each(cases)('%s builds the right request', async (_name, call, method, url, body) => {
    const sent = await run(call);
    expect(sent.method).toBe(method);
    expect(sent.url).toBe(url);
    if (body === undefined) expect(sent.body).toBeUndefined();
    else expect(JSON.parse(String(sent.body))).toEqual(body);
  });

  it('has one function per case, and no area function is shadowed by another', () => {
    const areas = [clusterApi, jobManagerApi, taskManagersApi, jobsApi, checkpointsApi, verticesApi, jarsApi];
    const total = areas.reduce((n, a) => n + Object.keys(a).length, 0);
    expect(Object.keys(flink)).toHaveLength(total);
    const tested = new Set(cases.map(([name]) => name));
    expect(Object.keys(flink).filter((k) => !tested.has(k) && k !== 'uploadJar')).toEqual([]);
  });

  it('covers every route of the 2.2 REST reference', async () => {
    const sent: string[] = [];
    for (const [, call] of cases) {
      const c = await run(call);
      sent.push(`${c.method} ${c.url.split('?')[0]}`);
    }
    sent.push(`POST ${P}/jars/upload`); // checked in its own test below
    const missing = REFERENCE_ROUTES.filter((route) => {
      const [verb, template = ''] = route.split(' ');
      const re = new RegExp(`^${verb} ${P}${template.replace(/:[a-z]+/g, '[^/]+')}$`);
      return !sent.some((s) => re.test(s));
    });
    expect(missing).toEqual([]);
    expect(REFERENCE_ROUTES.filter((r) => !responseSchemas[r])).toEqual([]);
  });

  it.skipIf(!existsSync(REFERENCE_MD))('lists the same routes as the reference document', () => {
    const ref = readFileSync(REFERENCE_MD, 'utf8');
    const routes = [...ref.matchAll(/##### \*\*(\S+)\*\*[^\n]*\n\| Verb: `(\w+)`/g)].map(
      (m) => `${m[2]} ${m[1]}`,
    );
    expect(routes.sort()).toEqual([...REFERENCE_ROUTES].sort());
  });

  it('uploads a jar as multipart field "jarfile" typed application/x-java-archive', async () => {
    answer = () =>
      new Response(JSON.stringify({ filename: '/tmp/flink-web-upload/abc_job.jar', status: 'success' }));
    const res = await flink.uploadJar(C, new Blob(['PK']), 'job.jar');
    const sent = calls[0]!;
    expect(sent.method).toBe('POST');
    expect(sent.url).toBe(`${P}/jars/upload`);
    expect(sent.body).toBeInstanceOf(FormData);
    const part = (sent.body as FormData).get('jarfile') as File;
    expect(part.name).toBe('job.jar');
    expect(part.type).toBe('application/x-java-archive');
    // The browser sets the multipart boundary; a JSON content type would break the upload.
    expect(sent.headers['content-type']).toBeUndefined();
    expect(jarIdFromUpload(res.filename)).toBe('abc_job.jar');
  });

  it('asks text endpoints for text and returns the raw text', async () => {
    answer = () => new Response('2026-11-22 INFO started\n', { status: 200 });
    await expect(flink.getTaskManagerLog(C, TM)).resolves.toBe('2026-11-22 INFO started\n');
    expect(calls[0]!.headers.accept).toContain('text/plain');
    answer = () => new Response('', { status: 200 });
    await expect(flink.getJobManagerStdout(C)).resolves.toBe('');
  });
});
