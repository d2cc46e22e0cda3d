import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect as baseExpect } from '../support/fixtures';

// Pages load lazily and engines answer slowly on a busy machine: wait longer than the default.
const expect = baseExpect.configure({ timeout: 30_000 });

/*
 * The SeaTunnel pages on the demo cluster, through REST v2 and REST v1 alike (both clusters are
 * the same demo engine, so jobs submitted on one are seen on the other). Seeded jobs are only
 * read; jobs that are stopped are jobs these tests submitted themselves.
 */

const STREAMING_JOB = '1003427735263641601';
const BIG_ID = '733584788375666689';

const CLUSTERS = [
  { id: 'demo-seatunnel', prefix: '', rest: 'REST v2' },
  { id: 'demo-seatunnel-v1', prefix: '/hazelcast/rest/maps', rest: 'REST v1' },
] as const;
type Cluster = (typeof CLUSTERS)[number];

const batchConfig = (rows = 40) =>
  JSON.stringify(
    {
      env: { 'job.mode': 'BATCH', parallelism: 1 },
      source: [
        {
          plugin_name: 'FakeSource',
          plugin_output: 'fake',
          'row.num': rows,
          schema: { fields: { name: 'string' } },
        },
      ],
      sink: [{ plugin_name: 'Console', plugin_input: ['fake'] }],
    },
    null,
    2,
  );
const streamingConfig = () =>
  JSON.stringify(
    {
      env: { 'job.mode': 'STREAMING', parallelism: 1, 'checkpoint.interval': 10000 },
      source: [{ plugin_name: 'FakeSource', plugin_output: 'fake', schema: { fields: { name: 'string' } } }],
      sink: [{ plugin_name: 'Console', plugin_input: ['fake'] }],
    },
    null,
    2,
  );

/** A job's state straight from the engine (the id read from the raw text, never as a JS number). */
async function engineState(request: APIRequestContext, c: Cluster, jobId: string): Promise<string | null> {
  const text = await (await request.get(`/api/${c.id}${c.prefix}/job-info/${jobId}`)).text();
  return /"jobStatus":"([A-Z_]+)"/.exec(text)?.[1] ?? null;
}

