import type { APIRequestContext } from '@playwright/test';
import { DEMO_JOB_NAMES } from '../../demo/flink/model/specs';
import { test, expect } from '../support/fixtures';
import { NO_IDS, pagesOf, readPage, routerPaths, type PageIds } from '../support/readability';

/*
 * Issue 18: every page of the demo, light and dark, at 1440×900 and 1280×720 — nothing cut without
 * a way to read it whole, no wrapped or overlapping chart tick, plan text ≥ 11 px, no unexpected
 * console error. The pages come from the router (src/app/router/routes.ts): a new route fails
 * "every page of the router is read" until it is listed here.
 */
// pages are independent: both workers share them
test.describe.configure({ mode: 'parallel', timeout: 360_000 });

const F = 'demo';
const ST = 'demo-seatunnel';

async function demoIds(request: APIRequestContext): Promise<PageIds> {
  const jobs = (await (await request.get(`/api/${F}/jobs/overview`)).json()) as {
    jobs: { jid: string; name: string }[];
  };
  const jid = (name: string) => jobs.jobs.find((j) => j.name === name)?.jid ?? '';
  const bottleneck = jid(DEMO_JOB_NAMES.bottleneck);
  const details = (await (await request.get(`/api/${F}/jobs/${bottleneck}`)).json()) as {
    vertices: { id: string }[];
  };
  const tms = (await (await request.get(`/api/${F}/taskmanagers`)).json()) as {
    taskmanagers: { id: string }[];
  };
  const stJobs = (await (await request.get(`/api/${ST}/running-jobs`)).json()) as { jobId: string }[];
  return {
    job: bottleneck,
    failed: jid(DEMO_JOB_NAMES.failed),
    finished: jid(DEMO_JOB_NAMES.finished),
    vertex: details.vertices[1]?.id ?? '',
    tm: tms.taskmanagers[0]?.id ?? '',
    stJob: stJobs[0]?.jobId ?? '',
  };
}

const PAGES = pagesOf(F, ST);

test('every page of the router is read', () => {
  expect(routerPaths().filter((p) => !(p in PAGES))).toEqual([]);
});

for (const [route, visits] of Object.entries(PAGES)) {
  // the visit names are known without ids: list them with placeholder ids
  for (const { name } of visits(NO_IDS)) {
    test(`${name} is readable`, async ({ page, request }, testInfo) => {
      const ids = await demoIds(request);
      const target = visits(ids).find((v) => v.name === name)!;
      await readPage(page, testInfo, { route, ...target });
    });
  }
}
