import { test } from '../support/fixtures';
import {
  expect,
  expectRecordsInOneTableRow,
  SEATUNNEL_TARGETS,
  STREAMING,
  submitJob,
} from './seatunnel-pages';

/*
 * Every real SeaTunnel version and REST flavour (2.3.13 v2, 2.3.13 v1, 2.3.8 v1): a pass over
 * every page with no schema error, and the job actions a person takes there (submit, stop with a
 * savepoint, stop). The full page suite runs on the newest only (seatunnel.spec.ts).
 */

/** Versions from 2.3.9 on serve log files (v1 and v2 alike); 2.3.8 has none. */
const hasLogs = (version: string) => version !== '2.3.8';

for (const target of SEATUNNEL_TARGETS) {
  test.describe(`SeaTunnel ${target.version} REST ${target.flavour}`, () => {
    test.describe.configure({ mode: 'serial' });
    const cluster = target.clusterId;

    test.beforeEach(({ state }) => {
      const known = state.real?.seatunnelTargets?.some((t) => t.clusterId === cluster);
      test.skip(!known, `${cluster} did not start`);
    });

    test('every page answers without a schema error', async ({ page }) => {
      test.setTimeout(180_000);
      await page.goto(`/clusters/${cluster}/overview`);
      await expect(page.getByTestId('st-engine')).toContainText(`SeaTunnel ${target.version}`, {
        timeout: 60_000,
      });
      await expect(page.getByTestId('st-engine')).toContainText(`REST ${target.flavour}`);
      await expect(page.getByTestId('st-workers-value')).toHaveText('1');
      await expect(page.getByTestId('query-error')).toHaveCount(0);

      // The jobs table itself is checked with jobs in it, by the job actions below.
      await page.goto(`/clusters/${cluster}/jobs`);
      await expect(page.getByRole('heading', { name: 'Jobs', level: 1 })).toBeVisible();
      await expect(page.getByTestId('query-error')).toHaveCount(0);

      await page.goto(`/clusters/${cluster}/nodes`);
      await expect(page.getByTestId('node-card')).toHaveCount(1);
      await expect(page.getByTestId('node-card')).toContainText('MASTER');
      await expect(page.getByTestId('query-error')).toHaveCount(0);

      await page.goto(`/clusters/${cluster}/submit`);
      await expect(page.getByTestId('config-editor')).toBeVisible();
      await expect(page.getByTestId('query-error')).toHaveCount(0);
    });

    test('a streaming job: its page and tabs, stop with a savepoint, then stop another', async ({ page }) => {
      test.setTimeout(420_000);
      const id = await submitJob(page, cluster, STREAMING, `e2e-${target.flavour}-sp-${Date.now()}`);
      await expect(page.getByTestId('job-state')).toHaveText('RUNNING', { timeout: 60_000 });
      await expectRecordsInOneTableRow(page);
      await expect(page.getByTestId('query-error')).toHaveCount(0);

      await page.getByRole('tab', { name: 'Logs' }).click();
      await expect(page.getByTestId(hasLogs(target.version) ? 'log-viewer' : 'logs-unsupported')).toBeVisible(
        {
          timeout: 60_000,
        },
      );
      await page.getByRole('tab', { name: 'Configuration' }).click();
      await expect(page.getByTestId('env-options')).toContainText('checkpoint.interval');
      await page.getByRole('tab', { name: 'Graph & metrics' }).click();

      await page.getByTestId('stop-job-savepoint').click();
      await expect(page.getByTestId('stop-job-dialog')).toContainText(id);
      await page.getByRole('dialog').getByRole('button', { name: 'Stop with savepoint' }).click();
      await expect(page.getByTestId('job-state')).toHaveText(/SAVEPOINT_DONE|FINISHED/, { timeout: 90_000 });

      const other = await submitJob(page, cluster, STREAMING, `e2e-${target.flavour}-stop-${Date.now()}`);
      await expect(page.getByTestId('job-state')).toHaveText('RUNNING', { timeout: 60_000 });
      await page.getByTestId('stop-job').click();
      await expect(page.getByTestId('stop-job-dialog')).toContainText(other);
      await page.getByRole('dialog').getByRole('button', { name: 'Stop job' }).click();
      await expect(page.getByTestId('job-state')).toHaveText('CANCELED', { timeout: 60_000 });
      await page.goto(`/clusters/${cluster}/jobs?state=CANCELED`);
      await expect(page.getByTestId('jobs-table')).toContainText(other, { timeout: 60_000 });
      await expect(page.getByTestId('query-error')).toHaveCount(0);
    });
  });
}
