import { test, expect } from '../support/fixtures';
import { mostPolled, networkLog, pollEverySecond } from '../support/network-log';

/*
 * On the real clusters of global setup: what the cluster said it cannot answer is asked once per
 * page visit, whatever the poll interval (1 s here), with no console error per poll.
 * - Flink 2.2.1 runs the default scheduler: `GET /jobs/:jobid/resource-requirements` answers 500
 *   "The DefaultScheduler does not support changing the parallelism without a job restart."
 * - The SeaTunnel node is configured as `http://host:port/hazelcast/rest/maps` (REST v1): its
 *   Hazelcast port hangs up on v2's `/overview`, so a probe would cost a 504 on every load.
 */

const POLLS = 6;
test.describe.configure({ timeout: 150_000 });
test.beforeEach(async ({ page }) => pollEverySecond(page));

test('resource requirements on the default scheduler: asked once, explained once', async ({
  page,
  state,
}) => {
  test.skip(!state.real?.flink, `no real Flink cluster: ${state.real?.error ?? 'E2E_REAL=0'}`);
  const jobId = state.real?.flink?.jobs.checkpointing ?? '';
  const log = networkLog(page, 'real-flink');
  await page.goto(`/clusters/real-flink/jobs/${jobId}/configuration`);
  await expect(page.getByTestId('requirements-unsupported')).toContainText('default scheduler', {
    timeout: 60_000,
  });
  const errorsOfTheVisit = log.consoleErrors.length;
  await expect.poll(() => log.count(`/jobs/${jobId}`), { timeout: 90_000 }).toBeGreaterThan(POLLS);
  expect(log.count(`/jobs/${jobId}/resource-requirements`)).toBe(1);
  expect(page.getByTestId('requirements-unsupported')).toHaveCount(1);
  expect(log.consoleErrors.length).toBeLessThanOrEqual(1); // Chromium's line for the one 500
  expect(log.consoleErrors).toHaveLength(errorsOfTheVisit);
});

test('a SeaTunnel v1 node given with /hazelcast/rest/maps is never asked for REST v2', async ({
  page,
  state,
}) => {
  test.skip(!state.real?.seatunnel, 'the real SeaTunnel engine did not start');
  const log = networkLog(page, 'real-seatunnel-v1');
  await page.goto('/clusters/real-seatunnel-v1/overview');
  await expect(page.getByTestId('st-engine')).toContainText('REST v1', { timeout: 60_000 });
  await expect.poll(() => mostPolled(log.paths), { timeout: 90_000 }).toBeGreaterThan(POLLS);
  expect(log.paths.filter((p) => !p.startsWith('/hazelcast/rest/maps/'))).toEqual([]);
  expect(log.consoleErrors).toEqual([]);
});