async function submitFromEditor(
  page: Page,
  c: Cluster,
  config: string,
  { name, jobId, savepoint }: { name: string; jobId?: string; savepoint?: boolean },
): Promise<string> {
  await page.goto(`/clusters/${c.id}/submit`);
  await page.getByTestId('config-editor').fill(config);
  await expect(page.getByTestId('config-ok')).toBeVisible();
  await page.getByTestId('job-name').fill(name);
  if (jobId) await page.getByTestId('job-id-input').fill(jobId);
  if (savepoint) await page.getByTestId('start-with-savepoint').check();
  await page.getByTestId('submit-job').click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${c.id}/jobs/\\d+$`), { timeout: 30_000 });
  const id = /\/jobs\/(\d+)$/.exec(page.url())?.[1] ?? '';
  // The job page loads lazily: slow on a busy machine.
  await expect(page.getByTestId('job-id')).toHaveText(id, { timeout: 30_000 });
  await expect(page.getByRole('heading', { name })).toBeVisible();
  return id;
}

for (const c of CLUSTERS) {
  test.describe(`SeaTunnel on ${c.id}`, () => {
    // Submitting and waiting for the engine takes a while on a busy machine.
    test.describe.configure({ timeout: 120_000 });
    test('the overview shows the engine’s figures', async ({ page, request }) => {
      const raw = (await (await request.get(`/api/${c.id}${c.prefix}/overview`)).json()) as Record<
        string,
        string
      >;
      await page.goto(`/clusters/${c.id}/overview`);
      await expect(page.getByTestId('st-engine')).toHaveText(
        `SeaTunnel ${raw.projectVersion} · commit ${raw.gitCommitAbbrev} · ${c.rest}`,
      );
      await expect(page.getByTestId('st-workers-value')).toHaveText(String(raw.workers));
      await expect(page.getByTestId('st-total-slots-value')).toHaveText(String(raw.totalSlot));
      await expect(page.getByTestId('st-failed-value')).toHaveText(String(raw.failedJobs));
      await expect(page.getByTestId('st-running-jobs').getByText(STREAMING_JOB)).toBeVisible();
      // Tag filter: in the URL, narrowing workers to the tagged node.
      await page.getByTestId('st-tag-filter').fill('node=node2');
      await page.getByTestId('st-tag-filter').press('Enter');
      await expect(page).toHaveURL(/tags=node/);
      await expect(page.getByTestId('st-workers-value')).toHaveText('1');
    });

    test('a running streaming job shows its DAG and counts that climb', async ({ page }) => {
      await page.goto(`/clusters/${c.id}/jobs/${STREAMING_JOB}`);
      await page.getByTestId('poll-interval').selectOption('1000');
      await expect(page.getByTestId('job-id')).toHaveText(STREAMING_JOB);
      await expect(page.getByTestId('job-state')).toHaveText('RUNNING');
      const graph = page.getByTestId('job-graph');
      await expect(graph.locator('.react-flow__node')).toHaveCount(2);
      await expect(graph).toContainText('FakeSource');
      await expect(page.getByTestId('table-metrics')).toContainText('shop.orders');
      const count = async () =>
        BigInt((await page.getByTestId('received-count').getAttribute('data-exact')) || '0');
      const first = await count();
      expect(first).toBeGreaterThan(0n);
      await expect.poll(count, { timeout: 15_000 }).toBeGreaterThan(first);
      const written = BigInt((await page.getByTestId('written-count').getAttribute('data-exact')) || '0');
      expect(written).toBeGreaterThan(0n);
      await expect
        .poll(async () => Number(await page.getByTestId('flow-charts').getAttribute('data-samples')))
        .toBeGreaterThan(1);
    });

    test('a batch config submitted from the editor runs to FINISHED', async ({ page }) => {
      const name = `e2e-batch-${c.id}-${Date.now()}`;
      await submitFromEditor(page, c, batchConfig(), { name });
      await expect(page.getByTestId('job-state')).toHaveText('FINISHED', { timeout: 30_000 });
      await expect(page.getByTestId('written-count')).toHaveAttribute('data-exact', '40');
      await page.goto(`/clusters/${c.id}/jobs?state=FINISHED&q=${name}`);
      await expect(page.getByTestId('jobs-table')).toContainText(name);
    });

    test('stopping a job from its page moves it to the finished jobs', async ({ page, request }) => {
      const name = `e2e-stop-${c.id}-${Date.now()}`;
      const id = await submitFromEditor(page, c, streamingConfig(), { name });
      await expect(page.getByTestId('job-state')).toHaveText('RUNNING');
      await page.getByTestId('stop-job').click();
      await expect(page.getByTestId('stop-job-dialog')).toContainText(id);
      await page.getByRole('dialog').getByRole('button', { name: 'Stop job' }).click();
      await expect(page.getByTestId('job-state')).toHaveText('CANCELED', { timeout: 20_000 });
      await expect(page.getByTestId('stop-job')).toHaveCount(0);
      expect(await engineState(request, c, id)).toBe('CANCELED');
      // Typed into the search: a 64-bit id in a hand-written ?q= would be read as a number by the router.
      await page.goto(`/clusters/${c.id}/jobs?state=CANCELED`);
      await page.getByTestId('jobs-search').fill(id);
      await expect(page.getByTestId('jobs-table').getByTestId('job-id-cell')).toHaveText([id]);
    });

    test('a 64-bit job id round-trips exactly', async ({ page, request }) => {
      // Both clusters are one engine, and retries happen: restore the id from a savepoint when it exists.
      let state = await engineState(request, c, BIG_ID);
      if (state === 'RUNNING' || state === 'PENDING') {
        await request.post(`/api/${c.id}${c.prefix}/stop-job`, {
          headers: { 'content-type': 'application/json' },
          data: `{"jobId":${BIG_ID},"isStopWithSavePoint":true}`,
        });
        await expect.poll(() => engineState(request, c, BIG_ID), { timeout: 15_000 }).toBe('SAVEPOINT_DONE');
        state = 'SAVEPOINT_DONE';
      }
      const id = await submitFromEditor(page, c, streamingConfig(), {
        name: `e2e-big-id-${c.id}`,
        jobId: BIG_ID,
        savepoint: state !== null,
      });
      expect(id).toBe(BIG_ID);
      await expect(page).toHaveURL(new RegExp(`/jobs/${BIG_ID}$`));
      await expect(page.getByTestId('job-id')).toHaveText(BIG_ID);
      await expect(page.getByTestId('job-state')).toHaveText('RUNNING');
      await page.goto(`/clusters/${c.id}/jobs`);
      await page.getByTestId('jobs-search').fill(BIG_ID);
      await expect(page.getByTestId('jobs-table').getByTestId('job-id-cell')).toHaveText([BIG_ID]);
      await page.reload();
      await expect(page.getByTestId('jobs-search')).toHaveValue(BIG_ID);
      await expect(page.getByTestId('jobs-table').getByTestId('job-id-cell')).toHaveText([BIG_ID]);
      // Leave it stopped with a savepoint, so the next run (or the other cluster) can restore it.
      await page.goto(`/clusters/${c.id}/jobs/${BIG_ID}`);
      await page.getByTestId('stop-job-savepoint').click();
      await page.getByRole('dialog').getByRole('button', { name: 'Stop with savepoint' }).click();
      await expect(page.getByTestId('job-state')).toHaveText('SAVEPOINT_DONE', { timeout: 20_000 });
    });

    test('a refused submission keeps the draft and shows the engine’s message', async ({ page }) => {
      await page.goto(`/clusters/${c.id}/submit`);
      const config = batchConfig().replace('"Console"', '"NoSuchSink"');
      await page.getByTestId('config-editor').fill(config);
      await page.getByTestId('submit-job').click();
      await expect(page.getByTestId('submit-error-text')).toContainText("pluginName='NoSuchSink'");
      await page.reload();
      await expect(page.getByTestId('config-editor')).toHaveValue(config);
    });

    test('nodes show every member with charts', async ({ page }) => {
      await page.goto(`/clusters/${c.id}/nodes`);
      await expect(page.getByTestId('node-card')).toHaveCount(2);
      await expect(page.getByTestId('node-card').first()).toContainText('MASTER');
      await expect(
        page.getByTestId('node-card').first().getByTestId('time-series-chart').first(),
      ).toBeVisible({ timeout: 20_000 });
      await expect(page.getByTestId(c.rest === 'REST v2' ? 'tags-input' : 'tags-unsupported')).toBeVisible();
    });
  });
}
