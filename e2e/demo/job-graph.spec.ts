import type { APIRequestContext, Page } from '@playwright/test';
import { DEMO_JOB_NAMES } from '../../demo/flink/model/specs';
import { test, expect } from '../support/fixtures';

/*
 * The job's main tab on the demo cluster. The demo's "bottleneck" job has a vertex that is
 * back-pressured HIGH (Parse JSON -> …) because the next one downstream (Enrich: User Profile
 * Lookup) is ~100 % busy.
 */

interface DemoJob {
  jid: string;
  parse: string;
  enrich: string;
}

async function bottleneckJob(request: APIRequestContext): Promise<DemoJob> {
  const overview = (await (await request.get('/api/demo/jobs/overview')).json()) as {
    jobs: { jid: string; name: string }[];
  };
  const jid = overview.jobs.find((j) => j.name === DEMO_JOB_NAMES.bottleneck)?.jid;
  expect(jid, 'the demo runs the bottleneck job').toBeTruthy();
  const details = (await (await request.get(`/api/demo/jobs/${jid}`)).json()) as {
    vertices: { id: string; name: string }[];
  };
  const id = (prefix: string) =>
    details.vertices.find((v) => v.name.startsWith(prefix))?.id ?? `missing ${prefix}`;
  return { jid: jid ?? '', parse: id('Parse JSON'), enrich: id('Enrich: User Profile Lookup') };
}

const graphNode = (page: Page, id: string) => page.locator(`[data-testid="dag-node"][data-node-id="${id}"]`);

// Vertex metrics come from the cluster's 10 s metric fetcher: allow for a slow first answer.
const METRICS = { timeout: 30_000 };
test.describe.configure({ timeout: 120_000 });

test('the back-pressured vertex and the busy one downstream are marked in the graph and the list', async ({
  page,
  request,
}) => {
  const job = await bottleneckJob(request);
  await page.goto(`/clusters/demo/jobs/${job.jid}`);
  await expect(graphNode(page, job.parse)).toHaveAttribute('data-tone', 'backpressured', METRICS);
  await expect(graphNode(page, job.enrich)).toHaveAttribute('data-tone', 'busy');
  // The ship strategies label the edges.
  await expect(page.getByTestId('job-graph').getByText('HASH').first()).toBeVisible();
  // The list beside the graph uses the same colours.
  const table = page.getByTestId('vertex-table');
  await expect(table.locator(`[data-vertex-id="${job.parse}"]`)).toHaveAttribute(
    'data-tone',
    'backpressured',
  );
  await expect(table.locator(`[data-vertex-id="${job.enrich}"]`)).toHaveAttribute('data-tone', 'busy');
  await expect(page.getByTestId('hot-spots')).toContainText('Parse JSON');
});

test('clicking a vertex puts it in the URL and opens its panel; a reload restores the selection', async ({
  page,
  request,
}) => {
  const job = await bottleneckJob(request);
  await page.goto(`/clusters/demo/jobs/${job.jid}`);
  await graphNode(page, job.enrich).getByRole('button').click();
  await expect(page).toHaveURL(new RegExp(`[?&]vertex=${job.enrich}`));
  const panel = page.getByTestId('vertex-panel');
  await expect(panel.getByTestId('vertex-panel-title')).toHaveText('Enrich: User Profile Lookup');
  await expect(panel.getByTestId('load-busy')).toContainText('%', METRICS);
  await expect(graphNode(page, job.enrich).getByRole('button')).toHaveAttribute('aria-pressed', 'true');

  await panel.getByRole('tab', { name: 'Subtasks' }).click();
  await expect(page).toHaveURL(/[?&]panel=subtasks/);
  await page.reload();
  await expect(page.getByTestId('vertex-panel-title')).toHaveText('Enrich: User Profile Lookup');
  await expect(page.getByTestId('vertex-panel').getByRole('tab', { name: 'Subtasks' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByRole('grid', { name: 'Subtasks' })).toBeVisible();

  // A row of the list selects as well; Close clears the selection from the URL.
  await page.getByTestId('vertex-table').locator(`[data-vertex-id="${job.parse}"]`).click();
  await expect(page).toHaveURL(new RegExp(`[?&]vertex=${job.parse}`));
  await expect(page.getByTestId('vertex-panel-title')).toContainText('Parse JSON');
  await page.getByRole('button', { name: 'Close vertex panel' }).click();
  await expect(page.getByTestId('vertex-panel')).toHaveCount(0);
  await expect(page).not.toHaveURL(/vertex=/);
});

test('each panel tab loads', async ({ page, request }) => {
  const job = await bottleneckJob(request);
  await page.goto(`/clusters/demo/jobs/${job.jid}?vertex=${job.enrich}`);
  const panel = page.getByTestId('vertex-panel');
  await expect(panel.getByTestId('vertex-detail')).toBeVisible();
  await expect(panel.getByTestId('vertex-operators')).toContainText('Enrich: User Profile Lookup');

  await panel.getByRole('tab', { name: 'Subtasks' }).click();
  const subtasks = panel.getByRole('grid', { name: 'Subtasks' });
  await expect(subtasks.getByRole('row')).toHaveCount(5); // header + parallelism 4
  // The row's first cell (its middle holds the task manager link, which leaves the page).
  await subtasks.getByRole('row').nth(1).getByRole('gridcell').first().click();
  await expect(page).toHaveURL(/[?&]subtask=0/);
  await expect(panel.getByTestId('attempt-row').first()).toBeVisible();

  await panel.getByRole('tab', { name: 'TaskManagers' }).click();
  await expect(page).toHaveURL(/[?&]panel=taskmanagers/);
  await expect(
    panel.getByRole('grid', { name: 'Task managers of the vertex' }).getByRole('link').first(),
  ).toBeVisible();

  await panel.getByRole('tab', { name: 'Watermarks' }).click();
  await expect(panel.getByTestId('low-watermark')).toBeVisible();
  await expect(panel.getByRole('grid', { name: 'Watermarks per subtask' }).getByRole('row')).toHaveCount(5);

  await panel.getByRole('tab', { name: 'Accumulators' }).click();
  await expect(panel.getByTestId('vertex-accumulators-table')).toContainText('profile-cache-misses');
  await expect(panel.getByRole('grid', { name: 'Accumulators per subtask' })).toBeVisible();

  await panel.getByRole('tab', { name: 'Metrics' }).click();
  await expect(page).toHaveURL(/[?&]panel=metrics/);
  await expect(panel.getByTestId('metric-chart').first()).toBeVisible();
  await expect(panel.getByTestId('query-error')).toHaveCount(0);
});

test('the charted metrics of a vertex are remembered across reloads', async ({ page, request }) => {
  const job = await bottleneckJob(request);
  await page.goto(`/clusters/demo/jobs/${job.jid}?vertex=${job.enrich}&panel=metrics`);
  const panel = page.getByTestId('vertex-panel');
  const input = panel.getByLabel('Add a metric');
  await input.fill('busyTimeMsPerSecond');
  await input.press('Enter');
  await expect(panel.locator('[data-metric="busyTimeMsPerSecond"]')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('vertex-panel').locator('[data-metric="busyTimeMsPerSecond"]')).toBeVisible();
});
