import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demo, fakeLayout, fakeSeaTunnel, recorded, renderApp } from './testing/fake-seatunnel';

let restoreLayout: () => void = () => undefined;
beforeEach(() => {
  localStorage.clear();
  restoreLayout = fakeLayout();
});
afterEach(() => {
  restoreLayout();
  vi.unstubAllGlobals();
});

const lists = {
  'GET /running-jobs': recorded('running-jobs.json'),
  'GET /finished-jobs': recorded('finished-jobs.json'),
  'GET /system-monitoring-information': recorded('system-monitoring-information.json'),
};

describe('SeaTunnel overview', () => {
  it('shows the engine’s figures from a real 2.3.8 /overview', async () => {
    fakeSeaTunnel({ 'GET /overview': recorded('overview.json'), ...lists });
    renderApp('/clusters/st/overview');
    const engine = await screen.findByTestId('st-engine');
    await waitFor(() => expect(engine).toHaveTextContent('SeaTunnel 2.3.8 · commit 8604631 · REST v1'));
    expect(screen.getByTestId('st-workers-value')).toHaveTextContent('1');
    expect(screen.getByTestId('st-total-slots-value')).toHaveTextContent('0');
    expect(screen.getByTestId('st-finished-value')).toHaveTextContent('2');
    expect(screen.getByTestId('st-failed-value')).toHaveTextContent('1');
    expect(screen.getByTestId('st-cancelled-value')).toHaveTextContent('3');
    expect(screen.getByTestId('st-failed-card')).toHaveAttribute('data-source', 'engine');
    // 2.3.8 has no pendingJobs: counted from the running list instead, and said so.
    expect(screen.getByTestId('st-pending-card')).toHaveAttribute('data-source', 'derived');
    const running = await screen.findByTestId('st-running-jobs');
    expect(within(running).getByText('1176804500430782465')).toBeInTheDocument();
  });

  it('shows demo-shaped (v2) figures, and passes the tag filter from the URL to /overview', async () => {
    const sent = fakeSeaTunnel({ 'GET /overview': demo('demo-overview.json'), ...lists }, { flavour: 'v2' });
    renderApp('/clusters/st/overview?tags=node%3Dnode1');
    const engine = await screen.findByTestId('st-engine');
    await waitFor(() => expect(engine).toHaveTextContent('SeaTunnel 2.3.12 · commit 5a1f9c3 · REST v2'));
    expect(screen.getByTestId('st-workers-value')).toHaveTextContent('2');
    expect(screen.getByTestId('st-tag-filter')).toHaveValue('node=node1');
    await waitFor(() =>
      expect(sent.some((s) => s.path === '/overview' && s.search.get('node') === 'node1')).toBe(true),
    );
  });

  it('derives job counts from the lists when the engine has no /overview, and says what it cannot know', async () => {
    fakeSeaTunnel({ 'GET /overview': { status: 400, body: '' }, ...lists });
    renderApp('/clusters/st/overview');
    expect(await screen.findByTestId('st-overview-missing')).toHaveTextContent(/GET \S*\/overview: HTTP 400/);
    await waitFor(() =>
      expect(screen.getByTestId('st-failed-card')).toHaveAttribute('data-source', 'derived'),
    );
    expect(screen.getByTestId('st-failed-value')).toHaveTextContent('1');
    expect(screen.getByTestId('st-workers-card')).toHaveAttribute('data-source', 'derived');
    expect(screen.getByTestId('st-total-slots-card')).toHaveTextContent('not reported');
    expect(screen.getByTestId('st-engine')).toHaveTextContent('version not reported');
  });
});

