import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetKnownJobs } from '@/api/flink/known-jobs-store';
import { overviewFromDetails } from '@/api/flink/lost-jobs';
import type { JobDetails } from '@/api/flink/schemas';
import { fixture, renderApp } from './testing/fake-cluster';

/*
 * A Flink cluster `demo` whose History Server is the archive cluster `demo-history`, answering
 * with the real 2.2.1 History Server's recorded answers (e2e/fixtures/flink/2.2/history-server).
 */
const HS = import.meta.glob<unknown>('/e2e/fixtures/flink/2.2/history-server/*.json', {
  eager: true,
  import: 'default',
});
const hs = <T,>(f: string) => structuredClone(HS[`/e2e/fixtures/flink/2.2/history-server/${f}`]) as T;
const archived = hs<JobDetails>('jobs__jobid.json');
const running = fixture<JobDetails>('jobs__jobid.json');

function clusters(historyHas: (path: string) => unknown) {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const u = new URL(input, 'http://dashboard.test');
      if (u.pathname === '/api/clusters') {
        return Response.json({
          clusters: [
            {
              id: 'demo',
              name: 'Demo',
              kind: 'flink',
              hasPrometheus: false,
              historyClusterId: 'demo-history',
            },
            {
              id: 'demo-history',
              name: 'Demo · History Server',
              kind: 'flink',
              hasPrometheus: false,
              archive: true,
            },
          ],
          readOnly: false,
          triage: {},
        });
      }
      asked.push(u.pathname);
      const history = /^\/api\/demo-history(\/.*)$/.exec(u.pathname)?.[1];
      const body =
        history !== undefined
          ? history === '/config'
            ? hs('config.json')
            : historyHas(history)
          : u.pathname === '/api/demo/config'
            ? fixture('config.json')
            : undefined;
      return body === undefined ? Response.json(hs('not-found.json'), { status: 404 }) : Response.json(body);
    }),
  );
  return asked;
}

beforeEach(() => {
  localStorage.clear();
  resetKnownJobs();
});
afterEach(() => vi.unstubAllGlobals());

describe('an archived job (History Server)', () => {
  it('opens marked archived, without live-only tabs, with no enabled action, and asks no metrics', async () => {
    const asked = clusters((p) => (p === `/jobs/${archived.jid}` ? archived : undefined));
    renderApp(`/clusters/demo-history/jobs/${archived.jid}`);
    expect(await screen.findByTestId('archived-banner')).toHaveTextContent('never changes');
    expect(screen.getByTestId('job-state')).toHaveTextContent('FINISHED');
    expect(screen.getByTestId('archived-mark')).toHaveTextContent('ARCHIVED');
    expect(screen.queryByTestId('job-tab-backpressure')).not.toBeInTheDocument();
    expect(screen.queryByTestId('job-tab-flamegraph')).not.toBeInTheDocument();
    expect(screen.getByTestId('job-tab-checkpoints')).toBeInTheDocument();
    for (const b of within(screen.getByTestId('job-actions')).queryAllByRole('button')) {
      expect(b).toBeDisabled();
    }
    expect(asked.filter((p) => p.startsWith('/api/demo-history/') && p.includes('metrics'))).toEqual([]);
  });
});

describe('the job-gone page with a History Server', () => {
  const remember = () =>
    resetKnownJobs({
      demo: { [running.jid]: { job: overviewFromDetails(running), seenAt: Date.now() - 5000 } },
    });

  it('links to the archived job in the app when the archive holds it', async () => {
    remember();
    clusters((p) => (p === `/jobs/${running.jid}` ? running : undefined));
    renderApp(`/clusters/demo/jobs/${running.jid}`);
    expect(await screen.findByTestId('job-gone-archived')).toHaveAttribute(
      'href',
      `/clusters/demo-history/jobs/${running.jid}`,
    );
  });

  it('says plainly when the archive does not hold it', async () => {
    remember();
    clusters(() => undefined);
    renderApp(`/clusters/demo/jobs/${running.jid}`);
    expect(await screen.findByTestId('job-gone-not-archived')).toHaveTextContent(
      "Not in the History Server's archive",
    );
    expect(screen.queryByTestId('job-gone-archived')).not.toBeInTheDocument();
  });
});
