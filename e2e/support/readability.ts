/**
 * The readability pass (issue 18): every page of the router, light and dark, at 1440×900 and
 * 1280×720, fails when
 *  - text is cut (its box overflows with `overflow: hidden` / `text-overflow: ellipsis` / a line
 *    clamp) and neither it nor an element around it carries the whole text (`title`, `aria-label`);
 *  - a chart's axis tick wraps (a recharts tick `<text>` with more than one `<tspan>`), overlaps
 *    another tick of its axis, or sticks out of the chart;
 *  - a plan graph draws its node text below 11 px;
 *  - the console logs an error the page did not expect.
 * Used by e2e/demo/readability.spec.ts and e2e/real/readability.spec.ts.
 */
import type { Page, TestInfo } from '@playwright/test';
import * as routes from '../../src/app/router/routes';
import { expect } from './fixtures';

export const LOOKS = [
  { name: '1440x900-light', viewport: { width: 1440, height: 900 }, colorScheme: 'light' },
  { name: '1440x900-dark', viewport: { width: 1440, height: 900 }, colorScheme: 'dark' },
  { name: '1280x720-light', viewport: { width: 1280, height: 720 }, colorScheme: 'light' },
  { name: '1280x720-dark', viewport: { width: 1280, height: 720 }, colorScheme: 'dark' },
] as const;

/** Every URL pattern the router knows: a page added to routes.ts is missing below until it is listed. */
export function routerPaths(): string[] {
  return Object.values(routes).map((r: routes.AppRoute<string, unknown>) => r.path);
}

export interface PageToRead {
  /** The route pattern this visit covers (from routes.ts). */
  route: string;
  name: string;
  url: string;
  /** A selector present once the page shows its data (default: the main landmark). */
  ready?: string;
  /** Console errors this page causes on purpose, e.g. an endpoint the cluster cannot answer. */
  expectedErrors?: RegExp[];
}

/** Console errors every page may log: none. Resources are checked by the pages' own error states. */
const ALWAYS_EXPECTED: RegExp[] = [];

export interface Findings {
  clipped: string[];
  ticks: string[];
  graph: string[];
}

/** Runs in the page: what a reader cannot read. */
function findUnreadable(): Findings {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  const describe = (el: Element, text: string) => {
    const id = el.closest('[data-testid]')?.getAttribute('data-testid');
    return `${el.tagName.toLowerCase()}${id ? ` in [data-testid=${id}]` : ''}: "${text.slice(0, 80)}"`;
  };
  const hasFullText = (from: Element | null, text: string) => {
    for (let a = from; a; a = a.parentElement) {
      for (const attr of ['title', 'aria-label']) {
        const v = a.getAttribute(attr);
        if (v && norm(v).includes(text)) return true;
      }
    }
    return false;
  };
  const scrollsBetween = (inner: Element | null, outer: Element) => {
    for (let a = inner; a && a !== outer; a = a.parentElement) {
      const cs = getComputedStyle(a);
      if (/(auto|scroll)/.test(cs.overflowX) && a.scrollWidth > a.clientWidth) return true;
    }
    return false;
  };

  const clipped: string[] = [];
  for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
    if (el.closest('svg, [aria-hidden="true"]')) continue;
    const cs = getComputedStyle(el);
    const ellipsis = cs.textOverflow === 'ellipsis';
    const hidden = cs.overflowX === 'hidden' || cs.overflowX === 'clip';
    const clamp = cs.webkitLineClamp !== 'none' && cs.webkitLineClamp !== '';
    if (!ellipsis && !hidden && !clamp) continue;
    if (el.clientWidth <= 1 || cs.visibility === 'hidden') continue; // sr-only, not displayed
    const wide = el.scrollWidth > el.clientWidth + 1;
    const tall = clamp && el.scrollHeight > el.clientHeight + 1;
    if (!wide && !tall) continue;
    const box = el.getBoundingClientRect();
    const scale = box.width / el.offsetWidth || 1; // inside a zoomed graph
    const left = box.left + el.clientLeft * scale;
    const right = left + el.clientWidth * scale;
    const bottom = box.top + (el.clientTop + el.clientHeight) * scale;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = norm(n.textContent ?? '');
      if (!text) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const cut = r.right > right + 1 || r.left < left - 1 || (tall && r.bottom > bottom + 1);
      if (!cut || scrollsBetween(n.parentElement, el)) continue;
      // the plan canvas pans: what it leaves off screen is not cut (text cut inside a node is)
      if (n.parentElement?.closest('.react-flow') && !el.closest('.react-flow__node')) continue;
      if (!hasFullText(n.parentElement, text)) clipped.push(describe(el, text));
    }
  }

  const ticks: string[] = [];
  for (const axis of Array.from(document.querySelectorAll('.recharts-cartesian-axis'))) {
    const surface = axis.closest('svg')?.getBoundingClientRect();
    const boxes: { text: string; r: DOMRect }[] = [];
    for (const t of Array.from(axis.querySelectorAll<SVGTextElement>('.recharts-cartesian-axis-tick text'))) {
      const text = norm(t.textContent ?? '');
      const lines = t.querySelectorAll('tspan').length;
      if (lines > 1) ticks.push(`tick "${text}" wraps onto ${lines} lines`);
      const r = t.getBoundingClientRect();
      if (r.width === 0) continue;
      if (surface && (r.left < surface.left - 1 || r.right > surface.right + 1 || r.top < surface.top - 1)) {
        ticks.push(`tick "${text}" sticks out of its chart`);
      }
      boxes.push({ text, r });
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.r;
        const b = boxes[j]!.r;
        const overlap =
          a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
        if (overlap) ticks.push(`ticks "${boxes[i]!.text}" and "${boxes[j]!.text}" overlap`);
      }
    }
  }

  // dag-node.tsx draws its body in 12 px text at zoom 1 (src/components/graph/frame.ts)
  const graph: string[] = [];
  for (const node of Array.from(document.querySelectorAll<HTMLElement>('[data-testid="dag-node"]'))) {
    const zoom = node.getBoundingClientRect().width / node.offsetWidth;
    if (zoom * 12 < 10.9) {
      graph.push(`node ${node.dataset.nodeId}: text ${(zoom * 12).toFixed(1)} px on screen`);
      break;
    }
  }
  return { clipped: [...new Set(clipped)], ticks: [...new Set(ticks)], graph };
}

