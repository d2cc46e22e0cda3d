import type { Page } from '@playwright/test';
import { test } from '../support/fixtures';
import { BATCH, expect, expectRecordsInOneTableRow, freshId, STREAMING, submitJob } from './seatunnel-pages';

/*
 * The full SeaTunnel page suite against the newest real engine that global setup started
 * (2.3.13 from Maven Central, REST v2, cluster `real-seatunnel`); seatunnel-versions.spec.ts
 * runs a smoke pass and the job actions on every version and flavour. Its history lives in
 * memory, so every job is submitted here, through the page. FakeSource in STREAMING mode emits
 * its rows once and then idles: counts are checked to be positive, not climbing.
 */

const CLUSTER = 'real-seatunnel';
const submit = (page: Page, config: object, name: string, jobId?: string) =>
  submitJob(page, CLUSTER, config, name, jobId);

test.describe('SeaTunnel on the real engine', () => {
  test.beforeEach(({ state }) => {
    test.skip(!state.real?.seatunnel, 'the real SeaTunnel engine did not start');
  });

  test('the overview shows the engine’s version and figures', async ({ page, state }) => {
    await page.goto(`/clusters/${CLUSTER}/overview`);
    // The first answers after start-up can be slow on a busy machine.
    await expect(page.getByTestId('st-engine')).toContainText(
      `SeaTunnel ${state.real?.seatunnel?.version ?? ''}`,
      {
        timeout: 60_000,
      },
    );
    await expect(page.getByTestId('st-engine')).toContainText('REST v2');
    await expect(page.getByTestId('st-workers-value')).toHaveText('1');
    await expect(page.getByTestId('st-failed-card')).toHaveAttribute('data-source', 'engine');
  });

  test('a batch job submitted with a 64-bit id runs to FINISHED, the id exact everywhere', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const id = freshId();
    const name = `e2e-real-batch-${id.slice(-6)}`;
    expect(await submit(page, BATCH, name, id)).toBe(id);
    await expect(page).toHaveURL(new RegExp(`/clusters/${CLUSTER}/jobs/${id}$`));
    await expect(page.getByTestId('job-id')).toHaveText(id);
    await expect(page.getByTestId('job-state')).toHaveText('FINISHED', { timeout: 60_000 });
    await expect(page.getByTestId('written-count')).toHaveAttribute('data-exact', '20');
    await page.goto(`/clusters/${CLUSTER}/jobs`);
    await page.getByTestId('jobs-search').fill(id);
    await expect(page.getByTestId('jobs-table').getByTestId('job-id-cell')).toHaveText([id]);
  });

  test('a streaming job shows its DAG, counts per table and its log, and stops from its page', async ({
    page,
  }) => {
    test.setTimeout(360_000);
    const id = await submit(page, STREAMING, `e2e-real-stream-${Date.now()}`);
    await expect(page.getByTestId('job-state')).toHaveText('RUNNING', { timeout: 60_000 });
    await expect(page.getByTestId('job-graph').locator('.react-flow__node')).toHaveCount(2);
    await expect(page.getByTestId('job-graph')).toContainText('FakeSource');
    await expectRecordsInOneTableRow(page);
    await expect(page.getByTestId('table-metrics')).not.toContainText('Source[0]');

    await page.getByRole('tab', { name: 'Logs' }).click();
    // The job's own log file (job-<id>.log), with the Console sink's rows.
    await expect(page.getByTestId('log-viewer')).toContainText('INFO', { timeout: 60_000 });
    await page.getByRole('tab', { name: 'Graph & metrics' }).click();

    await page.getByTestId('stop-job').click();
    await expect(page.getByTestId('stop-job-dialog')).toContainText(id);
    await page.getByRole('dialog').getByRole('button', { name: 'Stop job' }).click();
    await expect(page.getByTestId('job-state')).toHaveText('CANCELED', { timeout: 60_000 });
    await page.goto(`/clusters/${CLUSTER}/jobs?state=CANCELED`);
    await expect(page.getByTestId('jobs-table')).toContainText(id, { timeout: 60_000 });
  });

  test('a refused submission shows the engine’s whole message and keeps the draft', async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto(`/clusters/${CLUSTER}/submit`);
    const config = JSON.stringify(
      { ...BATCH, source: [{ ...BATCH.source[0], plugin_name: 'NoSuchSource' }] },
      null,
      2,
    );
    await page.getByTestId('config-editor').fill(config);
    await page.getByTestId('submit-job').click();
    // 2.3.8: "Plugin PluginIdentifier{... pluginName='NoSuchSource'} not found."; 2.3.13:
    // "ErrorCode:[API-06], ... Unable to create a source for identifier 'NoSuchSource'."
    await expect(page.getByTestId('submit-error-text')).toContainText("'NoSuchSource'", {
      timeout: 60_000,
    });
    await page.reload();
    await expect(page.getByTestId('config-editor')).toHaveValue(config);
  });

  test('the node’s health is shown and charted', async ({ page }) => {
    await page.goto(`/clusters/${CLUSTER}/nodes`);
    await expect(page.getByTestId('node-card')).toHaveCount(1);
    await expect(page.getByTestId('node-card')).toContainText('MASTER');
    await expect(page.getByTestId('node-card').getByTestId('time-series-chart').first()).toBeVisible({
      timeout: 20_000,
    });
  });
});
