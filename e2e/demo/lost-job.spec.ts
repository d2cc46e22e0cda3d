import { test, expect } from '../support/fixtures';
import { startDemoProcess } from '../support/global-setup';
import { killTree } from '../support/processes';
import { readState, writeState } from '../support/state';

/*
 * Issue 15: a JobManager restart without high availability. The `demo-restart` cluster is killed
 * and started again on its port with another seed: its jobs get other ids, exactly as a real
 * JobManager without HA comes back without the jobs it ran (e2e/real/lost-job.spec.ts does it on
 * a real Flink).
 */
test('a job lost in a JobManager restart without HA is shown as lost on every page', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const state = readState();
  const demo = state.restartDemo;
  if (!demo) throw new Error('global setup started no demo-restart cluster');
  const jobs = (await (await request.get('/api/demo-restart/jobs/overview')).json()) as {
    jobs: { jid: string; name: string; state: string }[];
  };
  const job = jobs.jobs.find((j) => j.name === 'Payment Fraud Detection' && j.state === 'RUNNING');
  if (!job) throw new Error(`no running job on demo-restart: ${JSON.stringify(jobs)}`);

  await page.goto(`/clusters/demo-restart/jobs/${job.jid}`);
  await page.getByTestId('poll-interval').selectOption('1000');
  // Page code loads lazily: slow on a busy machine.
  const LOAD = { timeout: 60_000 };
  await expect(page.getByTestId('job-state')).toHaveText('RUNNING', LOAD);
  await expect(page.getByTestId('action-savepoint')).toBeEnabled();

  killTree(demo.pid, 'SIGKILL');
  await expect(page.getByTestId('disconnected-banner')).toBeVisible({ timeout: 15_000 });
  const again = await startDemoProcess([
    '--port',
    String(demo.port),
    '--seed',
    '7',
    '--seatunnel-v2-port',
    '0',
    '--seatunnel-v1-port',
    '0',
  ]);
  writeState({ ...readState(), restartDemo: { ...demo, pid: again.child.pid } });

  // The job page: plainly gone, with the restart named, last-known data marked, nothing to click.
  const gone = page.getByTestId('job-gone');
  await expect(gone).toBeVisible({ timeout: 15_000 });
  await expect(gone).toHaveAttribute('data-cause', 'restart');
  await expect(page.getByTestId('job-gone-cause')).toContainText('restarted');
  await expect(page.getByTestId('job-gone-cause')).toContainText('without high availability');
  await expect(page.getByTestId('job-state')).toHaveText('LOST');
  await expect(page.getByTestId('last-known-mark')).toContainText('last known RUNNING');
  await expect(page.getByTestId('job-duration')).toHaveAttribute('data-live', 'false');
  const buttons = page.getByTestId('job-actions').getByRole('button');
  expect(await buttons.count()).toBeGreaterThan(0);
  for (const b of await buttons.all()) {
    await expect(b).toBeDisabled();
    await expect(b).toHaveAttribute('title', /no longer knows this job/);
  }
  await expect(page.getByTestId('job-gone-no-history')).toBeVisible();

  // The jobs list and the overview agree (in-app navigation: the same page visit).
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Jobs' }).click();
  const lostRow = page.getByTestId('jobs-table').getByRole('row').filter({ hasText: job.jid });
  await expect(lostRow.getByTestId('lost-job-state')).toContainText('last known RUNNING', LOAD);
  // Every job the demo ran and had not finished is lost, not only the one whose page was open.
  const live = jobs.jobs.filter((j) => !['FINISHED', 'FAILED', 'CANCELED'].includes(j.state)).length;
  await expect(page.getByTestId('jobs-lost-count')).toHaveText(` · ${live} lost`);
  await page.getByTestId('side-nav').getByRole('link', { name: 'Overview', exact: true }).click();
  await expect(page.getByTestId('lost-jobs')).toContainText(job.jid, LOAD);

  // Triage: a critical "job lost" problem linking to the job page.
  await page.getByTestId('triage-badge').click();
  const problem = page
    .locator('[data-testid="problem-row"][data-cluster="demo-restart"][data-rule="job-lost"]')
    .filter({ hasText: 'Payment Fraud Detection' });
  // The triage page's code is loaded now (a large chunk on a busy machine).
  await expect(problem).toBeVisible({ timeout: 90_000 });
  await expect(problem).toHaveAttribute('data-severity', 'critical');

  // A reload remembers it (IndexedDB): the job page still explains instead of a bare "not found".
  await page.goto(`/clusters/demo-restart/jobs/${job.jid}`);
  await expect(page.getByTestId('job-gone')).toBeVisible(LOAD);
  await expect(page.getByTestId('job-not-found')).toHaveCount(0);
  await expect(page.getByTestId('job-name')).toHaveText('Payment Fraud Detection');
});
