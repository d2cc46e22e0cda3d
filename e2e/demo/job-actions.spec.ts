import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';

/**
 * Job actions on the demo cluster. Savepoint and cancel act on jobs this spec submits itself
 * (from the demo's bundled example jar), so no other spec's job changes; only the failing
 * savepoint uses the shared "Ad Impressions Dedup" job (a failed savepoint changes nothing).
 */

// Several page loads and operations each: allow for a loaded machine.
test.describe.configure({ timeout: 120_000 });

async function submitOwnJob(request: APIRequestContext): Promise<{ id: string; name: string }> {
  const jars = (await (await request.get('/api/demo/jars')).json()) as {
    files: { id: string; name: string; entry: unknown[] }[];
  };
  // Other tests upload jars without a manifest: run one that names its entry class.
  const jar = jars.files.find((f) => f.entry.length > 0);
  if (!jar) throw new Error('the demo has no jar to run');
  const res = await request.post(`/api/demo/jars/${encodeURIComponent(jar.id)}/run`, {
    data: { parallelism: 1 },
  });
  expect(res.ok()).toBe(true);
  const id = ((await res.json()) as { jobid: string }).jobid;
  const job = (await (await request.get(`/api/demo/jobs/${id}`)).json()) as { name: string };
  return { id, name: job.name };
}

async function jobIdByName(request: APIRequestContext, name: string): Promise<string> {
  const jobs = (
    (await (await request.get('/api/demo/jobs/overview')).json()) as { jobs: { jid: string; name: string }[] }
  ).jobs;
  const job = jobs.find((j) => j.name === name);
  if (!job) throw new Error(`demo job "${name}" not found`);
  return job.jid;
}

function countPosts(page: Page, pathEnd: string) {
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname.endsWith(pathEnd)) posts.push(r.postData() ?? '');
  });
  return posts;
}

test('savepoint: a double click triggers one savepoint and its path appears', async ({ page, request }) => {
  const job = await submitOwnJob(request);
  const posts = countPosts(page, `/jobs/${job.id}/savepoints`);
  await page.goto(`/clusters/demo/jobs/${job.id}`);
  await expect(page.getByTestId('job-state')).toHaveText('RUNNING');
  await page.getByTestId('action-savepoint').click();
  const dialog = page.getByTestId('savepoint-dialog');
  await expect(dialog).toContainText(job.name);
  await dialog.getByTestId('savepoint-dialog-submit').dblclick();

  const op = page.getByTestId('operation');
  await expect(op).toHaveAttribute('data-kind', 'savepoint');
  await expect(page.getByTestId('savepoint-path')).toHaveText(/savepoint-/, { timeout: 20_000 });
  await expect(op).toHaveAttribute('data-phase', 'completed');
  await expect(op.getByRole('button', { name: 'Copy savepoint path' })).toBeVisible();
  expect(posts).toHaveLength(1);
  const triggerId = (JSON.parse(posts[0]!) as { triggerId: string }).triggerId;
  expect(triggerId).toMatch(/^[0-9a-f]{32}$/);
  await expect(op).toHaveAttribute('data-trigger-id', triggerId);

  // The path is the one Flink reports for that trigger id.
  const status = (await (await request.get(`/api/demo/jobs/${job.id}/savepoints/${triggerId}`)).json()) as {
    operation: { location: string };
  };
  await expect(page.getByTestId('savepoint-path')).toHaveText(status.operation.location);

  // The result survives navigating away and back, and a reload.
  await page.getByTestId('job-tab-checkpoints').click();
  await expect(page.getByTestId('cp-latest-savepoint')).toContainText(status.operation.location.slice(0, 20));
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Jobs' }).click();
  await expect(page).toHaveURL(/\/clusters\/demo\/jobs$/);
  await page.goBack();
  await expect(page.getByTestId('savepoint-path')).toHaveText(status.operation.location);
  await page.reload();
  await expect(page.getByTestId('savepoint-path')).toHaveText(status.operation.location);
  expect(posts).toHaveLength(1);

  // Leave no extra running job behind for other specs.
  await request.patch(`/api/demo/jobs/${job.id}?mode=cancel`);
});

test('the job whose savepoints fail shows the failure cause with its stack trace', async ({
  page,
  request,
}) => {
  const id = await jobIdByName(request, 'Ad Impressions Dedup');
  await page.goto(`/clusters/demo/jobs/${id}`);
  await page.getByTestId('action-savepoint').click();
  await page.getByTestId('savepoint-dialog-submit').click();
  const op = page.getByTestId('operation');
  await expect(op).toHaveAttribute('data-phase', 'failed', { timeout: 20_000 });
  await expect(op.getByTestId('operation-failure-class')).toHaveText(
    'org.apache.flink.runtime.checkpoint.CheckpointException',
  );
  await op.getByTestId('operation-stack-toggle').click();
  await expect(op.getByTestId('operation-stack-trace')).toContainText(
    'at org.apache.flink.runtime.checkpoint.CheckpointCoordinator',
  );
});

test('cancel asks for confirmation naming the job, then the job becomes CANCELED', async ({
  page,
  request,
}) => {
  const job = await submitOwnJob(request);
  await page.goto(`/clusters/demo/jobs/${job.id}`);
  await expect(page.getByTestId('job-state')).toHaveText('RUNNING');
  await page.getByTestId('action-cancel').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Cancel job ${job.name}?`);
  // Backing out changes nothing.
  await dialog.getByRole('button', { name: /^(Keep|Go back)$/ }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('job-state')).toHaveText('RUNNING');

  await page.getByTestId('action-cancel').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel job' }).click();
  await expect(page.getByTestId('job-state')).toHaveText('CANCELED', { timeout: 20_000 });
  // A finished job offers no job actions any more.
  await expect(page.getByTestId('action-savepoint')).toHaveCount(0);
  await expect(page.getByTestId('action-cancel')).toHaveCount(0);
});

test('read-only mode hides every action button', async ({ page, request }) => {
  const id = await jobIdByName(request, 'Payment Fraud Detection');
  await page.goto(`/clusters/demo/jobs/${id}`);
  await expect(page.getByTestId('action-savepoint')).toBeVisible();

  await page.route('**/api/clusters', async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, json: { ...((await res.json()) as object), readOnly: true } });
  });
  await page.reload();
  await expect(page.getByTestId('job-state')).toHaveText('RUNNING');
  await expect(page.getByTestId('job-actions')).toBeAttached();
  await expect(page.getByTestId('job-actions').getByRole('button')).toHaveCount(0);
});
