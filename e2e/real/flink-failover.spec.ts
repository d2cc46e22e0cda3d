import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { killTree, startDashboardServer, waitUntil, type DashboardServer } from '../support/processes';
import { test, expect } from '../support/fixtures';
import { scenarioVersions } from '../support/flink-matrix';
import { ENTRY_CLASSES, getJson, runJar, startRealFlink, uploadJar, type RealFlink } from './flink-cluster';
import { startZooKeeper, type RealZooKeeper } from './zookeeper';

/**
 * Failover on real systems (issue 15): a dedicated Flink session cluster (2.3 by default; see scenarioVersions) with ZooKeeper high
 * availability (Debian's ZooKeeper), running the checkpointing workload, watched in Chromium
 * through its own dashboard server. One cluster serves both scenarios, in order:
 *   1. one of two task managers is killed: the job restarts on the other one; a new one registers;
 *   2. the JobManager is killed and started again: it recovers the job from its latest checkpoint.
 * What the real system did is in docs/real-flink-notes.md ("Failover").
 */
test.describe.configure({ mode: 'serial', timeout: 480_000 });
/** A first page load on a loaded 2-core machine (the JobManager answers slowly while jobs deploy). */
const FIRST_LOAD = { timeout: 120_000 };

interface Details {
  state: string;
  'start-time': number;
  vertices: { id: string; status: string }[];
}
interface CheckpointStats {
  counts: { completed: number };
  latest: {
    completed?: { id: number } | null;
    restored?: { id: number; restore_timestamp: number; external_path?: string | null } | null;
  };
}

const jobRunning = async (url: string, jobId: string, minCheckpoints: number) => {
  const d = await getJson<Details>(`${url}/jobs/${jobId}`, 3000);
  if (d.state !== 'RUNNING' || !d.vertices.every((v) => v.status === 'RUNNING')) return undefined;
  const cp = await getJson<CheckpointStats>(`${url}/jobs/${jobId}/checkpoints`, 3000);
  return cp.counts.completed >= minCheckpoints ? { details: d, checkpoints: cp } : undefined;
};

const jobTab = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Job views' }).getByRole('link', { name });

/** The job state badge's texts as the page shows them, sampled until `stop` resolves. */
function recordStates(page: Page, stop: Promise<unknown>): Promise<string[]> {
  let done = false;
  void stop.finally(() => (done = true));
  return (async () => {
    const seen: string[] = [];
    while (!done) {
      const s = await page
        .getByTestId('job-state')
        .textContent({ timeout: 1000 })
        .catch(() => null);
      if (s && seen[seen.length - 1] !== s) seen.push(s);
      await new Promise((r) => setTimeout(r, 200));
    }
    return seen;
  })();
}

