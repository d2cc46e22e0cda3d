import type { Browser } from 'playwright-core';
import { LARGE_JOB_NAMES } from '../demo/flink/index.ts';
import { freshContext, interact, longTasks, waitForMark } from './browser.ts';
import type { Cond, InteractionSpec } from './probe.ts';
import { cpuBetween, startTrace, stopTrace } from './trace.ts';

export interface Interaction {
  name: string;
  spec: InteractionSpec;
}

export interface ScaleScenario {
  name: string;
  path: string;
  /** The content is visible (render time = navigation start to the frame after this). */
  content: Cond;
  interactions: Interaction[];
  /** Set when the dashboard has no page for this yet (reported as such, nothing measured). */
  missing?: string;
}

export interface ScaleResult {
  name: string;
  path: string;
  renders: number[];
  /** Main-thread CPU time from navigation start to the content's frame. */
  renderCpu: number[];
  interactions: { name: string; paint: number[]; result: number[]; cpu: number[]; errors: string[] }[];
  /** Per run: the longest task during the render, during the interactions, and how many exceeded 200 ms. */
  longestRender: number[];
  longestInteraction: number[];
  over200: number[];
  /** Per run: the most CPU one main-thread task used, and how many used more than 200 ms of CPU. */
  longestTaskCpu: number[];
  cpuOver200: number[];
  errors: string[];
  missing?: string;
}

interface DemoIds {
  mega: string;
  wide: string;
  wideVertex: string;
  checkpointHeavy: string;
  bigLogTm: string;
}

async function getJson<T>(url: string, timeoutMs = 120_000): Promise<T> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/**
 * Finds the large jobs of the demo and asks once for everything the scenarios show, so that the
 * demo's lazily built data (10,000 checkpoints, the 50,000-frame flame graph, the 50 MB log)
 * exists before anything is timed.
 */
