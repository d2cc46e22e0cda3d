import type { APIRequestContext } from '@playwright/test';
import { test, expect } from '../support/fixtures';

interface OverviewJob {
  jid: string;
  name: string;
  state: string;
}

async function demoJob(request: APIRequestContext, state: string): Promise<OverviewJob> {
  const jobs = ((await (await request.get('/api/demo/jobs/overview')).json()) as { jobs: OverviewJob[] })
    .jobs;
  const job = jobs.find((j) => j.state === state);
  expect(job, `the demo cluster has a ${state} job`).toBeTruthy();
  return job!;
}

test('the FAILED job’s exceptions tab shows the root cause and an expandable stack trace', async ({
  page,
  request,
}) => {
  const failed = await demoJob(request, 'FAILED');
  const exceptions = (await (await request.get(`/api/demo/jobs/${failed.jid}/exceptions`)).json()) as {
    exceptionHistory: { entries: { exceptionName: string; stacktrace: string; taskName?: string }[] };
  };
  const latest = exceptions.exceptionHistory.entries[0]!;

  await page.goto(`/clusters/demo/jobs/${failed.jid}`);
  await expect(page.getByTestId('job-state')).toHaveText('FAILED');
  await page.getByTestId('job-tab-exceptions').click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${failed.jid}/exceptions$`));

  const root = page.getByTestId('root-exception');
  await expect(root).toBeVisible();
  const className = latest.exceptionName.split(': ')[0]!;
  await expect(root.getByTestId('exception-name').first()).toHaveText(className);
  if (latest.taskName) await expect(root).toContainText(latest.taskName);

  const trace = root.getByTestId('stack-trace').first();
  await expect(trace.getByTestId('stack-trace-text')).toHaveCount(0);
  await trace.getByTestId('stack-trace-toggle').click();
  const text = trace.getByTestId('stack-trace-text');
  await expect(text).toBeVisible();
  const secondLine = latest.stacktrace.split('\n')[1]!.trim();
  await expect(text).toContainText(secondLine);
  await trace.getByTestId('stack-trace-toggle').click();
  await expect(text).toHaveCount(0);

  // The task manager of a task failure links to its page.
  const tmLink = root.getByTestId('exception-tm-link').first();
  if (await tmLink.count()) {
    await tmLink.click();
    await expect(page).toHaveURL(/\/clusters\/demo\/task-managers\/[^/]+$/);
  }
});

test('a job that never failed says so on its exceptions tab', async ({ page, request }) => {
  const finished = await demoJob(request, 'FINISHED');
  await page.goto(`/clusters/demo/jobs/${finished.jid}/exceptions`);
  await expect(page.getByTestId('no-exceptions').or(page.getByTestId('root-exception'))).toBeVisible();
});

test('the timeline draws a bar per vertex and the subtasks of a picked vertex', async ({ page, request }) => {
  const running = await demoJob(request, 'RUNNING');
  const details = (await (await request.get(`/api/demo/jobs/${running.jid}`)).json()) as {
    vertices: { id: string; name: string; parallelism: number }[];
  };
  await page.goto(`/clusters/demo/jobs/${running.jid}/timeline`);
  const chart = page.getByTestId('vertex-timeline');
  await expect(chart.getByTestId('gantt-bar')).toHaveCount(details.vertices.length);
  const first = details.vertices[0]!;

  await chart.getByTestId('gantt-bar').first().hover();
  await expect(page.getByTestId('gantt-tooltip')).toContainText(first.name);

  await chart.getByRole('button', { name: first.name }).click();
  await expect(page).toHaveURL(new RegExp(`/timeline\\?vertex=${first.id}$`));
  const subtasks = page.getByTestId('subtask-timeline');
  await expect(subtasks.getByTestId('gantt-row')).toHaveCount(first.parallelism);
  await expect(subtasks.getByTestId('gantt-bar').first()).toBeVisible();

  // The picked vertex goes along to the back-pressure tab, and survives a reload.
  await expect(page.getByTestId('job-tab-backpressure')).toHaveAttribute(
    'href',
    new RegExp(`vertex=${first.id}`),
  );
  await page.reload();
  await expect(page.getByTestId('subtask-timeline').getByTestId('gantt-row')).toHaveCount(first.parallelism);
});

test('the configuration tab shows the job’s configuration, metrics and accumulators', async ({
  page,
  request,
}) => {
  const running = await demoJob(request, 'RUNNING');
  await page.goto(`/clusters/demo/jobs/${running.jid}/configuration`);
  await expect(page.getByTestId('execution-config')).toContainText('Restart strategy');
  await expect(page.getByTestId('metric-values').locator('[data-metric="uptime"]')).toHaveText(/\d/);
  await expect(page.getByTestId('accumulators')).toBeVisible();
  await expect(page.getByTestId('resource-requirements')).toBeVisible();
});

test('an unknown job id gets a clear message', async ({ page }) => {
  await page.goto('/clusters/demo/jobs/0123456789abcdef0123456789abcdef');
  await expect(page.getByTestId('job-not-found')).toContainText('Job not found');
  await page.getByRole('link', { name: 'Back to all jobs' }).click();
  await expect(page).toHaveURL(/\/clusters\/demo\/jobs$/);
});
