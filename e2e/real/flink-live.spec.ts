import { test, expect } from '../support/fixtures';

/**
 * The dashboard driven in Chromium against the real Flink 2.2 cluster the suite started, with
 * the project's own workloads running on it (see e2e/real/jobs).
 */
test.describe.configure({ timeout: 180_000 });

test('the overview numbers match the cluster’s /overview', async ({ page, state }) => {
  const flink = state.real?.flink;
  expect(flink, 'real Flink started by global setup').toBeDefined();
  await page.goto('/clusters/real-flink/overview');
  const overview = (await (await fetch(`${flink!.url}/overview`)).json()) as Record<string, number | string>;
  await expect(page.getByTestId('taskmanagers-value')).toHaveText(String(overview.taskmanagers));
  await expect(page.getByTestId('slots-total-value')).toHaveText(String(overview['slots-total']));
  await expect(page.getByRole('main').getByText(`Flink ${String(overview['flink-version'])}`)).toBeVisible();
  await expect(page.getByTestId('running-jobs')).toContainText('Checkpointing');
});

test('the job page shows the plan and marks the back-pressured vertex', async ({ page, state }) => {
  const jobId = state.real!.flink!.jobs.backpressure;
  await page.goto(`/clusters/real-flink/jobs/${jobId}`);
  await expect(page.getByTestId('dag-node').first()).toBeVisible({ timeout: 60_000 });
  // Metrics arrive at Flink's metric-fetch cadence: give the first samples time.
  await expect(page.locator('[data-testid=dag-node][data-tone=backpressured]').first()).toBeVisible({
    timeout: 90_000,
  });
  await expect(
    page.locator('[data-testid=dag-node][data-tone=busy]').filter({ hasText: 'Slow enrichment' }),
  ).toBeVisible({
    timeout: 90_000,
  });
});

test('the checkpoints tab lists completed checkpoints', async ({ page, state }) => {
  const flink = state.real!.flink!;
  await page.goto(`/clusters/real-flink/jobs/${flink.jobs.checkpointing}/checkpoints`);
  await expect(page.getByTestId('checkpoint-history-table')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('cp-count-completed-value')).not.toHaveText('0');
  const stats = (await (await fetch(`${flink.url}/jobs/${flink.jobs.checkpointing}/checkpoints`)).json()) as {
    history: { id: number; status: string }[];
  };
  const done = stats.history.find((h) => h.status === 'COMPLETED');
  expect(done).toBeDefined();
  await expect(
    page
      .getByTestId('checkpoint-history-table')
      .locator('tbody tr')
      .filter({ hasText: `#${done!.id}` }),
  ).toContainText('COMPLETED');
});

test('taking a savepoint from the button yields a savepoint path', async ({ page, state }) => {
  const jobId = state.real!.flink!.jobs.checkpointing;
  await page.goto(`/clusters/real-flink/jobs/${jobId}`);
  await expect(page.getByTestId('job-state')).toHaveText('RUNNING');
  await page.getByTestId('action-savepoint').click();
  await page.getByTestId('savepoint-dialog').getByTestId('savepoint-dialog-submit').click();
  await expect(page.getByTestId('savepoint-path')).toHaveText(/^file:.*savepoint-/, { timeout: 120_000 });
  await expect(page.getByTestId('operation')).toHaveAttribute('data-phase', 'completed');
});
