import { createHash } from 'node:crypto';
import type { Browser, Request } from 'playwright-core';
import { freshContext, waitForMark } from './browser.ts';
import type { Watch } from './probe.ts';

export interface TrafficTarget {
  label: string;
  url: string;
  /** The page shows its data (the window starts `settleMs` after this). */
  ready: Omit<Watch, 'name'>;
  /** Whether a request of the page reaches the cluster (not a static file, not the dashboard's own API). */
  isClusterRequest: (url: URL) => boolean;
  /** The path as the cluster sees it (e.g. without our `/api/<id>` prefix). */
  clusterPath: (url: URL) => string;
  localStorage?: Record<string, string>;
}

export interface TrafficResult {
  label: string;
  windowMs: number;
  requests: number;
  failed: number;
  /** Response bodies as sent by the cluster, bytes. */
  responseBytes: number;
  /** Request line + headers + bodies the browser sent, bytes. */
  requestBytes: number;
  /** Answers that differed from the previous answer to the same URL: what the user could see change. */
  changedAnswers: number;
  /** Requests per endpoint (ids replaced by `:id`, query values dropped). */
  byEndpoint: Record<string, number>;
  error?: string;
}

export function endpointOf(path: string): string {
  const [p = '', q] = path.split('?');
  const shape = p.replace(/[0-9a-f]{32}/g, ':id').replace(/\/\d+(?=\/|$)/g, '/:n');
  const keys = q ? [...new URLSearchParams(q).keys()].join(',') : '';
  return keys ? `${shape}?${keys}` : shape;
}

/**
 * Opens every target at once, each in its own fresh context (so all see the same minute of the
 * same machine), waits until each shows its data plus `settleMs`, then counts for `windowMs`
 * what each page asks the cluster.
 */
export async function measureTraffic(
  browser: Browser,
  targets: TrafficTarget[],
  windowMs: number,
  settleMs: number,
  log: (s: string) => void,
): Promise<TrafficResult[]> {
  const opened = await Promise.all(
    targets.map(async (t) => {
      const context = await freshContext(browser, {
        watches: [{ name: 'ready', ...t.ready }],
        ...(t.localStorage ? { localStorage: t.localStorage } : {}),
      });
      const page = await context.newPage();
      const result: TrafficResult = {
        label: t.label,
        windowMs,
        requests: 0,
        failed: 0,
        responseBytes: 0,
        requestBytes: 0,
        changedAnswers: 0,
        byEndpoint: {},
      };
      const last = new Map<string, string>();
      let counting = false;
      const sentInWindow = new WeakSet<Request>();
      const pendingWork: Promise<unknown>[] = [];
      const onFinished = (req: Request) => {
        const url = new URL(req.url());
        if (!t.isClusterRequest(url)) return;
        const inWindow = sentInWindow.has(req);
        pendingWork.push(
          (async () => {
            const res = await req.response();
            const body = res ? await res.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
            const hash = createHash('sha1').update(body).digest('hex');
            const path = t.clusterPath(url);
            const changed = last.get(path) !== hash;
            last.set(path, hash);
            if (!inWindow) return;
            const sizes = await req.sizes().catch(() => undefined);
            result.requests++;
            result.responseBytes += sizes?.responseBodySize ?? body.length;
            result.requestBytes += (sizes?.requestHeadersSize ?? 0) + (sizes?.requestBodySize ?? 0);
            if (changed) result.changedAnswers++;
            const ep = endpointOf(path);
            result.byEndpoint[ep] = (result.byEndpoint[ep] ?? 0) + 1;
          })().catch(() => undefined),
        );
      };
      page.on('request', (req) => {
        if (counting) sentInWindow.add(req);
      });
      page.on('requestfinished', onFinished);
      page.on('requestfailed', (req) => {
        if (sentInWindow.has(req) && t.isClusterRequest(new URL(req.url()))) result.failed++;
      });
      await page.goto(t.url, { waitUntil: 'commit', timeout: 120_000 });
      return {
        t,
        page,
        context,
        result,
        start: () => (counting = true),
        end: () => (counting = false),
        flush: () => Promise.all(pendingWork),
      };
    }),
  );
  try {
    await Promise.all(
      opened.map(async (o) => {
        try {
          await waitForMark(o.page, 'ready', 240_000);
        } catch (e) {
          o.result.error = e instanceof Error ? e.message : String(e);
        }
      }),
    );
    await new Promise((r) => setTimeout(r, settleMs));
    log(`counting requests for ${windowMs / 1000} s: ${targets.map((t) => t.label).join(', ')}`);
    opened.forEach((o) => o.start());
    await new Promise((r) => setTimeout(r, windowMs));
    opened.forEach((o) => o.end());
    // answers to requests sent in the window may still be on their way
    await new Promise((r) => setTimeout(r, 2000));
    await Promise.all(opened.map((o) => o.flush()));
    return opened.map((o) => o.result);
  } finally {
    await Promise.all(opened.map((o) => o.context.close().catch(() => undefined)));
  }
}

export const perMinute = (n: number, windowMs: number) => (n * 60_000) / windowMs;
