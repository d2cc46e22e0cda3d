import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_JOB_NAMES } from './index.ts';
import { startTestDemo, type TestDemo } from './test-helpers.ts';

let demo: TestDemo;
beforeEach(async () => {
  demo = await startTestDemo();
});
afterEach(() => demo.close());

type Status = { status: { id: string }; operation: Record<string, unknown> | null };
type Checkpoints = {
  counts: { total: number; completed: number };
  history: { id: number; is_savepoint: boolean; status: string; external_path?: string }[];
};

async function waitFor<T>(
  poll: () => Promise<T>,
  done: (t: T) => boolean,
  stepMs = 500,
  steps = 20,
): Promise<T> {
  let last = await poll();
  for (let i = 0; i < steps && !done(last); i++) {
    demo.advance(stepMs);
    last = await poll();
  }
  return last;
}

describe('cancelling a job', () => {
  it('goes CANCELLING then CANCELED and frees its slots', async () => {
    const id = await demo.jobId(DEMO_JOB_NAMES.healthy);
    const before = (await demo.get<Record<string, number>>('/overview')).body;
    const res = await demo.send('PATCH', `/jobs/${id}?mode=cancel`);
    expect(res).toEqual({ status: 202, body: {} });
    expect((await demo.get<{ status: string }>(`/jobs/${id}/status`)).body.status).toBe('CANCELLING');
    demo.advance(1500);
    const details = (
      await demo.get<{ state: string; 'end-time': number; vertices: { status: string }[] }>(`/jobs/${id}`)
    ).body;
    expect(details.state).toBe('CANCELED');
    expect(details['end-time']).toBeGreaterThan(0);
    expect(details.vertices.every((v) => v.status === 'CANCELED')).toBe(true);
    const after = (await demo.get<Record<string, number>>('/overview')).body;
    expect(after['jobs-cancelled']).toBe((before['jobs-cancelled'] ?? 0) + 1);
    expect(after['slots-available']).toBeGreaterThan(before['slots-available'] ?? 0);
    // cancelling again is fine; the tasks' last metrics stay, with nothing flowing any more
    expect((await demo.send('PATCH', `/jobs/${id}?mode=cancel`)).status).toBe(202);
    const vertex = (await demo.get<{ vertices: { id: string }[] }>(`/jobs/${id}`)).body.vertices[1]?.id;
    const rate = await demo.get<{ id: string; value: string }[]>(
      `/jobs/${id}/vertices/${vertex}/metrics?get=0.numRecordsInPerSecond,0.numRecordsIn`,
    );
    expect(rate.body.find((m) => m.id === '0.numRecordsInPerSecond')?.value).toBe('0.0');
    expect(Number(rate.body.find((m) => m.id === '0.numRecordsIn')?.value)).toBeGreaterThan(0);
  });

  it('refuses to cancel a finished job with 409 and an unknown one with 404', async () => {
    const finished = await demo.jobId(DEMO_JOB_NAMES.finished);
    const conflict = await demo.send<{ errors: string[] }>('PATCH', `/jobs/${finished}?mode=cancel`);
    expect(conflict.status).toBe(409);
    expect(conflict.body.errors[0]).toContain('already reached another terminal state (FINISHED)');
    const missing = await demo.send<{ errors: string[] }>(
      'PATCH',
      '/jobs/0123456789abcdef0123456789abcdef?mode=cancel',
    );
    expect(missing.status).toBe(404);
    expect(missing.body.errors[0]).toContain('Job could not be found.');
  });
});

