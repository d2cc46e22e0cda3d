import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatBytes, formatDuration } from '@/lib/format';
import { memoryRouter } from '@/components/testing/memory-router';
import CheckpointsTab from './checkpoints-tab';

/* The checkpoints tab against recorded Flink 2.2 answers behind a mocked fetch. */

const DIR = join(process.cwd(), 'e2e/fixtures/flink/2.2');
type Json = Record<string, unknown>;
const fixture = (name: string) => JSON.parse(readFileSync(join(DIR, name), 'utf8')) as Json;
const JOB = fixture('jobs__jobid.json');

interface Files {
  stats?: Json | { status: number; body: Json };
  config?: Json | { status: number; body: Json };
}

function fakeCluster(files: Files = {}) {
  const asked: string[] = [];
  const answer = (f: Json | { status: number; body: Json }) =>
    'status' in f && 'body' in f && typeof f.status === 'number'
      ? Response.json(f.body, { status: f.status })
      : Response.json(f);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const p = new URL(url, 'http://dashboard.test').pathname;
      asked.push(p);
      if (p === '/api/clusters') {
        return Response.json({
          clusters: [{ id: 'c', name: 'c', kind: 'flink', hasPrometheus: false }],
          readOnly: false,
          triage: {},
        });
      }
      if (p === '/api/c/config') return Response.json(fixture('config.json'));
      if (/^\/api\/c\/jobs\/[^/]+$/.test(p)) return Response.json(JOB);
      if (p.endsWith('/checkpoints')) return answer(files.stats ?? fixture('jobs__jobid__checkpoints.json'));
      if (p.endsWith('/checkpoints/config'))
        return answer(files.config ?? fixture('jobs__jobid__checkpoints__config.json'));
      let m = p.match(/\/checkpoints\/details\/(\d+)\/subtasks\/([0-9a-f]+)$/);
      if (m) {
        const sub = fixture('jobs__jobid__checkpoints__details__checkpointid__subtasks__vertexid.json');
        return Response.json({ ...sub, id: Number(m[1]) });
      }
      m = p.match(/\/checkpoints\/details\/(\d+)$/);
      if (m) {
        const d = fixture('jobs__jobid__checkpoints__details__checkpointid.json');
        return Response.json({ ...d, id: Number(m[1]) });
      }
      return Response.json({ errors: [`not faked: ${p}`] }, { status: 404 });
    }),
  );
  return asked;
}

function renderTab(search = '') {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const { MemoryRouter, location } = memoryRouter(`/clusters/c/jobs/${String(JOB.jid)}/checkpoints${search}`);
  render(
    <QueryClientProvider client={qc}>
      <MemoryRouter>
        <CheckpointsTab />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return location;
}

afterEach(() => vi.unstubAllGlobals());

// jsdom has no layout: give scroll containers a 400 px viewport so the virtualised tables have a window.
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 400 });
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
});

// Rendering in jsdom is slow on a loaded machine; the assertions, not the clock, are the test.
const SLOW_MS = 30_000;

/** Data rows of a DataTable (not the header, not the virtualiser's spacers). */
const bodyRows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .filter((r) => r.getAttribute('aria-rowindex') !== '1' && !r.hasAttribute('aria-hidden'));

type Entry = Json & { id: number; status: string };

