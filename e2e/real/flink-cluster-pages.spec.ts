import type { APIRequestContext } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { ENTRY_CLASSES } from './flink-cluster';

/*
 * Task manager, job manager and submit pages against the real Flink 2.2 cluster of global setup
 * (2 task managers x 4 slots; CheckpointingJob, BackpressureJob and FailingJob running).
 */

const C = 'real-flink';
const api = (path: string) => `/api/${C}${path}`;

interface Tm {
  id: string;
  slotsNumber: number;
  freeSlots: number;
}

async function taskManagers(request: APIRequestContext): Promise<Tm[]> {
  return ((await (await request.get(api('/taskmanagers'))).json()) as { taskmanagers: Tm[] }).taskmanagers;
}

/** A task manager with a slot of `jobId` (the real detail answer lists `allocatedSlots`). */
async function tmRunning(request: APIRequestContext, jobId: string): Promise<string> {
  for (const tm of await taskManagers(request)) {
    const detail = (await (await request.get(api(`/taskmanagers/${encodeURIComponent(tm.id)}`))).json()) as {
      allocatedSlots?: { jobId: string }[];
    };
    if (detail.allocatedSlots?.some((s) => s.jobId === jobId)) return tm.id;
  }
  throw new Error(`no task manager runs job ${jobId}`);
}

test.beforeEach(({ state }) => {
  test.skip(!state.real?.flink, `no real Flink cluster: ${state.real?.error ?? 'E2E_REAL=0'}`);
});

test('both task managers are listed with their slots', async ({ page, request }) => {
  const tms = await taskManagers(request);
  expect(tms).toHaveLength(2);
  await page.goto(`/clusters/${C}/task-managers`);
  await expect(page.getByTestId('tm-count-value')).toHaveText('2');
  await expect(page.getByTestId('tm-slots-value')).toHaveText(
    String(tms.reduce((n, t) => n + t.slotsNumber, 0)),
  );
  for (const tm of tms) {
    const row = page.getByTestId('tm-table').getByRole('row').filter({ hasText: tm.id });
    await expect(row).toBeVisible();
    await expect(row).toContainText(`/${tm.slotsNumber}`);
  }
});

test('a task manager shows its memory model, the job in its slots and the job’s tasks in its log', async ({
  page,
  request,
  state,
}) => {
  const jobId = state.real?.flink?.jobs.checkpointing ?? '';
  const tmId = await tmRunning(request, jobId);
  const base = `/clusters/${C}/task-managers/${encodeURIComponent(tmId)}`;
  await page.goto(base);
  await expect(page.getByTestId('memory-model')).toBeVisible();
  await expect(
    page.getByTestId('tm-jobs').getByRole('link', { name: 'streamdash CheckpointingJob' }),
  ).toBeVisible();

  await page.getByRole('tab', { name: 'Logs' }).click();
  const viewer = page.getByTestId('log-viewer');
  await expect(viewer.getByTestId('log-line').first()).toBeVisible({ timeout: 30_000 });
  // The workload prints nothing itself; the task manager logs its tasks: "Source: Orders source -> Enrich (1/2)#0 ... switched from ... to RUNNING".
  await viewer.getByRole('searchbox', { name: 'Search log' }).fill('Orders source');
  await expect(viewer.getByRole('status')).toHaveText(/^1 \/ \d+/);
  await viewer.getByRole('searchbox', { name: 'Search log' }).fill('to RUNNING');
  await expect(viewer.getByRole('status')).toHaveText(/^1 \/ \d+/);
});

test('a task manager thread dump loads, grouped by state, with the job’s task threads', async ({
  page,
  request,
  state,
}) => {
  const tmId = await tmRunning(request, state.real?.flink?.jobs.checkpointing ?? '');
  await page.goto(`/clusters/${C}/task-managers/${encodeURIComponent(tmId)}?tab=threads`);
  await expect(page.getByTestId('thread-count')).toHaveText(/^\d+ threads$/, { timeout: 30_000 });
  await expect(page.locator('[data-testid^="thread-group-"]').first()).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search threads' }).fill('Orders source');
  await expect(page.getByTestId('thread-row').first()).toBeVisible();
});

test('the profiler runs on a task manager and offers its flame graph file', async ({ page, request }) => {
  test.setTimeout(120_000);
  const [tm] = await taskManagers(request);
  await page.goto(`/clusters/${C}/task-managers/${encodeURIComponent(tm?.id ?? '')}?tab=profiler`);
  const panel = page.getByTestId('profiler-panel');
  await expect(panel).toBeVisible({ timeout: 30_000 });
  const before = await panel.getByTestId('profiler-run').count();
  await panel.getByRole('combobox').selectOption('WALL');
  await panel.getByRole('spinbutton').fill('2');
  await panel.getByRole('button', { name: 'Start profiling' }).click();
  await expect(panel.getByTestId('profiler-run')).toHaveCount(before + 1, { timeout: 30_000 });
  const download = panel.getByTestId('profiler-run').first().getByRole('link', { name: 'Download' });
  await expect(download).toBeVisible({ timeout: 60_000 });
  const href = (await download.getAttribute('href')) ?? '';
  expect(href).toMatch(new RegExp(`^/api/${C}/taskmanagers/[^/]+/profiler/[^/]+\\.html$`));
  const file = await request.get(href);
  expect(file.ok()).toBe(true);
  expect((await file.text()).slice(0, 200)).toContain('<!DOCTYPE html>');
});

test('uploading the test jar through the page and running it starts a job', async ({
  page,
  request,
  state,
}) => {
  test.setTimeout(180_000);
  const jarPath = state.real?.flink?.jarPath ?? '';
  await page.goto(`/clusters/${C}/submit`);
  await page.getByTestId('jar-upload-input').setInputFiles(jarPath);
  await expect(page.getByTestId('upload-done')).toBeVisible({ timeout: 60_000 });
  const jarId =
    (await page
      .locator('[data-testid="jar-row"][aria-selected="true"]')
      .getByTestId('jar-id')
      .textContent()) ?? '';
  expect(jarId).toMatch(/_streamdash-jobs\.jar$/);
  const form = page.getByTestId('run-form');
  await form.getByTestId('entry-class').fill(ENTRY_CLASSES.checkpointing);
  await form.getByTestId('program-args').fill('--parallelism\n1\n--name\nstreamdash e2e page submit');
  await form.getByTestId('parallelism').fill('1');

  await form.getByTestId('show-plan').click();
  await expect(page.getByTestId('plan-graph').locator('.react-flow__node')).toHaveCount(2, {
    timeout: 60_000,
  });
  await expect(page.getByTestId('plan-preview')).toContainText('streamdash e2e page submit');

  await form.getByTestId('submit-job').click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${C}/jobs/[0-9a-f]{32}`), { timeout: 90_000 });
  const jobId = /jobs\/([0-9a-f]{32})/.exec(page.url())?.[1] ?? '';
  try {
    await expect
      .poll(
        async () => ((await (await request.get(api(`/jobs/${jobId}`))).json()) as { state: string }).state,
        {
          timeout: 60_000,
        },
      )
      .toMatch(/^(CREATED|INITIALIZING|RUNNING)$/);
  } finally {
    // Free the slot for the other suites, and the upload directory.
    await request.patch(api(`/jobs/${jobId}?mode=cancel`));
    await request.delete(api(`/jars/${encodeURIComponent(jarId)}`));
  }
});
