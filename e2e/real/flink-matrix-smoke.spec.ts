import { test, expect } from '../support/fixtures';
import { FLINK_MATRIX, matrixClusterId } from '../support/flink-matrix';

/*
 * A smoke pass over every page on each real Flink version of the matrix (1.20, 2.2, 2.3): each page
 * shows its cluster's data, names the version, and no section reports a schema or request error.
 * The full page suite (flink-live, flink-cluster-pages, backpressure) runs on the newest only.
 */
test.describe.configure({ timeout: 120_000 });

for (const minor of FLINK_MATRIX) {
  const C = matrixClusterId(minor);
  test.describe(`Flink ${minor}`, () => {
    test.beforeEach(({ state }) => {
      test.skip(
        !state.real?.flinkMatrix?.[minor],
        `no real Flink ${minor}: ${state.real?.error ?? 'E2E_REAL=0'}`,
      );
    });

    test('every page and job tab loads without an error', async ({ page, state }) => {
      const flink = state.real!.flinkMatrix![minor]!;
      const job = flink.jobs.checkpointing;
      const noErrors = async (what: string) => {
        // sections render first, then a poll may still fail: look twice, a poll apart
        for (let i = 0; i < 2; i++) {
          await expect(page.getByTestId('query-error'), `${what} on Flink ${minor}`).toHaveCount(0);
          if (i === 0) await page.waitForTimeout(3000);
        }
      };

      await page.goto(`/clusters/${C}/overview`);
      await expect(
        page.getByText(new RegExp(`^Flink ${flink.version.replace(/\./g, '\\.')} · commit`)),
      ).toBeVisible({ timeout: 60_000 }); // the first page of a cluster: its first answers on a loaded machine
      await expect(page.getByTestId('running-jobs')).toContainText('Checkpointing');
      await noErrors('overview');

      await page.goto(`/clusters/${C}/jobs`);
      await expect(page.getByRole('link', { name: 'streamdash CheckpointingJob' }).first()).toBeVisible();
      await noErrors('jobs list');

      await page.goto(`/clusters/${C}/jobs/${job}`);
      await expect(page.getByTestId('dag-node').first()).toBeVisible({ timeout: 60_000 });
      await noErrors('job graph');
      for (const tab of [
        'exceptions',
        'timeline',
        'configuration',
        'checkpoints',
        'backpressure',
        'flamegraph',
      ]) {
        await page.goto(`/clusters/${C}/jobs/${job}/${tab}`);
        await expect(page.getByRole('main')).toBeVisible();
        await noErrors(`job ${tab}`);
      }

      await page.goto(`/clusters/${C}/task-managers`);
      await expect(page.getByTestId('tm-table').getByRole('row').nth(1)).toBeVisible();
      await noErrors('task managers');
      await page.getByTestId('tm-table').getByRole('row').nth(1).getByRole('link').first().click();
      await expect(page.getByTestId('memory-model')).toBeVisible();
      await noErrors('task manager');

      await page.goto(`/clusters/${C}/job-manager`);
      await expect(page.getByRole('main')).toContainText(/jobmanager|JobManager|Job manager/);
      await noErrors('job manager');

      await page.goto(`/clusters/${C}/submit`);
      await expect(page.getByTestId('jar-upload-input')).toBeAttached();
      await noErrors('submit');
    });
  });
}
