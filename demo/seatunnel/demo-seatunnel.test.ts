import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MULTI_TABLE_TABLES, SEATUNNEL_DEMO_JOBS, startDemoSeaTunnel } from './index.ts';

type Demo = Awaited<ReturnType<typeof startDemoSeaTunnel>>;
const V1 = '/hazelcast/rest/maps';
const J = SEATUNNEL_DEMO_JOBS;

let demo: Demo;
beforeEach(async () => {
  demo = await startDemoSeaTunnel({ v2Port: 0, v1Port: 0, contextPath: '/seatunnel', seed: 7 });
});
afterEach(async () => {
  await demo.close();
});

interface Job {
  jobId: string;
  jobName: string;
  jobStatus: string;
  metrics: Record<string, string | Record<string, string>>;
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  expect(res.status, url).toBe(200);
  return (await res.json()) as T;
}

const post = (url: string, body: string): Promise<Response> => fetch(url, { method: 'POST', body });
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const count = (job: Job, key: string): bigint => BigInt(job.metrics[key] as string);
/** Keyed as 2.3.13 keys them: by the plugin that counted the table (`Source[0].t`, `Sink[0].t`). */
const tableCount = (job: Job, key: string, table: string): bigint => {
  const plugin = key.startsWith('TableSource') ? 'Source[0]' : 'Sink[0]';
  return BigInt((job.metrics[key] as Record<string, string>)[`${plugin}.${table}`] ?? 'NaN');
};

async function waitForStatus(url: string, status: string, timeoutMs = 10_000): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await getJson<Job>(url);
    if (job.jobStatus === status || Date.now() > deadline) return job;
    await sleep(200);
  }
}

const batchConfig = JSON.stringify({
  env: { 'job.mode': 'BATCH', parallelism: 1 },
  source: [
    {
      plugin_name: 'FakeSource',
      plugin_output: 'fake',
      'row.num': 100,
      schema: { fields: { name: 'string' } },
    },
  ],
  transform: [],
  sink: [{ plugin_name: 'Console', plugin_input: ['fake'] }],
});
const streamingConfig = batchConfig.replace('"BATCH"', '"STREAMING"');

