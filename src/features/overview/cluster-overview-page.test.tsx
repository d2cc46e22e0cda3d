import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JobOverview, JobsOverview } from '@/api/flink/schemas';
import { fakeFlinkCluster, fixture, renderAt } from '@/components/testing/fake-flink';

afterEach(() => vi.unstubAllGlobals());

/** `count` running copies of the recorded running job, each with its own id and start time. */
function manyRunning(count: number): JobsOverview {
  const recorded = fixture<JobsOverview>('jobs__overview.json');
  const running = recorded.jobs.find((j) => j.state === 'RUNNING') as JobOverview;
  const jobs = Array.from({ length: count }, (_, i) => ({
    ...running,
    jid: i.toString(16).padStart(32, '0'),
    name: `job ${i}`,
    'start-time': running['start-time'] + i,
  }));
  return { jobs };
}

describe('cluster overview', () => {
  it('lists at most 50 running jobs, newest first, and links to the Jobs page for the rest', async () => {
    fakeFlinkCluster({ '/jobs/overview': manyRunning(120) });
    renderAt('/clusters/demo/overview');
    const section = await screen.findByTestId('running-jobs');
    expect(section).toHaveTextContent('Running jobs (120)');
    const links = await within(section).findAllByRole('link', { name: /^job \d+$/ });
    expect(links).toHaveLength(50);
    expect(links[0]).toHaveTextContent('job 119');
    expect(within(section).getByText(/Showing 50 of 120/)).toBeInTheDocument();
    expect(within(section).getByTestId('running-jobs-all')).toHaveAttribute('href', '/clusters/demo/jobs');
  });

  it('shows every running job when they fit, with no "showing" line', async () => {
    fakeFlinkCluster({ '/jobs/overview': manyRunning(3) });
    renderAt('/clusters/demo/overview');
    const section = await screen.findByTestId('running-jobs');
    expect(await within(section).findAllByRole('link', { name: /^job \d+$/ })).toHaveLength(3);
    expect(within(section).queryByTestId('running-jobs-all')).not.toBeInTheDocument();
  });
});
