import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryRouter } from '@/components/testing/memory-router';
import JobGraphTab from './job-graph-tab';

/*
 * The job graph tab against recorded Flink 2.2.1 answers of the BackpressureJob
 * (Source: Fast source -> Parse ⇒ Slow enrichment ⇒ Discard sink), fetch mocked.
 */
const fixture = <T,>(name: string): T =>
  JSON.parse(readFileSync(join(process.cwd(), 'e2e/fixtures/flink/2.2', `${name}.json`), 'utf8')) as T;

interface Vertex {
  id: string;
  name: string;
}
const job = fixture<{ jid: string; vertices: Vertex[] }>('jobs__jobid--backpressure');
const JOB = job.jid;
const idOf = (name: string) => job.vertices.find((v) => v.name === name)?.id ?? name;
const SOURCE = idOf('Source: Fast source -> Parse');
const SLOW = idOf('Slow enrichment');
const SINK = idOf('Discard sink: Writer');

// The recording has the upstream vertex's answer; the slow operator's is written the same way
// (its 2 subtasks at ~100 % busy), the sink's is left unanswered (unknown).
const LOAD: Record<string, unknown> = {
  [SOURCE]: fixture('jobs__jobid__vertices__vertexid__subtasks__metrics--get-agg-max'),
  [SLOW]: [
    { id: 'busyTimeMsPerSecond', max: 1000, sum: 1998 },
    { id: 'backPressuredTimeMsPerSecond', max: 0, sum: 0 },
    { id: 'idleTimeMsPerSecond', max: 0, sum: 0 },
    { id: 'numRecordsInPerSecond', max: 520.5, sum: 1040.2 },
  ],
};

interface Sent {
  path: string;
  search: URLSearchParams;
}

function fakeCluster(overrides: Record<string, unknown> = {}) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const u = new URL(url, 'http://dashboard.test');
      const path = u.pathname.replace(/^\/api\/c/, '');
      sent.push({ path, search: u.searchParams });
      const reply = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
      if (u.pathname === '/api/clusters') {
        return reply({
          clusters: [{ id: 'c', name: 'c', kind: 'flink', hasPrometheus: false }],
          readOnly: false,
          triage: {},
        });
      }
      if (path in overrides) return reply(overrides[path]);
      if (path === '/config') return reply(fixture('config'));
      if (path === `/jobs/${JOB}`) return reply(fixture('jobs__jobid--backpressure'));
      const m = /^\/jobs\/[^/]+\/vertices\/([^/]+)(\/.*)?$/.exec(path);
      const [, vertex = '', rest = ''] = m ?? [];
      if (rest === '/subtasks/metrics') {
        return vertex in LOAD ? reply(LOAD[vertex]) : reply({ errors: ['no metrics yet'] }, 500);
      }
      if (rest === '' && vertex === SLOW)
        return reply(fixture('jobs__jobid__vertices__vertexid--slow-operator'));
      if (rest === '/taskmanagers') return reply(fixture('jobs__jobid__vertices__vertexid__taskmanagers'));
      if (rest === '/watermarks')
        return reply(fixture('jobs__jobid__vertices__vertexid__watermarks--no-watermarks'));
      if (rest === '/accumulators') return reply(fixture('jobs__jobid__vertices__vertexid__accumulators'));
      if (rest === '/subtasks/accumulators')
        return reply(fixture('jobs__jobid__vertices__vertexid__subtasks__accumulators'));
      if (rest === '/subtasks/0/metrics')
        return reply(fixture('jobs__jobid__vertices__vertexid__subtasks__subtaskindex__metrics'));
      if (/^\/subtasks\/\d+$/.test(rest))
        return reply(fixture('jobs__jobid__vertices__vertexid__subtasks__subtaskindex--restarted'));
      if (/^\/subtasks\/\d+\/attempts\/\d+$/.test(rest)) {
        return reply(
          fixture(
            'jobs__jobid__vertices__vertexid__subtasks__subtaskindex__attempts__attempt--prior-attempt',
          ),
        );
      }
      return reply({ errors: [`Not found: ${path}`] }, 404);
    }),
  );
  return sent;
}