describe('checkpoints tab', () => {
  it(
    'shows the counts and lists the retained checkpoints with their figures',
    async () => {
      fakeCluster();
      renderTab();
      const stats = fixture('jobs__jobid__checkpoints.json') as Json & {
        counts: Record<string, number>;
        history: Entry[];
      };
      expect(await screen.findByTestId('cp-count-completed-value')).toHaveTextContent(
        stats.counts.completed!.toLocaleString('en'),
      );
      expect(screen.getByTestId('cp-count-triggered-value')).toHaveTextContent(
        stats.counts.total!.toLocaleString('en'),
      );
      expect(screen.getByTestId('cp-count-failed-value')).toHaveTextContent(String(stats.counts.failed));
      const table = screen.getByTestId('checkpoint-history-table');
      const completed = stats.history.find((h) => h.status === 'COMPLETED')!;
      const row = within(table).getByText(`#${completed.id}`).closest('tr')!;
      expect(row).toHaveTextContent(formatDuration(completed.end_to_end_duration as number));
      expect(row).toHaveTextContent(formatBytes(completed.checkpointed_size as number));
      expect(row).toHaveTextContent(
        `${String(completed.num_acknowledged_subtasks)}/${String(completed.num_subtasks)}`,
      );
      expect(bodyRows(table)).toHaveLength(stats.history.length);
    },
    SLOW_MS,
  );

  it(
    'shows the failure message of a failed checkpoint in its row and in the latest-failed card',
    async () => {
      const stats = fixture('jobs__jobid__checkpoints--failing.json') as Json & {
        history: Entry[];
        latest: { failed: Entry };
      };
      const failed = { ...stats.latest.failed, failure_message: 'Checkpoint expired before completing.' };
      fakeCluster({
        stats: { ...stats, history: [failed, ...stats.history], latest: { ...stats.latest, failed } },
      });
      renderTab();
      expect(await screen.findByTestId('cp-latest-failed-message')).toHaveTextContent(
        'Checkpoint expired before completing.',
      );
      const row = within(screen.getByTestId('checkpoint-history-table'))
        .getByText(`#${failed.id}`)
        .closest('tr')!;
      expect(within(row).getByTestId('cp-failure-message')).toHaveTextContent(
        'Checkpoint expired before completing.',
      );
    },
    SLOW_MS,
  );

  it(
    'expands a checkpoint into its vertices, then a vertex into every subtask (kept in the URL)',
    async () => {
      const asked = fakeCluster();
      const location = renderTab();
      const stats = fixture('jobs__jobid__checkpoints.json') as Json & { history: Entry[] };
      const id = stats.history.find((h) => h.status === 'COMPLETED')!.id;
      fireEvent.click(
        await within(await screen.findByTestId('checkpoint-history-table')).findByText(`#${id}`),
      );
      await waitFor(() => expect(location().search).toMatchObject({ checkpoint: id }));
      const detail = await screen.findByTestId('checkpoint-detail');
      const vertices = JOB.vertices as { id: string; name: string }[];
      const rows = await within(detail).findAllByTestId('checkpoint-vertex-row');
      expect(rows.map((r) => r.getAttribute('data-vertex-id'))).toEqual(vertices.map((v) => v.id));
      expect(rows[0]).toHaveTextContent(vertices[0]!.name);

      fireEvent.click(within(rows[1]!).getByRole('button', { expanded: false }));
      await waitFor(() =>
        expect(location().search).toMatchObject({ checkpoint: id, vertex: vertices[1]!.id }),
      );
      const subtasks = await within(detail).findByTestId('checkpoint-subtask-table');
      const sub = fixture(
        'jobs__jobid__checkpoints__details__checkpointid__subtasks__vertexid.json',
      ) as Json & {
        subtasks: { index: number; checkpoint?: { sync: number; async: number }; start_delay?: number }[];
      };
      expect(bodyRows(subtasks)).toHaveLength(sub.subtasks.length);
      const first = sub.subtasks[0]!;
      const firstRow = bodyRows(subtasks)[0]!;
      expect(firstRow).toHaveTextContent(formatDuration(first.checkpoint!.async));
      expect(firstRow).toHaveTextContent(formatDuration(first.start_delay));
      expect(asked).toContain(
        `/api/c/jobs/${String(JOB.jid)}/checkpoints/details/${id}/subtasks/${vertices[1]!.id}`,
      );
    },
    SLOW_MS,
  );

  it(
    'opens straight into a shared link’s checkpoint and vertex',
    async () => {
      fakeCluster();
      const vertices = JOB.vertices as { id: string }[];
      renderTab(`?checkpoint=7&vertex=${vertices[0]!.id}`);
      const detail = await screen.findByTestId('checkpoint-detail');
      expect(detail).toHaveTextContent('Checkpoint #7');
      expect(await within(detail).findByTestId('checkpoint-subtask-table')).toBeInTheDocument();
    },
    SLOW_MS,
  );

  it('says so when checkpointing is not enabled (Flink 2.2 answers 200 with a "never" interval)', async () => {
    fakeCluster({
      stats: fixture('jobs__jobid__checkpoints--no-checkpointing.json'),
      config: fixture('jobs__jobid__checkpoints__config--no-checkpointing.json'),
    });
    renderTab();
    expect(await screen.findByTestId('checkpoints-not-enabled')).toHaveTextContent(
      'Checkpointing is not enabled for this job',
    );
  });

  it('says so when the cluster answers 404 "not enabled"', async () => {
    const notEnabled = { status: 404, body: { errors: ['Checkpointing has not been enabled.'] } };
    fakeCluster({ stats: notEnabled, config: notEnabled });
    renderTab();
    expect(await screen.findByTestId('checkpoints-not-enabled')).toBeInTheDocument();
  });

  it(
    'shows the configuration and the summary in their sections',
    async () => {
      fakeCluster();
      const location = renderTab();
      fireEvent.click(await screen.findByRole('tab', { name: 'Configuration' }));
      await waitFor(() => expect(location().search).toMatchObject({ panel: 'configuration' }));
      const cfg = fixture('jobs__jobid__checkpoints__config.json');
      expect(await screen.findByTestId('cp-config-state-backend')).toHaveTextContent(
        String(cfg.state_backend),
      );
      fireEvent.click(screen.getByRole('tab', { name: 'Summary' }));
      const stats = fixture('jobs__jobid__checkpoints.json') as Json & {
        summary: Record<string, Record<string, number>>;
      };
      const line = await screen.findByTestId('summary-duration');
      const p99 = line.querySelector('[data-stat="p99"]')!;
      expect(p99).toHaveTextContent(formatDuration(stats.summary.end_to_end_duration!.p99));
    },
    SLOW_MS,
  );

  it(
    'stays light with 10,000 retained checkpoints: only visible rows are in the DOM',
    async () => {
      const stats = fixture('jobs__jobid__checkpoints.json') as Json & { history: Entry[] };
      const template = stats.history.find((h) => h.status === 'COMPLETED')!;
      const history = Array.from({ length: 10_000 }, (_, i) =>
        i % 97 === 0
          ? {
              ...template,
              id: 10_000 - i,
              status: 'FAILED',
              failure_timestamp: 1,
              failure_message: 'expired',
              external_path: undefined,
              discarded: undefined,
            }
          : { ...template, id: 10_000 - i },
      );
      fakeCluster({ stats: { ...stats, history } });
      renderTab();
      const table = await screen.findByTestId('checkpoint-history-table', {}, { timeout: SLOW_MS });
      await within(table).findByText('#10000', {}, { timeout: SLOW_MS });
      expect(bodyRows(table).length).toBeLessThan(40);
      expect(table.querySelector('table')).toHaveAttribute('aria-rowcount', String(10_001));
      // the charts draw the last 200 only
      expect(screen.getByTestId('checkpoint-trends')).toHaveTextContent('last 200 of 10000');
    },
    SLOW_MS,
  );
});
