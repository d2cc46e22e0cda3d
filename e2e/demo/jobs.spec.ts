import type { APIRequestContext } from '@playwright/test';
import { test, expect } from '../support/fixtures';

interface OverviewJob {
  jid: string;
  name: string;
  state: string;
  duration: number;
}

async function demoJobs(request: APIRequestContext): Promise<OverviewJob[]> {
  const res = await request.get('/api/demo/jobs/overview');
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { jobs: OverviewJob[] }).jobs;
}

const bodyRows = (page: import('@playwright/test').Page) =>
  page.getByTestId('jobs-table').locator('tbody tr[aria-rowindex]');

test('the jobs list shows every job of the cluster with state chips and counts', async ({
  page,
  request,
}) => {
  const jobs = await demoJobs(request);
  await page.goto('/clusters/demo/jobs');
  await expect(page.getByRole('heading', { name: 'Jobs' })).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(jobs.length);
  await expect(page.getByTestId('state-chip-All').getByTestId('chip-count')).toHaveText(String(jobs.length));
  const failed = jobs.filter((j) => j.state === 'FAILED').length;
  await expect(page.getByTestId('state-chip-FAILED').getByTestId('chip-count')).toHaveText(String(failed));
});

test('filter, search and sort are kept in the URL and restored after a reload', async ({ page, request }) => {
  const jobs = await demoJobs(request);
  const failed = jobs.find((j) => j.state === 'FAILED');
  expect(failed, 'the demo cluster has a FAILED job').toBeTruthy();

  await page.goto('/clusters/demo/jobs');
  await expect(bodyRows(page).first()).toBeVisible();

  await page.getByTestId('state-chip-CANCELED').click();
  await page.getByTestId('state-chip-FAILED').click({ modifiers: ['Shift'] });
  await expect(page).toHaveURL(/state=CANCELED%2CFAILED|state=CANCELED,FAILED/);
  const expected = jobs.filter((j) => j.state === 'FAILED' || j.state === 'CANCELED');
  await expect(bodyRows(page)).toHaveCount(expected.length);

  await page.getByRole('button', { name: 'Duration' }).click();
  await expect(page).toHaveURL(/sort=duration/);
  await expect(page).toHaveURL(/desc=true/);
  const longest = [...expected].sort((a, b) => b.duration - a.duration)[0]!;
  await expect(bodyRows(page).first()).toContainText(longest.name);

  const term = failed!.name.split(' ')[0]!;
  await page.getByTestId('jobs-search').fill(term);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(term)}`));
  await expect(bodyRows(page).filter({ hasText: failed!.name })).toHaveCount(1);

  await page.reload();
  await expect(page.getByTestId('jobs-search')).toHaveValue(term);
  await expect(page.getByTestId('state-chip-FAILED')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('state-chip-CANCELED')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('columnheader', { name: 'Duration' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await expect(bodyRows(page).filter({ hasText: failed!.name })).toHaveCount(1);

  // Back to everything with one click.
  await page.getByTestId('state-chip-All').click();
  await page.getByTestId('jobs-search').fill('');
  await expect(page).not.toHaveURL(/state=|q=/);
  await expect(bodyRows(page)).toHaveCount(jobs.length);
});

test('a job is found by its id and opens with its header on row click', async ({ page, request }) => {
  const jobs = await demoJobs(request);
  const running = jobs.find((j) => j.state === 'RUNNING')!;
  await page.goto('/clusters/demo/jobs');
  await page.getByTestId('jobs-search').fill(running.jid.slice(0, 12));
  await expect(bodyRows(page)).toHaveCount(1);
  // Click the row (not the name link): the whole row opens the job.
  await bodyRows(page).first().getByRole('gridcell').nth(2).click();
  await expect(page).toHaveURL(new RegExp(`/clusters/demo/jobs/${running.jid}$`));
  const header = page.getByTestId('job-header');
  await expect(header.getByRole('heading', { name: running.name })).toBeVisible();
  await expect(page.getByTestId('job-id')).toHaveText(running.jid);
  await expect(page.getByTestId('job-state')).toContainText(/RUNNING|RESTARTING/);
  await expect(page.getByTestId('job-type')).toHaveText(/STREAMING|BATCH/);
  await expect(page.getByTestId('job-tabs').getByRole('link')).toHaveCount(7);
  // The running duration ticks.
  const duration = page.getByTestId('job-duration');
  const before = await duration.textContent();
  await expect(duration).not.toHaveText(before ?? '', { timeout: 5000 });
});