/** Ids of what the pages show: a job with a plan, a failed and a finished job, a task manager. */
export interface PageIds {
  job: string;
  vertex: string;
  failed: string;
  finished: string;
  tm: string;
  stJob: string;
}

export const NO_IDS: PageIds = { job: '', vertex: '', failed: '', finished: '', tm: '', stJob: '' };

/**
 * Route pattern → the visits that cover it, on Flink cluster `F` and SeaTunnel cluster `ST`;
 * [] only for a route that renders nothing of its own.
 */

/** route pattern → the visits that cover it; [] only for a route that renders nothing of its own. */
export function pagesOf(
  F: string,
  ST: string,
): Record<string, (ids: PageIds) => Omit<PageToRead, 'route'>[]> {
  return {
    '/': () => [{ name: 'home', url: '/' }],
    '/triage': () => [{ name: 'triage', url: '/triage' }],
    '/activity': () => [{ name: 'activity', url: '/activity' }],
    '/clusters/:clusterId': () => [], // redirects to the overview, read below
    '/clusters/:clusterId/overview': () => [
      { name: 'flink-overview', url: `/clusters/${F}/overview` },
      { name: 'seatunnel-overview', url: `/clusters/${ST}/overview` },
    ],
    '/clusters/:clusterId/jobs': () => [
      { name: 'flink-jobs', url: `/clusters/${F}/jobs` },
      { name: 'seatunnel-jobs', url: `/clusters/${ST}/jobs` },
    ],
    '/clusters/:clusterId/jobs/:jobId': (i) => [
      { name: 'job-graph', url: `/clusters/${F}/jobs/${i.job}`, ready: '[data-testid="dag-node"]' },
      {
        name: 'job-graph-vertex-panel',
        url: `/clusters/${F}/jobs/${i.job}?vertex=${i.vertex}&panel=subtasks`,
        ready: '[data-testid="dag-node"]',
      },
      {
        name: 'job-vertex-accumulators',
        url: `/clusters/${F}/jobs/${i.job}?vertex=${i.vertex}&panel=accumulators`,
        ready: '[data-testid="dag-node"]',
      },
      {
        name: 'job-graph-finished',
        url: `/clusters/${F}/jobs/${i.finished}`,
        ready: '[data-testid="dag-node"]',
      },
      { name: 'seatunnel-job', url: `/clusters/${ST}/jobs/${i.stJob}` },
    ],
    '/clusters/:clusterId/jobs/:jobId/exceptions': (i) => [
      { name: 'job-exceptions', url: `/clusters/${F}/jobs/${i.failed}/exceptions` },
    ],
    '/clusters/:clusterId/jobs/:jobId/timeline': (i) => [
      {
        name: 'job-timeline',
        url: `/clusters/${F}/jobs/${i.job}/timeline`,
        // A Flink without rescale history answers 404, asked once per visit and explained (issue 15)
        expectedErrors: [/404 .*\/rescales\/overview/],
      },
    ],
    '/clusters/:clusterId/jobs/:jobId/configuration': (i) => [
      {
        name: 'job-configuration',
        url: `/clusters/${F}/jobs/${i.job}/configuration`,
        // The default scheduler answers 500 here, asked once per visit and explained (issue 15)
        expectedErrors: [/500 .*\/resource-requirements/],
      },
    ],
    '/clusters/:clusterId/jobs/:jobId/checkpoints': (i) => [
      { name: 'job-checkpoints', url: `/clusters/${F}/jobs/${i.job}/checkpoints` },
    ],
    '/clusters/:clusterId/jobs/:jobId/backpressure': (i) => [
      { name: 'job-backpressure', url: `/clusters/${F}/jobs/${i.job}/backpressure` },
    ],
    '/clusters/:clusterId/jobs/:jobId/flamegraph': (i) => [
      { name: 'job-flamegraph', url: `/clusters/${F}/jobs/${i.job}/flamegraph` },
    ],
    '/clusters/:clusterId/task-managers': () => [
      { name: 'task-managers', url: `/clusters/${F}/task-managers` },
    ],
    '/clusters/:clusterId/task-managers/:taskManagerId': (i) => [
      { name: 'task-manager', url: `/clusters/${F}/task-managers/${encodeURIComponent(i.tm)}` },
      { name: 'task-manager-logs', url: `/clusters/${F}/task-managers/${encodeURIComponent(i.tm)}?tab=logs` },
    ],
    '/clusters/:clusterId/job-manager': () => [
      { name: 'job-manager', url: `/clusters/${F}/job-manager` },
      { name: 'job-manager-metrics', url: `/clusters/${F}/job-manager?tab=metrics` },
    ],
    '/clusters/:clusterId/nodes': () => [{ name: 'seatunnel-nodes', url: `/clusters/${ST}/nodes` }],
    '/clusters/:clusterId/submit': () => [
      { name: 'flink-submit', url: `/clusters/${F}/submit` },
      { name: 'seatunnel-submit', url: `/clusters/${ST}/submit` },
    ],
  };
}