describe('savepoints', () => {
  it('completes with a location that shows up in the checkpoint history', async () => {
    const id = await demo.jobId(DEMO_JOB_NAMES.healthy);
    const trig = await demo.send<{ 'request-id': string }>('POST', `/jobs/${id}/savepoints`, {
      'target-directory': 's3://bucket/savepoints',
    });
    expect(trig.status).toBe(202);
    const triggerId = trig.body['request-id'];
    expect(triggerId).toMatch(/^[0-9a-f]{32}$/);
    const first = await demo.get<Status>(`/jobs/${id}/savepoints/${triggerId}`);
    expect(first.body).toEqual({ status: { id: 'IN_PROGRESS' }, operation: null });
    const done = await waitFor(
      () => demo.get<Status>(`/jobs/${id}/savepoints/${triggerId}`),
      (r) => r.body.status.id === 'COMPLETED',
    );
    const location = String(done.body.operation?.location);
    expect(location).toMatch(/^s3:\/\/bucket\/savepoints\/savepoint-[0-9a-f]{6}-[0-9a-f]{12}$/);
    const cps = (
      await demo.get<Checkpoints & { latest: { savepoint: { external_path: string } } }>(
        `/jobs/${id}/checkpoints`,
      )
    ).body;
    expect(cps.latest.savepoint.external_path).toBe(location);
    expect((await demo.get<{ status: string }>(`/jobs/${id}/status`)).body.status).toBe('RUNNING');
  });

  it('does not start a second savepoint for a reused triggerId', async () => {
    const id = await demo.jobId(DEMO_JOB_NAMES.healthy);
    const triggerId = 'aaaabbbbccccddddeeeeffff00001111';
    const a = await demo.send<{ 'request-id': string }>('POST', `/jobs/${id}/savepoints`, { triggerId });
    const b = await demo.send<{ 'request-id': string }>('POST', `/jobs/${id}/savepoints`, { triggerId });
    expect(a).toEqual({ status: 202, body: { 'request-id': triggerId } });
    expect(b).toEqual(a);
    demo.advance(3000);
    const cps = (await demo.get<Checkpoints>(`/jobs/${id}/checkpoints`)).body;
    expect(cps.history.filter((h) => h.is_savepoint)).toHaveLength(1);
  });

  it('fails with a failure cause for the restarting job', async () => {
    const id = await demo.jobId(DEMO_JOB_NAMES.restarting);
    const trig = await demo.send<{ 'request-id': string }>('POST', `/jobs/${id}/savepoints`, {});
    const done = await waitFor(
      () => demo.get<Status>(`/jobs/${id}/savepoints/${trig.body['request-id']}`),
      (r) => r.body.status.id === 'COMPLETED',
    );
    const cause = done.body.operation?.['failure-cause'] as Record<string, string>;
    expect(cause.class).toBe('org.apache.flink.runtime.checkpoint.CheckpointException');
    expect(cause['stack-trace']).toContain('CheckpointException');
    expect(done.body.operation?.location).toBeUndefined();
  });

  it('needs a target directory when none is configured', async () => {
    const bare = await startTestDemo({ defaultSavepointDir: null });
    try {
      const id = await bare.jobId(DEMO_JOB_NAMES.healthy);
      const res = await bare.send<{ errors: string[] }>('POST', `/jobs/${id}/savepoints`, {});
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toContain(
        'Config key [execution.checkpointing.savepoint-dir] is not set. Property [target-directory] must be provided.',
      );
    } finally {
      await bare.close();
    }
  });

  it('answers 404 for an unknown trigger id', async () => {
    const id = await demo.jobId(DEMO_JOB_NAMES.healthy);
    const res = await demo.get<{ errors: string[] }>(
      `/jobs/${id}/savepoints/0123456789abcdef0123456789abcdef`,
    );
    expect(res.status).toBe(404);
    expect(res.body.errors[0]).toContain(
      'There is no savepoint operation with triggerId=0123456789abcdef0123456789abcdef',
    );
  });

  it('stops a job with a savepoint: the job ends FINISHED', async () => {
    const id = await demo.jobId(DEMO_JOB_NAMES.bottleneck);
    const trig = await demo.send<{ 'request-id': string }>('POST', `/jobs/${id}/stop`, { drain: true });
    expect(trig.status).toBe(202);
    const done = await waitFor(
      () => demo.get<Status>(`/jobs/${id}/savepoints/${trig.body['request-id']}`),
      (r) => r.body.status.id === 'COMPLETED',
    );
    expect(done.body.operation?.location).toMatch(/savepoint-/);
    demo.advance(1000);
    expect((await demo.get<{ status: string }>(`/jobs/${id}/status`)).body.status).toBe('FINISHED');
  });

  it('disposes a known savepoint and fails for an unknown path', async () => {
    const id = await demo.jobId(DEMO_JOB_NAMES.healthy);
    const trig = await demo.send<{ 'request-id': string }>('POST', `/jobs/${id}/savepoints`, {});
    const done = await waitFor(
      () => demo.get<Status>(`/jobs/${id}/savepoints/${trig.body['request-id']}`),
      (r) => r.body.status.id === 'COMPLETED',
    );
    const ok = await demo.send<{ 'request-id': string }>('POST', '/savepoint-disposal', {
      'savepoint-path': done.body.operation?.location,
    });
    const bad = await demo.send<{ 'request-id': string }>('POST', '/savepoint-disposal', {
      'savepoint-path': 'file:/nope',
    });
    demo.advance(1500);
    expect((await demo.get(`/savepoint-disposal/${ok.body['request-id']}`)).body).toEqual({
      status: { id: 'COMPLETED' },
      operation: {},
    });
    const failed = (await demo.get<Status>(`/savepoint-disposal/${bad.body['request-id']}`)).body;
    expect((failed.operation?.['failure-cause'] as { class: string }).class).toBe(
      'java.io.FileNotFoundException',
    );
  });
});

