import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  fakeFlinkCluster,
  fakeLayout,
  fixture,
  renderAt,
  textFixture,
  type SentRequest,
} from '@/components/testing/fake-flink';

const base = {
  '/jobmanager/config': fixture('jobmanager__config.json'),
  '/jobmanager/environment': fixture('jobmanager__environment.json'),
};

let restoreLayout: () => void;
beforeEach(() => {
  localStorage.clear();
  restoreLayout = fakeLayout();
});
afterEach(() => {
  restoreLayout();
  vi.unstubAllGlobals();
});

describe('job manager page', () => {
  it('shows the configuration, searchable', async () => {
    fakeFlinkCluster(base);
    renderAt('/clusters/demo/job-manager');
    const config = await screen.findByTestId('jm-config');
    const total = fixture<unknown[]>('jobmanager__config.json').length;
    expect(within(config).getByTestId('jm-config-count')).toHaveTextContent(`${total} settings`);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search the configuration' }), {
      target: { value: 'numberOfTaskSlots' },
    });
    await waitFor(() => expect(screen.getAllByTestId('config-row')).toHaveLength(1));
    expect(screen.getByTestId('config-row')).toHaveTextContent('taskmanager.numberOfTaskSlots4');
  });

  it('lists JVM options and the classpath of /jobmanager/environment', async () => {
    fakeFlinkCluster(base);
    renderAt('/clusters/demo/job-manager?tab=environment');
    const env = await screen.findByTestId('jm-environment');
    expect(env).toHaveTextContent('OpenJDK 64-Bit Server VM');
    const classpath = within(env).getByTestId('classpath');
    const entries = fixture<{ classpath: string[] }>('jobmanager__environment.json').classpath;
    expect(classpath).toHaveTextContent(`Classpath(${entries.length})`);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search JVM options and classpath' }), {
      target: { value: 'flink-csv' },
    });
    await waitFor(() => expect(within(classpath).getAllByRole('listitem')).toHaveLength(1));
  });

  it('charts the default metrics the cluster has and lets the user pick others', async () => {
    const sent = fakeFlinkCluster({
      ...base,
      '/jobmanager/metrics': (req: SentRequest) =>
        req.search.get('get')
          ? fixture('jobmanager__metrics--get.json')
          : fixture('jobmanager__metrics.json'),
    });
    renderAt('/clusters/demo/job-manager?tab=metrics');
    await screen.findByTestId('jm-metric-list');
    await waitFor(() => expect(screen.getAllByTestId('jm-chart').length).toBeGreaterThan(0));
    const charted = () => screen.getAllByTestId('jm-chart').map((c) => c.getAttribute('aria-label'));
    expect(charted()).toEqual([
      'Status.JVM.CPU.Load',
      'Status.JVM.Threads.Count',
      'numRunningJobs',
      'numRegisteredTaskManagers',
      'taskSlotsAvailable',
    ]);
    fireEvent.click(screen.getByRole('checkbox', { name: /Status\.JVM\.ClassLoader\.ClassesLoaded/ }));
    await waitFor(() => expect(charted()).toContain('Status.JVM.ClassLoader.ClassesLoaded'));
    await waitFor(() =>
      expect(
        sent.some((r) => r.path === '/jobmanager/metrics' && r.search.get('get')?.includes('ClassesLoaded')),
      ).toBe(true),
    );
    expect(JSON.parse(localStorage.getItem('streamdash.jm-metrics:demo') ?? '[]')).toContain(
      'Status.JVM.ClassLoader.ClassesLoaded',
    );
  });

  it('opens the job manager log, and other files by name from the URL', async () => {
    const sent = fakeFlinkCluster({
      ...base,
      '/jobmanager/logs': fixture('jobmanager__logs.json'),
      '/jobmanager/log': { text: textFixture('jobmanager__log.txt') },
      '/jobmanager/logs/flink-streamdash-taskexecutor-0-vm.log': { text: 'a named file\n' },
    });
    renderAt('/clusters/demo/job-manager?tab=logs&file=flink-streamdash-taskexecutor-0-vm.log');
    await waitFor(() => expect(screen.getByTestId('log-viewer')).toHaveTextContent('a named file'));
    expect(sent.some((r) => r.path === '/jobmanager/log')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: /^Main log/ }));
    await waitFor(() => expect(sent.some((r) => r.path === '/jobmanager/log')).toBe(true));
  });

  it('offers profiler results as files through the proxy', async () => {
    fakeFlinkCluster({ ...base, '/jobmanager/profiler': fixture('jobmanager__profiler.json') });
    renderAt('/clusters/demo/job-manager?tab=profiler');
    const run = await screen.findByTestId('profiler-run');
    expect(within(run).getByRole('link', { name: 'Download' })).toHaveAttribute(
      'href',
      '/api/demo/jobmanager/profiler/JobManager_ITIMER_2026-11-22_09_20_04.html',
    );
    expect(run).toHaveTextContent('Profiling Successful');
  });

  it('shows the server’s message when Flink refuses a profiling run', async () => {
    const refused = fixture<{ response: { body: unknown } }>('mutations/jobmanager__profiler--too-long.json')
      .response.body;
    fakeFlinkCluster({
      ...base,
      'GET /jobmanager/profiler': fixture('jobmanager__profiler--empty.json'),
      'POST /jobmanager/profiler': { status: 500, body: refused },
    });
    renderAt('/clusters/demo/job-manager?tab=profiler');
    const form = await screen.findByRole('form', { name: 'Profile the job manager' });
    fireEvent.click(within(form).getByRole('button', { name: 'Start profiling' }));
    expect(await within(form).findByTestId('query-error')).toHaveTextContent(
      '`duration` must be set between (0s, 300s]',
    );
  });
});

