import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '@/components/toast';
import { TRIGGER_ID_PATTERN } from '@/api/flink/trigger-id';
import { memoryRouter } from '@/components/testing/memory-router';
import { emulateModalTopLayer } from '@/components/testing/modal-top-layer';
import { JobActions } from './job-actions';
import { resetOperationsStore } from './operations-store';

/*
 * JobActions against recorded Flink 2.2 answers behind a mocked fetch. Every test uses its own
 * job id: the api layer keeps trigger ids per (action, cluster, job) for the page's lifetime.
 */

const DIR = join(process.cwd(), 'e2e/fixtures/flink/2.2');
const fixture = (name: string) =>
  JSON.parse(readFileSync(join(DIR, name), 'utf8')) as Record<string, unknown>;
const JOB = fixture('jobs__jobid.json');
const JOB_NAME = JOB.name as string;

interface Sent {
  method: string;
  path: string;
  search: URLSearchParams;
  body: Record<string, unknown> | undefined;
}
type Reply = { status?: number; body?: unknown } | 'network-error' | undefined;

interface ClusterOpts {
  readOnly?: boolean;
  /** The user's role on cluster c (/api/me); admin unless a test says otherwise. */
  role?: 'viewer' | 'operator' | 'admin';
  features?: Record<string, boolean>;
  jobState?: string;
  /** Decides POST/PATCH/PUT answers and status answers; undefined falls back to the defaults. */
  reply?: (req: Sent) => Reply;
}

function fakeCluster(opts: ClusterOpts = {}) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const u = new URL(url, 'http://dashboard.test');
      const req: Sent = {
        method: init.method ?? 'GET',
        path: u.pathname,
        search: u.searchParams,
        body: typeof init.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : undefined,
      };
      sent.push(req);
      const custom = opts.reply?.(req);
      if (custom === 'network-error') throw new TypeError('Failed to fetch');
      if (custom) return Response.json(custom.body ?? {}, { status: custom.status ?? 200 });
      const p = req.path;
      if (p === '/api/me') {
        const role = opts.role ?? 'admin';
        return Response.json({ user: 'alice', groups: [], via: 'basic', role, clusterRoles: { c: role } });
      }
      if (p === '/api/audit') return Response.json({ entries: [] });
      if (p === '/api/clusters') {
        return Response.json({
          clusters: [{ id: 'c', name: 'c', kind: 'flink', hasPrometheus: false }],
          readOnly: opts.readOnly ?? false,
          triage: {},
        });
      }
      if (p === '/api/c/config') {
        const cfg = fixture('config.json');
        return Response.json({ ...cfg, features: { ...(cfg.features as object), ...opts.features } });
      }
      let m = p.match(/^\/api\/c\/jobs\/([^/]+)$/);
      if (m && req.method === 'GET')
        return Response.json({ ...JOB, jid: m[1], state: opts.jobState ?? 'RUNNING' });
      if (m && req.method === 'PATCH') return Response.json({}, { status: 202 });
      if (/\/jobmanager\/config$/.test(p))
        return Response.json(fixture('jobs__jobid__jobmanager__config.json'));
      if (/\/checkpoints$/.test(p) && req.method === 'GET')
        return Response.json(fixture('jobs__jobid__checkpoints.json'));
      if (/\/resource-requirements$/.test(p)) {
        return Response.json(fixture('jobs__jobid__resource-requirements--default-scheduler.json'), {
          status: 500,
        });
      }
      if (/\/(savepoints|stop|checkpoints)$/.test(p) && req.method === 'POST') {
        return Response.json({ 'request-id': req.body?.triggerId }, { status: 202 });
      }
      m = p.match(/\/savepoints\/([0-9a-f]{32})$/);
      if (m) return Response.json(fixture('jobs__jobid__savepoints__triggerid.json'));
      return Response.json({ errors: [`not faked: ${req.method} ${p}`] }, { status: 404 });
    }),
  );
  return sent;
}

let jobCounter = 0;
function renderActions(jobId = `job${++jobCounter}`.padEnd(32, '0')) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retryDelay: 0 } } });
  const { MemoryRouter, location } = memoryRouter(`/clusters/c/jobs/${jobId}`);
  const view = render(
    <QueryClientProvider client={qc}>
      <ToastProvider>
        <MemoryRouter>
          <JobActions />
        </MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
  return { ...view, qc, jobId, location };
}

const posts = (sent: Sent[], suffix: string) =>
  sent.filter((r) => r.method === 'POST' && r.path.endsWith(suffix));

async function openSavepointDialog() {
  fireEvent.click(await screen.findByTestId('action-savepoint'));
  return screen.findByTestId('savepoint-dialog');
}

beforeEach(() => {
  sessionStorage.clear();
  resetOperationsStore();
});
afterEach(() => vi.unstubAllGlobals());

