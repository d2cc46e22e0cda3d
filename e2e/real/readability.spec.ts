import type { APIRequestContext } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { NO_IDS, pagesOf, readPage, routerPaths, type PageIds } from '../support/readability';

/*
 * Issue 18's readability pass (e2e/support/readability.ts) on the real clusters of global setup:
 * the full-suite Flink (`real-flink`, state.real.flink) and SeaTunnel 2.3.13 REST v2
 * (`real-seatunnel`). One visit per page and look, the same table as the demo's pass.
 */
// pages are independent: both workers share them
test.describe.configure({ mode: 'parallel', timeout: 360_000 });

const F = 'real-flink';
const ST = 'real-seatunnel';

async function seatunnelJob(request: APIRequestContext): Promise<string> {
  for (const list of ['running-jobs', 'finished-jobs']) {
    const res = await request.get(`/api/${ST}/${list}`);
    if (!res.ok()) continue;
    const jobs = (await res.json()) as { jobId: string | number }[];
    if (Array.isArray(jobs) && jobs[0]) return String(jobs[0].jobId);
  }
  return '';
}

async function realIds(
  request: APIRequestContext,
  jobs: { checkpointing: string; failing: string; bounded: string },
): Promise<PageIds> {
  const details = (await (await request.get(`/api/${F}/jobs/${jobs.checkpointing}`)).json()) as {
    vertices: { id: string }[];
  };
  const tms = (await (await request.get(`/api/${F}/taskmanagers`)).json()) as {
    taskmanagers: { id: string }[];
  };
  return {
    job: jobs.checkpointing,
    failed: jobs.failing,
    finished: jobs.bounded,
    vertex: details.vertices[1]?.id ?? details.vertices[0]?.id ?? '',
    tm: tms.taskmanagers[0]?.id ?? '',
    stJob: await seatunnelJob(request),
  };
}

const PAGES = pagesOf(F, ST);

test('every page of the router is read on the real clusters', () => {
  expect(routerPaths().filter((p) => !(p in PAGES))).toEqual([]);
});

for (const [route, visits] of Object.entries(PAGES)) {
  for (const { name } of visits(NO_IDS)) {
    test(`${name} is readable on the real clusters`, async ({ page, request, state }, testInfo) => {
      const flink = state.real?.flink;
      test.skip(!flink || !state.real?.seatunnel, `no real clusters: ${state.real?.error ?? 'E2E_REAL=0'}`);
      const ids = await realIds(request, flink!.jobs);
      const target = visits(ids).find((v) => v.name === name)!;
      test.skip(target.url.includes('/jobs/?') || target.url.endsWith('/jobs/'), 'the engine lists no job');
      await readPage(page, testInfo, { route, ...target });
    });
  }
}
