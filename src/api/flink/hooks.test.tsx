import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flinkKeys } from './keys';
import { useCancelJob, useStopWithSavepoint, useTriggerCheckpoint, useTriggerSavepoint } from './mutations';
import { useDisposeSavepoint, useRunJar } from './mutations-cluster';
import { useSavepointStatus } from './operations';
import { useVerticesMetrics } from './queries';
import { TRIGGER_ID_PATTERN } from './trigger-id';

interface Sent {
  method: string;
  path: string;
  search: URLSearchParams;
  body: Record<string, unknown> | undefined;
}
type Reply = { status?: number; body?: unknown } | 'network-error';

/** A fake cluster behind the proxy: `reply` decides each answer; every request is recorded. */
function fakeCluster(reply: (req: Sent) => Reply) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const u = new URL(url, 'http://dashboard.test');
      const req: Sent = {
        method: init.method ?? 'GET',
        path: u.pathname,
        search: u.searchParams,
        body: typeof init.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : undefined,
      };
      if (req.path === '/api/clusters') {
        return Response.json({
          clusters: [{ id: 'c', name: 'c', kind: 'flink', hasPrometheus: false }],
          readOnly: false,
          triage: {},
        });
      }
      if (req.path === '/api/c/config') {
        return Response.json({
          'refresh-interval': 3000,
          'flink-version': '2.2.1',
          features: { 'web-submit': true },
        });
      }
      sent.push(req);
      const r = reply(req);
      if (r === 'network-error') throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify(r.body ?? {}), { status: r.status ?? 200 });
    }),
  );
  return sent;
}

function setup() {
  const qc = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retryDelay: 0 } },
  });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={qc}>{children}</QueryClientProvider>
  );
  return { qc, wrapper };
}

afterEach(() => vi.unstubAllGlobals());

