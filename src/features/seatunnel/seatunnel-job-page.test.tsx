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

const RUNNING = '1176804500430782465';
const FAILED = '1176804500431175681';
const MULTI = '1003427735263641601';
const STALLED = '1003427881958424577';

describe('SeaTunnel job page', () => {
  it('shows a running 2.3.8 job: exact id, state, counts, DAG and its configuration', async () => {
    fakeSeaTunnel({
      [`GET /job-info/${RUNNING}`]: recorded('job-info-running.json'),
      'GET /overview': recorded('overview.json'),
    });
    const { location } = renderApp(`/clusters/st/jobs/${RUNNING}`);
    expect(await screen.findByTestId('job-id')).toHaveTextContent(RUNNING);
    expect(screen.getByTestId('job-state')).toHaveTextContent('RUNNING');
    expect(screen.getByRole('heading', { name: 'streamdash-streaming' })).toBeInTheDocument();
    expect(screen.getByTestId('job-created')).toHaveTextContent('2026-11-22 08:56:03');
    expect(screen.getByTestId('job-ended')).toHaveTextContent('still running');
    expect(screen.getByTestId('job-savepoint')).toHaveTextContent('no');
    expect(screen.getByTestId('received-count')).toHaveAttribute('data-exact', '10');
    expect(screen.getByTestId('written-count')).toHaveAttribute('data-exact', '10');
    expect(screen.getByTestId('job-dag')).toHaveTextContent('2 vertices');
    const metrics = screen.getByTestId('table-metrics');
    expect(within(metrics).getByText('All tables')).toBeInTheDocument();
    expect(within(metrics).getByText('fake')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('tab', { name: 'Configuration' }));
    await waitFor(() => expect(location().search).toMatchObject({ panel: 'configuration' }));
    expect(screen.getByTestId('env-options')).toHaveTextContent('checkpoint.interval');
    expect(screen.getByTestId('plugin-jars')).toHaveTextContent('connector-fake-2.3.8.jar');
  });

  it("says why a PENDING job waits, from the overview's slots and its env", async () => {
    const pending = recorded('job-info-running.json')
      .replace('"jobStatus":"RUNNING"', '"jobStatus":"PENDING"')
      .replace('"parallelism":"1"', '"parallelism":"4"');
    fakeSeaTunnel({
      [`GET /job-info/${RUNNING}`]: pending,
      'GET /overview': recorded('overview.json').replace(
        '"totalSlot":"0","unassignedSlot":"0"',
        '"totalSlot":"8","unassignedSlot":"2"',
      ),
    });
    renderApp(`/clusters/st/jobs/${RUNNING}`);
    const note = await screen.findByTestId('pending-explanation');
    expect(note).toHaveTextContent('Pending since 2026-11-22 08:56:03.');
    await waitFor(() =>
      expect(note).toHaveTextContent('it asks for parallelism 4 and 2 of 8 slots are free'),
    );
  });

  it('shows a 2.3.13 table counted as Source[0].fake and Sink[0].fake as one `fake` row', async () => {
    const id = '733584788375666699';
    fakeSeaTunnel(
      {
        [`GET /job-info/${id}`]: recorded('job-info-finished.json', '2.3.13/v2'),
        'GET /overview': recorded('overview.json', '2.3.13/v2'),
      },
      { flavour: 'v2' },
    );
    renderApp(`/clusters/st/jobs/${id}`);
    const metrics = await screen.findByTestId('table-metrics');
    const rows = within(metrics).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent?.split(/\d/)[0])).toEqual(['All tables', 'fake']);
    expect(metrics).not.toHaveTextContent('Source[0]');
    expect(within(rows[1]!).getAllByText('20').length).toBeGreaterThanOrEqual(2);
  });

  it('says that 2.3.8 has no log endpoints instead of showing an empty viewer', async () => {
    fakeSeaTunnel({
      [`GET /job-info/${RUNNING}`]: recorded('job-info-running.json'),
      'GET /overview': recorded('overview.json'),
    });
    renderApp(`/clusters/st/jobs/${RUNNING}?panel=logs`);
    expect(await screen.findByTestId('logs-unsupported')).toHaveTextContent(
      'SeaTunnel 2.3.8 has no log endpoints',
    );
  });

  it('shows the job’s log from a 2.3.12 engine', async () => {
    const log =
      '2026-11-22 09:00:00,000 INFO  [c.a.s.e.s.CoordinatorService] [main] - <b>start submit job</b>\n';
    fakeSeaTunnel(
      {
        [`GET /job-info/${MULTI}`]: demo('demo-job-multi-table.json'),
        'GET /overview': demo('demo-overview.json'),
        [`GET /logs/${MULTI}`]: `[{"node":"127.0.0.1:8080","logLink":"http://127.0.0.1:8080/logs/job-${MULTI}.log","logName":"job-${MULTI}.log"}]`,
        [`GET /logs/job-${MULTI}.log`]: log,
      },
      { flavour: 'v2' },
    );
    renderApp(`/clusters/st/jobs/${MULTI}?panel=logs`);
    const viewer = await screen.findByTestId('log-viewer');
    // Server text is text: the tags show as typed.
    await waitFor(() => expect(viewer).toHaveTextContent('<b>start submit job</b>'));
  });

  it('shows a failed job’s error as text, collapsible', async () => {
    fakeSeaTunnel({
      [`GET /job-info/${FAILED}`]: recorded('job-info-failed.json'),
      'GET /overview': recorded('overview.json'),
    });
    renderApp(`/clusters/st/jobs/${FAILED}`);
    const error = await screen.findByTestId('job-error');
    expect(error.tagName).toBe('DETAILS');
    expect(error).toHaveTextContent(
      'The job failed: org.apache.seatunnel.common.exception.SeaTunnelRuntimeException',
    );
    expect(screen.getByTestId('job-error-text').textContent).toContain('Caused by:');
    expect(screen.getByTestId('job-state')).toHaveTextContent('FAILED');
    expect(screen.queryByTestId('stop-job')).not.toBeInTheDocument();
  });

  it('draws a demo multi-table job per table and charts it while open', async () => {
    fakeSeaTunnel(
      {
        [`GET /job-info/${MULTI}`]: demo('demo-job-multi-table.json'),
        'GET /overview': demo('demo-overview.json'),
      },
      { flavour: 'v2' },
    );
    const { location } = renderApp(`/clusters/st/jobs/${MULTI}`);
    const metrics = await screen.findByTestId('table-metrics');
    for (const t of ['shop.orders', 'shop.customers', 'shop.products'])
      expect(within(metrics).getByText(t)).toBeInTheDocument();
    const charts = await screen.findByTestId('flow-charts');
    await waitFor(() => expect(Number(charts.getAttribute('data-samples'))).toBeGreaterThanOrEqual(1));
    fireEvent.click(within(metrics).getByText('shop.orders'));
    await waitFor(() => expect(location().search).toMatchObject({ focus: 'shop.orders' }));
    expect(screen.getByTestId('flow-charts')).toHaveTextContent('Charts of shop.orders');
  });

  it('flags a sink that stopped writing', async () => {
    fakeSeaTunnel(
      {
        [`GET /job-info/${STALLED}`]: demo('demo-job-stalled.json'),
        'GET /overview': demo('demo-overview.json'),
      },
      { flavour: 'v2' },
    );
    renderApp(`/clusters/st/jobs/${STALLED}`);
    expect(await screen.findByTestId('sink-stalled')).toHaveTextContent(
      'The sink writes nothing while the source reads.',
    );
    expect(within(screen.getByTestId('table-metrics')).getAllByText('NOT WRITING').length).toBeGreaterThan(0);
  });

  it('stops the job after a confirmation naming it, sending the exact 64-bit id', async () => {
    const sent = fakeSeaTunnel({
      [`GET /job-info/${RUNNING}`]: recorded('job-info-running.json'),
      'GET /overview': recorded('overview.json'),
      'POST /stop-job': recorded('stop-job-savepoint.json'),
    });
    renderApp(`/clusters/st/jobs/${RUNNING}`);
    fireEvent.click(await screen.findByTestId('stop-job-savepoint'));
    const dialog = await screen.findByTestId('stop-job-dialog');
    expect(
      screen.getByRole('heading', { name: 'Stop with savepoint streamdash-streaming?' }),
    ).toBeInTheDocument();
    expect(dialog).toHaveTextContent(RUNNING);
    await act(async () =>
      fireEvent.click(
        within(screen.getByRole('dialog')).getByRole('button', { name: 'Stop with savepoint' }),
      ),
    );
    const stop = sent.find((s) => s.method === 'POST' && s.path === '/stop-job');
    expect(stop?.body).toBe(`{"jobId":${RUNNING},"isStopWithSavePoint":true}`);
  });

  it('hides stopping in read-only mode and says when a job is unknown', async () => {
    fakeSeaTunnel(
      {
        [`GET /job-info/${RUNNING}`]: recorded('job-info-running.json'),
        'GET /job-info/123456789': recorded('job-info-unknown.json'),
        'GET /overview': recorded('overview.json'),
      },
      { readOnly: true },
    );
    const { unmount } = renderApp(`/clusters/st/jobs/${RUNNING}`);
    await screen.findByTestId('job-id');
    expect(screen.queryByTestId('stop-job')).not.toBeInTheDocument();
    unmount();
    renderApp('/clusters/st/jobs/123456789');
    expect(await screen.findByTestId('job-not-found')).toHaveTextContent('123456789');
  });
});
