import type { Browser, Page } from 'playwright-core';
import { freshContext, memorySample, waitForMark, type MemorySample } from './browser.ts';
import type { Watch } from './probe.ts';

export interface SoakTarget {
  label: string;
  url: string;
  ready: Omit<Watch, 'name'>;
  localStorage?: Record<string, string>;
  /** Counted to show that the page kept polling. */
  isClusterRequest: (url: URL) => boolean;
}

export interface SoakResult {
  label: string;
  minutes: number;
  samples: (MemorySample & { atMs: number })[];
  requests: number;
  error?: string;
}

/**
 * Opens every target at once and leaves them open for `minutes`, sampling heap (after a forced
 * GC) and DOM counters at the start (after a warm-up), every `everyMs` and at the end.
 */
export async function soak(
  browser: Browser,
  targets: SoakTarget[],
  minutes: number,
  log: (s: string) => void,
  warmupMs = 15_000,
): Promise<SoakResult[]> {
  const everyMs = Math.max(15_000, Math.min(5 * 60_000, (minutes * 60_000) / 8));
  const opened: { t: SoakTarget; page: Page; close: () => Promise<void>; r: SoakResult }[] = [];
  try {
    for (const t of targets) {
      const context = await freshContext(browser, {
        watches: [{ name: 'ready', ...t.ready }],
        ...(t.localStorage ? { localStorage: t.localStorage } : {}),
      });
      const page = await context.newPage();
      const r: SoakResult = { label: t.label, minutes, samples: [], requests: 0 };
      page.on('request', (req) => {
        if (t.isClusterRequest(new URL(req.url()))) r.requests++;
      });
      await page.goto(t.url, { waitUntil: 'commit', timeout: 120_000 });
      opened.push({ t, page, r, close: () => context.close() });
    }
    await Promise.all(
      opened.map((o) =>
        waitForMark(o.page, 'ready', 240_000).catch((e: unknown) => {
          o.r.error = e instanceof Error ? e.message : String(e);
        }),
      ),
    );
    await new Promise((r) => setTimeout(r, warmupMs));
    const t0 = Date.now();
    const sample = async () => {
      for (const o of opened) {
        if (o.r.error) continue;
        try {
          o.r.samples.push({ ...(await memorySample(o.page)), atMs: Date.now() - t0 });
        } catch (e) {
          o.r.error = e instanceof Error ? e.message : String(e);
        }
      }
    };
    await sample();
    for (const o of opened) o.r.requests = 0;
    const end = t0 + minutes * 60_000;
    while (Date.now() < end) {
      await new Promise((r) => setTimeout(r, Math.min(everyMs, end - Date.now())));
      await sample();
      const last = opened.map(
        (o) => `${o.t.label}: ${((o.r.samples.at(-1)?.heapUsed ?? 0) / 1048576).toFixed(1)} MB`,
      );
      log(`soak ${((Date.now() - t0) / 60_000).toFixed(1)} min: ${last.join(', ')}`);
    }
    return opened.map((o) => o.r);
  } finally {
    await Promise.all(opened.map((o) => o.close().catch(() => undefined)));
  }
}