describe('SeaTunnel jobs', () => {
  it('lists running and finished jobs with exact 64-bit ids, searchable and filtered from the URL', async () => {
    fakeSeaTunnel(lists);
    const { location } = renderApp('/clusters/st/jobs?state=FAILED');
    const table = await screen.findByTestId('jobs-table');
    await waitFor(() => expect(within(table).getAllByTestId('job-id-cell')).toHaveLength(1));
    expect(within(table).getByTestId('job-id-cell')).toHaveTextContent('1176804500431175681');
    expect(screen.getByTestId('state-chip-FAILED')).toHaveAttribute('aria-pressed', 'true');

    fireEvent.click(screen.getByTestId('state-chip-All'));
    await waitFor(() => expect(location().search).toEqual({}));
    fireEvent.change(screen.getByTestId('jobs-search'), { target: { value: '733584788375666689' } });
    await waitFor(() => expect(location().search).toMatchObject({ q: '733584788375666689' }));
    await waitFor(() =>
      expect(
        within(table)
          .getAllByTestId('job-id-cell')
          .map((c) => c.textContent),
      ).toEqual(['733584788375666689']),
    );
  });

  it('keeps a 64-bit id typed into the search exact in the URL', async () => {
    fakeSeaTunnel(lists);
    const { location } = renderApp('/clusters/st/jobs');
    const table = await screen.findByTestId('jobs-table');
    await within(table).findAllByTestId('job-id-cell');
    fireEvent.change(screen.getByTestId('jobs-search'), { target: { value: '1176804500431175681' } });
    await waitFor(() => expect(location().searchStr).toBe('?q=%221176804500431175681%22'));
    await waitFor(() =>
      expect(
        within(table)
          .getAllByTestId('job-id-cell')
          .map((c) => c.textContent),
      ).toEqual(['1176804500431175681']),
    );
  });

  it('sorts by a column kept in the URL', async () => {
    fakeSeaTunnel(lists);
    const { location } = renderApp('/clusters/st/jobs');
    const table = await screen.findByTestId('jobs-table');
    await within(table).findAllByTestId('job-id-cell');
    fireEvent.click(within(table).getByRole('button', { name: /Received/ }));
    await waitFor(() => expect(location().search).toMatchObject({ sort: 'received', desc: true }));
  });

  it('stops ticked running jobs together after a confirmation naming them, with exact ids', async () => {
    const sent = fakeSeaTunnel({
      ...lists,
      'GET /finished-jobs': '[]',
      'POST /stop-jobs': recorded('stop-jobs.json'),
    });
    renderApp('/clusters/st/jobs');
    const table = await screen.findByTestId('jobs-table');
    await waitFor(() => expect(within(table).getAllByTestId('job-id-cell')).toHaveLength(3));
    const boxes = within(table).getAllByRole('checkbox', { name: 'Select row' });
    fireEvent.click(boxes[0] as HTMLElement);
    fireEvent.click(boxes[1] as HTMLElement);
    fireEvent.click(screen.getByTestId('stop-selected'));
    const dialog = await screen.findByTestId('stop-jobs-dialog');
    // Newest first: the two jobs submitted together last.
    expect(dialog).toHaveTextContent('streamdash-streaming-b (733584788375666702)');
    expect(dialog).toHaveTextContent('streamdash-streaming-a (733584788375666701)');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Stop 2 jobs' })));
    const stop = sent.find((s) => s.method === 'POST' && s.path === '/stop-jobs');
    expect(stop?.body).toBe(
      '[{"jobId":733584788375666702,"isStopWithSavePoint":false},{"jobId":733584788375666701,"isStopWithSavePoint":false}]',
    );
    await waitFor(() => expect(screen.queryByTestId('stop-jobs-dialog')).not.toBeInTheDocument());
  });

  it('offers no selection or stop in read-only mode', async () => {
    fakeSeaTunnel(lists, { readOnly: true });
    renderApp('/clusters/st/jobs');
    const table = await screen.findByTestId('jobs-table');
    await within(table).findAllByTestId('job-id-cell');
    expect(screen.queryByTestId('stop-selected')).not.toBeInTheDocument();
    expect(within(table).queryAllByRole('checkbox')).toHaveLength(0);
  });
});
