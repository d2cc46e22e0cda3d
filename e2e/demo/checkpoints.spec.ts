import type { APIRequestContext } from '@playwright/test';
import { test, expect } from '../support/fixtures';

/**
 * The checkpoints tab on the demo cluster. Read-only: it only looks at demo jobs other specs
 * also use, never changes them.
 */

// Several page loads and operations each: allow for a loaded machine.
test.describe.configure({ timeout: 120_000 });

interface Entry {
  id: number;
  status: 'COMPLETED' | 'FAILED' | 'IN_PROGRESS';
  num_acknowledged_subtasks: number;
  num_subtasks: number;
  failure_message?: string | null;
}
interface Stats {
  counts: { completed: number; failed: number };
  history: Entry[];
}

async function jobId(request: APIRequestContext, name: string): Promise<string> {
  const res = await request.get('/api/demo/jobs/overview');
  const jobs = ((await res.json()) as { jobs: { jid: string; name: string }[] }).jobs;
  const job = jobs.find((j) => j.name === name);
  if (!job) throw new Error(`demo job "${name}" not found`);
  return job.jid;
}

const stats = async (request: APIRequestContext, id: string) =>
  (await (await request.get(`/api/demo/jobs/${id}/checkpoints`)).json()) as Stats;

test('completed checkpoints are listed with their figures', async ({ page, request }) => {
  const id = await jobId(request, 'Payment Fraud Detection');
  await page.goto(`/clusters/demo/jobs/${id}/checkpoints`);
  const table = page.getByTestId('checkpoint-history-table');
  await expect(table).toBeVisible();
  await expect(page.getByTestId('cp-count-completed-value')).not.toHaveText('0');
  // A completed entry the cluster reports is in the table with its acknowledgements.
  const s = await stats(request, id);
  const done = s.history.find((h) => h.status === 'COMPLETED');
  expect(done).toBeDefined();
  const row = table.locator('tbody tr').filter({ hasText: `#${done!.id}` });
  await expect(row).toContainText('COMPLETED');
  await expect(row).toContainText(`${done!.num_acknowledged_subtasks}/${done!.num_subtasks}`);
  await expect(row).toContainText(/\d+(\.\d+)? (ms|s)/); // a duration
  await expect(row).toContainText(/\d+(\.\d+)? (B|KiB|MiB|GiB)/); // a size
  // Summary and configuration sections
  await page.getByRole('tab', { name: 'Summary' }).click();
  await expect(page.getByTestId('summary-duration')).toBeVisible();
  await page.getByRole('tab', { name: 'Configuration' }).click();
  await expect(page.getByTestId('checkpoint-config')).toContainText('exactly once');
});

test('a failed checkpoint shows its failure message', async ({ page, request }) => {
  // This job's checkpoints fail every few seconds with a message.
  const id = await jobId(request, 'Ad Impressions Dedup');
  let failed: Entry | undefined;
  await expect
    .poll(
      async () => {
        failed = (await stats(request, id)).history.find((h) => h.status === 'FAILED' && h.failure_message);
        return failed !== undefined;
      },
      { timeout: 40_000 },
    )
    .toBe(true);
  await page.goto(`/clusters/demo/jobs/${id}/checkpoints`);
  const table = page.getByTestId('checkpoint-history-table');
  await page
    .getByRole('group', { name: 'Show' })
    .getByRole('button', { name: /^Failed/ })
    .click();
  const row = table.locator('tbody tr').filter({ hasText: `#${failed!.id}` });
  await expect(row.getByTestId('cp-failure-message')).toHaveText(failed!.failure_message!);
  // Expanded, the message is shown in full.
  await row.click();
  await expect(page).toHaveURL(new RegExp(`checkpoint=${failed!.id}`));
  await expect(page.getByTestId('checkpoint-detail-failure')).toHaveText(failed!.failure_message!);
});

test('expanding a checkpoint shows its vertices, then a vertex its subtasks; the URL keeps both', async ({
  page,
  request,
}) => {
  const id = await jobId(request, 'Clickstream Sessionization');
  await page.goto(`/clusters/demo/jobs/${id}/checkpoints`);
  const table = page.getByTestId('checkpoint-history-table');
  await table.locator('tbody tr').filter({ hasText: 'COMPLETED' }).first().click();
  await expect(page).toHaveURL(/checkpoint=\d+/);
  const detail = page.getByTestId('checkpoint-detail');
  const vertices = detail.getByTestId('checkpoint-vertex-row');
  await expect(vertices.first()).toBeVisible();
  const job = (await (await request.get(`/api/demo/jobs/${id}`)).json()) as {
    vertices: { id: string; name: string }[];
  };
  await expect(vertices).toHaveCount(job.vertices.length);
  await expect(vertices.first()).toContainText(job.vertices[0]!.name);

  await vertices.nth(2).getByRole('button').click();
  await expect(page).toHaveURL(new RegExp(`vertex=${job.vertices[2]!.id}`));
  const subtasks = detail.getByTestId('checkpoint-subtask-table');
  await expect(subtasks).toBeVisible();
  await expect(subtasks.locator('tbody tr').filter({ hasText: 'acked' }).first()).toBeVisible();
  await expect(subtasks.getByRole('columnheader', { name: /Sync/ })).toBeVisible();
  await expect(subtasks.getByRole('columnheader', { name: /Async/ })).toBeVisible();

  // a reload restores the same view
  const url = page.url();
  await page.reload();
  await expect(page).toHaveURL(url);
  await expect(page.getByTestId('checkpoint-subtask-table')).toBeVisible();
});

test('a job without checkpointing says so', async ({ page, request }) => {
  const id = await jobId(request, 'Nightly Inventory Reconciliation');
  await page.goto(`/clusters/demo/jobs/${id}/checkpoints`);
  await expect(page.getByTestId('checkpoints-not-enabled')).toContainText(
    'Checkpointing is not enabled for this job',
  );
});