for (const minor of scenarioVersions('2.3')) {
  test.describe(`Flink ${minor}`, () => {
    const CLUSTER = 'ha-flink';
    let zk: RealZooKeeper | undefined;
    let flink: RealFlink | undefined;
    let server: DashboardServer | undefined;
    let dashboard = '';
    let jobId = '';
    let tmp = '';
    const log = (s: string) => console.log(`[failover ${minor}] ${s}`);

    test.beforeAll(async () => {
      test.setTimeout(600_000);
      const t0 = Date.now();
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'streamdash-failover-'));
      zk = await startZooKeeper({ log });
      flink = await startRealFlink({
        log,
        version: minor,
        jobs: false,
        taskManagers: 1,
        config: {
          'high-availability.type': 'zookeeper',
          'high-availability.zookeeper.quorum': zk.quorum,
          'high-availability.storageDir': pathToFileURL(path.join(tmp, 'ha')).href,
          'high-availability.cluster-id': `/streamdash-${path.basename(tmp)}`,
          // long enough for a 3 s poll to see RESTARTING after the task manager loss
          'restart-strategy.fixed-delay.delay': '8 s',
        },
      });
      const { jarId } = await uploadJar(flink.url, flink.jarPath);
      jobId = await runJar(flink.url, jarId, { entryClass: ENTRY_CLASSES.checkpointing });
      await waitUntil('the job RUNNING with a checkpoint', () => jobRunning(flink!.url, jobId, 1));
      // the job's slot is on task manager #0; #1 joins with free slots (a two-task-manager cluster)
      await flink.startTaskManager();

      server = await startDashboardServer(
        { clusters: [{ id: CLUSTER, name: 'HA Flink', kind: 'flink', url: flink.url }] },
        tmp,
      );
      dashboard = server.url;
      log(`set up in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    });

    test.afterAll(async () => {
      killTree(server?.pid);
      await flink?.stop();
      await zk?.stop();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    test('a killed task manager: the page shows the loss, the restart and the recovery', async ({
      page,
      context,
    }) => {
      const t0 = Date.now();
      // Triage watches from a second tab, as an on-call engineer would keep it open; it has seen both
      // task managers (on their page, then in-app to Triage) before one goes.
      const triage = await context.newPage();
      await triage.goto(`${dashboard}/clusters/${CLUSTER}/task-managers`);
      await expect(triage.getByTestId('tm-count-value')).toHaveText('2', FIRST_LOAD);
      await triage.getByTestId('side-nav').getByRole('link', { name: 'Triage', exact: true }).click();
      await page.goto(`${dashboard}/clusters/${CLUSTER}/jobs/${jobId}`);
      await expect(page.getByTestId('job-state')).toHaveText('RUNNING', FIRST_LOAD);
      await page.evaluate(() => ((window as { notReloaded?: boolean }).notReloaded = true));

      await flink!.killTaskManager(0);
      const killedAt = Date.now();
      const stop = waitUntil('the job RUNNING again', () =>
        jobRunning(flink!.url, jobId, 0).then((r) => (r ? true : undefined)),
      );
      const states = recordStates(
        page,
        stop.then(() => expect(page.getByTestId('job-state')).toHaveText('RUNNING')),
      );
      await expect(page.getByTestId('job-state')).toHaveText('RESTARTING', { timeout: 90_000 });
      const restartingAfter = Date.now() - killedAt;
      await stop;
      await expect(page.getByTestId('job-state')).toHaveText('RUNNING', { timeout: 30_000 });
      const runningAfter = Date.now() - killedAt;
      log(
        `TM loss: page showed RESTARTING after ${restartingAfter} ms, RUNNING after ${runningAfter} ms; states ${JSON.stringify(await states)}`,
      );

      // Triage: the lost task manager and the job's restart
      const lost = triage.locator(`[data-testid=problem-row][data-cluster=${CLUSTER}][data-rule=tm-lost]`);
      await expect(lost).toBeVisible({ timeout: 60_000 });
      await expect(lost.getByTestId('problem-title')).toHaveText('Task manager lost');
      const restarted = triage.locator(
        `[data-testid=problem-row][data-cluster=${CLUSTER}][data-rule=job-restarts][data-job="${jobId}"]`,
      );
      await expect(restarted).toBeVisible({ timeout: 60_000 });
      await expect(restarted.getByTestId('problem-figure')).toContainText('1');

      // The failure that restarted it: with one failure it is the root cause (no "earlier failures" yet)
      await jobTab(page, 'Exceptions').click();
      await expect(page.getByTestId('root-exception')).toContainText(/TaskManager|lost|heartbeat/i, {
        timeout: 30_000,
      });

      // Recovery of capacity: a new task manager registers and the page counts it
      await page.goto(`${dashboard}/clusters/${CLUSTER}/task-managers`);
      await expect(page.getByTestId('tm-count-value')).toHaveText('1', FIRST_LOAD);
      await flink!.startTaskManager();
      await expect(page.getByTestId('tm-count-value')).toHaveText('2', { timeout: 60_000 });
      await expect(lost.getByTestId('problem-title')).toHaveText('Task manager lost and replaced', {
        timeout: 30_000,
      });
      log(`TM scenario took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    });

    test('a JobManager failover with ZooKeeper HA: the open job page follows the recovery', async ({
      page,
      context,
    }) => {
      const t0 = Date.now();
      const triage = await context.newPage();
      await triage.goto(`${dashboard}/triage`);
      await page.goto(`${dashboard}/clusters/${CLUSTER}/jobs/${jobId}`);
      await expect(page.getByTestId('job-state')).toHaveText('RUNNING', FIRST_LOAD);
      await page.evaluate(() => ((window as { notReloaded?: boolean }).notReloaded = true));
      const before = await waitUntil('a completed checkpoint', () => jobRunning(flink!.url, jobId, 1));
      const startBefore = before.details['start-time'];
      const startText = await page.getByTestId('job-start').textContent();

      const lastCheckpoint = (await getJson<CheckpointStats>(`${flink!.url}/jobs/${jobId}/checkpoints`))
        .latest.completed?.id;
      await flink!.killJobManager();
      const killedAt = Date.now();
      await expect(page.getByTestId('disconnected-banner')).toBeVisible({ timeout: 30_000 });
      const bannerAfter = Date.now() - killedAt;
      const restart = flink!.startJobManager();
      const recovered = restart.then(() =>
        waitUntil('the recovered job RUNNING', () =>
          jobRunning(flink!.url, jobId, 0).then((r) => r ?? undefined),
        ),
      );
      const states = recordStates(
        page,
        recovered.then(() =>
          expect(page.getByTestId('job-state')).toHaveText('RUNNING', { timeout: 30_000 }),
        ),
      );
      const after = await recovered;
      const flinkRunningAfter = Date.now() - killedAt;
      // the page follows without a reload: banner gone, RUNNING, the new run's start time
      await expect(page.getByTestId('disconnected-banner')).toBeHidden({ timeout: 30_000 });
      await expect(page.getByTestId('job-state')).toHaveText('RUNNING');
      await expect(page.getByTestId('job-start')).not.toHaveText(startText ?? '');
      const seen = await states;
      const pageRunningAfter = Date.now() - killedAt;
      expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
      expect(after.details['start-time']).toBeGreaterThan(startBefore);

      // restored from the latest checkpoint completed before the kill
      const stats = await getJson<CheckpointStats>(`${flink!.url}/jobs/${jobId}/checkpoints`);
      const restored = stats.latest.restored;
      expect(restored?.id).toBeDefined();
      expect(restored!.id).toBeGreaterThanOrEqual(lastCheckpoint!);

      // Timeline: both runs, the stretch without answers, and the checkpoint restored from
      await jobTab(page, 'Timeline').click();
      const failover = page.getByTestId('job-failover');
      await expect(failover).toHaveCount(1);
      await expect(failover).toContainText('JobManager failover');
      await expect(failover).toContainText('the JobManager did not answer');
      await expect(page.getByTestId('job-failover-restored')).toHaveText(`#${restored!.id}`, {
        timeout: 30_000,
      });
      const runs = page.getByTestId('runs-timeline');
      await expect(
        runs.locator('[data-row-id=run-2] [data-testid=gantt-bar][data-state=INITIALIZING]'),
      ).toHaveCount(1);
      await expect(
        runs.locator('[data-row-id=run-2] [data-testid=gantt-bar][data-state=RUNNING]'),
      ).toHaveCount(1);
      await expect(runs.locator('[data-row-id=outages] [data-testid=gantt-bar]')).not.toHaveCount(0);

      // Triage: the restart Flink's own counters no longer show (numRestarts 0, no exceptions)
      const restarted = triage.locator(
        `[data-testid=problem-row][data-cluster=${CLUSTER}][data-rule=job-restarts][data-job="${jobId}"]`,
      );
      await expect(restarted.getByTestId('problem-explanation')).toContainText(
        'by a new JobManager (failover)',
        {
          timeout: 60_000,
        },
      );
      log(
        `JM failover: banner after ${bannerAfter} ms; Flink RUNNING again after ${flinkRunningAfter} ms, page after ${pageRunningAfter} ms; ` +
          `states seen ${JSON.stringify(seen)}; last checkpoint before kill #${lastCheckpoint}, restored #${restored!.id} ` +
          `(${restored!.external_path ?? ''}); scenario ${((Date.now() - t0) / 1000).toFixed(1)} s`,
      );
    });
  });
}