describe('header buttons', () => {
  const openDialog = () => document.querySelector('dialog[open]');

  it.each(['savepoint', 'checkpoint', 'stop', 'cancel'])(
    'a double click on %s opens its dialog and leaves it open',
    async (kind) => {
      fakeCluster();
      const stopEmulating = emulateModalTopLayer();
      try {
        renderActions();
        const user = userEvent.setup();
        // The second click lands on the backdrop of the dialog the first click opened.
        await user.dblClick(await screen.findByTestId(`action-${kind}`));
        expect(openDialog()).toHaveTextContent(JOB_NAME);
        // A single click on the backdrop still closes it.
        await user.click(screen.getByTestId(`action-${kind}`));
        expect(openDialog()).toBeNull();
      } finally {
        stopEmulating();
      }
    },
    20_000, // the first test of a file pays for loading the page's code on a busy machine
  );
});

describe('savepoint', () => {
  it('a double click sends one trigger request with one triggerId, then shows the path with a copy button', async () => {
    let statusCalls = 0;
    const sent = fakeCluster({
      reply: (req) => {
        if (!/\/savepoints\/[0-9a-f]{32}$/.test(req.path)) return undefined;
        statusCalls++;
        return {
          body:
            statusCalls < 2
              ? fixture('jobs__jobid__savepoints__triggerid--in-progress.json')
              : fixture('jobs__jobid__savepoints__triggerid.json'),
        };
      },
    });
    renderActions();
    const dialog = await openSavepointDialog();
    const submit = within(dialog).getByTestId('savepoint-dialog-submit');
    // Two clicks in the same frame: the second lands before React re-renders.
    act(() => {
      submit.click();
      submit.click();
    });
    const op = await screen.findByTestId('operation');
    await waitFor(() => expect(op).toHaveAttribute('data-phase', 'running'));
    expect(screen.getByTestId('action-savepoint')).toBeDisabled();
    // The second "Savepoint" click cannot open a second one while the first runs.
    fireEvent.click(screen.getByTestId('action-savepoint'));
    expect(screen.queryByTestId('savepoint-dialog')).toBeNull();

    const location = fixture('jobs__jobid__savepoints__triggerid.json').operation as { location: string };
    expect(await screen.findByTestId('savepoint-path', {}, { timeout: 5000 })).toHaveTextContent(
      location.location,
    );
    expect(
      within(screen.getByTestId('operation')).getByRole('button', { name: 'Copy savepoint path' }),
    ).toBeInTheDocument();
    const triggers = posts(sent, '/savepoints');
    expect(triggers).toHaveLength(1);
    expect(triggers[0]!.body).toEqual({
      triggerId: expect.stringMatching(TRIGGER_ID_PATTERN),
      'cancel-job': false,
      formatType: 'CANONICAL',
    });
    expect(screen.getByTestId('operation')).toHaveAttribute('data-trigger-id', triggers[0]!.body!.triggerId);
    // a toast links to the checkpoints and offers the path
    const toast = await screen.findByTestId('toast');
    expect(toast).toHaveTextContent(location.location);
    expect(within(toast).getByRole('link', { name: 'Open checkpoints' })).toBeInTheDocument();
    expect(screen.getByTestId('action-savepoint')).toBeEnabled();
  });

  it('a retry after a network error reuses the triggerId', async () => {
    let failing = true;
    const sent = fakeCluster({
      reply: (req) => {
        if (req.method === 'POST' && req.path.endsWith('/savepoints')) {
          return failing ? 'network-error' : { status: 202, body: { 'request-id': req.body?.triggerId } };
        }
        // Flink never saw the failed sends: their id is unknown to it.
        if (/\/savepoints\/[0-9a-f]{32}$/.test(req.path) && failing) {
          return { status: 404, body: fixture('jobs__jobid__savepoints__triggerid--unknown-trigger.json') };
        }
        return undefined;
      },
    });
    renderActions();
    const dialog = await openSavepointDialog();
    fireEvent.change(within(dialog).getByTestId('target-directory'), { target: { value: 's3://bucket/sp' } });
    fireEvent.click(within(dialog).getByTestId('savepoint-dialog-submit'));
    const op = await screen.findByTestId('operation');
    await waitFor(() => expect(op).toHaveAttribute('data-phase', 'unsent'));
    expect(within(op).getByTestId('operation-error')).toHaveTextContent(/cannot start twice/);
    // blocked until retried or dismissed: a fresh savepoint would not reuse the id after a reload
    expect(screen.getByTestId('action-savepoint')).toBeDisabled();
    const failed = posts(sent, '/savepoints');
    expect(failed.length).toBeGreaterThanOrEqual(1); // the api retries outages itself too

    failing = false;
    const retry = within(op).getByTestId('operation-retry');
    act(() => {
      retry.click();
      retry.click(); // a double click on Retry sends once
    });
    await waitFor(() => expect(screen.getByTestId('operation')).toHaveAttribute('data-phase', 'completed'));
    const all = posts(sent, '/savepoints');
    expect(all).toHaveLength(failed.length + 1);
    const ids = new Set(all.map((r) => r.body?.triggerId));
    expect(ids.size).toBe(1);
    expect(all.at(-1)!.body).toMatchObject({ 'target-directory': 's3://bucket/sp' });
  });

  it('a failed savepoint shows the failure class, root cause and the full stack trace on demand', async () => {
    const trace =
      'org.apache.flink.runtime.checkpoint.CheckpointException: Task has failed.\n\tat org.apache.flink.runtime.checkpoint.CheckpointCoordinator.lambda$startTriggeringCheckpoint$8(CheckpointCoordinator.java:669)\nCaused by: java.lang.NullPointerException: Cannot invoke "String.length()" because "campaignId" is null\n';
    fakeCluster({
      reply: (req) =>
        /\/savepoints\/[0-9a-f]{32}$/.test(req.path)
          ? {
              body: {
                status: { id: 'COMPLETED' },
                operation: {
                  'failure-cause': {
                    class: 'org.apache.flink.runtime.checkpoint.CheckpointException',
                    'stack-trace': trace,
                  },
                },
              },
            }
          : undefined,
    });
    renderActions();
    const dialog = await openSavepointDialog();
    fireEvent.click(within(dialog).getByTestId('savepoint-dialog-submit'));
    const failure = await screen.findByTestId('operation-failure', {}, { timeout: 5000 });
    expect(screen.getByTestId('operation')).toHaveAttribute('data-phase', 'failed');
    expect(within(failure).getByTestId('operation-failure-class')).toHaveTextContent(
      'org.apache.flink.runtime.checkpoint.CheckpointException',
    );
    expect(within(failure).getByTestId('operation-root-cause')).toHaveTextContent('campaignId');
    expect(within(failure).queryByTestId('operation-stack-trace')).toBeNull();
    fireEvent.click(within(failure).getByTestId('operation-stack-toggle'));
    expect(within(failure).getByTestId('operation-stack-trace').textContent).toBe(trace);
  });
});

