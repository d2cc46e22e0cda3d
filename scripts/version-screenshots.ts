import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';

/**
 * A page-by-page screenshot set of one cluster, to look at per version:
 * `tsx scripts/version-screenshots.ts <dashboardUrl> <outDir> <clusterId>...`.
 * Every page at 1440×900 light and dark, and 1280×720 light; per page it prints the schema and
 * API errors shown (`query-error`) and the console errors logged while it was open.
 */
const [base = 'http://127.0.0.1:5173', outDir = '/tmp/shots', ...clusterIds] = process.argv.slice(2);
const WAIT_MS = Number(process.env.SHOT_WAIT ?? 4000);

async function json<T>(path: string): Promise<T> {
  const res = await fetch(base + path);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

async function flinkPages(c: string): Promise<string[]> {
  const pages = ['overview', 'jobs', 'task-managers', 'job-manager', 'submit'].map(
    (p) => `/clusters/${c}/${p}`,
  );
  const { jobs } = await json<{ jobs: { jid: string; state: string }[] }>(`/api/${c}/jobs/overview`);
  const job = jobs.find((j) => j.state === 'RUNNING') ?? jobs[0];
  if (job) {
    const at = `/clusters/${c}/jobs/${job.jid}`;
    pages.push(at, ...['exceptions', 'timeline', 'checkpoints', 'configuration'].map((t) => `${at}/${t}`));
  }
  const { taskmanagers } = await json<{ taskmanagers: { id: string }[] }>(`/api/${c}/taskmanagers`);
  const tm = taskmanagers[0];
  if (tm) pages.push(`/clusters/${c}/task-managers/${encodeURIComponent(tm.id)}`);
  return pages;
}

async function seatunnelPages(c: string): Promise<string[]> {
  return ['overview', 'jobs', 'nodes', 'submit'].map((p) => `/clusters/${c}/${p}`);
}

const { clusters } = await json<{ clusters: { id: string; kind: string }[] }>('/api/clusters');
const browser = await launchChromium();
const looks = [
  { scheme: 'light', width: 1440, height: 900 },
  { scheme: 'dark', width: 1440, height: 900 },
  { scheme: 'light', width: 1280, height: 720 },
] as const;
/** SHOT_LOOKS=2: only the two 1440×900 looks (a quicker pass). */
const chosenLooks = looks.slice(0, Number(process.env.SHOT_LOOKS ?? looks.length));

async function shoot(page: Page, path: string, file: string) {
  const consoleErrors: string[] = [];
  const onConsole = (m: { type(): string; text(): string }) => {
    if (m.type() === 'error') consoleErrors.push(m.text().slice(0, 160));
  };
  page.on('console', onConsole);
  await page.goto(base + path);
  await page.waitForTimeout(WAIT_MS);
  const shown = await page.getByTestId('query-error').allTextContents();
  await page.screenshot({ path: file });
  page.off('console', onConsole);
  const problems = [
    ...shown.map((t) => `shown: ${t.slice(0, 160)}`),
    ...consoleErrors.map((t) => `console: ${t}`),
  ];
  console.log(`${file}${problems.length ? `\n  ${problems.join('\n  ')}` : ''}`);
}

for (const id of clusterIds) {
  const kind = clusters.find((c) => c.id === id)?.kind;
  const paths = kind === 'seatunnel' ? await seatunnelPages(id) : await flinkPages(id);
  const dir = `${outDir}/${id}`;
  mkdirSync(dir, { recursive: true });
  for (const look of chosenLooks) {
    const page = await browser.newPage({ viewport: look, colorScheme: look.scheme });
    for (const path of paths) {
      const name = path.replace(`/clusters/${id}/`, '').replace(/[^a-z0-9]+/gi, '_') || 'home';
      await shoot(page, path, `${dir}/${name}-${look.width}-${look.scheme}.png`);
    }
    await page.close();
  }
}
await browser.close();
