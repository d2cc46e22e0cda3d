import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium as launchDebianChromium } from '../scripts/chromium.ts';
import {
  probeScript,
  type InteractionResult,
  type InteractionSpec,
  type PageMarks,
  type Watch,
} from './probe.ts';

/** Debian's Chromium (scripts/chromium.ts) with precise heap figures for the soak. */
export async function launchChromium(): Promise<Browser> {
  return launchDebianChromium([
    '--enable-precise-memory-info',
    // every page of a run is in the foreground for the measurement, even when several are open
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
  ]);
}

export interface ContextOptions {
  watches?: Watch[];
  /** localStorage entries set before the page's scripts run (e.g. the poll interval). */
  localStorage?: Record<string, string>;
}

/** A fresh context (empty cache, no storage) with the probe installed. */
export async function freshContext(browser: Browser, opts: ContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  if (opts.localStorage && Object.keys(opts.localStorage).length) {
    await context.addInitScript(
      `(function (e) { try { for (var k in e) localStorage.setItem(k, e[k]); } catch (x) {} })(${JSON.stringify(opts.localStorage)});`,
    );
  }
  await context.addInitScript(probeScript(opts.watches ?? []));
  return context;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits until the probe saw `name` (and painted after it); resolves with the marks, or throws. */
export async function waitForMark(page: Page, name: string, timeoutMs = 60_000): Promise<PageMarks> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const marks = (await page.evaluate('window.__bench ? window.__bench.marks : {}')) as PageMarks;
    if (marks[name]?.painted !== undefined) return marks;
    if (Date.now() > until) throw new Error(`"${name}" not seen on ${page.url()} within ${timeoutMs} ms`);
    await sleep(100);
  }
}

export async function longTasks(page: Page): Promise<{ start: number; duration: number }[]> {
  return (await page.evaluate('window.__bench ? window.__bench.longTasks : []')) as {
    start: number;
    duration: number;
  }[];
}

export async function interact(page: Page, spec: InteractionSpec): Promise<InteractionResult> {
  return (await page.evaluate(`window.__bench.interact(${JSON.stringify(spec)})`)) as InteractionResult;
}

export interface LoadedAsset {
  url: string;
  kind: 'html' | 'js' | 'css';
  raw: number;
}

/** The HTML, JS and CSS the page had fully received by `beforeMs` (page time), from Resource Timing. */
export async function assetsLoadedBefore(page: Page, beforeMs: number): Promise<LoadedAsset[]> {
  const entries = (await page.evaluate(`(function () {
    var nav = performance.getEntriesByType('navigation')[0];
    var out = nav ? [{ url: nav.name, end: nav.responseEnd, raw: nav.decodedBodySize, doc: true }] : [];
    performance.getEntriesByType('resource').forEach(function (e) {
      out.push({ url: e.name, end: e.responseEnd, raw: e.decodedBodySize, doc: false });
    });
    return out;
  })()`)) as { url: string; end: number; raw: number; doc: boolean }[];
  const out: LoadedAsset[] = [];
  for (const e of entries) {
    if (e.end > beforeMs) continue;
    const path = new URL(e.url).pathname;
    const kind = e.doc ? 'html' : /\.m?js$/.test(path) ? 'js' : /\.css$/.test(path) ? 'css' : undefined;
    if (kind) out.push({ url: e.url.split('#')[0] as string, kind, raw: e.raw });
  }
  return out;
}

const gzipCache = new Map<string, { raw: number; gzip: number }>();

/** Raw and gzip -9 size of what a URL answers (fetched once; the servers do not compress). */
export async function gzipSizeOf(url: string): Promise<{ raw: number; gzip: number }> {
  const hit = gzipCache.get(url);
  if (hit) return hit;
  const res = await fetch(url);
  const bytes = Buffer.from(await res.arrayBuffer());
  const size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  gzipCache.set(url, size);
  return size;
}

export interface MemorySample {
  /** JS heap in use after a full GC, bytes. */
  heapUsed: number;
  /** DOM nodes alive (attached or not) after the GC, and event listeners, from Chromium's counters. */
  nodes: number;
  listeners: number;
  /** Elements in the document. */
  elements: number;
}

/** Forces a GC in the page's renderer and reads heap and DOM counters (CDP). */
export async function memorySample(page: Page): Promise<MemorySample> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await sleep(200);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const dom = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
    const elements = (await page.evaluate('document.getElementsByTagName("*").length')) as number;
    return { heapUsed: heap.usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners, elements };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