export async function prepareDemo(flinkUrl: string, log: (s: string) => void): Promise<DemoIds> {
  const t0 = Date.now();
  const jobs = (await getJson<{ jobs: { jid: string; name: string }[] }>(`${flinkUrl}/jobs/overview`)).jobs;
  const id = (name: string) => {
    const j = jobs.find((x) => x.name === name);
    if (!j) throw new Error(`demo has no job "${name}"`);
    return j.jid;
  };
  const mega = id(LARGE_JOB_NAMES.mega);
  const wide = id(LARGE_JOB_NAMES.wide);
  const checkpointHeavy = id(LARGE_JOB_NAMES.checkpointHeavy);
  const wideJob = await getJson<{ vertices: { id: string; parallelism: number }[] }>(
    `${flinkUrl}/jobs/${wide}`,
  );
  const wideVertex = wideJob.vertices.find((v) => v.parallelism >= 2000)?.id ?? wideJob.vertices[1]?.id ?? '';
  const tms = (await getJson<{ taskmanagers: { id: string }[] }>(`${flinkUrl}/taskmanagers`)).taskmanagers;
  const bigLogTm = tms[0]?.id ?? '';
  await getJson(`${flinkUrl}/jobs/${mega}`);
  await getJson(`${flinkUrl}/jobs/${wide}/vertices/${wideVertex}`);
  await getJson(`${flinkUrl}/jobs/${checkpointHeavy}/checkpoints`);
  await fetch(`${flinkUrl}/taskmanagers/${encodeURIComponent(bigLogTm)}/log`).then((r) => r.arrayBuffer());
  for (let i = 0; i < 60; i++) {
    const fg = await getJson<{ data?: unknown }>(
      `${flinkUrl}/jobs/${wide}/vertices/${wideVertex}/flamegraph?type=FULL`,
    );
    if (fg.data) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  log(`demo large data ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { mega, wide, wideVertex, checkpointHeavy, bigLogTm };
}

const rows = (table: string) => `[data-testid=${table}] tbody tr[aria-rowindex]`;

/** Click the first sortable header of a DataTable; done when its aria-sort changed. */
const sortClick = (table: string): Interaction => ({
  name: 'sort click',
  spec: {
    target: { selector: `[data-testid=${table}] thead th[aria-sort] button` },
    action: 'click',
    until: { selector: `[data-testid=${table}] thead th[aria-sort]`, attrChanged: 'aria-sort' },
  },
});

const rowClick = (table: string, until: Cond): Interaction => ({
  name: 'row click',
  spec: { target: { selector: rows(table) + ' td' }, action: 'click', until },
});

export function scaleScenarios(cluster: string, ids: DemoIds): ScaleScenario[] {
  const c = `/clusters/${cluster}`;
  return [
    {
      name: '5,000 jobs: list',
      path: `${c}/jobs`,
      content: { selector: rows('jobs-table'), min: 5 },
      interactions: [
        sortClick('jobs-table'),
        {
          name: 'search keystroke',
          spec: {
            target: { selector: '[data-testid=jobs-search]' },
            action: 'type',
            value: '7',
            until: { selector: '[data-testid=jobs-count]', textChanged: true },
          },
        },
        rowClick('jobs-table', { url: '/jobs/[0-9a-f]{32}', selector: '[data-testid=job-page]' }),
      ],
    },
    {
      name: '300-vertex plan: graph',
      path: `${c}/jobs/${ids.mega}`,
      content: { selector: '[data-testid=dag-node]', min: 1 },
      interactions: [
        {
          name: 'node click',
          spec: {
            target: { selector: '[data-testid=dag-node]' },
            action: 'click',
            until: { selector: '[data-testid=vertex-panel]' },
          },
        },
        sortClick('vertex-table'),
      ],
    },
    {
      name: 'parallelism 2,000: subtasks tab',
      path: `${c}/jobs/${ids.wide}?vertex=${ids.wideVertex}&panel=subtasks`,
      content: { selector: rows('subtasks-table'), min: 5 },
      interactions: [
        sortClick('subtasks-table'),
        {
          name: 'filter keystroke',
          spec: {
            target: { selector: '[data-testid=vertex-subtasks] input[type=search]' },
            action: 'type',
            value: '7',
            until: { selector: '[data-testid=vertex-subtasks] span', text: ' of \\d' },
          },
        },
        rowClick('subtasks-table', { selector: '[data-testid=subtask-attempts]' }),
      ],
    },
    {
      name: '1,000 task managers: list',
      path: `${c}/task-managers`,
      content: { selector: rows('tm-table'), min: 5 },
      interactions: [
        sortClick('tm-table'),
        {
          name: 'search keystroke',
          spec: {
            target: { selector: '[data-testid=tm-search]' },
            action: 'type',
            value: '7',
            until: { selector: '[data-testid=tm-count-label]', textChanged: true },
          },
        },
        rowClick('tm-table', { url: '/task-managers/[^/?]+', selector: '[data-testid=task-manager-page]' }),
      ],
    },
    {
      name: '10,000 checkpoints: history',
      path: `${c}/jobs/${ids.checkpointHeavy}/checkpoints`,
      content: { selector: rows('checkpoint-history-table'), min: 5 },
      interactions: [
        sortClick('checkpoint-history-table'),
        {
          name: 'filter click (Failed)',
          spec: {
            target: { selector: '[data-testid=checkpoint-history] button', text: '^Failed' },
            action: 'click',
            until: {
              selector: '[data-testid=checkpoint-history] button[aria-pressed=true]',
              text: '^Failed',
            },
          },
        },
        rowClick('checkpoint-history-table', { selector: '[data-testid=checkpoint-detail]' }),
      ],
    },
    {
      name: '50,000-node flame graph',
      path: `${c}/jobs/${ids.wide}/flamegraph?vertex=${ids.wideVertex}`,
      content: { selector: '[data-testid=flame-svg-host] g.frame', min: 2 },
      interactions: [
        {
          name: 'zoom click',
          spec: {
            target: { selector: '[data-testid=flame-svg-host] g.frame', index: 1 },
            action: 'click',
            until: { selector: '[data-testid=flame-zoomed]' },
          },
        },
        {
          name: 'search keystroke',
          spec: {
            target: { selector: '[data-testid=flame-search]' },
            action: 'type',
            value: 'a',
            until: { selector: '[data-testid=flame-match-count]', text: '\\d|No frame' },
          },
        },
      ],
    },
    {
      name: '50 MB task manager log',
      path: `${c}/task-managers/${encodeURIComponent(ids.bigLogTm)}?tab=logs`,
      content: { selector: '[data-testid=log-line]', min: 5 },
      interactions: [
        {
          name: 'search keystroke',
          spec: {
            target: { selector: '[data-testid=log-viewer] input[type=search]' },
            action: 'type',
            value: 'WARN',
            until: { selector: '[data-testid=log-viewer] [role=status]', text: '\\d+ / |No matches' },
            timeoutMs: 30_000,
          },
        },
      ],
    },
  ];
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function runOnce(browser: Browser, base: string, s: ScaleScenario, r: ScaleResult) {
  const context = await freshContext(browser, { watches: [{ name: 'content', ...s.content }] });
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => r.errors.push(`pageerror: ${e.message}`));
    await startTrace(browser, page);
    let tracing = true;
    try {
      await page.goto(base + s.path, { waitUntil: 'commit', timeout: 120_000 });
      const marks = await waitForMark(page, 'content', 180_000);
      const painted = marks.content?.painted ?? 0;
      // let what the page loads after its first content (lazy parts, the first polls) finish
      await sleep(1500);
      const renderTasks = (await longTasks(page)).filter((t) => t.start < painted + 1500);
      const interactionTasks: number[] = [];
      const windows: { slot: ScaleResult['interactions'][number]; from: number; to: number }[] = [];
      for (const i of s.interactions) {
        const slot = r.interactions.find((x) => x.name === i.name) as ScaleResult['interactions'][number];
        const out = await interact(page, i.spec);
        if (out.paintMs !== undefined) slot.paint.push(out.paintMs);
        if (out.resultMs !== undefined) slot.result.push(out.resultMs);
        if (out.error) slot.errors.push(out.error);
        if (out.t0 !== undefined)
          windows.push({ slot, from: out.t0, to: out.t0 + (out.resultMs ?? out.paintMs ?? 0) });
        interactionTasks.push(...out.longTasks.map((t) => t.duration));
        await sleep(700);
      }
      tracing = false;
      const cpuTasks = await stopTrace(browser, page);
      r.renders.push(painted);
      if (cpuTasks.length) {
        r.renderCpu.push(cpuBetween(cpuTasks, 0, painted));
        for (const w of windows) w.slot.cpu.push(cpuBetween(cpuTasks, w.from, w.to));
        r.longestTaskCpu.push(Math.max(0, ...cpuTasks.map((t) => t.cpu)));
        r.cpuOver200.push(cpuTasks.filter((t) => t.cpu > 200).length);
      }
      const all = [...renderTasks.map((t) => t.duration), ...interactionTasks];
      r.longestRender.push(Math.max(0, ...renderTasks.map((t) => t.duration)));
      r.longestInteraction.push(Math.max(0, ...interactionTasks));
      r.over200.push(all.filter((d) => d > 200).length);
    } finally {
      if (tracing) await browser.stopTracing().catch(() => undefined);
    }
  } finally {
    await context.close();
  }
}

export async function measureScale(
  browser: Browser,
  base: string,
  scenarios: ScaleScenario[],
  runs: number,
  log: (s: string) => void,
): Promise<ScaleResult[]> {
  const results: ScaleResult[] = [];
  for (const s of scenarios) {
    const r: ScaleResult = {
      name: s.name,
      path: s.path,
      renders: [],
      renderCpu: [],
      interactions: s.interactions.map((i) => ({ name: i.name, paint: [], result: [], cpu: [], errors: [] })),
      longestRender: [],
      longestInteraction: [],
      over200: [],
      longestTaskCpu: [],
      cpuOver200: [],
      errors: [],
      ...(s.missing ? { missing: s.missing } : {}),
    };
    results.push(r);
    if (s.missing) continue;
    for (let i = 0; i < runs; i++) {
      try {
        await runOnce(browser, base, s, r);
        log(`scale ${s.name} run ${i + 1}: render ${Math.round(r.renders[r.renders.length - 1] ?? NaN)} ms`);
      } catch (e) {
        r.errors.push(e instanceof Error ? e.message : String(e));
        log(`scale ${s.name} run ${i + 1} failed: ${String(e)}`);
      }
    }
  }
  return results;
}
