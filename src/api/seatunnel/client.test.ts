import { afterEach, describe, expect, it, vi } from 'vitest';
import { HttpError, InvalidResponseError } from '../errors';
import { seatunnel, type SeaTunnelFlavour } from './client';

interface Call {
  url: string;
  method: string;
  body: string | undefined;
  contentType: string | undefined;
}

/** Answers every request with `body` and records what was asked. */
function mockFetch(body = '{}', status = 200) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const headers = (init.headers ?? {}) as Record<string, string>;
      calls.push({
        url,
        method: init.method ?? 'GET',
        body: typeof init.body === 'string' ? init.body : undefined,
        contentType: headers['content-type'],
      });
      return new Response(status === 204 ? null : body, { status });
    }),
  );
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

const JOB =
  '{"jobId":"733584788375666689","jobName":"j","jobStatus":"RUNNING","createTime":"2026-11-22 08:40:58"}';
const NODE = '[{"host":"h"}]';

/** [call, v2 path, answer]; v1 is the same path under /hazelcast/rest/maps. */
const reads: [string, (f: SeaTunnelFlavour) => Promise<unknown>, string, string][] = [
  [
    'overview with tag filter',
    (f) => seatunnel.getOverview('st', f, { tag1: 'dev_1', zone: 'a b' }),
    '/overview?tag1=dev_1&zone=a+b',
    '{"projectVersion":"2.3.8","totalSlot":"0","unassignedSlot":"0","workers":"1","runningJobs":"0","finishedJobs":"0","failedJobs":"0","cancelledJobs":"0"}',
  ],
  ['running jobs', (f) => seatunnel.getRunningJobs('st', f), '/running-jobs', `[${JOB}]`],
  [
    'job info',
    (f) => seatunnel.getJobInfo('st', f, '733584788375666689'),
    '/job-info/733584788375666689',
    JOB,
  ],
  [
    'running job',
    (f) => seatunnel.getRunningJob('st', f, '733584788375666689'),
    '/running-job/733584788375666689',
    JOB,
  ],
  [
    'finished jobs of a state',
    (f) => seatunnel.getFinishedJobs('st', f, 'CANCELED'),
    '/finished-jobs/CANCELED',
    '[]',
  ],
  ['all finished jobs', (f) => seatunnel.getFinishedJobs('st', f), '/finished-jobs', '[]'],
  [
    'system monitoring',
    (f) => seatunnel.getSystemMonitoring('st', f),
    '/system-monitoring-information',
    NODE,
  ],
  ['thread dump', (f) => seatunnel.getThreadDump('st', f), '/thread-dump', '[]'],
  ['running threads', (f) => seatunnel.getRunningThreads('st', f), '/running-threads', '[]'],
  ['logs', (f) => seatunnel.getLogs('st', f), '/logs?format=json', '[]'],
  ['log file', (f) => seatunnel.getLogFile('st', f, 'job-1.log'), '/logs/job-1.log', 'log text'],
];

describe('URLs of both flavours', () => {
  it.each(reads)('%s', async (_, call, path, answer) => {
    for (const [flavour, prefix] of [
      ['v2', ''],
      ['v1', '/hazelcast/rest/maps'],
    ] as const) {
      const calls = mockFetch(answer);
      await call(flavour);
      expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([`GET /api/st${prefix}${path}`]);
    }
  });

  it('encodes the cluster id and path parameters', async () => {
    const calls = mockFetch(JOB);
    await seatunnel.getJobInfo('a b/c', 'v2', '1/2').catch(() => undefined);
    expect(calls[0]?.url).toBe('/api/a%20b%2Fc/job-info/1%2F2');
  });
});

describe('actions', () => {
  it('submits a job with its query parameters and JSON body', async () => {
    const calls = mockFetch('{"jobId":"733584788375666689","jobName":"n"}');
    const config = { env: { 'job.mode': 'BATCH' }, source: [], sink: [] };
    await seatunnel.submitJob('st', 'v1', {
      config,
      jobId: '733584788375666689',
      jobName: 'n',
      startWithSavepoint: true,
    });
    expect(calls[0]).toEqual({
      method: 'POST',
      url: '/api/st/hazelcast/rest/maps/submit-job?jobId=733584788375666689&jobName=n&isStartWithSavePoint=true',
      body: JSON.stringify(config),
      contentType: 'application/json',
    });
  });

  it('sends a HOCON config as text with format=hocon', async () => {
    const calls = mockFetch('{"jobId":1,"jobName":"n"}');
    await seatunnel.submitJob('st', 'v2', { config: 'env { job.mode = "BATCH" }', format: 'hocon' });
    expect(calls[0]).toMatchObject({
      url: '/api/st/submit-job?format=hocon',
      body: 'env { job.mode = "BATCH" }',
      contentType: 'text/plain',
    });
  });

  it('batch-submits with ids as strings in params (as the engine accepts)', async () => {
    const calls = mockFetch('[{"jobId":"733584788375666701","jobName":"a"}]');
    await seatunnel.submitJobs('st', 'v2', [
      { config: { env: {} }, jobId: '733584788375666701', jobName: 'a' },
    ]);
    expect(calls[0]?.url).toBe('/api/st/submit-jobs');
    expect(calls[0]?.body).toBe('[{"params":{"jobId":"733584788375666701","jobName":"a"},"env":{}}]');
  });

  it('stops jobs with the id as a bare 64-bit number', async () => {
    let calls = mockFetch('{"jobId":"733584788375666689"}');
    await seatunnel.stopJob('st', 'v2', { jobId: '733584788375666689', withSavepoint: true });
    expect(calls[0]).toMatchObject({
      url: '/api/st/stop-job',
      body: '{"jobId":733584788375666689,"isStopWithSavePoint":true}',
      contentType: 'application/json',
    });
    calls = mockFetch('[{"jobId":1176804500430782465},{"jobId":733584788375666702}]');
    const stopped = await seatunnel.stopJobs('st', 'v1', [
      { jobId: '1176804500430782465', withSavepoint: false },
      { jobId: '733584788375666702', withSavepoint: false },
    ]);
    expect(calls[0]?.url).toBe('/api/st/hazelcast/rest/maps/stop-jobs');
    expect(calls[0]?.body).toBe(
      '[{"jobId":1176804500430782465,"isStopWithSavePoint":false},{"jobId":733584788375666702,"isStopWithSavePoint":false}]',
    );
    expect(stopped).toEqual([{ jobId: '1176804500430782465' }, { jobId: '733584788375666702' }]);
  });

  it('encrypts a config and updates tags', async () => {
    let calls = mockFetch('{"env":{}}');
    await seatunnel.encryptConfig('st', 'v2', { env: { 'shade.identifier': 'base64' } });
    expect(calls[0]).toMatchObject({ method: 'POST', url: '/api/st/encrypt-config' });
    calls = mockFetch('{"status":"success","message":"update node tags done."}');
    await seatunnel.updateTags('st', 'v1', { tag1: 'dev_1' });
    expect(calls[0]).toMatchObject({
      url: '/api/st/hazelcast/rest/maps/update-tags',
      body: '{"tag1":"dev_1"}',
    });
  });
});