const NOTHING: Findings = { clipped: [], ticks: [], graph: [] };

/**
 * Opens `target` in each look, waits for its data, checks it, attaches a screenshot per look.
 * Every look of the page is checked before the test fails, so one run lists all of a page's faults.
 */
export async function readPage(page: Page, testInfo: TestInfo, target: PageToRead) {
  const consoleErrors: string[] = [];
  const expected = [...ALWAYS_EXPECTED, ...(target.expectedErrors ?? [])];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const text = `${m.text()} ${m.location().url}`;
    if (!expected.some((re) => re.test(text))) consoleErrors.push(text);
  });
  let loadedAt = '';
  for (const look of LOOKS) {
    await page.emulateMedia({ colorScheme: look.colorScheme });
    // A page opens once per screen size, as a user's first visit frames it; the other colour scheme
    // is the same page switched in place (the theme follows the system's, live), which halves the cost.
    const size = `${look.viewport.width}x${look.viewport.height}`;
    if (loadedAt !== size) {
      loadedAt = size;
      await page.setViewportSize(look.viewport);
      await page.goto(target.url);
      await page
        .locator(target.ready ?? 'main')
        .first()
        .waitFor({ timeout: 45_000 });
      // first loads done; a section that keeps loading (a cluster that never answers) is read as it is
      await expect(page.locator('[aria-busy="true"]'))
        .toHaveCount(0, { timeout: 15_000 })
        .catch(() => undefined);
    }
    let found = NOTHING;
    // layout settles over a few frames (graph framing, charts' first render): poll, don't sleep
    await expect
      .poll(
        async () => {
          found = await page.evaluate(findUnreadable);
          return found;
        },
        { timeout: 6_000, intervals: [250, 500, 1000] },
      )
      .toEqual(NOTHING)
      .catch(() => undefined);
    const shot = await page.screenshot();
    await testInfo.attach(`${target.name} ${look.name}`, { body: shot, contentType: 'image/png' });
    if (process.env.READABILITY_SHOTS) {
      const { writeFile, mkdir } = await import('node:fs/promises');
      await mkdir(process.env.READABILITY_SHOTS, { recursive: true });
      const file = `${target.name}-${look.name}`.replace(/[^a-z0-9-]+/gi, '_');
      await writeFile(`${process.env.READABILITY_SHOTS}/${file}.png`, shot);
    }
    expect.soft(found.clipped, `${look.name}: text cut with no way to read it whole`).toEqual([]);
    expect.soft(found.ticks, `${look.name}: chart axis labels`).toEqual([]);
    expect.soft(found.graph, `${look.name}: plan graph text size`).toEqual([]);
  }
  expect.soft(consoleErrors, 'console errors the page did not expect').toEqual([]);
}
