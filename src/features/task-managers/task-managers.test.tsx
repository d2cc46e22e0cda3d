import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  fakeFlinkCluster,
  fakeLayout,
  fixture,
  renderAt,
  textFixture,
} from '@/components/testing/fake-flink';

const TM = 'localhost:44637-91d2cb';
const TM_URL = `/clusters/demo/task-managers/${encodeURIComponent(TM)}`;
const tmRoutes = {
  '/taskmanagers': fixture('taskmanagers.json'),
  [`/taskmanagers/${TM}`]: fixture('taskmanagers__taskmanagerid.json'),
  [`/taskmanagers/${TM}/metrics`]: fixture('taskmanagers__taskmanagerid__metrics--get.json'),
  '/jobs/overview': fixture('jobs__overview.json'),
};

/** The clock 3 s after the recorded heartbeat of localhost:44637-91d2cb (2026-11-22 09:19:07.008 UTC). */
const atRecordingTime = () => vi.useFakeTimers({ toFake: ['Date'], now: 1795339147008 + 3000 });

let restoreLayout: () => void;
beforeEach(() => {
  localStorage.clear();
  restoreLayout = fakeLayout();
});
afterEach(() => {
  restoreLayout();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('task manager list', () => {
  it('lists the recorded task managers with slots, heartbeat age and hardware', async () => {
    atRecordingTime();
    fakeFlinkCluster(tmRoutes);
    renderAt('/clusters/demo/task-managers');
    const table = await screen.findByRole('grid', { name: 'Task managers' });
    expect(within(table).getByRole('link', { name: 'localhost:44637-91d2cb' })).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'localhost:43863-7e0d3f' })).toBeInTheDocument();
    expect(screen.getByTestId('tm-slots-value')).toHaveTextContent(/^8$/);
    expect(screen.getByTestId('tm-free-value')).toHaveTextContent(/^2$/);
    const row = within(table).getByRole('link', { name: TM }).closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('3/4'); // 4 slots, 1 free
    expect(row).toHaveTextContent('23.5 GiB'); // physicalMemory 25276510208
    expect(row).toHaveTextContent('538 MiB'); // hardware.freeMemory = the JVM heap
    // timeSinceLastHeartbeat is an epoch timestamp (2026 in the recording): an age, not "56 years".
    expect(row).toHaveTextContent('3 s ago');
    expect(row).not.toHaveTextContent(/\d+ d \d+ h ago/);
  });

  it('keeps the search in the URL and filters by id or address', async () => {
    fakeFlinkCluster(tmRoutes);
    const { location } = renderAt('/clusters/demo/task-managers?q=43863');
    const table = await screen.findByRole('grid', { name: 'Task managers' });
    expect(within(table).queryByRole('link', { name: TM })).toBeNull();
    expect(within(table).getByRole('link', { name: 'localhost:43863-7e0d3f' })).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('tm-search'), { target: { value: 'taskmanager_0 44637' } });
    await waitFor(() => expect(location().search).toMatchObject({ q: 'taskmanager_0 44637' }));
    await waitFor(() => expect(within(table).getByRole('link', { name: TM })).toBeInTheDocument());
  });

  it('sorts by a column from the URL', async () => {
    fakeFlinkCluster(tmRoutes);
    renderAt('/clusters/demo/task-managers?sort=dataPort&desc=true');
    const table = await screen.findByRole('grid', { name: 'Task managers' });
    const links = within(table)
      .getAllByTestId('tm-link')
      .map((a) => a.textContent);
    expect(links).toEqual(['localhost:43863-7e0d3f', 'localhost:44637-91d2cb']); // 45241 before 38795
    expect(screen.getByRole('columnheader', { name: /Data port/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
  });

  it('sorts by heartbeat age, the oldest heartbeat first when descending', async () => {
    atRecordingTime(); // before the recorded heartbeats both ages would be 0
    fakeFlinkCluster(tmRoutes);
    renderAt('/clusters/demo/task-managers?sort=heartbeat&desc=true');
    const table = await screen.findByRole('grid', { name: 'Task managers' });
    const links = within(table)
      .getAllByTestId('tm-link')
      .map((a) => a.textContent);
    expect(links).toEqual(['localhost:43863-7e0d3f', 'localhost:44637-91d2cb']); // …146912 before …147008
    fireEvent.click(within(table).getByRole('button', { name: /Heartbeat/ }));
    await waitFor(() =>
      expect(
        within(table)
          .getAllByTestId('tm-link')
          .map((a) => a.textContent),
      ).toEqual(['localhost:44637-91d2cb', 'localhost:43863-7e0d3f']),
    );
  });
});

describe('task manager detail', () => {
  it('draws the memory model from memoryConfiguration and lists the jobs in its slots', async () => {
    const sent = fakeFlinkCluster(tmRoutes);
    renderAt(TM_URL);
    const model = await screen.findByTestId('memory-model');
    expect(within(model).getByTestId('memory-part-taskHeap')).toHaveAttribute('data-bytes', '429496728');
    expect(within(model).getByTestId('memory-part-jvmOverhead')).toHaveAttribute('data-bytes', '201326592');
    expect(within(model).queryByTestId('memory-part-taskOffHeap')).toBeNull(); // 0 bytes: no segment
    expect(within(model).getByTestId('memory-legend')).toHaveTextContent('Task off-heap');
    expect(model).toHaveTextContent('Total process memory · 1.25 GiB');

    const slots = screen.getByTestId('slot-grid');
    expect(within(slots).getAllByTestId('slot-used')).toHaveLength(3);
    expect(within(slots).getAllByTestId('slot-free')).toHaveLength(1);
    const jobs = await screen.findByTestId('tm-jobs');
    await waitFor(() =>
      expect(within(jobs).getByRole('link', { name: 'streamdash CheckpointingJob' })).toBeInTheDocument(),
    );
    expect(within(jobs).getByRole('link', { name: 'streamdash FailingJob' })).toHaveAttribute(
      'href',
      '/clusters/demo/jobs/77ff5c96eb13b915db08f4f279626e4a',
    );

    // JVM figures come from the details answer; the charts poll the metrics endpoint.
    expect(screen.getByTestId('jvm-memory')).toHaveTextContent('35.4 MiB'); // heapUsed 37149760
    expect(screen.getByTestId('gc-table')).toHaveTextContent('G1 Young Generation');
    await waitFor(() => expect(sent.some((r) => r.path === `/taskmanagers/${TM}/metrics`)).toBe(true));
    const get = sent.find((r) => r.path === `/taskmanagers/${TM}/metrics`)?.search.get('get') ?? '';
    expect(get.split(',')).toEqual(
      expect.arrayContaining([
        'Status.JVM.Memory.Heap.Used',
        'Status.JVM.GarbageCollector.G1_Young_Generation.Count',
      ]),
    );
  });

  it('records metric history under the cluster and task manager, for the next page load', async () => {
    fakeFlinkCluster(tmRoutes);
    renderAt(TM_URL);
    await screen.findByTestId('tm-charts');
    await waitFor(
      () => {
        const key = `streamdash.metric-history:flink:demo:tm:${TM}`;
        expect(localStorage.getItem(key)).toContain('Status.JVM.Memory.Heap.Used');
      },
      { timeout: 6000 },
    );
  });

  it('says when the task manager is not registered (Flink answers 500)', async () => {
    fakeFlinkCluster({
      ...tmRoutes,
      '/taskmanagers/gone:1-abc': {
        status: 500,
        body: fixture('taskmanagers__taskmanagerid--not-found.json'),
      },
    });
    renderAt('/clusters/demo/task-managers/gone%3A1-abc');
    expect(await screen.findByTestId('tm-unknown')).toHaveTextContent(
      'No task manager “gone:1-abc” is registered',
    );
  });

  it('shows the main log, switches to stdout by URL, and never as HTML', async () => {
    const sent = fakeFlinkCluster({
      ...tmRoutes,
      [`/taskmanagers/${TM}/logs`]: fixture('taskmanagers__taskmanagerid__logs.json'),
      [`/taskmanagers/${TM}/log`]: {
        text: `${textFixture('taskmanagers__taskmanagerid__log.txt')}<img src=x onerror=alert(1)>\n`,
      },
      [`/taskmanagers/${TM}/stdout`]: { text: 'hello from System.out\n' },
    });
    const { location } = renderAt(`${TM_URL}?tab=logs`);
    const viewer = await screen.findByTestId('log-viewer');
    await waitFor(() => expect(within(viewer).getAllByTestId('log-line').length).toBeGreaterThan(0));
    expect(document.querySelector('img')).toBeNull();
    const files = screen.getByTestId('log-file-list');
    expect(within(files).getByTitle('flink-streamdash-taskexecutor-1-vm.log')).toHaveTextContent(
      'flink-streamdash-taskexecutor-1-vm.log',
    );

    fireEvent.click(screen.getByRole('button', { name: /^Stdout/ }));
    await waitFor(() => expect(location().search).toMatchObject({ tab: 'logs', file: 'stdout' }));
    await waitFor(() => expect(sent.some((r) => r.path === `/taskmanagers/${TM}/stdout`)).toBe(true));
    await waitFor(() => expect(screen.getByTestId('log-viewer')).toHaveTextContent('hello from System.out'));
  });

  it('groups the recorded thread dump by state', async () => {
    fakeFlinkCluster({
      ...tmRoutes,
      [`/taskmanagers/${TM}/thread-dump`]: fixture('taskmanagers__taskmanagerid__thread-dump.json'),
    });
    renderAt(`${TM_URL}?tab=threads`);
    const runnable = await screen.findByTestId('thread-group-RUNNABLE');
    expect(within(runnable).getByTestId('thread-group-count')).toHaveTextContent('2');
    expect(
      within(screen.getByTestId('thread-group-WAITING')).getByTestId('thread-group-count'),
    ).toHaveTextContent('2');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search threads' }), {
      target: { value: 'Finalizer' },
    });
    await waitFor(() => expect(screen.getAllByTestId('thread-row')).toHaveLength(1));
    expect(screen.queryByTestId('thread-group-RUNNABLE')).toBeNull();
  });

  it('lists profiling runs with links to the result file, and starts one', async () => {
    const sent = fakeFlinkCluster({
      ...tmRoutes,
      [`GET /taskmanagers/${TM}/profiler`]: fixture('taskmanagers__taskmanagerid__profiler.json'),
      [`POST /taskmanagers/${TM}/profiler`]: fixture<{ response: { body: unknown } }>(
        'mutations/taskmanagers__taskmanagerid__profiler.json',
      ).response.body,
    });
    renderAt(`${TM_URL}?tab=profiler`);
    const run = await screen.findByTestId('profiler-run');
    const download = within(run).getByRole('link', { name: 'Download' });
    expect(download).toHaveAttribute(
      'href',
      '/api/demo/taskmanagers/localhost%3A44637-91d2cb/profiler/localhost%3A44637-91d2cb_WALL_2026-11-22_09_20_08.html',
    );
    expect(download).toHaveAttribute('download');
    expect(within(run).getByRole('link', { name: 'Open in new tab' })).toHaveAttribute('target', '_blank');
    expect(document.querySelector('iframe')).toBeNull();

    const form = screen.getByRole('form', { name: `Profile the task manager ${TM}` });
    fireEvent.change(within(form).getByRole('combobox'), { target: { value: 'WALL' } });
    fireEvent.change(within(form).getByRole('spinbutton'), { target: { value: '3' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Start profiling' }));
    await waitFor(() =>
      expect(
        sent.find((r) => r.method === 'POST' && r.path === `/taskmanagers/${TM}/profiler`)?.body,
      ).toEqual({ mode: 'WALL', duration: 3 }),
    );
  });

  it('refuses a profiling duration Flink would reject', async () => {
    fakeFlinkCluster({
      ...tmRoutes,
      [`/taskmanagers/${TM}/profiler`]: fixture('jobmanager__profiler--empty.json'),
    });
    renderAt(`${TM_URL}?tab=profiler`);
    fireEvent.change(await screen.findByRole('spinbutton'), { target: { value: '301' } });
    expect(screen.getByRole('button', { name: 'Start profiling' })).toBeDisabled();
    expect(screen.getByText(/must be 1 to 300 seconds/)).toBeInTheDocument();
  });

  it('names the setting when the cluster has the profiler off', async () => {
    fakeFlinkCluster(tmRoutes); // no profiler route: Flink's 404
    renderAt(`${TM_URL}?tab=profiler`);
    expect(await screen.findByTestId('profiler-disabled')).toHaveTextContent('rest.profiling.enabled: true');
  });
});