describe('async triggers send a browser-made trigger id', () => {
  it('reuses the id when the request is retried after a network failure', async () => {
    let attempts = 0;
    const sent = fakeCluster((req) => {
      if (req.method !== 'POST') return {};
      attempts++;
      return attempts === 1 ? 'network-error' : { status: 202, body: { 'request-id': req.body?.triggerId } };
    });
    const { qc, wrapper } = setup();
    const invalidate = vi.spyOn(qc, 'invalidateQueries');
    const { result } = renderHook(() => useTriggerSavepoint('c', 'job-retry'), { wrapper });
    let out: { triggerId: string } | undefined;
    await act(async () => {
      out = await result.current.mutateAsync({ targetDirectory: 's3://sp', formatType: 'NATIVE' });
    });
    const posts = sent.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[0]!.path).toBe('/api/c/jobs/job-retry/savepoints');
    const id = posts[0]!.body?.triggerId;
    expect(id).toMatch(TRIGGER_ID_PATTERN);
    expect(posts[1]!.body?.triggerId).toBe(id);
    expect(posts[1]!.body).toEqual({
      triggerId: id,
      'target-directory': 's3://sp',
      'cancel-job': false,
      formatType: 'NATIVE',
    });
    expect(out).toEqual({ triggerId: id });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: flinkKeys.job('c', 'job-retry') });
  });

  it('a double click sends the same id twice (Flink runs one savepoint)', async () => {
    const sent = fakeCluster((req) => ({ status: 202, body: { 'request-id': req.body?.triggerId } }));
    const { wrapper } = setup();
    const { result } = renderHook(() => useTriggerSavepoint('c', 'job-double'), { wrapper });
    await act(async () => {
      await Promise.all([result.current.mutateAsync({}), result.current.mutateAsync({})]);
    });
    const ids = sent.filter((r) => r.method === 'POST').map((r) => r.body?.triggerId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });

  it('a click while the savepoint is still IN_PROGRESS reuses the id; after COMPLETED a new one is made', async () => {
    let state: 'IN_PROGRESS' | 'COMPLETED' = 'IN_PROGRESS';
    const sent = fakeCluster((req) =>
      req.method === 'POST'
        ? { status: 202, body: { 'request-id': req.body?.triggerId } }
        : { body: { status: { id: state } } },
    );
    const { wrapper } = setup();
    const { result } = renderHook(() => useTriggerSavepoint('c', 'job-later'), { wrapper });
    const click = () => act(async () => void (await result.current.mutateAsync({})));
    await click();
    await click();
    state = 'COMPLETED';
    await click();
    const ids = sent.filter((r) => r.method === 'POST').map((r) => r.body?.triggerId);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
    expect(sent.filter((r) => r.method === 'GET').map((r) => r.path)).toEqual([
      `/api/c/jobs/job-later/savepoints/${ids[0]}`,
      `/api/c/jobs/job-later/savepoints/${ids[0]}`,
    ]);
  });

  it('stop-with-savepoint and checkpoint send their bodies with a trigger id', async () => {
    const sent = fakeCluster((req) => ({ status: 202, body: { 'request-id': req.body?.triggerId } }));
    const { wrapper } = setup();
    const stop = renderHook(() => useStopWithSavepoint('c', 'job-stop'), { wrapper }).result;
    const cp = renderHook(() => useTriggerCheckpoint('c', 'job-stop'), { wrapper }).result;
    await act(async () => {
      await stop.current.mutateAsync({ drain: true, targetDirectory: 's3://sp' });
      await cp.current.mutateAsync({ checkpointType: 'FULL' });
    });
    expect(sent[0]).toMatchObject({ method: 'POST', path: '/api/c/jobs/job-stop/stop' });
    expect(sent[0]!.body).toEqual({
      drain: true,
      targetDirectory: 's3://sp',
      triggerId: expect.stringMatching(TRIGGER_ID_PATTERN),
    });
    expect(sent[1]).toMatchObject({ method: 'POST', path: '/api/c/jobs/job-stop/checkpoints' });
    expect(sent[1]!.body).toEqual({
      checkpointType: 'FULL',
      triggerId: expect.stringMatching(TRIGGER_ID_PATTERN),
    });
  });

  it('running a jar sends a browser-made job id, reused when the submission timed out', async () => {
    let n = 0;
    const sent = fakeCluster((req) => (++n === 1 ? 'network-error' : { body: { jobid: req.body?.jobId } }));
    const { wrapper } = setup();
    const { result } = renderHook(() => useRunJar('c'), { wrapper });
    await act(async () => {
      await result.current.mutateAsync({ jarId: 'a_job.jar' }).catch(() => undefined);
      await result.current.mutateAsync({ jarId: 'a_job.jar' });
    });
    expect(sent[0]!.body?.jobId).toMatch(TRIGGER_ID_PATTERN);
    expect(sent[1]!.body?.jobId).toBe(sent[0]!.body?.jobId);
  });
});

describe('other actions', () => {
  it('savepoint disposal: a double click sends one request (Flink makes that trigger id)', async () => {
    const sent = fakeCluster(() => ({ body: { 'request-id': 'f'.repeat(32) } }));
    const { wrapper } = setup();
    const { result } = renderHook(() => useDisposeSavepoint('c'), { wrapper });
    let ids: { triggerId: string }[] = [];
    await act(async () => {
      ids = await Promise.all([
        result.current.mutateAsync('file:/sp/1'),
        result.current.mutateAsync('file:/sp/1'),
      ]);
    });
    expect(sent.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(ids).toEqual([{ triggerId: 'f'.repeat(32) }, { triggerId: 'f'.repeat(32) }]);
  });

  it('cancel sends PATCH ?mode=cancel and invalidates the job', async () => {
    const sent = fakeCluster(() => ({ status: 202, body: {} }));
    const { qc, wrapper } = setup();
    const invalidate = vi.spyOn(qc, 'invalidateQueries');
    const { result } = renderHook(() => useCancelJob('c', 'job-cancel'), { wrapper });
    await act(async () => result.current.mutateAsync());
    expect(sent[0]).toMatchObject({ method: 'PATCH', path: '/api/c/jobs/job-cancel' });
    expect(sent[0]!.search.get('mode')).toBe('cancel');
    expect(invalidate).toHaveBeenCalledWith({ queryKey: flinkKeys.job('c', 'job-cancel') });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: flinkKeys.jobsOverview('c') });
  });
});

