import type { APIRequestContext } from '@playwright/test';
import { DEMO_JOB_NAMES } from '../../demo/flink/model/specs';
import { test, expect } from '../support/fixtures';
import { readPage, routerPaths, type PageToRead } from '../support/readability';

/*
 * Issue 18: every page of the demo, light and dark, at 1440×900 and 1280×720 — nothing cut without
 * a way to read it whole, no wrapped or overlapping chart tick, plan text ≥ 11 px, no unexpected
 * console error. The pages come from the router (src/app/router/routes.ts): a new route fails
 * "every page of the router is read" until it is listed here.
 */
test.describe.configure({ timeout: 240_000 });

const F = 'demo';
const ST = 'demo-seatunnel';

async function demoIds(request: APIRequestContext) {
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
    bottleneck,
    failed: jid(DEMO_JOB_NAMES.failed),
    finished: jid(DEMO_JOB_NAMES.finished),
    vertex: details.vertices[1]?.id ?? '',
    tm: tms.taskmanagers[0]?.id ?? '',
    stJob: stJobs[0]?.jobId ?? '',
  };
}

type Ids = Awaited<ReturnType<typeof demoIds>>;

/** route pattern → the visits that cover it; [] only for a route that renders nothing of its own. */
const PAGES: Record<string, (ids: Ids) => Omit<PageToRead, 'route'>[]> = {
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
    { name: 'job-graph', url: `/clusters/${F}/jobs/${i.bottleneck}`, ready: '[data-testid="dag-node"]' },
    {
      name: 'job-graph-vertex-panel',
      url: `/clusters/${F}/jobs/${i.bottleneck}?vertex=${i.vertex}&panel=subtasks`,
      ready: '[data-testid="dag-node"]',
    },
    {
      name: 'job-vertex-accumulators',
      url: `/clusters/${F}/jobs/${i.bottleneck}?vertex=${i.vertex}&panel=accumulators`,
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
    { name: 'job-timeline', url: `/clusters/${F}/jobs/${i.bottleneck}/timeline` },
  ],
  '/clusters/:clusterId/jobs/:jobId/configuration': (i) => [
    { name: 'job-configuration', url: `/clusters/${F}/jobs/${i.bottleneck}/configuration` },
  ],
  '/clusters/:clusterId/jobs/:jobId/checkpoints': (i) => [
    { name: 'job-checkpoints', url: `/clusters/${F}/jobs/${i.bottleneck}/checkpoints` },
  ],
  '/clusters/:clusterId/jobs/:jobId/backpressure': (i) => [
    { name: 'job-backpressure', url: `/clusters/${F}/jobs/${i.bottleneck}/backpressure` },
  ],
  '/clusters/:clusterId/jobs/:jobId/flamegraph': (i) => [
    { name: 'job-flamegraph', url: `/clusters/${F}/jobs/${i.bottleneck}/flamegraph` },
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

test('every page of the router is read', () => {
  expect(routerPaths().filter((p) => !(p in PAGES))).toEqual([]);
});

for (const [route, visits] of Object.entries(PAGES)) {
  // the visit names are known without ids: list them with placeholder ids
  const placeholder = { bottleneck: '', failed: '', finished: '', vertex: '', tm: '', stJob: '' };
  for (const { name } of visits(placeholder)) {
    test(`${name} is readable`, async ({ page, request }, testInfo) => {
      const ids = await demoIds(request);
      const target = visits(ids).find((v) => v.name === name)!;
      await readPage(page, testInfo, { route, ...target });
    });
  }
}
