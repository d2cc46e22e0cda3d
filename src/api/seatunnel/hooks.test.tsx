import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetDetectedFlavours } from './detect-flavour';
import { useSeaTunnelStopJob, useSeaTunnelSubmitJob } from './mutations';
import { useSeaTunnelFinishedJobs, useSeaTunnelJob } from './queries';

const ROOT = join(process.cwd(), 'e2e/fixtures/seatunnel');
const BIG_ID = '733584788375666689';
const RUNNING_ID = '1176804500430782465';

/** The recorded v1 answer text (the real engine here serves v1 only). */
function recorded(file: string): string {
  for (const version of readdirSync(ROOT).sort().reverse()) {
    const path = join(ROOT, version, 'v1', file);
    if (existsSync(path)) return readFileSync(path, 'utf8');
  }
  throw new Error(`no recorded ${file}`);
}

const SETTINGS = JSON.stringify({
  clusters: [{ id: 'st', name: 'SeaTunnel', kind: 'seatunnel', flavour: 'auto', hasPrometheus: false }],
  readOnly: false,
  triage: {},
});

/** A v1-only engine answering with recorded bodies; records every request as `METHOD path body`. */
function fakeV1Engine() {
  const asked: string[] = [];
  const routes: Record<string, string> = {
    'GET /hazelcast/rest/maps/overview': recorded('overview.json'),
    [`GET /hazelcast/rest/maps/job-info/${BIG_ID}`]: recorded('job-info-finished.json'),
    [`GET /hazelcast/rest/maps/job-info/${RUNNING_ID}`]: recorded('job-info-running.json'),
    'GET /hazelcast/rest/maps/finished-jobs': recorded('finished-jobs.json'),
    'GET /hazelcast/rest/maps/running-jobs': recorded('running-jobs.json'),
    'POST /hazelcast/rest/maps/stop-job': `{"jobId":"${BIG_ID}"}`,
    'POST /hazelcast/rest/maps/submit-job': recorded('submit-job.json'),
  };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      if (url === '/api/clusters') return new Response(SETTINGS);
      const path = url.replace(/^\/api\/st/, '').split('?')[0] ?? '';
      const key = `${init.method ?? 'GET'} ${path}`;
      asked.push(init.body ? `${key} ${String(init.body)}` : key);
      const body = routes[key];
      return body === undefined ? new Response('', { status: 400 }) : new Response(body);
    }),
  );
  return asked;
}

function wrapper() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return function Providers({ children }: { children: ReactNode }) {
    return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  };
}

beforeEach(() => forgetDetectedFlavours());
afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('SeaTunnel hooks against a recorded v1 engine', () => {
  it('carries the 64-bit id from a response into the stop-job body exactly, then refreshes the job', async () => {
    const asked = fakeV1Engine();
    const Wrapper = wrapper();
    const { result } = renderHook(
      () => ({ job: useSeaTunnelJob('st', BIG_ID), stop: useSeaTunnelStopJob('st') }),
      {
        wrapper: Wrapper,
      },
    );
    await waitFor(() => expect(result.current.job.data).toBeTruthy());
    const jobId = result.current.job.data?.jobId ?? '';
    expect(jobId).toBe(BIG_ID);

    await act(() => result.current.stop.mutateAsync({ jobId, withSavepoint: false }));
    expect(asked).toContain(
      `POST /hazelcast/rest/maps/stop-job {"jobId":${BIG_ID},"isStopWithSavePoint":false}`,
    );
    await waitFor(() => expect(asked.filter((a) => a.endsWith(`job-info/${BIG_ID}`))).toHaveLength(2));
  });

  it('polls a running job but not a finished one', async () => {
    localStorage.setItem('streamdash.poll-interval', '500');
    const asked = fakeV1Engine();
    const Wrapper = wrapper();
    const { result } = renderHook(() => [useSeaTunnelJob('st', RUNNING_ID), useSeaTunnelJob('st', BIG_ID)], {
      wrapper: Wrapper,
    });
    await waitFor(() => expect(result.current.every((q) => q.data)).toBe(true));
    await new Promise((r) => setTimeout(r, 1300));
    expect(asked.filter((a) => a.endsWith(`job-info/${RUNNING_ID}`)).length).toBeGreaterThanOrEqual(2);
    expect(asked.filter((a) => a.endsWith(`job-info/${BIG_ID}`))).toHaveLength(1);
  });

  it('lists finished jobs normalised, and a submit refreshes the lists', async () => {
    const asked = fakeV1Engine();
    const Wrapper = wrapper();
    const { result } = renderHook(
      () => ({ finished: useSeaTunnelFinishedJobs('st'), submit: useSeaTunnelSubmitJob('st') }),
      {
        wrapper: Wrapper,
      },
    );
    await waitFor(() => expect(result.current.finished.data).toBeDefined());
    expect(result.current.finished.data?.[0]).toMatchObject({ jobId: BIG_ID, jobStatus: 'FINISHED' });

    const submitted = await act(() =>
      result.current.submit.mutateAsync({ config: { env: {} }, jobId: BIG_ID }),
    );
    expect(submitted.jobId).toBe(BIG_ID);
    await waitFor(() =>
      expect(asked.filter((a) => a === 'GET /hazelcast/rest/maps/finished-jobs')).toHaveLength(2),
    );
  });
});
