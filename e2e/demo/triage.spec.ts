import type { Locator, Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';

/** Demo job ids are stable for the default seed (42); see demo/flink/README.md. */
const FAILED = 'bffd91810ce02ef49c5e7aaecaeb6b00'; // Order Enrichment CDC
const RESTARTING = 'ef47d31880e76e6a2dd2ec535a073f0d'; // Ad Impressions Dedup
const CLICKSTREAM = '50b2042cd7120ad7ee8c63fd08b4a9c2';
const STALLED = '1003427881958424577'; // fake_to_console_stalled_sink (demo/seatunnel/seed-jobs.ts)
const PENDING = '1003428104372076545'; // backfill_waiting_for_slots, PENDING for 15 min at demo start
const IOT = 'c8e42f3f3c03829104f8bac3fffbc8d7'; // IoT Sensor Aggregation: source B has an idle subtask

// The rules need a poll or two (metrics every 10 s) and the test machine is often heavily loaded.
test.describe.configure({ timeout: 120_000 });
const WAIT = { timeout: 60_000 };

/**
 * Follows a problem's link. The list is live (problems come, go and re-rank between polls), so a
 * click can land on the row that just moved under the pointer: go to the link's address instead.
 */
async function follow(page: Page, link: Locator) {
  const href = await link.getAttribute('href');
  expect(href).toBeTruthy();
  await page.goto(href ?? '');
}

function row(page: Page, cluster: string, rule: string, text: string) {
  return page
    .locator(`[data-testid="problem-row"][data-cluster="${cluster}"][data-rule="${rule}"]`)
    .filter({ hasText: text });
}

test('the triage page lists the failed job and its link opens the exceptions', async ({ page }) => {
  await page.goto('/triage');
  const failed = row(page, 'demo', 'job-failed', 'Order Enrichment CDC');
  await expect(failed).toBeVisible(WAIT);
  await expect(failed).toHaveAttribute('data-severity', 'critical');
  await expect(failed.getByTestId('problem-explanation')).toContainText('Failed with');
  await expect(failed.getByTestId('problem-since')).toBeVisible();
  await follow(page, failed.getByTestId('problem-link'));
  await expect(page).toHaveURL(new RegExp(`/clusters/demo/jobs/${FAILED}/exceptions$`));
  await expect(page.getByTestId('exception-history')).toBeVisible(WAIT);
});

test('the restarting job is listed with its restart count and links to its exceptions', async ({ page }) => {
  await page.goto('/triage');
  const restarts = row(page, 'demo', 'job-restarts', 'Ad Impressions Dedup');
  await expect(restarts).toBeVisible(WAIT);
  await expect(restarts.getByTestId('problem-figure')).toContainText('Restarts (10 min)');
  // The demo job fails in turns (demo/flink/model/exceptions.ts: a NullPointerException, a lost task
  // manager, and every fifth time too many failed checkpoints): the latest is named by its class.
  await expect(restarts.getByTestId('problem-explanation')).toContainText(
    /last failure: (NullPointerException|JobMasterException|FlinkRuntimeException)/,
  );
  await follow(page, restarts.getByTestId('problem-link'));
  await expect(page).toHaveURL(new RegExp(`/clusters/demo/jobs/${RESTARTING}/exceptions$`));
  await expect(page.getByTestId('exception-history')).toBeVisible(WAIT);
});

test('back-pressure names the bottleneck, and the link opens the back-pressure view on it', async ({
  page,
  request,
}) => {
  const job = (await (await request.get(`/api/demo/jobs/${CLICKSTREAM}`)).json()) as {
    vertices: { id: string; name: string }[];
  };
  const enrich = job.vertices.find((v) => v.name === 'Enrich: User Profile Lookup')?.id ?? '';
  await page.goto('/triage');
  const bp = row(page, 'demo', 'backpressure', 'Clickstream Sessionization');
  await expect(bp).toBeVisible(WAIT);
  await expect(bp.getByTestId('problem-title')).toHaveText(
    'Back-pressure: bottleneck “Enrich: User Profile Lookup”',
  );
  await expect(bp.getByTestId('problem-explanation')).toContainText(
    '“Parse JSON -> Filter Bots -> Assign Timestamps” is back-pressured',
  );
  await follow(page, bp.getByTestId('problem-link'));
  await expect(page).toHaveURL(
    new RegExp(`/clusters/demo/jobs/${CLICKSTREAM}/backpressure\\?vertex=${enrich}$`),
  );
  await expect(page.getByTestId('backpressure-tab')).toBeVisible(WAIT);
});

test('the SeaTunnel sink that stopped writing is listed and links to its job', async ({ page }) => {
  await page.goto('/triage');
  const stalled = row(page, 'demo-seatunnel', 'seatunnel-sink-stalled', 'fake_to_console_stalled_sink');
  await expect(stalled).toBeVisible(WAIT);
  await expect(stalled.getByTestId('problem-explanation')).toContainText('the sink writes 0/s');
  await follow(page, stalled.getByTestId('problem-link'));
  await expect(page).toHaveURL(new RegExp(`/clusters/demo-seatunnel/jobs/${STALLED}$`));
  await expect(page.getByTestId('job-header')).toContainText('fake_to_console_stalled_sink', WAIT);
});

test('filters by cluster and severity live in the URL', async ({ page }) => {
  await page.goto('/triage');
  await expect(row(page, 'demo', 'job-failed', 'Order Enrichment CDC')).toBeVisible(WAIT);
  await page.getByTestId('triage-cluster-filter').selectOption('demo-seatunnel');
  await expect(page).toHaveURL(/\/triage\?cluster=demo-seatunnel$/);
  await page.getByTestId('severity-filter-critical').click();
  await expect(page).toHaveURL(/cluster=demo-seatunnel&severity=critical$/);
  const rows = page.getByTestId('problem-row');
  await expect(rows.first()).toBeVisible(WAIT);
  for (const r of await rows.all()) {
    await expect(r).toHaveAttribute('data-cluster', 'demo-seatunnel');
    await expect(r).toHaveAttribute('data-severity', 'critical');
  }
  await page.reload();
  await expect(page.getByTestId('triage-cluster-filter')).toHaveValue('demo-seatunnel');
  await expect(page.getByTestId('severity-filter-critical')).toHaveAttribute('aria-pressed', 'true');
});

test('the home page shows each cluster’s health with its worst problem one click away', async ({ page }) => {
  await page.goto('/');
  const card = page.getByTestId('cluster-card-demo');
  await expect(card.getByTestId('figure-version')).toHaveText('2.2.1', WAIT);
  await expect(card.getByTestId('cluster-reachability')).toHaveAttribute('data-state', 'up', WAIT);
  const worst = card.getByTestId('worst-problem');
  await expect(worst).toHaveAttribute('data-severity', 'critical', WAIT);
  const st = page.getByTestId('cluster-card-demo-seatunnel');
  await expect(st.getByTestId('figure-workers')).not.toHaveText('', WAIT);
  await expect(st.getByTestId('worst-problem')).toBeVisible(WAIT);
  await expect(page.getByTestId('triage-badge')).toHaveAttribute('data-severity', 'critical', WAIT);
  await worst.getByTestId('worst-problem-link').click();
  await expect(page).toHaveURL(/\/clusters\/demo\/jobs\/[0-9a-f]{32}/);
});

test('the lagging watermark is dated by the watermark, and its link shows the idle source subtask', async ({
  page,
}) => {
  // The lag needs two watermark polls, then the idle source its vertex metrics: several poll rounds.
  test.setTimeout(240_000);
  await page.goto('/triage');
  const lag = row(page, 'demo', 'watermark-lag', 'IoT Sensor Aggregation');
  await expect(lag).toBeVisible({ timeout: 150_000 });
  await expect(lag.getByTestId('problem-explanation')).toContainText('has an idle subtask');
  // The watermark is about a day behind: the lag has held for about that long, not for the
  // seconds this page has watched.
  const since = lag.getByTestId('problem-since');
  await expect(since).toHaveAttribute('data-basis', 'data');
  await expect(since).toHaveText(/^for 1 d/);
  await follow(page, lag.getByTestId('problem-link'));
  await expect(page).toHaveURL(
    new RegExp(`/clusters/demo/jobs/${IOT}\\?vertex=[0-9a-f]{32}&panel=watermarks$`),
  );
  const source = page.getByTestId('source-watermarks');
  await expect(source).toBeVisible(WAIT);
  await expect(page.getByTestId('no-watermarks')).toHaveCount(0);
  await expect(source.getByTestId('idle-subtask')).toHaveCount(1, WAIT);
  await expect(source.getByTestId('idle-subtasks')).toContainText('1');
});

test('a SeaTunnel job pending for long is listed with why, and its page says it too', async ({ page }) => {
  await page.goto('/triage');
  const pending = row(page, 'demo-seatunnel', 'seatunnel-job-pending', 'backfill_waiting_for_slots');
  await expect(pending).toBeVisible(WAIT);
  await expect(pending.getByTestId('problem-explanation')).toContainText(/slots are free/);
  await expect(pending.getByTestId('problem-since')).toHaveAttribute('data-basis', 'data');
  await follow(page, pending.getByTestId('problem-link'));
  await expect(page).toHaveURL(new RegExp(`/clusters/demo-seatunnel/jobs/${PENDING}$`));
  await expect(page.getByTestId('pending-explanation')).toContainText(/Pending since .*slots are free/, WAIT);
});

test('the header badge says what it counts', async ({ page }) => {
  await page.goto('/triage');
  const badge = page.getByTestId('triage-badge');
  await expect(badge).toHaveAttribute('data-scope', 'urgent', WAIT);
  await expect(badge).toHaveAttribute(
    'aria-label',
    /^Triage: \d+ critical or high problems? \(\d+ in all\)$/,
  );
});

test('an unknown cluster id says so and lists the configured clusters', async ({ page }) => {
  await page.goto('/clusters/no-such-cluster/overview');
  const unknown = page.getByTestId('unknown-cluster');
  await expect(unknown).toContainText('No cluster named “no-such-cluster”', WAIT);
  await expect(unknown.getByRole('link', { name: 'Demo SeaTunnel v1' })).toBeVisible();
  await expect(page.getByTestId('connection-status')).toHaveCount(0);
  await unknown.getByRole('link', { name: 'Demo Flink', exact: true }).click();
  await expect(page).toHaveURL(/\/clusters\/demo\/overview$/);
});