function renderTab(url: string) {
  const { MemoryRouter, location } = memoryRouter(url);
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={qc}>
      <MemoryRouter>
        <JobGraphTab />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  const search = () => location().search;
  return { location, search };
}

// xyflow and the virtualised tables measure the DOM; jsdom has no layout.
beforeEach(() => {
  class ResizeObserverStub {
    constructor(private readonly callback: ResizeObserverCallback) {}
    observe(target: Element) {
      const contentRect = {
        width: 800,
        height: 300,
        top: 0,
        left: 0,
        right: 800,
        bottom: 300,
        x: 0,
        y: 0,
      } as DOMRectReadOnly;
      this.callback([{ target, contentRect } as ResizeObserverEntry], this as unknown as ResizeObserver);
    }
    unobserve() {}
    disconnect() {}
  }
  class DOMMatrixReadOnlyStub {
    m22 = 1;
  }
  vi.stubGlobal('ResizeObserver', ResizeObserverStub);
  vi.stubGlobal('DOMMatrixReadOnly', DOMMatrixReadOnlyStub);
});

beforeAll(() => {
  Object.defineProperties(HTMLElement.prototype, {
    offsetHeight: {
      configurable: true,
      get() {
        return parseFloat((this as HTMLElement).style.height) || 500;
      },
    },
    offsetWidth: {
      configurable: true,
      get() {
        return parseFloat((this as HTMLElement).style.width) || 800;
      },
    },
    clientHeight: { configurable: true, get: () => 600 },
  });
  (SVGElement.prototype as unknown as { getBBox: () => DOMRect }).getBBox = () =>
    ({ x: 0, y: 0, width: 0, height: 0 }) as DOMRect;
});

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

const node = (id: string) =>
  document.querySelector<HTMLElement>(`[data-testid="dag-node"][data-node-id="${id}"]`);

