import { test, expect } from '@playwright/test';
import { responseSchemas } from '../../src/api/seatunnel/endpoint-schemas';
import { parseJsonLossless } from '../../src/lib/lossless-json';
import { JOB_CONFIGS } from '../real/seatunnel-cluster';
import { SEATUNNEL_TARGETS } from '../real/seatunnel-pages';
import { readState } from '../support/state';

/**
 * Every SeaTunnel read our API layer covers, on every real engine and flavour (2.3.13 v2 and v1,
 * 2.3.8 v1) and on the demo in both flavours, validated with the app's schemas. Stop with and
 * without savepoint run for real too.
 */
const V1 = '/hazelcast/rest/maps';
/** 2.3.8 has no log endpoints (it answers 400/204): the app says so instead of reading them. The
 * demo's v1 has none either. */
const LOGS = /^GET \/logs/;

async function call(url: string, method = 'GET', body?: unknown) {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, text, json: text.trim() ? parseJsonLossless(text) : undefined };
}

async function waitForStatus(base: string, jobId: string, states: string[], timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { json } = await call(`${base}/job-info/${jobId}`);
    const status = (json as { jobStatus?: string } | undefined)?.jobStatus;
    if (status && states.includes(status)) return status;
    expect(Date.now(), `job ${jobId} to reach ${states.join('/')}, is ${status}`).toBeLessThan(until);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

type State = ReturnType<typeof readState>;
const targets: { name: string; version?: string; base: (s: State) => string }[] = [
  // Every real version and flavour; a real v1 apiUrl already ends in /hazelcast/rest/maps.
  ...SEATUNNEL_TARGETS.map((t) => ({
    name: `real ${t.version} ${t.flavour}`,
    version: t.version,
    base: (s: State) => s.real?.seatunnelTargets?.find((x) => x.clusterId === t.clusterId)?.apiUrl ?? '',
  })),
  { name: 'demo v2', base: (s: State) => s.demo.seatunnelV2Url ?? '' },
  {
    name: 'demo v1',
    base: (s: State) => (s.demo.seatunnelV1Url ? s.demo.seatunnelV1Url + V1 : ''),
  },
];

for (const [index, target] of targets.entries()) {
  test.describe(`SeaTunnel contract: ${target.name}`, () => {
    test.describe.configure({ mode: 'serial', timeout: 180_000 });
    let base = '';
    let streamingId = '';

    test.beforeAll(async () => {
      base = target.base(readState());
      expect(base, `${target.name} URL`).not.toBe('');
      const batch = await call(`${base}/submit-job?jobName=contract-batch`, 'POST', JOB_CONFIGS.batch);
      expect(batch.status, batch.text).toBe(200);
      const stream = await call(`${base}/submit-job?jobName=contract-stream`, 'POST', JOB_CONFIGS.streaming);
      expect(stream.status, stream.text).toBe(200);
      streamingId = String((stream.json as { jobId: string }).jobId);
      await waitForStatus(base, streamingId, ['RUNNING']);
      await waitForStatus(base, String((batch.json as { jobId: string }).jobId), ['FINISHED']);
    });

    for (const [key, schema] of Object.entries(responseSchemas)) {
      if (!key.startsWith('GET ')) continue;
      test(key, async () => {
        test.skip(
          LOGS.test(key) && (target.version === '2.3.8' || target.name === 'demo v1'),
          'no log endpoints here',
        );
        test.skip(key === 'GET /logs/:logName', 'needs a log name from /logs');
        const path =
          key.slice(4).replace(':jobId', streamingId).replace(':state', 'FINISHED') +
          (LOGS.test(key) ? '?format=json' : '');
        const res = await call(`${base}${path}`);
        expect(res.status, `${key}: ${res.text.slice(0, 300)}`).toBe(200);
        const result = schema.safeParse(res.json ?? res.text);
        expect(result.success ? [] : result.error.issues.slice(0, 3), `${key} on ${target.name}`).toEqual([]);
      });
    }

    test('stop with a savepoint, and without, end the jobs', async () => {
      await call(`${base}/stop-job`, 'POST', { jobId: streamingId, isStopWithSavePoint: true });
      expect(await waitForStatus(base, streamingId, ['SAVEPOINT_DONE', 'FINISHED'])).toBeTruthy();
      const other = await call(`${base}/submit-job?jobName=contract-cancel`, 'POST', JOB_CONFIGS.streaming);
      const otherId = String((other.json as { jobId: string }).jobId);
      await waitForStatus(base, otherId, ['RUNNING']);
      const stop = await call(`${base}/stop-job`, 'POST', { jobId: otherId, isStopWithSavePoint: false });
      expect(stop.status).toBe(200);
      expect(responseSchemas['POST /stop-job']!.safeParse(stop.json).success).toBe(true);
      expect(await waitForStatus(base, otherId, ['CANCELED'])).toBe('CANCELED');
    });

    test('a 64-bit job id survives the round trip exactly', async () => {
      // Beyond 2^53; one per target, since the two demo flavours share one engine.
      const id = String(733584788375666689n + BigInt(index));
      const res = await call(
        `${base}/submit-job?jobId=${id}&jobName=contract-bigid`,
        'POST',
        JOB_CONFIGS.batch,
      );
      expect(res.status, res.text).toBe(200);
      expect(res.text).toContain(id);
      const info = await call(`${base}/job-info/${id}`);
      expect(String((info.json as { jobId: string }).jobId)).toBe(id);
    });
  });
}