describe('after a reload', () => {
  it('resumes polling a savepoint the cluster still remembers, and drops one it forgot', async () => {
    let done = false;
    const sent = fakeCluster({
      reply: (req) => {
        if (/\/savepoints\/f{32}$/.test(req.path)) {
          return { status: 404, body: fixture('jobs__jobid__savepoints__triggerid--unknown-trigger.json') };
        }
        if (/\/savepoints\/[0-9a-f]{32}$/.test(req.path)) {
          return {
            body: fixture(
              done
                ? 'jobs__jobid__savepoints__triggerid.json'
                : 'jobs__jobid__savepoints__triggerid--in-progress.json',
            ),
          };
        }
        return undefined;
      },
    });
    const first = renderActions();
    const dialog = await openSavepointDialog();
    fireEvent.click(within(dialog).getByTestId('savepoint-dialog-submit'));
    await waitFor(() => expect(screen.getByTestId('operation')).toHaveAttribute('data-phase', 'running'));
    const triggerId = posts(sent, '/savepoints')[0]!.body!.triggerId as string;
    first.unmount();

    // Another in-flight savepoint the cluster no longer knows (e.g. the JobManager restarted).
    const stored = JSON.parse(sessionStorage.getItem('streamdash.job-operations.v1') ?? '{}') as Record<
      string,
      unknown[]
    >;
    const key = Object.keys(stored)[0]!;
    stored[key]!.push({ ...(stored[key]![0] as object), key: 'forgotten', triggerId: 'f'.repeat(32) });
    sessionStorage.setItem('streamdash.job-operations.v1', JSON.stringify(stored));
    resetOperationsStore({ reload: true });

    done = true;
    renderActions(first.jobId);
    expect(await screen.findByTestId('savepoint-path', {}, { timeout: 5000 })).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByTestId('operation')).toHaveLength(1));
    expect(screen.getByTestId('operation')).toHaveAttribute('data-trigger-id', triggerId);
    expect(sent.some((r) => r.method === 'GET' && r.path.endsWith(`/savepoints/${triggerId}`))).toBe(true);
    expect(posts(sent, '/savepoints')).toHaveLength(1);
  });
});

