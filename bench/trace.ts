import type { Browser, Page } from 'playwright-core';

/**
 * Main-thread CPU time from a Chromium trace. On a machine whose load average is many times its
 * core count, wall-clock durations mostly measure the wait for a CPU; the thread time (`tdur`) of
 * the renderer's top-level tasks is what the page itself costs, whatever the load.
 */
const CATEGORIES = ['toplevel', 'blink.user_timing'];
const SYNC = 'bench-trace-sync';

export interface CpuTask {
  /** Page time (ms since the navigation started) and wall duration, ms. */
  start: number;
  wall: number;
  /** Thread CPU time, ms. */
  cpu: number;
}

export async function startTrace(browser: Browser, page: Page) {
  await browser.startTracing(page, { categories: CATEGORIES });
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
}

/**
 * Stops the trace and returns the top-level tasks of the page's main thread, in page time.
 * The page leaves a user-timing mark whose trace timestamp and performance.now() are known.
 */
export async function stopTrace(browser: Browser, page: Page): Promise<CpuTask[]> {
  const now = (await page
    .evaluate(`(function () { performance.mark('${SYNC}'); return performance.now(); })()`)
    .catch(() => undefined)) as number | undefined;
  const buf = await browser.stopTracing();
  if (now === undefined) return [];
  const events = (JSON.parse(buf.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const sync = events.find((e) => e.name === SYNC);
  if (!sync) return [];
  const toPage = (ts: number) => (ts - sync.ts) / 1000 + now;
  return events
    .filter(
      (e) =>
        e.pid === sync.pid &&
        e.tid === sync.tid &&
        e.ph === 'X' &&
        e.name === 'ThreadControllerImpl::RunTask' &&
        e.dur !== undefined,
    )
    .map((e) => ({ start: toPage(e.ts), wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000 }))
    .filter((t) => t.start + t.wall >= 0);
}

/** CPU time of the tasks (the parts of them) inside [from, to], page time. */
export function cpuBetween(tasks: CpuTask[], from: number, to: number): number {
  let n = 0;
  for (const t of tasks) {
    const a = Math.max(from, t.start);
    const b = Math.min(to, t.start + t.wall);
    if (b <= a || t.wall <= 0) continue;
    n += (t.cpu * (b - a)) / t.wall;
  }
  return n;
}
