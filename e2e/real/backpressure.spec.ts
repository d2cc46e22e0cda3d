import { test, expect } from '../support/fixtures';

/*
 * The real BackpressureJob (e2e/real/jobs): "Source: Fast source -> Parse" -> "Slow enrichment"
 * (Thread.sleep per record) -> "Discard sink: Writer". On a loaded machine one source subtask may
 * drop to LOW, so the upstream level is accepted as LOW or HIGH.
 */
test('the upstream vertex is back-pressured and the hint names "Slow enrichment"', async ({
  page,
  state,
}) => {
  test.setTimeout(120_000);
  const jobId = state.real?.flink?.jobs.backpressure;
  expect(jobId, 'global setup started the real BackpressureJob').toBeTruthy();
  await page.goto(`/clusters/real-flink/jobs/${jobId}/backpressure`);
  const upstream = page.getByTestId('bp-row').filter({ hasText: 'Fast source' });
  // "sampling…" until Flink's metric fetcher has a first sample (~7 s on a fresh job)
  await expect(upstream.getByTestId('bp-level')).toHaveAttribute('data-level', /^(low|high)$/, {
    timeout: 60_000,
  });
  const hint = page.getByTestId('bottleneck-hint');
  await expect(hint).toContainText('Slow enrichment is the likely bottleneck', { timeout: 60_000 });
  await expect(hint).toContainText('while its upstream Source: Fast source -> Parse is back-pressured');
  await expect(
    page.getByTestId('bp-row').filter({ hasText: 'Slow enrichment' }).getByTestId('bottleneck-badge'),
  ).toBeVisible();
});

test('the off-CPU flame graph of "Slow enrichment" shows the sleep', async ({ page, state }) => {
  test.setTimeout(120_000);
  const jobId = state.real?.flink?.jobs.backpressure;
  expect(jobId).toBeTruthy();
  await page.goto(`/clusters/real-flink/jobs/${jobId}/backpressure`);
  const hint = page.getByTestId('bottleneck-hint');
  await expect(hint).toContainText('Slow enrichment is the likely bottleneck', { timeout: 60_000 });
  await hint.getByTestId('hint-flamegraph').click();
  await expect(page.getByTestId('flame-vertex').locator('option:checked')).toHaveText(/^Slow enrichment/);
  await page.getByTestId('flame-type-off_cpu').click();
  // the first request starts sampling (endTimestamp -3); the graph follows a few seconds later
  await expect(page.locator('[data-testid="flame-chart"] g.frame[name*="sleep" i]').first()).toBeAttached({
    timeout: 60_000,
  });
  await page.getByTestId('flame-search').fill('sleep');
  await expect(page.getByTestId('flame-match-count')).toContainText(/frames? match/);
});