describe("a job's log files", () => {
  const FILES = JSON.stringify([
    {
      node: 'n:1',
      logLink: 'http://n:1/logs/seatunnel-engine-server.log',
      logName: 'seatunnel-engine-server.log',
    },
    {
      node: 'n:1',
      logLink: 'http://n:1/logs/job-733584788375666689.log',
      logName: 'job-733584788375666689.log',
    },
  ]);

  it('v2 asks /logs/:jobId', async () => {
    const calls = mockFetch('[]');
    await seatunnel.getJobLogs('st', 'v2', '733584788375666689');
    expect(calls.map((c) => c.url)).toEqual(['/api/st/logs/733584788375666689?format=json']);
  });

  it("v1 lists every file and keeps the job's (2.3.13's /logs/:jobId?format=json lists none)", async () => {
    const calls = mockFetch(FILES);
    const files = await seatunnel.getJobLogs('st', 'v1', '733584788375666689');
    expect(calls.map((c) => c.url)).toEqual(['/api/st/hazelcast/rest/maps/logs?format=json']);
    expect(files.map((f) => f.logName)).toEqual(['job-733584788375666689.log']);
  });
});

describe('answers', () => {
  it('reads an empty 204 log list (v1 2.3.8) as no log files', async () => {
    mockFetch('', 204);
    await expect(seatunnel.getJobLogs('st', 'v1', '1')).resolves.toEqual([]);
  });

  it('carries the engine message of an error answer', async () => {
    mockFetch('{"status":"fail","message":"jobId cannot be empty."}', 400);
    const error = (await seatunnel
      .stopJob('st', 'v2', { jobId: '1', withSavepoint: false })
      .catch((e: unknown) => e)) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.message).toBe('POST /stop-job: HTTP 400 — jobId cannot be empty.');
  });

  it.each([
    [
      'GET /hazelcast/rest/maps/overview',
      'runningJobs',
      '{"projectVersion":"x","totalSlot":"0","unassignedSlot":"0","runningJobs":"many","finishedJobs":"0","failedJobs":"0","cancelledJobs":"0"}',
      (f: SeaTunnelFlavour) => seatunnel.getOverview('st', f),
    ],
    [
      'GET /hazelcast/rest/maps/job-info/:jobId',
      'metrics.SourceReceivedCount',
      '{"jobId":"1","metrics":{"SourceReceivedCount":"lots"}}',
      (f: SeaTunnelFlavour) => seatunnel.getJobInfo('st', f, '1'),
    ],
    [
      'GET /hazelcast/rest/maps/job-info/:jobId',
      'jobDag.vertices[0].id',
      '{"jobId":"1","jobDag":{"vertices":[{"id":"x","name":"n"}]}}',
      (f: SeaTunnelFlavour) => seatunnel.getJobInfo('st', f, '1'),
    ],
    [
      'GET /hazelcast/rest/maps/job-info/:jobId',
      'jobDag',
      '{"jobId":"1","jobDag":"{not json"}',
      (f: SeaTunnelFlavour) => seatunnel.getJobInfo('st', f, '1'),
    ],
    [
      'GET /hazelcast/rest/maps/finished-jobs',
      '[0].jobId',
      '[{"jobId":1.5,"jobName":"j","jobStatus":"FAILED","createTime":""}]',
      (f: SeaTunnelFlavour) => seatunnel.getFinishedJobs('st', f),
    ],
    [
      'GET /hazelcast/rest/maps/running-jobs',
      '[0].metrics.TableSinkWriteCount.fake',
      `[{"jobId":"1","jobName":"j","jobStatus":"RUNNING","createTime":"","metrics":{"TableSinkWriteCount":{"fake":"?"}}}]`,
      (f: SeaTunnelFlavour) => seatunnel.getRunningJobs('st', f),
    ],
    [
      'POST /hazelcast/rest/maps/stop-jobs',
      '[0].jobId',
      '[{"jobId":"abc"}]',
      (f: SeaTunnelFlavour) => seatunnel.stopJobs('st', f, []),
    ],
  ])('rejects a malformed answer of %s naming %s', async (endpoint, field, body, call) => {
    mockFetch(body);
    const error = (await call('v1').catch((e: unknown) => e)) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.endpoint).toBe(endpoint);
    expect(error.field).toBe(field);
  });
});