describe('cancel', () => {
  it('asks for confirmation naming the job, and sends PATCH mode=cancel only when confirmed', async () => {
    const sent = fakeCluster();
    renderActions();
    fireEvent.click(await screen.findByTestId('action-cancel'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(`Cancel job ${JOB_NAME}?`);
    fireEvent.click(within(dialog).getByRole('button', { name: /^(Keep|Go back)$/ }));
    expect(sent.filter((r) => r.method === 'PATCH')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('action-cancel'));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel job' }));
    await waitFor(() => expect(sent.filter((r) => r.method === 'PATCH')).toHaveLength(1));
    const patch = sent.find((r) => r.method === 'PATCH')!;
    expect(patch.search.get('mode')).toBe('cancel');
    await waitFor(() => expect(screen.getByTestId('operation')).toHaveAttribute('data-phase', 'completed'));
  });
});

describe('which buttons exist', () => {
  it('a viewer sees savepoint disabled with a tooltip naming the operator role, an operator sees cancel naming admin', async () => {
    fakeCluster({ role: 'viewer' });
    const first = renderActions();
    await waitFor(() =>
      expect(screen.getByTestId('action-savepoint')).toHaveAttribute(
        'title',
        'Needs the operator role (you are viewer)',
      ),
    );
    expect(screen.getByTestId('action-savepoint')).toBeDisabled();
    first.unmount();
    fakeCluster({ role: 'operator' });
    renderActions();
    await waitFor(() =>
      expect(screen.getByTestId('action-cancel')).toHaveAttribute(
        'title',
        'Needs the admin role (you are operator)',
      ),
    );
    expect(screen.getByTestId('action-cancel')).toBeDisabled();
    expect(screen.getByTestId('action-savepoint')).toBeEnabled();
  });

  it('none in read-only mode', async () => {
    fakeCluster({ readOnly: true });
    renderActions();
    await screen.findByTestId('job-actions');
    await waitFor(() => expect(screen.queryByRole('button')).toBeNull());
  });

  it('no cancel or stop when /config web-cancel is false, no rescale when web-rescale is false', async () => {
    fakeCluster({ features: { 'web-cancel': false, 'web-rescale': false } });
    renderActions();
    await screen.findByTestId('action-savepoint');
    expect(screen.queryByTestId('action-cancel')).toBeNull();
    expect(screen.queryByTestId('action-stop')).toBeNull();
    fireEvent.click(screen.getByTestId('action-more'));
    expect(screen.queryByTestId('action-rescale')).toBeNull();
    fireEvent.click(screen.getByTestId('action-savepoint'));
    expect(within(await screen.findByTestId('savepoint-dialog')).queryByTestId('cancel-job')).toBeNull();
  });

  it('no job actions for a finished job (disposing a savepoint stays possible)', async () => {
    fakeCluster({ jobState: 'FINISHED', features: { 'web-cancel': true, 'web-rescale': true } });
    renderActions();
    await screen.findByTestId('action-more');
    for (const id of ['action-savepoint', 'action-checkpoint', 'action-stop', 'action-cancel']) {
      expect(screen.queryByTestId(id)).toBeNull();
    }
    fireEvent.click(screen.getByTestId('action-more'));
    expect(screen.queryByTestId('action-rescale')).toBeNull();
    expect(screen.getByTestId('action-dispose')).toBeInTheDocument();
  });
});

describe('rescale', () => {
  it('explains why a job on the default scheduler cannot be rescaled (recorded answer)', async () => {
    fakeCluster({ features: { 'web-rescale': true } });
    renderActions();
    fireEvent.click(await screen.findByTestId('action-more'));
    fireEvent.click(screen.getByTestId('action-rescale'));
    expect(await screen.findByTestId('rescale-unavailable')).toHaveTextContent(/adaptive scheduler/);
    expect(screen.queryByTestId('rescale-dialog-submit')).toBeNull();
  });

  it('sends every vertex’s bounds with PUT resource-requirements on the adaptive scheduler', async () => {
    const sent = fakeCluster({
      features: { 'web-rescale': true },
      reply: (req) =>
        req.path.endsWith('/resource-requirements')
          ? req.method === 'PUT'
            ? { body: {} }
            : { body: fixture('adaptive--jobs__jobid__resource-requirements.json') }
          : undefined,
    });
    renderActions();
    fireEvent.click(await screen.findByTestId('action-more'));
    fireEvent.click(screen.getByTestId('action-rescale'));
    const vertices = JOB.vertices as { id: string; name: string }[];
    const upper = await screen.findByLabelText(`Upper bound of ${vertices[0]!.name}`);
    fireEvent.change(upper, { target: { value: '4' } });
    fireEvent.click(screen.getByTestId('rescale-dialog-submit'));
    await waitFor(() => expect(sent.filter((r) => r.method === 'PUT')).toHaveLength(1));
    const put = sent.find((r) => r.method === 'PUT')!;
    expect(Object.keys(put.body!).sort()).toEqual(vertices.map((v) => v.id).sort());
    expect(put.body![vertices[0]!.id]).toEqual({ parallelism: { lowerBound: 1, upperBound: 4 } });
  });
});