describe('JobGraphTab', { timeout: 60_000 }, () => {
  it('colours the back-pressured vertex and the busy one downstream, from one metrics request per vertex', async () => {
    const sent = fakeCluster();
    renderTab(`/clusters/c/jobs/${JOB}`);
    await waitFor(() => expect(node(SOURCE)).toHaveAttribute('data-tone', 'backpressured'), {
      timeout: 20_000,
    });
    await waitFor(() => expect(node(SLOW)).toHaveAttribute('data-tone', 'busy'));
    expect(node(SINK)).toHaveAttribute('data-tone', 'unknown');
    expect(within(node(SLOW)!).getByText('100 %')).toBeInTheDocument();

    const metricRequests = sent.filter((r) => r.path.endsWith('/subtasks/metrics'));
    // One request per vertex and poll, with every metric in it (a slow machine may see two polls).
    const askedPerVertex = new Map<string, Set<string>>();
    for (const r of metricRequests)
      askedPerVertex.set(r.path, (askedPerVertex.get(r.path) ?? new Set()).add(r.search.toString()));
    expect([...askedPerVertex.keys()].sort()).toEqual(
      [SOURCE, SLOW, SINK].map((v) => `/jobs/${JOB}/vertices/${v}/subtasks/metrics`).sort(),
    );
    expect([...askedPerVertex.values()].every((queries) => queries.size === 1)).toBe(true);
    const first = metricRequests[0]!;
    expect(first.search.get('agg')).toBe('max,min,sum');
    expect(first.search.get('get')?.split(',').sort()).toEqual([
      'backPressuredTimeMsPerSecond',
      'busyTimeMsPerSecond',
      'idleTimeMsPerSecond',
      'numBytesInPerSecond',
      'numBytesOutPerSecond',
      'numRecordsInPerSecond',
      'numRecordsOutPerSecond',
    ]);
    // Edges carry the ship strategy; the summary names the hot spots.
    expect(screen.getAllByText('REBALANCE').length).toBeGreaterThan(0);
    expect(screen.getByTestId('graph-summary')).toHaveTextContent('1 back-pressured');
    expect(screen.getByTestId('graph-summary')).toHaveTextContent('1 busy');
  });

  it('a job that is over shows what each vertex received and sent, not rates', async () => {
    const running = fixture<{ state: string; vertices: { status: string }[] }>('jobs__jobid--backpressure');
    const finished = {
      ...running,
      state: 'CANCELED',
      vertices: running.vertices.map((v) => ({ ...v, status: 'CANCELED' })),
    };
    fakeCluster({ [`/jobs/${JOB}`]: finished });
    renderTab(`/clusters/c/jobs/${JOB}`);
    const table = await screen.findByTestId('vertex-table', {}, { timeout: 20_000 });
    expect(within(table).getByRole('columnheader', { name: /Received/ })).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: /Sent/ })).toBeInTheDocument();
    expect(within(table).queryByRole('columnheader', { name: /Busy/ })).toBeNull();
    expect(screen.getByTestId('graph-totals-note')).toBeInTheDocument();
    await waitFor(() => expect(node(SOURCE)).not.toBeNull(), { timeout: 20_000 });
    expect(within(node(SOURCE)!).getByText('Sent')).toBeInTheDocument();
    expect(table.textContent).not.toMatch(/\/s\b/);
    expect(node(SOURCE)!.textContent).not.toMatch(/\/s\b/);
  });

  it('lists the vertices sources first with status, parallelism and load', async () => {
    fakeCluster();
    renderTab(`/clusters/c/jobs/${JOB}`);
    const table = await screen.findByRole('grid', { name: 'Vertices' });
    await waitFor(() => expect(within(table).getByText('Slow enrichment')).toBeInTheDocument());
    const names = [...table.querySelectorAll('[data-vertex-id]')].map((e) =>
      e.getAttribute('data-vertex-id'),
    );
    expect(names).toEqual([SOURCE, SLOW, SINK]);
    const slowRow = within(table).getByText('Slow enrichment').closest('tr')!;
    await waitFor(() => expect(slowRow).toHaveTextContent('100 %'));
    expect(slowRow).toHaveTextContent('RUNNING');
  });

  it('selects a vertex by clicking its box: it goes into the URL and the panel opens on Detail', async () => {
    fakeCluster();
    const { search } = renderTab(`/clusters/c/jobs/${JOB}`);
    await waitFor(() => expect(node(SLOW)).not.toBeNull(), { timeout: 20_000 });
    fireEvent.click(within(node(SLOW)!).getByRole('button'));
    await waitFor(() => expect(search().vertex).toBe(SLOW));
    const panel = await screen.findByTestId('vertex-panel');
    expect(within(panel).getByTestId('vertex-panel-title')).toHaveTextContent('Slow enrichment');
    expect(within(panel).getByRole('tab', { name: 'Detail' })).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(within(panel).getByTestId('load-busy')).toHaveTextContent('100 %'), {
      timeout: 5000,
    });
    // Inputs and outputs link to the neighbours.
    fireEvent.click(within(panel).getByRole('button', { name: 'Source: Fast source -> Parse' }));
    await waitFor(() => expect(search().vertex).toBe(SOURCE));
  });

  it('shows every subtask and, for the one in the URL, its attempts history', async () => {
    const sent = fakeCluster();
    const { search } = renderTab(`/clusters/c/jobs/${JOB}?vertex=${SLOW}&panel=subtasks`);
    const table = await screen.findByRole('grid', { name: 'Subtasks' }, { timeout: 20_000 });
    expect(within(table).getAllByText('RUNNING')).toHaveLength(2);
    // the id is cut in the middle when narrow (TruncatedText keepEnd): its whole text is the title
    expect(
      within(table)
        .getByTitle(/^localhost:44637-91d2cb/)
        .closest('a'),
    ).toHaveAttribute('href', '/clusters/c/task-managers/localhost%3A44637-91d2cb');
    fireEvent.click(within(table).getAllByRole('row')[1]!);
    await waitFor(() => expect(search().subtask).toBe(0));
    const attempts = await screen.findByTestId('subtask-attempts');
    // The recorded subtask is on attempt 2: the current one plus attempts 1 and 0 from the history.
    await waitFor(() => expect(within(attempts).getAllByTestId('attempt-row')).toHaveLength(3));
    expect(sent.some((r) => r.path.endsWith(`/vertices/${SLOW}/subtasks/0/attempts/1`))).toBe(true);
    expect(sent.some((r) => r.path.endsWith(`/vertices/${SLOW}/subtasks/0/attempts/0`))).toBe(true);
  });

  it('switches the panel tab through the URL and loads each tab', async () => {
    fakeCluster();
    const { search } = renderTab(`/clusters/c/jobs/${JOB}?vertex=${SLOW}`);
    const panel = await screen.findByTestId('vertex-panel', undefined, { timeout: 20_000 });
    const open = async (tab: string, panelId: string) => {
      fireEvent.click(within(panel).getByRole('tab', { name: tab }));
      await waitFor(() => expect(search().panel).toBe(panelId));
      return within(panel).findByTestId(`panel-${panelId}`);
    };
    const tms = await open('TaskManagers', 'taskmanagers');
    expect(await within(tms).findByRole('grid', { name: 'Task managers of the vertex' })).toHaveTextContent(
      'RUNNING',
    );
    const wm = await open('Watermarks', 'watermarks');
    expect(await within(wm).findByTestId('no-watermarks')).toBeInTheDocument();
    const acc = await open('Accumulators', 'accumulators');
    expect(await within(acc).findByTestId('vertex-accumulators-table')).toHaveTextContent('orders-enriched');
    const metrics = await open('Metrics', 'metrics');
    expect(await within(metrics).findByLabelText('Add a metric')).toBeInTheDocument();
  });

  it('remembers the charted metrics per job and vertex', async () => {
    fakeCluster({
      [`/jobs/${JOB}/vertices/${SLOW}/subtasks/metrics`]: [
        { id: 'numBytesOutPerSecond', min: 1, max: 2, avg: 1.5, sum: 3 },
      ],
    });
    renderTab(`/clusters/c/jobs/${JOB}?vertex=${SLOW}&panel=metrics`);
    const input = await screen.findByLabelText('Add a metric', undefined, { timeout: 20_000 });
    act(() => {
      fireEvent.change(input, { target: { value: 'numBytesOutPerSecond' } });
    });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() =>
      expect(document.querySelector('[data-metric="numBytesOutPerSecond"]')).not.toBeNull(),
    );
    expect(JSON.parse(localStorage.getItem(`streamdash.job-graph.metrics.${JOB}.${SLOW}`) ?? '[]')).toEqual([
      'numBytesOutPerSecond',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove numBytesOutPerSecond' }));
    expect(JSON.parse(localStorage.getItem(`streamdash.job-graph.metrics.${JOB}.${SLOW}`) ?? '')).toEqual([]);
  });

  it('says so when the vertex in the URL is not part of the job, and closes the panel', async () => {
    fakeCluster();
    const { search } = renderTab(
      `/clusters/c/jobs/${JOB}?vertex=00000000000000000000000000000000&panel=subtasks`,
    );
    const panel = await screen.findByTestId('vertex-panel', undefined, { timeout: 20_000 });
    expect(within(panel).getByRole('alert')).toHaveTextContent(
      'no vertex with id 00000000000000000000000000000000',
    );
    fireEvent.click(within(panel).getByRole('button', { name: 'Close vertex panel' }));
    await waitFor(() => expect(search()).toEqual({}));
    expect(screen.queryByTestId('vertex-panel')).toBeNull();
  });
});
