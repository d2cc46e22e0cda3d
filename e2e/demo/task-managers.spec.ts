import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';

// Pages poll and chart while the machine may be busy with other suites: give each test room.
test.describe.configure({ timeout: 120_000 });

interface Tm {
  id: string;
  slotsNumber: number;
  freeSlots: number;
  memoryConfiguration: Record<string, number>;
}

async function taskManagers(request: APIRequestContext): Promise<Tm[]> {
  const res = await request.get('/api/demo/taskmanagers');
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { taskmanagers: Tm[] }).taskmanagers;
}

const row = (page: Page, id: string) => page.getByTestId('tm-table').getByRole('row').filter({ hasText: id });

test('the list shows every task manager with the slots /taskmanagers reports', async ({ page, request }) => {
  const tms = await taskManagers(request);
  await page.goto('/clusters/demo/task-managers');
  await expect(page.getByTestId('tm-count-value')).toHaveText(String(tms.length));
  await expect(page.getByTestId('tm-slots-value')).toHaveText(
    String(tms.reduce((n, t) => n + t.slotsNumber, 0)),
  );
  for (const tm of tms) {
    await expect(row(page, tm.id)).toBeVisible();
    await expect(row(page, tm.id)).toContainText(`/${tm.slotsNumber}`);
  }
  // Free slots move as demo jobs restart: compare with a fresh answer until both agree.
  await expect
    .poll(
      async () => {
        const fresh = await taskManagers(request);
        const shown = await Promise.all(
          fresh.map((t) => row(page, t.id).getByTestId('tm-free-slots').textContent()),
        );
        return fresh.every((t, i) => shown[i] === String(t.freeSlots));
      },
      { timeout: 20_000 },
    )
    .toBe(true);
});

test('search and sort live in the URL and survive a reload', async ({ page, request }) => {
  const [first, ...others] = await taskManagers(request);
  await page.goto('/clusters/demo/task-managers');
  await page.getByTestId('tm-search').fill(first?.id ?? '');
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(row(page, first?.id ?? '')).toBeVisible();
  for (const other of others) await expect(row(page, other.id)).toHaveCount(0);
  await page.getByTestId('tm-search').fill('');
  await page.getByRole('columnheader', { name: 'Data port' }).getByRole('button').click();
  await expect(page).toHaveURL(/sort=dataPort/);
  await page.reload();
  await expect(page.getByRole('columnheader', { name: 'Data port' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
});

test('a row opens the task manager with its memory model drawn from memoryConfiguration', async ({
  page,
  request,
}) => {
  const [tm] = await taskManagers(request);
  if (!tm) throw new Error('the demo has no task manager');
  await page.goto('/clusters/demo/task-managers');
  await row(page, tm.id).click();
  await expect(page).toHaveURL(new RegExp(`/clusters/demo/task-managers/${encodeURIComponent(tm.id)}$`));
  const model = page.getByTestId('memory-model');
  await expect(model).toBeVisible();
  for (const part of [
    'frameworkHeap',
    'taskHeap',
    'managedMemory',
    'networkMemory',
    'jvmMetaspace',
    'jvmOverhead',
  ]) {
    await expect(model.getByTestId(`memory-part-${part}`)).toHaveAttribute(
      'data-bytes',
      String(tm.memoryConfiguration[part]),
    );
  }
  await expect(page.getByTestId('memory-legend')).toContainText('Framework off-heap');
  await expect(page.getByTestId('slot-grid').getByRole('listitem')).toHaveCount(tm.slotsNumber);
  // Jobs in the slots link to their pages.
  await expect(page.getByTestId('tm-job-row').first().getByRole('link')).toHaveAttribute(
    'href',
    /\/clusters\/demo\/jobs\/[0-9a-f]{32}$/,
  );
});

test('metric history is recorded and survives a reload', async ({ page, request }) => {
  const [tm] = await taskManagers(request);
  await page.goto(`/clusters/demo/task-managers/${encodeURIComponent(tm?.id ?? '')}`);
  await expect(page.getByTestId('tm-chart-heap')).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(() =>
        Object.keys(localStorage).some((k) => k.startsWith('streamdash.metric-history:flink:demo:tm:')),
      ),
    )
    .toBe(true);
  await page.reload();
  await expect(page.getByTestId('tm-charts')).toContainText('since ');
  await expect(page.getByTestId('tm-chart-heap').locator('.recharts-line-curve').first()).toBeVisible();
});

test('the log viewer shows the task manager log, searches it, and the file is in the URL', async ({
  page,
  request,
}) => {
  const [tm] = await taskManagers(request);
  const base = `/clusters/demo/task-managers/${encodeURIComponent(tm?.id ?? '')}`;
  await page.goto(`${base}?tab=logs`);
  const viewer = page.getByTestId('log-viewer');
  await expect(viewer.getByTestId('log-line').first()).toBeVisible();
  await viewer.getByRole('searchbox', { name: 'Search log' }).fill('Received task');
  await expect(viewer.getByRole('status')).toHaveText(/^1 \/ \d+/);
  await expect(viewer.locator('mark').first()).toHaveText(/Received task/i);

  await page.getByRole('button', { name: /^Stdout/ }).click();
  await expect(page).toHaveURL(/[?&]file=stdout/);
  await page.reload();
  await expect(page.getByRole('button', { name: /^Stdout/ })).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('log-viewer').or(page.getByTestId('query-error'))).toBeVisible();
});

test('the thread dump is grouped by state with the counts of /thread-dump', async ({ page, request }) => {
  const [tm] = await taskManagers(request);
  const res = await request.get(`/api/demo/taskmanagers/${encodeURIComponent(tm?.id ?? '')}/thread-dump`);
  const dump = (await res.json()) as { threadInfos: { stringifiedThreadInfo: string }[] };
  const counts = new Map<string, number>();
  for (const t of dump.threadInfos) {
    const state = / Id=\d+ ([A-Z_]+)/.exec(t.stringifiedThreadInfo)?.[1] ?? 'UNKNOWN';
    counts.set(state, (counts.get(state) ?? 0) + 1);
  }
  await page.goto(`/clusters/demo/task-managers/${encodeURIComponent(tm?.id ?? '')}?tab=threads`);
  await expect(page.getByTestId('thread-count')).toHaveText(`${dump.threadInfos.length} threads`);
  for (const [state, n] of counts) {
    await expect(page.getByTestId(`thread-group-${state}`).getByTestId('thread-group-count')).toHaveText(
      String(n),
    );
  }
  // Search narrows the groups; a thread opens to its stack.
  await page.getByRole('searchbox', { name: 'Search threads' }).fill('TaskManagerRunner');
  await expect(page.getByTestId('thread-row')).toHaveCount(1);
  await page.getByTestId('thread-row').getByRole('button').first().click();
  await expect(page.getByTestId('thread-row').locator('pre')).toContainText('TaskManagerRunner.main');
});

test('the profiler tab names the setting that turns it on', async ({ page, request }) => {
  const [tm] = await taskManagers(request);
  await page.goto(`/clusters/demo/task-managers/${encodeURIComponent(tm?.id ?? '')}?tab=profiler`);
  await expect(page.getByTestId('profiler-disabled')).toContainText('rest.profiling.enabled: true');
});
