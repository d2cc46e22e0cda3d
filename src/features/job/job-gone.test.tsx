import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetKnownJobs } from '@/api/flink/known-jobs-store';
import { overviewFromDetails } from '@/api/flink/lost-jobs';
import type { JobDetails } from '@/api/flink/schemas';
import { fakeFlink, fixture, renderApp } from './testing/fake-cluster';

const running = fixture<JobDetails>('jobs__jobid.json');
const notFound = { status: 404, body: fixture<unknown>('jobs__jobid--not-found.json') };
const fastConfig = () => ({ ...fixture<Record<string, unknown>>('config.json'), 'refresh-interval': 200 });

beforeEach(() => {
  localStorage.clear();
  resetKnownJobs();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function expectNoEnabledAction() {
  const buttons = within(screen.getByTestId('job-actions')).queryAllByRole('button');
  for (const b of buttons) {
    expect(b).toBeDisabled();
    expect(b).toHaveAttribute('title', expect.stringMatching(/no longer knows this job/));
  }
  return buttons.length;
}

describe('a job the cluster no longer knows', () => {
  it('seen on this page, then 404: says so, keeps the last data marked, stops the clock, disables every action', async () => {
    let gone = false;
    const sent = fakeFlink({
      '/config': fastConfig(),
      [`/jobs/${running.jid}`]: () => (gone ? notFound : running),
    });
    const asked = () => sent.filter((r) => r.path === `/jobs/${running.jid}`).length;
    renderApp(`/clusters/demo/jobs/${running.jid}/configuration`);
    expect(await screen.findByTestId('action-savepoint')).toBeEnabled();
    expect(screen.getByTestId('job-duration')).toHaveAttribute('data-live', 'true');

    gone = true;
    const banner = await screen.findByTestId('job-gone');
    expect(banner).toHaveTextContent('The cluster demo no longer knows this job.');
    expect(screen.getByTestId('job-gone-since')).toHaveTextContent('it was last seen RUNNING at');
    expect(banner).toHaveAttribute('data-cause', 'unknown');
    expect(screen.getByTestId('job-gone-no-history')).toBeInTheDocument();
    // Last known data, marked as such; not the "not found" page.
    expect(screen.getByTestId('job-name')).toHaveTextContent(running.name);
    expect(screen.getByTestId('job-state')).toHaveTextContent('LOST');
    expect(screen.getByTestId('last-known-mark')).toHaveTextContent('last known RUNNING');
    expect(screen.queryByTestId('job-not-found')).not.toBeInTheDocument();
    // The duration no longer counts.
    const duration = screen.getByTestId('job-duration');
    expect(duration).toHaveAttribute('data-live', 'false');
    const shown = duration.textContent;
    const before = asked();
    await act(() => new Promise((r) => setTimeout(r, 1300)));
    expect(screen.getByTestId('job-duration').textContent).toBe(shown);
    // Asked again only slowly (every 10 s, in case it comes back), not at the 200 ms poll.
    expect(asked() - before).toBeLessThanOrEqual(1);
    expect(expectNoEnabledAction()).toBeGreaterThan(0);
  });

  it('remembered from an earlier visit: the last known list entry and a link to the History Server', async () => {
    resetKnownJobs({
      demo: { [running.jid]: { job: overviewFromDetails(running), seenAt: Date.now() - 5000 } },
    });
    fakeFlink({ [`/jobs/${running.jid}`]: notFound }, { historyUrl: 'http://history.test:8082' });
    renderApp(`/clusters/demo/jobs/${running.jid}`);
    expect(await screen.findByTestId('job-gone')).toBeInTheDocument();
    expect(screen.getByTestId('job-name')).toHaveTextContent(running.name);
    expect(screen.getByTestId('job-state')).toHaveTextContent('LOST');
    expect(screen.getByTestId('job-gone-history')).toHaveAttribute(
      'href',
      `http://history.test:8082/#/job/completed/${running.jid}/overview`,
    );
    expectNoEnabledAction();
  });

  it('a job this dashboard never saw gets the plain "not found" page', async () => {
    fakeFlink({ [`/jobs/${running.jid}`]: notFound });
    renderApp(`/clusters/demo/jobs/${running.jid}`);
    expect(await screen.findByTestId('job-not-found')).toHaveTextContent('Job not found');
    expect(screen.queryByTestId('job-gone')).not.toBeInTheDocument();
  });
});
