import type { Page } from '@playwright/test';
import { expect as baseExpect } from '../support/fixtures';
import { JOB_CONFIGS } from './seatunnel-cluster';

// Pages load lazily and engines answer slowly on a busy machine: wait longer than the default.
export const expect = baseExpect.configure({ timeout: 30_000 });

/** The real SeaTunnel clusters global setup declares (e2e/support/global-setup.ts), newest first. */
export const SEATUNNEL_TARGETS = [
  { clusterId: 'real-seatunnel', version: '2.3.13', flavour: 'v2' },
  { clusterId: 'real-seatunnel-v1', version: '2.3.13', flavour: 'v1' },
  { clusterId: 'real-seatunnel-238-v1', version: '2.3.8', flavour: 'v1' },
] as const;

export const BATCH = JOB_CONFIGS.batch;
export const STREAMING = JOB_CONFIGS.streaming;

/** A fresh 64-bit id above 2^53 (the engine keeps ids per run; retries need new ones). */
export const freshId = () => `7335847883${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

/** Submits through the submit page and waits for the job page; returns the job id. */
export async function submitJob(page: Page, cluster: string, config: object, name: string, jobId?: string) {
  await page.goto(`/clusters/${cluster}/submit`);
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
      await page.goto(`/clusters/${cluster}/jobs/${jobId}`);
      break;
    }
    if (attempt >= 3 || !/did not answer|ECONNRESET|timed out|no answer/i.test(message)) {
      throw new Error(`the engine refused the job: ${message}`);
    }
    await page.waitForTimeout(5_000);
  }
  return /\/jobs\/(\d+)$/.exec(page.url())?.[1] ?? '';
}

/**
 * A running job's page counts records, and its table metrics are one row per table whatever the
 * version calls them (2.3.13: Source[0].fake and Sink[0].fake): header, All tables, fake.
 */
export async function expectRecordsInOneTableRow(page: Page) {
  await expect
    .poll(async () => BigInt((await page.getByTestId('received-count').getAttribute('data-exact')) || '0'), {
      timeout: 90_000,
    })
    .toBeGreaterThan(0n);
  const rows = page.getByTestId('table-metrics').getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(2)).toContainText('fake');
}