describe('operation status', () => {
  it('polls until COMPLETED, then exposes the location and stops', async () => {
    let polls = 0;
    const sent = fakeCluster(() => {
      polls++;
      return polls < 2
        ? { body: { status: { id: 'IN_PROGRESS' }, operation: null } }
        : { body: { status: { id: 'COMPLETED' }, operation: { location: 'file:/sp/savepoint-1' } } };
    });
    const { wrapper } = setup();
    const { result } = renderHook(() => useSavepointStatus('c', 'j', 't'), { wrapper });
    await waitFor(() => expect(result.current.data?.done).toBe(true), { timeout: 4000 });
    expect(result.current.data).toEqual({ done: true, result: 'file:/sp/savepoint-1', failure: undefined });
    const count = sent.length;
    await new Promise((r) => setTimeout(r, 1500));
    expect(sent.length).toBe(count);
  });

  it('exposes the failure cause with class and stack trace', async () => {
    fakeCluster(() => ({
      body: {
        status: { id: 'COMPLETED' },
        operation: {
          'failure-cause': {
            class: 'java.util.concurrent.CompletionException',
            'stack-trace': 'at x',
            'serialized-throwable': 'rO0AB',
          },
        },
      },
    }));
    const { wrapper } = setup();
    const { result } = renderHook(() => useSavepointStatus('c', 'j', 't2'), { wrapper });
    await waitFor(() => expect(result.current.data?.done).toBe(true));
    expect(result.current.data?.failure).toEqual({
      className: 'java.util.concurrent.CompletionException',
      stackTrace: 'at x',
    });
    expect(result.current.data?.result).toBeUndefined();
  });
});

describe('useVerticesMetrics', () => {
  it('sends one request per vertex for all metrics, and combines the values', async () => {
    const sent = fakeCluster((req) => {
      if (req.path.endsWith('/subtasks/metrics')) {
        const v = req.path.split('/')[6];
        return {
          body: [
            { id: 'busyTimeMsPerSecond', max: v === 'v1' ? 900 : 10 },
            { id: 'backPressuredTimeMsPerSecond', max: 'NaN' },
          ],
        };
      }
      // job details: running, so metrics poll
      return { body: { state: 'RUNNING' } };
    });
    const { wrapper } = setup();
    const metrics = ['busyTimeMsPerSecond', 'backPressuredTimeMsPerSecond'];
    const { result } = renderHook(() => useVerticesMetrics('c', 'j', ['v1', 'v2', 'v3'], metrics), {
      wrapper,
    });
    await waitFor(() => expect(result.current.isPending).toBe(false));
    const metricCalls = sent.filter((r) => r.path.endsWith('/subtasks/metrics'));
    expect(metricCalls.map((r) => r.path)).toEqual([
      '/api/c/jobs/j/vertices/v1/subtasks/metrics',
      '/api/c/jobs/j/vertices/v2/subtasks/metrics',
      '/api/c/jobs/j/vertices/v3/subtasks/metrics',
    ]);
    expect(metricCalls[0]!.search.get('get')).toBe('backPressuredTimeMsPerSecond,busyTimeMsPerSecond');
    expect(metricCalls[0]!.search.get('agg')).toBe('max');
    expect(result.current.byVertex.v1).toEqual({
      busyTimeMsPerSecond: 900,
      backPressuredTimeMsPerSecond: undefined,
    });
    expect(result.current.byVertex.v3?.busyTimeMsPerSecond).toBe(10);
  });
});
