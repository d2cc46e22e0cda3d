import { test, expect } from '../support/fixtures';

// Pages poll and chart while the machine may be busy with other suites: give each test room.
test.describe.configure({ timeout: 120_000 });

test('the configuration is complete and searchable', async ({ page, request }) => {
  const config = (await (await request.get('/api/demo/jobmanager/config')).json()) as {
    key: string;
    value: string;
  }[];
  await page.goto('/clusters/demo/job-manager');
  await expect(page.getByTestId('jm-config-count')).toHaveText(`${config.length} settings`);
  await page.getByRole('searchbox', { name: 'Search the configuration' }).fill('rest.port');
  const rows = page.getByTestId('config-row');
  const port = config.find((e) => e.key === 'rest.port');
  await expect(rows.filter({ hasText: 'rest.port' }).first()).toContainText(port?.value ?? '');
  await expect(page.getByTestId('jm-config-count')).toHaveText(new RegExp(`of ${config.length} settings`));
});

test('the environment tab shows the JVM and the classpath', async ({ page, request }) => {
  const env = (await (await request.get('/api/demo/jobmanager/environment')).json()) as {
    jvm: { version: string };
    classpath: string[];
  };
  await page.goto('/clusters/demo/job-manager?tab=environment');
  await expect(page.getByTestId('jm-environment')).toContainText(env.jvm.version);
  await expect(page.getByTestId('classpath')).toContainText(`(${env.classpath.length})`);
});

test('metrics are picked from the list, charted, and the picks survive a reload', async ({ page }) => {
  await page.goto('/clusters/demo/job-manager');
  await page.getByRole('tab', { name: 'Metrics' }).click();
  await expect(page).toHaveURL(/tab=metrics/);
  const list = page.getByTestId('jm-metric-list');
  await page.getByRole('searchbox', { name: 'Filter metrics' }).fill('Threads.Count');
  const threads = list.getByRole('checkbox').first();
  await expect(threads).toBeChecked(); // a default pick
  await threads.uncheck();
  await page.getByRole('searchbox', { name: 'Filter metrics' }).fill('ClassesLoaded');
  await list.getByRole('checkbox').first().check();
  await expect(page.getByRole('region', { name: 'Status.JVM.ClassLoader.ClassesLoaded' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Status.JVM.ClassLoader.ClassesLoaded' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Status.JVM.Threads.Count' })).toHaveCount(0);
});

test('the thread dump tab is addressable and complete', async ({ page, request }) => {
  await page.goto('/clusters/demo/job-manager?tab=logs');
  await page.getByRole('tab', { name: 'Thread dump' }).click();
  await expect(page).toHaveURL(/tab=threads/);
  const dump = (await (await request.get('/api/demo/jobmanager/thread-dump')).json()) as {
    threadInfos: unknown[];
  };
  await expect(page.getByTestId('thread-count')).toHaveText(`${dump.threadInfos.length} threads`);
});

test('the job manager log opens in the log viewer and is searchable', async ({ page }) => {
  await page.goto('/clusters/demo/job-manager?tab=logs');
  const viewer = page.getByTestId('log-viewer');
  await expect(viewer.getByTestId('log-line').first()).toBeVisible();
  await viewer.getByRole('searchbox', { name: 'Search log' }).fill('INFO');
  await expect(viewer.getByRole('status')).toHaveText(/^1 \/ \d+/);
  await page.getByTestId('log-file-list').getByRole('button').first().click();
  await expect(page).toHaveURL(/[?&]file=/);
});

test('admin: a data set is deleted after confirmation and its deletion is tracked', async ({
  page,
  request,
}) => {
  const before = (await (await request.get('/api/demo/datasets')).json()) as { dataSets: { id: string }[] };
  await page.goto('/clusters/demo/job-manager?tab=admin');
  const rows = page.getByTestId('dataset-row');
  await expect(rows).toHaveCount(before.dataSets.length);
  test.skip(before.dataSets.length === 0, 'the demo has no data set left');
  const id = before.dataSets[0]?.id ?? '';
  await rows.filter({ hasText: id }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('dialog')).toContainText(`Delete data set ${id}?`);
  await page.getByRole('dialog').getByRole('button', { name: 'Delete data set' }).click();
  const deletion = page.getByTestId('dataset-deletion').filter({ hasText: id });
  await expect(deletion).toHaveAttribute('data-state', 'COMPLETED', { timeout: 15_000 });
  await expect(rows.filter({ hasText: id })).toHaveCount(0, { timeout: 15_000 });
});

test('admin: shutting the cluster down takes two confirmations, the second by typing its name', async ({
  page,
  request,
}) => {
  const clusters = (await (await request.get('/api/clusters')).json()) as {
    clusters: { id: string; name: string }[];
  };
  const name = clusters.clusters.find((c) => c.id === 'demo')?.name ?? 'demo';
  await page.goto('/clusters/demo/job-manager?tab=admin');
  await page.getByRole('button', { name: 'Shut down cluster…' }).click();
  await expect(page.getByRole('dialog')).toContainText(`Shut down ${name}?`);
  await page.getByRole('dialog').getByRole('button', { name: 'Continue' }).click();
  const second = page.getByRole('dialog');
  await expect(second).toContainText(`Shut down cluster ${name}?`);
  const confirm = second.getByRole('button', { name: 'Shut down cluster' });
  await expect(confirm).toBeDisabled();
  await second.getByRole('textbox').fill('not the name');
  await expect(confirm).toBeDisabled();
  await second.getByRole('textbox').fill(name);
  await expect(confirm).toBeEnabled();
  // Back out: the demo cluster serves the other tests.
  await second.getByRole('button', { name: 'Go back' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect((await request.get('/api/demo/overview')).ok()).toBe(true);
});
