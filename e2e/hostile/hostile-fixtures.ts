import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test as base, expect } from '../support/fixtures';
import { killTree, spawnWithJsonLine } from '../support/processes';
import { createProductionServer } from '../../server/app';
import { parseConfig } from '../../server/cluster-config';
import { dashboardClusters, type BadCase } from './corpus';

/*
 * Each worker runs its own bad server (e2e/support/bad-cluster.ts, a separate process that embeds
 * a demo cluster). Tests start production servers (server/app.ts, the code `npm run serve` runs)
 * in the worker, each configured with the few clusters it needs: one per corpus case plus the
 * healthy `ok-*` and the `hostile-*` ones. The built files are copied once per worker, so a
 * concurrent `vite build` cannot pull them away mid-run; HOSTILE_DIST overrides where they come
 * from (default dist/).
 */

/** The proxy gives up on a cluster after this long (the `slow` cases answer later). */
export const UPSTREAM_TIMEOUT_MS = 1500;

export interface Dashboard {
  url: string;
  close(): Promise<void>;
}

export interface HostileEnv {
  badUrl: string;
  /** Ids of the demo cluster behind the bad server, for the view templates. */
  ids: Record<string, string>;
  /** A production server whose config names these cases' clusters (and the ok/hostile ones). */
  startDashboard(cases: readonly BadCase[], options?: { readOnly?: boolean }): Promise<Dashboard>;
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function demoIds(baseUrl: string): Promise<Record<string, string>> {
  const api = (path: string) => `${baseUrl}/api/ok-flink${path}`;
  const { jobs } = await getJson<{ jobs: { jid: string; name: string; state: string }[] }>(
    api('/jobs/overview'),
  );
  const job = jobs.find((j) => j.name === 'Clickstream Sessionization') ?? jobs[0];
  const failed = jobs.find((j) => j.state === 'FAILED') ?? jobs[0];
  const detail = await getJson<{ vertices: { id: string }[] }>(api(`/jobs/${job?.jid}`));
  const { taskmanagers } = await getJson<{ taskmanagers: { id: string }[] }>(api('/taskmanagers'));
  const cps = await getJson<{ latest: { completed: { id: number } | null } }>(
    api(`/jobs/${job?.jid}/checkpoints`),
  );
  return {
    job: job?.jid ?? '',
    failedJob: failed?.jid ?? '',
    vertex: detail.vertices[0]?.id ?? '',
    innerVertex: detail.vertices[1]?.id ?? '',
    tm: encodeURIComponent(taskmanagers[0]?.id ?? ''),
    checkpoint: String(cps.latest.completed?.id ?? 1),
    stJob: '1003420188737265665',
    stRunning: '1003427735263641601',
  };
}

/** Fills `{c}` and the id placeholders of a view template. */
export function viewUrl(template: string, clusterId: string, ids: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'c' ? clusterId : (ids[name] ?? `{${name}}`),
  );
}

/** Console errors that are not the browser's own log of a failed (4xx/5xx) request. */
export function isRealConsoleError(text: string): boolean {
  return !/^Failed to load resource: the server responded with a status of [45]\d\d/.test(text);
}

export const test = base.extend<{ problems: string[] }, { hostile: HostileEnv }>({
  hostile: [
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'streamdash-hostile-'));
      const servers = new Set<Server>();
      let badPid: number | undefined;
      try {
        const dist = resolve(process.env.HOSTILE_DIST ?? 'dist');
        if (!existsSync(join(dist, 'index.html')))
          throw new Error(`${dist}/index.html is missing: run "npx vite build" first`);
        cpSync(dist, join(dir, 'dist'), { recursive: true });
        const bad = await spawnWithJsonLine<{ url: string }>(resolve('node_modules/.bin/tsx'), [
          'e2e/support/bad-cluster.ts',
        ]);
        badPid = bad.child.pid;
        const startDashboard = async (
          cases: readonly BadCase[],
          options: { readOnly?: boolean } = {},
        ): Promise<Dashboard> => {
          const config = parseConfig({
            clusters: dashboardClusters(bad.info.url, cases),
            upstreamTimeoutMs: UPSTREAM_TIMEOUT_MS,
            readOnly: options.readOnly ?? false,
          });
          const server = createProductionServer({ config, distDir: join(dir, 'dist') });
          servers.add(server);
          await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
          return {
            url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
            close: () =>
              new Promise<void>((r) => {
                servers.delete(server);
                server.closeAllConnections();
                server.close(() => r());
              }),
          };
        };
        const first = await startDashboard([]);
        const ids = await demoIds(first.url);
        await first.close();
        await use({ badUrl: bad.info.url, ids, startDashboard });
      } finally {
        for (const s of servers) s.closeAllConnections();
        for (const s of servers) s.close();
        killTree(badPid);
        rmSync(dir, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  /** Console errors (beyond failed-request logs) and script that ran: both fail the test. */
  problems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' && isRealConsoleError(m.text()))
          problems.push(`console.error: ${m.text().slice(0, 500)}`);
      });
      await use(problems);
      const pwned = await page
        .evaluate(() => (window as { __pwned?: unknown }).__pwned)
        .catch(() => undefined);
      expect(pwned, 'script from a cluster answer ran in the dashboard').toBeUndefined();
      expect(problems, 'console errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The shell still works: header with the cluster switcher, the side navigation. */
export async function expectShellWorks(page: Page) {
  await expect(page.getByTestId('cluster-switcher')).toBeVisible();
  await expect(page.getByTestId('side-nav')).toBeVisible();
  await expect(page.getByTestId('side-nav').getByRole('link', { name: 'All clusters' })).toBeVisible();
}
