import type { APIRequestContext } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { mostPolled, networkLog, pollEverySecond } from '../support/network-log';

/*
 * What a cluster said it cannot answer is asked once per page visit, not once per poll: the
 * browser's network log over several poll intervals (1 s each here) shows one request, and the
 * console no error per poll. The page's other data keeps being polled meanwhile (the control).
 */

const CLICKSTREAM = '50b2042cd7120ad7ee8c63fd08b4a9c2'; // demo job ids are stable for seed 42
const POLLS = 6;

test.describe.configure({ timeout: 240_000 });
test.beforeEach(async ({ page }) => pollEverySecond(page));

async function json<T>(request: APIRequestContext, path: string): Promise<T> {
  return (await (await request.get(path)).json()) as T;
}

test('a disabled flame graph (demo-noflame) is asked once and explained', async ({ page, request }) => {
  const job = await json<{ vertices: { id: string }[] }>(request, `/api/demo-noflame/jobs/${CLICKSTREAM}`);
  const vertex = job.vertices[1]?.id ?? '';
  const log = networkLog(page, 'demo-noflame');
  await page.goto(`/clusters/demo-noflame/jobs/${CLICKSTREAM}/flamegraph?vertex=${vertex}`);
  await expect(page.getByTestId('flame-disabled')).toBeVisible({ timeout: 90_000 });
  await expect.poll(() => log.count(`/jobs/${CLICKSTREAM}`), { timeout: 90_000 }).toBeGreaterThan(POLLS);
  expect(log.paths.filter((p) => p.endsWith('/flamegraph'))).toHaveLength(1);
  expect(log.consoleErrors).toEqual([]);
});

test('the profiler with profiling off is asked once, on the job manager and a task manager', async ({
  page,
  request,
}) => {
  const log = networkLog(page, 'demo');
  await page.goto('/clusters/demo/job-manager?tab=profiler');
  await expect(page.getByTestId('profiler-disabled')).toBeVisible({ timeout: 90_000 });
  // The job manager's profiler tab polls nothing else (measured: 2 requests in 90 s), so the
  // control is the page's own clock: several poll intervals pass after the answer was shown.
  const shownAt = await page.evaluate(() => performance.now());
  await expect
    .poll(async () => (await page.evaluate(() => performance.now())) - shownAt, { timeout: 90_000 })
    .toBeGreaterThan(POLLS * 1000);
  expect(log.count('/jobmanager/profiler')).toBe(1);
  const errorsOfTheVisit = log.consoleErrors.length;
  expect(errorsOfTheVisit).toBeLessThanOrEqual(1); // Chromium's line for the one 404

  const { taskmanagers } = await json<{ taskmanagers: { id: string }[] }>(request, '/api/demo/taskmanagers');
  const tm = taskmanagers[0]?.id ?? '';
  // Task manager ids hold a colon ("host:port-suffix"): the request path carries it encoded.
  const tmPath = `/taskmanagers/${encodeURIComponent(tm)}`;
  const tmLog = networkLog(page, 'demo');
  await page.goto(`/clusters/demo/task-managers/${encodeURIComponent(tm)}?tab=profiler`);
  await expect(page.getByTestId('profiler-disabled')).toBeVisible({ timeout: 90_000 });
  await expect.poll(() => tmLog.count(tmPath), { timeout: 90_000 }).toBeGreaterThan(POLLS);
  expect(tmLog.count(`${tmPath}/profiler`)).toBe(1);
  expect(tmLog.consoleErrors.length).toBeLessThanOrEqual(1);
});

test('a SeaTunnel v1 node configured as …/hazelcast/rest/maps is never asked for REST v2', async ({
  page,
}) => {
  const log = networkLog(page, 'demo-seatunnel-v1');
  await page.goto('/clusters/demo-seatunnel-v1/overview');
  await expect(page.getByTestId('st-engine')).toContainText('REST v1', { timeout: 90_000 });
  await expect.poll(() => mostPolled(log.paths), { timeout: 90_000 }).toBeGreaterThan(POLLS);
  expect(log.paths.filter((p) => !p.startsWith('/hazelcast/rest/maps/'))).toEqual([]);
  expect(log.consoleErrors).toEqual([]);
});
