import { test, expect } from '../support/fixtures';

/**
 * Issue #9: with a Prometheus configured for the cluster, charts show history from before the
 * page was opened. The suite's real Prometheus scrapes the real Flink's Prometheus reporter
 * (flink-metrics-prometheus from the distribution's plugins/).
 */
test.describe.configure({ timeout: 180_000 });

interface RangeAnswer {
  status: string;
  data: { result: { values: [number, string][] }[] };
}

test('a trend chart of the real cluster draws Prometheus history from before the page opened', async ({
  page,
  state,
}) => {
  const prometheusUrl = state.real?.flink?.prometheusUrl;
  expect(prometheusUrl, 'global setup started a Prometheus for the real Flink').toBeTruthy();

  // Wait until Prometheus holds some history of the task manager count (scraped every 2 s).
  let firstSample = 0;
  await expect
    .poll(
      async () => {
        const end = Date.now() / 1000;
        const url = `${prometheusUrl}/api/v1/query_range?query=flink_jobmanager_numRegisteredTaskManagers&start=${end - 3600}&end=${end}&step=2`;
        const answer = (await (await fetch(url)).json()) as RangeAnswer;
        const values = answer.data.result[0]?.values ?? [];
        firstSample = (values[0]?.[0] ?? 0) * 1000;
        return values.length;
      },
      { timeout: 90_000, message: 'Prometheus scrapes the Flink reporter' },
    )
    .toBeGreaterThan(5);

  const openedAt = Date.now();
  await page.goto('/triage');
  const chart = page.getByTestId('trends-real-flink').getByTestId('trend-taskmanagers');
  await expect(chart).toHaveAttribute('data-source', 'prometheus', { timeout: 30_000 });
  await expect(chart).toContainText('Prometheus, last hour');
  // The chart starts where Prometheus' data starts, well before this page existed.
  await expect
    .poll(async () => Number(await chart.getAttribute('data-first-t')), { timeout: 30_000 })
    .toBeLessThan(openedAt - 5_000);
  expect(Number(await chart.getAttribute('data-first-t'))).toBeGreaterThanOrEqual(firstSample - 60_000);
  await expect(chart.locator('svg .recharts-curve, svg path').first()).toBeVisible();
});
