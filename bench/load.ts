import type { Browser } from 'playwright-core';
import { assetsLoadedBefore, freshContext, gzipSizeOf, longTasks, waitForMark } from './browser.ts';
import type { Watch } from './probe.ts';
import { cpuBetween, startTrace, stopTrace, type CpuTask } from './trace.ts';

export interface LoadTarget {
  dashboard: 'ours' | 'flink';
  page: 'overview' | 'job';
  url: string;
  /** The first real data on the page. */
  data: Omit<Watch, 'name'>;
}

export interface LoadResult {
  target: LoadTarget;
  /** Navigation start to the frame that shows the first real data, per run (cold cache). */
  times: number[];
  /** Main-thread CPU time from navigation start to that frame, per run. */
  cpu: number[];
  /** Longest task per run. */
  longestTask: number[];
  /** HTML, JS and CSS received before the first data (from the first measured run). */
  assets: { url: string; kind: 'html' | 'js' | 'css'; raw: number; gzip: number }[];
  /** Requests the page had sent before the first data (first measured run). */
  requestsBefore: number;
  errors: string[];
}

async function oneRun(browser: Browser, t: LoadTarget, keepAssets: boolean) {
  const context = await freshContext(browser, { watches: [{ name: 'data', ...t.data }] });
  try {
    const page = await context.newPage();
    let requests = 0;
    page.on('request', () => requests++);
    await startTrace(browser, page);
    let tasks: CpuTask[] = [];
    let mark: { found: number; painted: number };
    try {
      await page.goto(t.url, { waitUntil: 'commit', timeout: 120_000 });
      mark = (await waitForMark(page, 'data', 120_000)).data as { found: number; painted: number };
    } finally {
      tasks = await stopTrace(browser, page).catch(() => []);
    }
    const cpu = tasks.length ? cpuBetween(tasks, 0, mark.painted) : undefined;
    const requestsBefore = requests;
    const lts = await longTasks(page);
    const assets = keepAssets ? await assetsLoadedBefore(page, mark.found) : [];
    return {
      cpu,
      time: mark.painted,
      longest: Math.max(0, ...lts.filter((l) => l.start <= mark.painted).map((l) => l.duration)),
      assets,
      requestsBefore,
    };
  } finally {
    await context.close();
  }
}

/**
 * Cold loads, alternating dashboards run by run (the order flips every run) so both see the same
 * machine load; one untimed warm-up load of each target first.
 */
export async function measureLoads(
  browser: Browser,
  targets: LoadTarget[],
  runs: number,
  log: (s: string) => void,
): Promise<LoadResult[]> {
  const results = targets.map<LoadResult>((target) => ({
    target,
    times: [],
    cpu: [],
    longestTask: [],
    assets: [],
    requestsBefore: 0,
    errors: [],
  }));
  for (const r of results)
    await oneRun(browser, r.target, false).catch((e: unknown) => log(`warm-up: ${String(e)}`));
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? results : [...results].reverse();
    for (const r of order) {
      try {
        const one = await oneRun(browser, r.target, r.assets.length === 0);
        r.times.push(one.time);
        if (one.cpu !== undefined) r.cpu.push(one.cpu);
        r.longestTask.push(one.longest);
        if (r.assets.length === 0 && one.assets.length) {
          r.requestsBefore = one.requestsBefore;
          for (const a of one.assets) r.assets.push({ ...a, ...(await gzipSizeOf(a.url)) });
        }
        log(`load ${r.target.dashboard} ${r.target.page} run ${i + 1}: ${Math.round(one.time)} ms`);
      } catch (e) {
        r.errors.push(e instanceof Error ? e.message : String(e));
        log(`load ${r.target.dashboard} ${r.target.page} run ${i + 1} failed: ${String(e)}`);
      }
    }
  }
  return results;
}