describe('admin', () => {
  const withDataSet = {
    ...base,
    '/datasets': { dataSets: [{ id: 'affb81a98083b9801c1896a109ea2ef1', isComplete: true }] },
    'DELETE /datasets/affb81a98083b9801c1896a109ea2ef1': fixture<{ response: { body: unknown } }>(
      'mutations/datasets__datasetid.json',
    ).response.body,
    '/datasets/delete/4184de4be220dd45d5bb3725cebed74a': fixture('datasets__delete__triggerid.json'),
  };

  it('deletes a data set after confirmation and follows its trigger to the end', async () => {
    const sent = fakeFlinkCluster(withDataSet);
    renderAt('/clusters/demo/job-manager?tab=admin');
    const row = await screen.findByTestId('dataset-row');
    fireEvent.click(within(row).getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Delete data set affb81a98083b9801c1896a109ea2ef1?');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete data set' }));
    const deletion = await screen.findByTestId('dataset-deletion');
    await waitFor(() => expect(deletion).toHaveAttribute('data-state', 'COMPLETED'));
    expect(
      sent.some((r) => r.method === 'DELETE' && r.path === '/datasets/affb81a98083b9801c1896a109ea2ef1'),
    ).toBe(true);
  });

  it('shuts the cluster down only after two confirmations, the second typed', async () => {
    const sent = fakeFlinkCluster({ ...withDataSet, 'DELETE /cluster': {} }, { name: 'Production' });
    renderAt('/clusters/demo/job-manager?tab=admin');
    fireEvent.click(await screen.findByRole('button', { name: 'Shut down cluster…' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Continue' }));
    await waitFor(() =>
      expect(screen.getByRole('dialog')).toHaveTextContent('Shut down cluster Production?'),
    );
    const dialog = screen.getByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: 'Shut down cluster' });
    expect(confirm).toBeDisabled();
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: 'Production' } });
    expect(confirm).toBeEnabled();
    expect(sent.some((r) => r.method === 'DELETE' && r.path === '/cluster')).toBe(false);
    fireEvent.click(confirm);
    expect(await screen.findByTestId('shutdown-requested')).toBeInTheDocument();
    expect(sent.filter((r) => r.method === 'DELETE' && r.path === '/cluster')).toHaveLength(1);
  });

  it('hides deleting and shutting down in read-only mode', async () => {
    fakeFlinkCluster(withDataSet, { readOnly: true });
    renderAt('/clusters/demo/job-manager?tab=admin');
    await screen.findByTestId('dataset-row');
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(screen.queryByTestId('shutdown-section')).toBeNull();
    expect(screen.getByTestId('jm-admin')).toHaveTextContent('read-only mode');
  });
});
