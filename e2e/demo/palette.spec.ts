import { test, expect } from '../support/fixtures';

const CLICKSTREAM = '50b2042cd7120ad7ee8c63fd08b4a9c2';
const PAYMENT = '605d7b0f557f0a49455dbd8b66577dea';

test.describe.configure({ timeout: 120_000 });
const WAIT = { timeout: 60_000 };

test('Ctrl-K finds a job by name and opens it', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('palette-button')).toBeVisible(WAIT);
  await page.keyboard.press('Control+k');
  const input = page.getByTestId('palette-input');
  await expect(input).toBeFocused();
  await input.fill('clickstream sess');
  await expect(page.getByTestId('palette-item').first()).toContainText('Clickstream Sessionization', WAIT);
  await expect(page.getByTestId('palette-item').first()).toHaveAttribute('data-kind', 'job');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/clusters/demo/jobs/${CLICKSTREAM}$`));
  await expect(page.getByTestId('command-palette')).not.toBeVisible();
});

test('the palette finds a job by its id, and a SeaTunnel job, and Escape closes it', async ({ page }) => {
  await page.goto('/clusters/demo/overview');
  await expect(page.getByTestId('palette-button')).toBeVisible(WAIT);
  await page.getByTestId('palette-button').click();
  const input = page.getByTestId('palette-input');
  await input.fill(PAYMENT.slice(0, 10));
  const first = page.getByTestId('palette-item').first();
  await expect(first).toContainText('Payment Fraud Detection', WAIT);
  await input.fill('stalled_sink');
  await expect(first).toContainText('fake_to_console_stalled_sink', WAIT);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('command-palette')).not.toBeVisible();
  await page.keyboard.press('Control+k');
  await input.fill(PAYMENT);
  await expect(first).toContainText('Payment Fraud Detection', WAIT);
  await first.click();
  await expect(page).toHaveURL(new RegExp(`/clusters/demo/jobs/${PAYMENT}$`));
});

test('g-shortcuts move between views and ? lists them', async ({ page }) => {
  await page.goto('/clusters/demo/overview');
  await expect(page.getByTestId('palette-button')).toBeVisible(WAIT);
  await page.keyboard.press('g');
  await page.keyboard.press('j');
  await expect(page).toHaveURL(/\/clusters\/demo\/jobs$/);
  await page.keyboard.press('g');
  await page.keyboard.press('t');
  await expect(page).toHaveURL(/\/clusters\/demo\/task-managers$/);
  await page.keyboard.press('g');
  await page.keyboard.press('o');
  await expect(page).toHaveURL(/\/clusters\/demo\/overview$/);
  await page.keyboard.press('?');
  const help = page.getByTestId('shortcut-help');
  await expect(help).toBeVisible();
  await expect(help).toContainText('Open the command palette');
  await page.keyboard.press('Escape');
  await expect(help).not.toBeVisible();
});

test('a chart keeps its history across a reload', async ({ page }) => {
  await page.goto('/triage?cluster=demo');
  // A series recorded at every poll: records-in only gets a point each time Flink's counters
  // change (every 10 s, src/lib/counter-rate.ts), too slow a way to fill a chart on a busy machine.
  const chart = page.getByTestId('trend-taskmanagers');
  await expect
    .poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 60_000 })
    .toBeGreaterThanOrEqual(3);
  const firstBefore = await chart.getAttribute('data-first-t');
  // Writes are batched every few seconds.
  await page.waitForTimeout(4000);
  await page.reload();
  // The oldest point is the one from before the reload: a chart that lost its history would start
  // at a later time, however long the reload takes on a busy machine.
  await expect(chart).toHaveAttribute('data-first-t', firstBefore ?? 'missing');
  expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThanOrEqual(3);
  await expect(chart).toHaveAttribute('data-source', 'browser');
});
