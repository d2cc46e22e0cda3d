import type { Page } from '@playwright/test';

/**
 * The browser's own record of one page visit: every request to a cluster (`/api/<cluster>/...`,
 * without the query string) and every console error. Chromium logs each failed request as a
 * console error ("Failed to load resource: … 500"), so asking again shows up in both.
 */
export function networkLog(page: Page, clusterId: string) {
  const prefix = `/api/${clusterId}`;
  const paths: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => {
    const { pathname } = new URL(r.url());
    if (pathname.startsWith(`${prefix}/`)) paths.push(pathname.slice(prefix.length));
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  return {
    paths,
    consoleErrors,
    /** How many requests went to `path` exactly (a cluster path such as `/jobs/abc`). */
    count: (path: string) => paths.filter((p) => p === path).length,
  };
}

/** Poll the dashboard every second (the user's override), so a short wait spans many polls. */
export async function pollEverySecond(page: Page) {
  await page.addInitScript(() => localStorage.setItem('streamdash.poll-interval', '1000'));
}

/** The most often asked path: a page that polls asks it once per interval. */
export function mostPolled(paths: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const p of paths) counts.set(p, (counts.get(p) ?? 0) + 1);
  return Math.max(0, ...counts.values());
}
