import { test, expect } from '@playwright/test';
import { responseSchemas } from '../../src/api/flink/endpoint-schemas';
import { ENTRY_CLASSES, runJar } from '../real/flink-cluster';
import { FLINK_MATRIX } from '../support/flink-matrix';
import { readState } from '../support/state';

/**
 * The async operations for real: trigger, then poll the trigger id to completion, validating every
 * answer with the app's schemas. Destructive ones (stop, cancel) run on a job started for them.
 */
const newTriggerId = () =>
  Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join('');

async function call(base: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

function expectValid(key: string, value: unknown) {
  const schema = responseSchemas[key];
  expect(schema, `a schema for ${key}`).toBeDefined();
  const result = schema!.safeParse(value);
  expect(result.success ? [] : result.error.issues.slice(0, 3), key).toEqual([]);
}

async function pollStatus(base: string, path: string, key: string, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { status, json } = await call(base, 'GET', path);
    expect(status, `${path}: ${JSON.stringify(json)}`).toBe(200);
    expectValid(key, json);
    if ((json.status as { id?: string } | undefined)?.id === 'COMPLETED') return json;
    expect(Date.now(), `${path} still in progress`).toBeLessThan(until);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function waitForState(base: string, jobId: string, states: string[], timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { json } = await call(base, 'GET', `/jobs/${jobId}`);
    const running = (json.vertices as { status: string }[] | undefined)?.every((v) => v.status === 'RUNNING');
    if (states.includes(json.state as string) && (json.state !== 'RUNNING' || running)) return;
    expect(Date.now(), `job ${jobId} to reach ${states.join('/')}, is ${String(json.state)}`).toBeLessThan(
      until,
    );
    await new Promise((r) => setTimeout(r, 500));
  }
}

const targets = [
  ...FLINK_MATRIX.map((minor) => ({ target: 'real' as const, minor })),
  { target: 'demo' as const, minor: undefined },
];

for (const { target, minor } of targets) {
  test.describe(`Flink async operations: ${minor ? `real Flink ${minor}` : 'demo'} cluster`, () => {
    test.describe.configure({ mode: 'serial', timeout: 180_000 });
    let base = '';
    let jobId = '';
    let jarId = '';
    let entryClass = '';

    test.beforeAll(async () => {
      const state = readState();
      const real = minor ? state.real?.flinkMatrix?.[minor] : undefined;
      base = target === 'real' ? (real?.url ?? '') : state.demo.flinkUrl;
      expect(base, 'Flink URL').not.toBe('');
      const jars = (await call(base, 'GET', '/jars')).json.files as {
        id: string;
        entry: { name: string }[];
      }[];
      // Other suites upload jars without a manifest to the same demo cluster: run one that can run.
      const jar = jars.find((j) => j.entry.length > 0);
      jarId = jar?.id ?? '';
      entryClass = target === 'real' ? ENTRY_CLASSES.checkpointing : (jar?.entry[0]?.name ?? '');
      jobId =
        target === 'real'
          ? (real?.jobs.checkpointing ?? '')
          : (
              (await call(base, 'GET', '/jobs/overview')).json.jobs as {
                jid: string;
                name: string;
                state: string;
              }[]
            ).find((j) => j.name === 'Payment Fraud Detection')!.jid;
    });

    test('a savepoint completes with its location, and a repeated trigger id starts nothing new', async () => {
      const triggerId = newTriggerId();
      const first = await call(base, 'POST', `/jobs/${jobId}/savepoints`, {
        'cancel-job': false,
        triggerId,
        formatType: 'CANONICAL',
      });
      expect(first.status).toBe(202);
      expectValid('POST /jobs/:jobid/savepoints', first.json);
      const again = await call(base, 'POST', `/jobs/${jobId}/savepoints`, {
        'cancel-job': false,
        triggerId,
        formatType: 'CANONICAL',
      });
      expect(again.json['request-id']).toBe(first.json['request-id']);
      const done = await pollStatus(
        base,
        `/jobs/${jobId}/savepoints/${triggerId}`,
        'GET /jobs/:jobid/savepoints/:triggerid',
      );
      expect(String((done.operation as { location?: string }).location)).toMatch(/^file:/);
    });

    test('a manual checkpoint completes with its id', async () => {
      const triggerId = newTriggerId();
      const res = await call(base, 'POST', `/jobs/${jobId}/checkpoints`, {
        checkpointType: 'FULL',
        triggerId,
      });
      expect(res.status).toBe(202);
      expectValid('POST /jobs/:jobid/checkpoints', res.json);
      const done = await pollStatus(
        base,
        `/jobs/${jobId}/checkpoints/${triggerId}`,
        'GET /jobs/:jobid/checkpoints/:triggerid',
      );
      expect((done.operation as { checkpointId?: number }).checkpointId).toBeGreaterThan(0);
    });

    test('stop with a savepoint finishes the job', async () => {
      const victim = await runJar(base, jarId, { entryClass });
      await waitForState(base, victim, ['RUNNING']);
      const triggerId = newTriggerId();
      const res = await call(base, 'POST', `/jobs/${victim}/stop`, {
        drain: false,
        triggerId,
        formatType: 'CANONICAL',
      });
      expect(res.status).toBe(202);
      expectValid('POST /jobs/:jobid/stop', res.json);
      const done = await pollStatus(
        base,
        `/jobs/${victim}/savepoints/${triggerId}`,
        'GET /jobs/:jobid/savepoints/:triggerid',
      );
      expect(String((done.operation as { location?: string }).location)).toMatch(/^file:/);
      await waitForState(base, victim, ['FINISHED']);
    });

    test('cancel cancels the job', async () => {
      const victim = await runJar(base, jarId, { entryClass });
      await waitForState(base, victim, ['RUNNING']);
      const res = await call(base, 'PATCH', `/jobs/${victim}?mode=cancel`);
      expect(res.status).toBe(202);
      expectValid('PATCH /jobs/:jobid', res.json);
      await waitForState(base, victim, ['CANCELED']);
    });
  });
}
