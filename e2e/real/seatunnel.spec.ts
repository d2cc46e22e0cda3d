import type { Page } from '@playwright/test';
import { test, expect as baseExpect } from '../support/fixtures';

// Pages load lazily and engines answer slowly on a busy machine: wait longer than the default.
const expect = baseExpect.configure({ timeout: 30_000 });

/*
 * The SeaTunnel pages against the real engine that global setup started (2.3.8 from Maven
 * Central: REST v1 only, cluster `real-seatunnel-v1`). Its history lives in memory, so every
 * job is submitted here, through the page. FakeSource in STREAMING mode emits its rows once and
 * then idles: counts are checked to be positive, not climbing.
 */

const CLUSTER = 'real-seatunnel-v1';
const SCHEMA = { fields: { name: 'string', age: 'int', card: 'int' } };
const BATCH = {
  env: { 'job.mode': 'BATCH', parallelism: 1 },
  source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', 'row.num': 20, schema: SCHEMA }],
  transform: [],
  sink: [{ plugin_name: 'Console', source_table_name: ['fake'] }],
};
const STREAMING = {
  env: { 'job.mode': 'STREAMING', parallelism: 1, 'checkpoint.interval': 5000 },
  source: [
    {
      plugin_name: 'FakeSource',
      result_table_name: 'fake',
      'row.num': 10,
      'split.num': 1,
      'split.read-interval': 1000,
      schema: SCHEMA,
    },
  ],
  transform: [],
  sink: [{ plugin_name: 'Console', source_table_name: ['fake'] }],
};

/** A fresh 64-bit id above 2^53 (the engine keeps ids per run; retries need new ones). */
const freshId = () => `7335847883${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

async function submit(page: Page, config: object, name: string, jobId?: string) {
  await page.goto(`/clusters/${CLUSTER}/submit`);
  await page.getByTestId('config-editor').fill(JSON.stringify(config, null, 2));
  await expect(page.getByTestId('config-ok')).toBeVisible();
  await page.getByTestId('job-name').fill(name);
  if (jobId) await page.getByTestId('job-id-input').fill(jobId);
  // Right after start-up the engine may reset the connection (coordinator still initialising):
  // the page shows that and keeps the draft, and a person would simply submit again.
  for (let attempt = 1; ; attempt++) {
    await page.getByTestId('submit-job').click();
    const outcome = await Promise.race([
      page
        .waitForURL(/\/jobs\/\d+$/, { timeout: 90_000 })
        .then(() => 'opened' as const)
        .catch(() => 'timeout' as const),
      page
        .getByTestId('submit-error-text')
        .waitFor({ timeout: 90_000 })
        .then(() => 'refused' as const)
        .catch(() => 'timeout' as const),
    ]);
    if (outcome === 'opened') break;
    if (outcome === 'timeout') throw new Error('the submission neither opened a job nor was refused');
    const message = (await page.getByTestId('submit-error-text').textContent()) ?? '';
    if (jobId && message.includes('has already been submitted')) {
      // The first attempt did reach the engine before the connection dropped.
      await page.goto(`/clusters/${CLUSTER}/jobs/${jobId}`);
      break;
    }
    if (attempt >= 3 || !/did not answer|ECONNRESET|timed out|no answer/i.test(message)) {
      throw new Error(`the engine refused the job: ${message}`);
    }
    await page.waitForTimeout(5_000);
  }
  return /\/jobs\/(\d+)$/.exec(page.url())?.[1] ?? '';
}

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
    await expect(page.getByTestId('st-engine')).toContainText('REST v1');
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

  test('a streaming job shows its DAG and counts, says 2.3.8 has no logs, and stops from its page', async ({
    page,
    state,
  }) => {
    test.setTimeout(360_000);
    const id = await submit(page, STREAMING, `e2e-real-stream-${Date.now()}`);
    await expect(page.getByTestId('job-state')).toHaveText('RUNNING', { timeout: 60_000 });
    await expect(page.getByTestId('job-graph').locator('.react-flow__node')).toHaveCount(2);
    await expect(page.getByTestId('job-graph')).toContainText('FakeSource');
    await expect
      .poll(
        async () => BigInt((await page.getByTestId('received-count').getAttribute('data-exact')) || '0'),
        { timeout: 90_000 },
      )
      .toBeGreaterThan(0n);

    await page.getByRole('tab', { name: 'Logs' }).click();
    if (state.real?.seatunnel?.version.startsWith('2.3.8')) {
      await expect(page.getByTestId('logs-unsupported')).toContainText('has no log endpoints');
    }
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
    await expect(page.getByTestId('submit-error-text')).toContainText("pluginName='NoSuchSource'", {
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
