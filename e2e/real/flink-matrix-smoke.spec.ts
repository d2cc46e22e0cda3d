import { test, expect } from '../support/fixtures';
import { FLINK_MATRIX, matrixClusterId } from '../support/flink-matrix';

/*
 * A smoke pass over every page on each real Flink version of the matrix (1.20, 2.2, 2.3): each page
 * shows its cluster's data, names the version, and no section reports a schema or request error.
 * The full page suite (flink-live, flink-cluster-pages, backpressure) runs on the newest only.
 */
// CI measured 2.0–2.3 min per version on a loaded 2-core machine when each tab was a full page load.
test.describe.configure({ timeout: 240_000 });

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
      const noErrors = (what: string) =>
        expect(page.getByTestId('query-error'), `${what} on Flink ${minor}`).toHaveCount(0);
      // Sections render first, then a poll may still fail: look again one poll (3 s) later.
      const noErrorsAfterAPoll = async (what: string) => {
        await noErrors(what);
        await page.waitForTimeout(3000);
        await noErrors(`${what}, one poll later`);
      };

      await page.goto(`/clusters/${C}/overview`);
      await expect(
        page.getByText(new RegExp(`^Flink ${flink.version.replace(/\./g, '\\.')} · commit`)),
      ).toBeVisible({ timeout: 120_000 }); // a first page load: 60 s were not enough for Chromium at load 80 (trace: 40 s of script loading)
      await expect(page.getByTestId('running-jobs')).toContainText('Checkpointing');
      await noErrorsAfterAPoll('overview');

      // From here on the user's way through the app: no full page load per page (each one costs a
      // first answer from every cluster, which on a loaded CI machine took over 15 s).
      const nav = (name: string) =>
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
      await nav('Jobs');
      const jobLink = page.getByRole('link', { name: 'streamdash CheckpointingJob' }).first();
      await expect(jobLink).toBeVisible({ timeout: 30_000 });
      await noErrors('jobs list');

      await jobLink.click();
      await expect(page).toHaveURL(new RegExp(`/jobs/${job}`));
      await expect(page.getByTestId('dag-node').first()).toBeVisible({ timeout: 60_000 });
      await noErrorsAfterAPoll('job graph');
      // The tabs as a user switches them: in the app, no full page load each (CI timed out that way).
      for (const tab of [
        'exceptions',
        'timeline',
        'configuration',
        'checkpoints',
        'backpressure',
        'flamegraph',
      ]) {
        await page.getByTestId(`job-tab-${tab}`).click();
        await expect(page).toHaveURL(new RegExp(`/jobs/${job}/${tab}`));
        await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
        await noErrors(`job ${tab}`);
      }
      await noErrorsAfterAPoll('job tabs');

      await nav('Task Managers');
      await expect(page.getByTestId('tm-table').getByRole('row').nth(1)).toBeVisible({ timeout: 30_000 });
      await noErrors('task managers');
      await page.getByTestId('tm-table').getByRole('row').nth(1).getByRole('link').first().click();
      await expect(page.getByTestId('memory-model')).toBeVisible({ timeout: 30_000 });
      await noErrorsAfterAPoll('task manager');

      await nav('Job Manager');
      await expect(page.getByRole('main')).toContainText(/jobmanager|JobManager|Job manager/, {
        timeout: 30_000,
      });
      await noErrors('job manager');

      await nav('Submit');
      await expect(page.getByTestId('jar-upload-input')).toBeAttached({ timeout: 30_000 });
      await noErrors('submit');
    });
  });
}
