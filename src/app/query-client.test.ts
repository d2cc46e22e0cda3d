import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryObserver, focusManager, type QueryClient } from '@tanstack/react-query';
import { request } from '@/api/http';
import { fixture } from '@/components/testing/fake-flink';
import { createQueryClient } from './query-client';

/*
 * The query client's rule for answers that say "not supported here": asked once, then not
 * polled, not refetched on focus or invalidation; anything else keeps being polled. Requests go
 * through the real fetch wrapper to a stubbed fetch, answering with recorded Flink 2.2.1 bodies.
 */

const POLL_MS = 3000;
const PATH = '/jobs/:jobid/resource-requirements';
const URL = '/api/c/jobs/j1/resource-requirements';

let client: QueryClient;
let stop: (() => void) | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  client = createQueryClient();
});

afterEach(() => {
  stop?.();
  client.clear();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Answers every request with `status` and `body`; returns the list of URLs asked. */
function cluster(answer: () => { status: number; body: unknown } | 'hang') {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init?: RequestInit) => {
      asked.push(url);
      const a = answer();
      if (a === 'hang') {
        return new Promise<Response>((_, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        );
      }
      return Promise.resolve(new Response(JSON.stringify(a.body), { status: a.status }));
    }),
  );
  return asked;
}

/** A page's polled query, as the hooks build it: the poll interval from the polling policy. */
function observe(path = PATH, timeoutMs?: number) {
  const observer = new QueryObserver(client, {
    queryKey: ['flink', 'c', path, timeoutMs],
    queryFn: ({ signal }) =>
      request({ base: '/api/c', path, params: { jobid: 'j1' }, signal, ...(timeoutMs ? { timeoutMs } : {}) }),
    refetchInterval: POLL_MS,
  });
  stop = observer.subscribe(() => undefined);
  return observer;
}

const defaultScheduler = fixture<object>('jobs__jobid__resource-requirements--default-scheduler.json');
const noRoute = fixture<object>('unknown--not-found.json');
const jobGone = fixture<object>('jobs__jobid--not-found.json');

describe('an answer that says "not supported here"', () => {
  it('is asked once: not polled, not refetched on focus or invalidation', async () => {
    const asked = cluster(() => ({ status: 500, body: defaultScheduler }));
    const observer = observe();
    await vi.advanceTimersByTimeAsync(POLL_MS * 10);
    expect(asked).toEqual([URL]);
    expect(observer.getCurrentResult().error?.message).toContain('DefaultScheduler does not support');

    focusManager.setFocused(false);
    focusManager.setFocused(true);
    await client.invalidateQueries({ queryKey: ['flink', 'c'] });
    await vi.advanceTimersByTimeAsync(POLL_MS * 5);
    expect(asked).toHaveLength(1);
    focusManager.setFocused(undefined);
  });

  it('is asked again when the user presses retry, and polled again once it answers', async () => {
    let status = 404;
    const asked = cluster(() => (status === 404 ? { status, body: noRoute } : { status, body: {} }));
    const observer = observe('/jobmanager/profiler');
    await vi.advanceTimersByTimeAsync(POLL_MS * 4);
    expect(asked).toHaveLength(1);

    status = 200;
    await observer.refetch();
    expect(asked).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(POLL_MS * 3);
    expect(asked).toHaveLength(5);
  });
});

describe('a failure that may pass', () => {
  it('keeps a genuine 500 polled', async () => {
    const asked = cluster(() => ({
      status: 500,
      body: {
        errors: ['Internal server error.', '<Exception on server side:\njava.lang.NullPointerException'],
      },
    }));
    observe();
    await vi.advanceTimersByTimeAsync(POLL_MS * 4 + 100);
    expect(asked).toHaveLength(5);
  });

  it('keeps a 404 for a job the cluster no longer knows polled (the job page must notice it is back or gone)', async () => {
    const asked = cluster(() => ({ status: 404, body: jobGone }));
    observe('/jobs/:jobid');
    await vi.advanceTimersByTimeAsync(POLL_MS * 4 + 100);
    expect(asked).toHaveLength(5);
  });

  it('keeps a timed-out query polled (with its one quick retry)', async () => {
    const asked = cluster(() => 'hang');
    observe(PATH, 1000);
    // 1 s timeout, 1 s retry delay, 1 s timeout again, then the poll every 3 s.
    await vi.advanceTimersByTimeAsync(3000);
    expect(asked).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(POLL_MS * 3);
    expect(asked.length).toBeGreaterThanOrEqual(4);
  });
});

describe("a History Server's archive", () => {
  const settings = (archive: boolean) => ({
    clusters: [{ id: 'c', name: 'c', kind: 'flink', hasPrometheus: false, monitored: false, archive }],
    readOnly: false,
    triage: {},
  });

  it('is asked once: never polled, not refetched on focus (an archived job never changes)', async () => {
    client.setQueryData(['dashboard', 'settings'], settings(true));
    const asked = cluster(() => ({ status: 200, body: {} }));
    observe('/jobs/:jobid');
    await vi.advanceTimersByTimeAsync(POLL_MS * 10);
    focusManager.setFocused(false);
    focusManager.setFocused(true);
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(asked).toEqual(['/api/c/jobs/j1']);
    focusManager.setFocused(undefined);
  });

  it('is never asked for what only a running JobManager has (metrics, back-pressure, ...)', async () => {
    client.setQueryData(['dashboard', 'settings'], settings(true));
    const asked = cluster(() => ({ status: 200, body: [] }));
    const observer = new QueryObserver(client, {
      queryKey: ['flink', 'c', 'jobs', 'j1', 'vertices', 'v1', 'subtasks-metrics', {}],
      queryFn: ({ signal }) => request({ base: '/api/c', path: '/jobs/j1/metrics', signal }),
    });
    stop = observer.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(POLL_MS * 2);
    expect(asked).toEqual([]);
  });

  it('leaves a live cluster polled', async () => {
    client.setQueryData(['dashboard', 'settings'], settings(false));
    const asked = cluster(() => ({ status: 200, body: {} }));
    observe('/jobs/:jobid');
    await vi.advanceTimersByTimeAsync(POLL_MS * 2 + 100);
    expect(asked).toHaveLength(3);
  });
});
