import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test as base, expect } from '../support/fixtures';
import { freePort, killTree, spawnWithJsonLine, waitForHttp } from '../support/processes';
import { dashboardClusters } from './corpus';

/*
 * Each worker runs its own bad server (e2e/support/bad-cluster.ts, which embeds a demo cluster)
 * and its own production server (`tsx server/main.ts`) whose config names one cluster per corpus
 * case. The built files are copied first, so a concurrent `vite build` cannot pull them away
 * mid-run. HOSTILE_DIST overrides where they come from (default dist/).
 */

/** The proxy gives up on the cluster after this long (the `slow` cases answer later). */
export const UPSTREAM_TIMEOUT_MS = 1500;

export interface HostileEnv {
  baseUrl: string;
  badUrl: string;
  /** Ids of the demo cluster behind the bad server, for the view templates. */
  ids: Record<string, string>;
}

const TSX = resolve('node_modules/.bin/tsx');

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function demoIds(baseUrl: string): Promise<Record<string, string>> {
  const api = (path: string) => `${baseUrl}/api/ok-flink${path}`;
  const { jobs } = await getJson<{ jobs: { jid: string; name: string; state: string }[] }>(api('/jobs/overview'));
  const job = jobs.find((j) => j.name === 'Clickstream Sessionization') ?? jobs[0];
  const failed = jobs.find((j) => j.state === 'FAILED') ?? jobs[0];
  const detail = await getJson<{ vertices: { id: string }[] }>(api(`/jobs/${job?.jid}`));
  const { taskmanagers } = await getJson<{ taskmanagers: { id: string }[] }>(api('/taskmanagers'));
  const cps = await getJson<{ latest: { completed: { id: number } | null } }>(api(`/jobs/${job?.jid}/checkpoints`));
  return {
    job: job?.jid ?? '',
    failedJob: failed?.jid ?? '',
    vertex: detail.vertices[0]?.id ?? '',
    tm: encodeURIComponent(taskmanagers[0]?.id ?? ''),
    checkpoint: String(cps.latest.completed?.id ?? 1),
    stJob: '1003420188737265665',
    stRunning: '1003427735263641601',
  };
}

/** Fills `{c}` and the id placeholders of a view template. */
export function viewUrl(template: string, clusterId: string, ids: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'c' ? clusterId : (ids[name] ?? `{${name}}`)));
}

/** Console errors that are not the browser's own log of a failed (4xx/5xx) request. */
export function isRealConsoleError(text: string): boolean {
  return !/^Failed to load resource: the server responded with a status of [45]\d\d/.test(text);
}

export const test = base.extend<{ problems: string[] }, { hostile: HostileEnv }>({
  hostile: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'streamdash-hostile-'));
      const children: ChildProcess[] = [];
      try {
        const dist = resolve(process.env.HOSTILE_DIST ?? 'dist');
        if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html is missing: run "npx vite build" first`);
        cpSync(dist, join(dir, 'dist'), { recursive: true });
        const bad = await spawnWithJsonLine<{ url: string }>(TSX, ['e2e/support/bad-cluster.ts']);
        children.push(bad.child);
        const config = join(dir, 'dashboard.config.json');
        writeFileSync(config, JSON.stringify({ clusters: dashboardClusters(bad.info.url), upstreamTimeoutMs: UPSTREAM_TIMEOUT_MS }));
        const port = await freePort();
        const server = spawn(TSX, ['server/main.ts'], {
          env: {
            ...process.env,
            PORT: String(port),
            DASHBOARD_CONFIG: config,
            DASHBOARD_DIST: join(dir, 'dist'),
            FLINK_URL: '',
            SEATUNNEL_URL: '',
          },
          stdio: 'ignore',
          detached: true,
        });
        children.push(server);
        const baseUrl = `http://127.0.0.1:${port}`;
        await waitForHttp(`${baseUrl}/api/clusters`);
        await use({ baseUrl, badUrl: bad.info.url, ids: await demoIds(baseUrl) });
      } finally {
        children.forEach((c) => killTree(c.pid));
        rmSync(dir, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  baseURL: async ({ hostile }, use) => use(hostile.baseUrl),
  /** Console errors (beyond failed-request logs) and script that ran: both fail the test. */
  problems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' && isRealConsoleError(m.text())) problems.push(`console.error: ${m.text().slice(0, 500)}`);
      });
      await use(problems);
      const pwned = await page.evaluate(() => (window as { __pwned?: unknown }).__pwned).catch(() => undefined);
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
