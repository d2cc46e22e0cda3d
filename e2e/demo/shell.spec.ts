import { test, expect } from '../support/fixtures';
import { killTree } from '../support/processes';
import { startDemoProcess } from '../support/global-setup';
import { readState, writeState } from '../support/state';

test('the overview shows the same figures as the cluster’s /overview', async ({ page, request }) => {
  await page.goto('/clusters/demo/overview');
  await expect(page.getByRole('heading', { name: 'Cluster overview' })).toBeVisible();
  const overview = (await (await request.get('/api/demo/overview')).json()) as Record<
    string,
    number | string
  >;
  await expect(page.getByTestId('taskmanagers-value')).toHaveText(String(overview.taskmanagers));
  await expect(page.getByTestId('slots-total-value')).toHaveText(String(overview['slots-total']));
  await expect(page.getByRole('main').getByText(`Flink ${String(overview['flink-version'])}`)).toBeVisible();
  await expect(page.getByTestId('running-jobs').getByRole('link').first()).toBeVisible();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'up');
});

test('the side navigation reaches every section by a URL that survives a reload', async ({ page }) => {
  test.setTimeout(120_000); // eight page loads and reloads
  await page.goto('/clusters/demo/overview');
  const nav = page.getByTestId('side-nav');
  for (const [label, path] of [
    ['Jobs', '/clusters/demo/jobs'],
    ['Task Managers', '/clusters/demo/task-managers'],
    ['Job Manager', '/clusters/demo/job-manager'],
    ['Submit', '/clusters/demo/submit'],
  ] as const) {
    await nav.getByRole('link', { name: label, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await page.reload();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByTestId('route-error')).toHaveCount(0);
    await expect(page.getByTestId('not-found')).toHaveCount(0);
  }
  // Every configured SeaTunnel cluster has its own entry (the demo runs a v2 and a v1 one).
  // (With E2E_REAL on, the real SeaTunnel nodes are listed as well: only the demo's are counted.)
  const demoSeaTunnel = nav.getByTestId('nav-other-seatunnel').locator('a[data-cluster^="demo-seatunnel"]');
  await expect(demoSeaTunnel).toHaveCount(2);
  await demoSeaTunnel.and(page.locator('[data-cluster="demo-seatunnel-v1"]')).click();
  await expect(page).toHaveURL(/\/clusters\/demo-seatunnel-v1\/overview$/);
  await expect(demoSeaTunnel).toHaveCount(1);
  // a cut name keeps its end visible; it is still read as one whole name
  await expect(demoSeaTunnel).toHaveAccessibleName('Demo SeaTunnel');
});

test('the cluster switcher moves between clusters', async ({ page }) => {
  await page.goto('/clusters/demo/overview');
  await page.getByTestId('cluster-switcher').selectOption('demo-seatunnel');
  await expect(page).toHaveURL(/\/clusters\/demo-seatunnel\/overview$/);
  await page.getByTestId('cluster-switcher').selectOption('');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('cluster-card-demo')).toBeVisible();
});

test('the theme is switchable and remembered across reloads', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/clusters/demo/overview');
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  await page.getByTestId('theme-toggle').click(); // system -> light
  await page.getByTestId('theme-toggle').click(); // light -> dark
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
});

test('the theme follows the system until the user picks one', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.locator('html')).toHaveClass(/dark/);
});

test('an unknown address shows a real 404 page', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByTestId('not-found')).toBeVisible();
  await expect(page.getByText('/no/such/page')).toBeVisible();
  await page.goto('/clusters/nope/overview');
  await expect(page.getByText('No cluster named “nope”')).toBeVisible();
});

test('a stopped cluster shows the disconnected banner and recovers when it comes back', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/clusters/outage/overview');
  await page.getByTestId('poll-interval').selectOption('1000');
  await expect(page.getByTestId('taskmanagers-value')).toBeVisible();
  const before = await page.getByTestId('taskmanagers-value').textContent();

  const state = readState();
  killTree(state.outageDemo.pid, 'SIGKILL');
  await expect(page.getByTestId('disconnected-banner')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'down');
  // The last data stays on screen, marked stale.
  await expect(page.getByTestId('taskmanagers-value')).toHaveText(before ?? '');
  await expect(page.getByTestId('stale-mark').first()).toBeVisible();

  const again = await startDemoProcess([
    '--port',
    String(state.outageDemo.port),
    '--seatunnel-v2-port',
    '0',
    '--seatunnel-v1-port',
    '0',
  ]);
  writeState({ ...state, outageDemo: { ...state.outageDemo, pid: again.child.pid } });
  await expect(page.getByTestId('disconnected-banner')).toBeHidden({ timeout: 10_000 });
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'up');
});
