import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JobOverview, JobsOverview } from '@/api/flink/schemas';
import { fakeFlink, fakeLayout, fixture, renderApp } from './testing/fake-cluster';

const overview = fixture<JobsOverview>('jobs__overview.json');
const byName = (name: string) => overview.jobs.find((j) => j.name === name) as JobOverview;

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = fakeLayout();
});
afterAll(() => restoreLayout());
afterEach(() => vi.unstubAllGlobals());

function rowNames() {
  const table = screen.getByTestId('jobs-table');
  return within(table)
    .getAllByRole('row')
    .filter(
      (r) =>
        r.getAttribute('aria-rowindex') !== '1' && !r.hasAttribute('aria-hidden') && r.querySelector('a'),
    )
    .map((r) => r.querySelector('a')?.textContent);
}

describe('jobs page (recorded Flink 2.2 /jobs/overview)', () => {
  it('lists every job, running ones first, with state chips and counts', async () => {
    fakeFlink({ '/jobs/overview': overview });
    renderApp('/clusters/demo/jobs');
    await screen.findByTestId('jobs-table');
    await waitFor(() => expect(rowNames()).toHaveLength(overview.jobs.length));
    expect(rowNames().slice(0, 3).sort()).toEqual(
      overview.jobs
        .filter((j) => j.state === 'RUNNING')
        .map((j) => j.name)
        .sort(),
    );
    const chips = screen.getByTestId('state-chips');
    const count = (label: string) =>
      within(chips).getByTestId(`state-chip-${label}`).querySelector('[data-testid="chip-count"]')
        ?.textContent;
    expect(count('All')).toBe(String(overview.jobs.length));
    expect(count('RUNNING')).toBe('3');
    expect(count('FINISHED')).toBe('2');
    expect(count('FAILED')).toBe('1');
  });

  it('filters by state and search, sorts, and keeps all of it in the URL', async () => {
    fakeFlink({ '/jobs/overview': overview });
    const { location } = renderApp('/clusters/demo/jobs');
    await screen.findByTestId('jobs-table');

    fireEvent.click(screen.getByTestId('state-chip-FINISHED'));
    await waitFor(() => expect(location().search).toEqual({ state: 'FINISHED' }));
    await waitFor(() => expect(rowNames()).toHaveLength(2));

    fireEvent.click(screen.getByTestId('state-chip-CANCELED'), { ctrlKey: true });
    await waitFor(() => expect(location().search).toEqual({ state: 'FINISHED,CANCELED' }));
    await waitFor(() => expect(rowNames()).toHaveLength(3));

    fireEvent.change(screen.getByTestId('jobs-search'), { target: { value: 'target' } });
    await waitFor(() => expect(location().search).toMatchObject({ q: 'target' }));
    await waitFor(() =>
      expect(rowNames().sort()).toEqual(['streamdash cancel target', 'streamdash stop target']),
    );
    expect(screen.getByTestId('jobs-count')).toHaveTextContent(`2 of ${overview.jobs.length} jobs`);

    fireEvent.click(screen.getByRole('button', { name: /Duration/ }));
    await waitFor(() => expect(location().search).toMatchObject({ sort: 'duration', desc: true }));
    const cancel = byName('streamdash cancel target');
    const stop = byName('streamdash stop target');
    const longestFirst =
      cancel.duration >= stop.duration ? [cancel.name, stop.name] : [stop.name, cancel.name];
    await waitFor(() => expect(rowNames()).toEqual(longestFirst));
    fireEvent.click(screen.getByRole('button', { name: /Duration/ }));
    await waitFor(() => expect(location().search).toMatchObject({ sort: 'duration' }));
    expect(location().search).not.toHaveProperty('desc');
    await waitFor(() => expect(rowNames()).toEqual([...longestFirst].reverse()));
  });

  it('restores search, states and sort from a shared URL', async () => {
    fakeFlink({ '/jobs/overview': overview });
    renderApp('/clusters/demo/jobs?q=streamdash&state=RUNNING&sort=name&desc=true');
    await screen.findByTestId('jobs-table');
    await waitFor(() =>
      expect(rowNames()).toEqual(
        overview.jobs
          .filter((j) => j.state === 'RUNNING')
          .map((j) => j.name)
          .sort()
          .reverse(),
      ),
    );
    expect(screen.getByTestId('jobs-search')).toHaveValue('streamdash');
    expect(screen.getByTestId('state-chip-RUNNING')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('columnheader', { name: /Job/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('finds a job by its id and opens it on row click', async () => {
    const failing = byName('streamdash FailingJob');
    fakeFlink({ '/jobs/overview': overview });
    const { location } = renderApp(`/clusters/demo/jobs?q=${failing.jid.slice(0, 10)}`);
    await screen.findByTestId('jobs-table');
    await waitFor(() => expect(rowNames()).toEqual([failing.name]));
    const cell = screen.getByText(failing.jid);
    fireEvent.click(cell);
    await waitFor(() => expect(location().pathname).toBe(`/clusters/demo/jobs/${failing.jid}`));
  });

  it('says when nothing matches and clears the filters', async () => {
    fakeFlink({ '/jobs/overview': overview });
    const { location } = renderApp('/clusters/demo/jobs?q=no-such-job');
    expect(await screen.findByText(/No job matches these filters/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(location().search).toEqual({}));
    await waitFor(() => expect(rowNames()).toHaveLength(overview.jobs.length));
  });

  it('stays quick with 5,000 jobs: only visible rows are in the DOM', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({
      ...overview.jobs[i % overview.jobs.length]!,
      jid: i.toString(16).padStart(32, '0'),
      name: `job ${i}`,
    }));
    fakeFlink({ '/jobs/overview': { jobs: many } });
    renderApp('/clusters/demo/jobs');
    await screen.findByTestId('jobs-table');
    await waitFor(() => expect(screen.getByTestId('jobs-count')).toHaveTextContent('5000 jobs'));
    expect(rowNames().length).toBeGreaterThan(5);
    expect(rowNames().length).toBeLessThan(60);
  });
});