describe('demo SeaTunnel 2.3.12 node', () => {
  it('reports version and cluster shape on /overview, filtered by tags', async () => {
    const all = await getJson<Record<string, string>>(`${demo.v2Url}/overview`);
    expect(all).toMatchObject({ projectVersion: '2.3.12', workers: '2', totalSlot: '16' });
    expect(all.gitCommitAbbrev).toMatch(/^[0-9a-f]{7}$/);
    const one = await getJson<Record<string, string>>(`${demo.v1Url}${V1}/overview?node=node2`);
    expect(one).toMatchObject({ workers: '1', totalSlot: '8' });
  });

  it('keeps the multi-table job counters climbing, per table too', async () => {
    const url = `${demo.v2Url}/job-info/${J.multiTableStreaming.id}`;
    const before = await getJson<Job>(url);
    await sleep(1100);
    const after = await getJson<Job>(url);
    expect(after.jobStatus).toBe('RUNNING');
    expect(count(after, 'SourceReceivedCount')).toBeGreaterThan(count(before, 'SourceReceivedCount'));
    expect(count(after, 'SinkWriteCount')).toBeGreaterThan(count(before, 'SinkWriteCount'));
    for (const table of MULTI_TABLE_TABLES) {
      expect(tableCount(after, 'TableSourceReceivedCount', table)).toBeGreaterThan(
        tableCount(before, 'TableSourceReceivedCount', table),
      );
      expect(tableCount(after, 'TableSinkWriteCount', table)).toBeGreaterThan(
        tableCount(before, 'TableSinkWriteCount', table),
      );
    }
  });

  it('shows a stalled sink: source climbs, sink write count frozen', async () => {
    const url = `${demo.v2Url}/job-info/${J.stalledSink.id}`;
    const before = await getJson<Job>(url);
    await sleep(1100);
    const after = await getJson<Job>(url);
    expect(count(after, 'SourceReceivedCount')).toBeGreaterThan(count(before, 'SourceReceivedCount'));
    expect(after.metrics.SinkWriteCount).toBe(before.metrics.SinkWriteCount);
    expect(after.metrics.SinkWriteQPS).toBe('0.0');
  });

  it('has jobs in every end state with their engine fields', async () => {
    const failed = await getJson<Array<Job & { errorMsg: string; finishTime: string }>>(
      `${demo.v2Url}/finished-jobs/FAILED`,
    );
    expect(failed.map((j) => j.jobId)).toContain(J.failed.id);
    expect(failed[0]?.errorMsg).toMatch(/^java\.lang\.RuntimeException: .*\n\tat /);
    expect(failed[0]?.finishTime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    for (const [state, job] of [
      ['FINISHED', J.finishedBatch],
      ['CANCELED', J.canceled],
      ['SAVEPOINT_DONE', J.savepointDone],
    ] as const) {
      const list = await getJson<Job[]>(`${demo.v2Url}/finished-jobs/${state}`);
      expect(
        list.map((j) => j.jobId),
        state,
      ).toContain(job.id);
    }
  });

  it('moves a stopped job to CANCELED, or SAVEPOINT_DONE with a savepoint', async () => {
    let res = await post(
      `${demo.v2Url}/stop-job`,
      `{"jobId":${J.multiTableStreaming.id},"isStopWithSavePoint":false}`,
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(`{"jobId":"${J.multiTableStreaming.id}"}`);
    const canceled = await waitForStatus(`${demo.v2Url}/job-info/${J.multiTableStreaming.id}`, 'CANCELED');
    expect(canceled.jobStatus).toBe('CANCELED');
    const running = await getJson<Job[]>(`${demo.v2Url}/running-jobs`);
    expect(running.map((j) => j.jobId)).not.toContain(J.multiTableStreaming.id);
    const finished = await getJson<Job[]>(`${demo.v2Url}/finished-jobs/CANCELED`);
    expect(finished.map((j) => j.jobId)).toContain(J.multiTableStreaming.id);

    res = await post(
      `${demo.v1Url}${V1}/stop-job`,
      `{"jobId":"${J.stalledSink.id}","isStopWithSavePoint":true}`,
    );
    expect(res.status).toBe(200);
    const saved = await waitForStatus(`${demo.v1Url}${V1}/job-info/${J.stalledSink.id}`, 'SAVEPOINT_DONE');
    expect(saved.jobStatus).toBe('SAVEPOINT_DONE');
  });

  it('runs a submitted batch job to FINISHED with all its rows', async () => {
    const res = await post(`${demo.v2Url}/submit-job?jobName=demo_batch`, batchConfig);
    expect(res.status).toBe(200);
    const { jobId, jobName } = (await res.json()) as { jobId: string; jobName: string };
    expect(jobName).toBe('demo_batch');
    expect(jobId).toMatch(/^\d{18,19}$/);
    const first = await getJson<Job>(`${demo.v2Url}/job-info/${jobId}`);
    expect(first.jobStatus).toBe('RUNNING');
    const done = await waitForStatus(`${demo.v2Url}/job-info/${jobId}`, 'FINISHED');
    expect(done.jobStatus).toBe('FINISHED');
    expect(done.metrics.SourceReceivedCount).toBe('100');
    expect(done.metrics.SinkWriteCount).toBe('100');
  });

  it('keeps a 64-bit job id exact from submit to job-info to stop-jobs', async () => {
    const id = '733584788375666689';
    const res = await post(`${demo.v2Url}/submit-job?jobId=${id}&jobName=rest_api_test`, streamingConfig);
    expect(await res.text()).toBe(`{"jobId":"${id}","jobName":"rest_api_test"}`);
    for (const base of [`${demo.v2Url}/job-info`, `${demo.v1Url}${V1}/job-info`]) {
      const text = await (await fetch(`${base}/${id}`)).text();
      expect(text.startsWith(`{"jobId":"${id}","jobName":"rest_api_test","jobStatus":"RUNNING"`), base).toBe(
        true,
      );
      expect(text).toContain(`"jobDag":{"jobId":"${id}"`);
    }
    // stop-jobs echoes the id as a JSON number: check the digits in the raw text.
    const stop = await post(`${demo.v2Url}/stop-jobs`, `[{"jobId":${id},"isStopWithSavePoint":false}]`);
    expect(await stop.text()).toBe(`[{"jobId":${id}}]`);
  });

  it('serves the same jobs through v1 and v2', async () => {
    const viaV1 = await post(`${demo.v1Url}${V1}/submit-job?jobName=from_v1`, streamingConfig);
    const { jobId } = (await viaV1.json()) as { jobId: string };
    const ids = async (url: string): Promise<string[]> =>
      (await getJson<Job[]>(url)).map((j) => j.jobId).sort();
    const v2Running = await ids(`${demo.v2Url}/running-jobs`);
    expect(v2Running).toContain(jobId);
    expect(await ids(`${demo.v1Url}${V1}/running-jobs`)).toEqual(v2Running);
    expect(await ids(`${demo.v1Url}${V1}/finished-jobs`)).toEqual(await ids(`${demo.v2Url}/finished-jobs`));
  });

  it('answers unknown ids and bad requests like the engine', async () => {
    expect(await (await fetch(`${demo.v2Url}/job-info/123`)).text()).toBe('{"jobId":"123"}');

    const bad = await fetch(`${demo.v2Url}/job-info/abc`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      status: 'fail',
      message: 'NumberFormatException: For input string: "abc"',
    });

    const badV1 = await fetch(`${demo.v1Url}${V1}/running-job/abc`);
    expect(badV1.status).toBe(500);
    expect(await badV1.json()).toEqual({ status: 'fail', message: 'For input string: "abc"' });

    const empty = await post(`${demo.v2Url}/stop-job`, '');
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({
      status: 'fail',
      message: 'IllegalArgumentException: Request body is empty.',
    });

    const malformed = await post(`${demo.v2Url}/submit-job`, '{"env": ');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { message: string }).message).toBe(
      'IllegalArgumentException: Invalid JSON format in request body.',
    );

    const noEnv = await post(`${demo.v2Url}/submit-job`, '{"source":[]}');
    expect(noEnv.status).toBe(500);
    expect(((await noEnv.json()) as { message: string }).message).toContain(
      "No configuration setting found for key 'env'",
    );

    expect((await fetch(`${demo.v2Url}/no-such-endpoint`)).status).toBe(404);
    expect((await fetch(`${demo.v2Url.replace('/seatunnel', '')}/overview`)).status).toBe(404);
  });

  it('lists job logs as HTML or JSON and serves their content', async () => {
    const html = await (await fetch(`${demo.v2Url}/logs/${J.failed.id}`)).text();
    expect(html).toContain(`job-${J.failed.id}.log</a>`);
    const list = await getJson<Array<{ node: string; logLink: string; logName: string }>>(
      `${demo.v2Url}/logs?format=json`,
    );
    const entry = list.find((e) => e.logName === `job-${J.failed.id}.log`);
    expect(entry?.logLink).toContain('/seatunnel/logs/');
    const content = await (await fetch(entry?.logLink ?? '')).text();
    expect(content).toContain(`Init JobMaster for Job ${J.failed.name} (${J.failed.id})`);
  });

  it('encrypts sensitive options with the base64 shade', async () => {
    const res = await post(
      `${demo.v2Url}/encrypt-config`,
      JSON.stringify({
        env: { parallelism: 1, 'shade.identifier': 'base64' },
        source: [{ plugin_name: 'MySQL-CDC', username: 'seatunnel', password: 'seatunnel_password' }],
        transform: [],
        sink: [],
      }),
    );
    const out = (await res.json()) as { source: Array<Record<string, string>> };
    expect(out.source[0]).toMatchObject({ username: 'c2VhdHVubmVs', password: 'c2VhdHVubmVsX3Bhc3N3b3Jk' });
  });
});