describe('checkpoints', () => {
  it('grows the history every few seconds, with summaries and failures', async () => {
    const id = await demo.jobId(DEMO_JOB_NAMES.healthy);
    const before = (await demo.get<Checkpoints>(`/jobs/${id}/checkpoints`)).body;
    expect(before.history).toHaveLength(10);
    demo.advance(9500);
    const after = (await demo.get<Checkpoints>(`/jobs/${id}/checkpoints`)).body;
    expect(after.counts.total).toBeGreaterThanOrEqual(before.counts.total + 3);
    expect(after.history[0]?.id).toBeGreaterThan(before.history[0]?.id ?? Infinity);
    const bottleneck = await demo.jobId(DEMO_JOB_NAMES.bottleneck);
    const stats = (
      await demo.get<{ counts: { failed: number }; latest: { failed: { failure_message: string } } }>(
        `/jobs/${bottleneck}/checkpoints`,
      )
    ).body;
    expect(stats.counts.failed).toBeGreaterThan(0);
    expect(stats.latest.failed.failure_message).toBeTruthy();
  });

  it('triggers a checkpoint on request', async () => {
    const id = await demo.jobId(DEMO_JOB_NAMES.healthy);
    const trig = await demo.send<{ 'request-id': string }>('POST', `/jobs/${id}/checkpoints`, {
      checkpointType: 'FULL',
    });
    expect(trig.status).toBe(202);
    const done = await waitFor(
      () => demo.get<Status>(`/jobs/${id}/checkpoints/${trig.body['request-id']}`),
      (r) => r.body.status.id === 'COMPLETED',
    );
    const cpId = Number(done.body.operation?.checkpointId);
    expect(cpId).toBeGreaterThan(0);
    const details = await demo.get<{ id: number; tasks: Record<string, unknown> }>(
      `/jobs/${id}/checkpoints/details/${cpId}`,
    );
    expect(details.body.id).toBe(cpId);
    expect(Object.keys(details.body.tasks)).toHaveLength(4);
    const incremental = await demo.send<{ errors: string[] }>('POST', `/jobs/${id}/checkpoints`, {
      checkpointType: 'INCREMENTAL',
    });
    expect(incremental.status).toBe(500);
    expect(incremental.body.errors[0]).toBe('Internal server error.');
  });

  it('reports empty statistics and a disabled configuration for a job without checkpointing', async () => {
    const id = await demo.jobId(DEMO_JOB_NAMES.finished);
    const stats = await demo.get<{
      counts: { total: number };
      history: unknown[];
      summary: { state_size: { p50: unknown } };
    }>(`/jobs/${id}/checkpoints`);
    expect(stats.status).toBe(200);
    expect(stats.body.counts.total).toBe(0);
    expect(stats.body.history).toEqual([]);
    expect(stats.body.summary.state_size.p50).toBe('NaN');
    const res = await fetch(`${demo.url}/jobs/${id}/checkpoints/config`);
    const text = await res.text();
    // Long.MAX_VALUE, written exactly like Jackson does (a JS number cannot hold it)
    expect(text).toContain('"interval":9223372036854775807');
    expect(text).toContain('"mode":"at_least_once"');
  });
});

describe('rescaling', () => {
  it('changes parallelism through resource requirements (adaptive scheduler)', async () => {
    const id = await demo.jobId(DEMO_JOB_NAMES.healthy);
    const req = (
      await demo.get<Record<string, { parallelism: { lowerBound: number; upperBound: number } }>>(
        `/jobs/${id}/resource-requirements`,
      )
    ).body;
    const [first] = Object.keys(req);
    if (!first) throw new Error('no vertices');
    const next = { ...req, [first]: { parallelism: { lowerBound: 1, upperBound: 3 } } };
    expect((await demo.send('PUT', `/jobs/${id}/resource-requirements`, next)).status).toBe(200);
    expect((await demo.get<{ status: string }>(`/jobs/${id}/status`)).body.status).toBe('RESTARTING');
    demo.advance(2500);
    const details = (
      await demo.get<{ state: string; vertices: { id: string; parallelism: number }[] }>(`/jobs/${id}`)
    ).body;
    expect(details.state).toBe('RUNNING');
    expect(details.vertices.find((v) => v.id === first)?.parallelism).toBe(3);
    expect((await demo.send('PATCH', `/jobs/${id}/rescaling?parallelism=2`)).status).toBe(503);
  });
});
