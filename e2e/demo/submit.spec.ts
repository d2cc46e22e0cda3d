import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';

// Pages poll and chart while the machine may be busy with other suites: give each test room.
test.describe.configure({ timeout: 120_000 });

/** A few bytes named .jar: the demo stores any upload; without a manifest it has no entry class. */
function smallJar(name: string) {
  return {
    name,
    mimeType: 'application/java-archive',
    buffer: Buffer.from(`PK\u0003\u0004 streamdash e2e ${name}`),
  };
}

/** Jars this file uploaded: a test that fails half-way must not leave its jar to other suites. */
const uploaded = new Set<string>();

test.afterEach(async ({ request }) => {
  const jars = (await (await request.get('/api/demo/jars')).json()) as {
    files: { id: string; name: string }[];
  };
  for (const jar of jars.files.filter((f) => uploaded.has(f.name))) {
    await request.delete(`/api/demo/jars/${encodeURIComponent(jar.id)}`);
  }
  uploaded.clear();
});

async function upload(page: Page, name: string) {
  uploaded.add(name);
  await page.getByTestId('jar-upload-input').setInputFiles(smallJar(name));
  await expect(page.getByTestId('upload-done')).toHaveText(`Uploaded ${name}.`);
  const row = page.getByTestId('jar-row').filter({ hasText: name });
  await expect(row).toHaveAttribute('aria-selected', 'true');
  return row;
}

async function jarIdOf(request: APIRequestContext, name: string): Promise<string> {
  const jars = (await (await request.get('/api/demo/jars')).json()) as {
    files: { id: string; name: string }[];
  };
  const jar = jars.files.find((f) => f.name === name);
  if (!jar) throw new Error(`${name} is not on the cluster`);
  return jar.id;
}

test('upload a jar, preview its plan, run it and land on the new job', async ({ page, request }) => {
  const name = `e2e-run-${Date.now()}.jar`;
  await page.goto('/clusters/demo/submit');
  await upload(page, name);
  const form = page.getByTestId('run-form');
  await expect(form).toContainText(`Run ${name}`);
  await form.getByTestId('entry-class').fill('org.apache.flink.streaming.examples.wordcount.WordCount');
  await form.getByTestId('program-args').fill('--input\n/tmp/words file.txt');
  await form.getByTestId('parallelism').fill('2');

  await form.getByTestId('show-plan').click();
  const graph = page.getByTestId('plan-graph');
  await expect(graph).toBeVisible();
  const jarId = await jarIdOf(request, name);
  const plan = (await (
    await request.post(`/api/demo/jars/${encodeURIComponent(jarId)}/plan`, {
      data: { entryClass: 'org.apache.flink.streaming.examples.wordcount.WordCount', parallelism: 2 },
    })
  ).json()) as { plan: { name: string; nodes: unknown[] } };
  await expect(graph.locator('.react-flow__node')).toHaveCount(plan.plan.nodes.length);
  await expect(page.getByTestId('plan-preview')).toContainText(plan.plan.name);

  await form.getByTestId('submit-job').click();
  await expect(page).toHaveURL(/\/clusters\/demo\/jobs\/[0-9a-f]{32}/);
  const jobId = /jobs\/([0-9a-f]{32})/.exec(page.url())?.[1] ?? '';
  const job = (await (await request.get(`/api/demo/jobs/${jobId}`)).json()) as {
    jid: string;
    vertices: { parallelism: number }[];
  };
  expect(job.jid).toBe(jobId);
  expect(job.vertices.every((v) => v.parallelism <= 2)).toBe(true);

  // Leave the demo as it was: stop the job, delete the jar.
  expect((await request.patch(`/api/demo/jobs/${jobId}?mode=cancel`)).ok()).toBe(true);
  expect((await request.delete(`/api/demo/jars/${encodeURIComponent(jarId)}`)).ok()).toBe(true);
});

test('a refused run keeps what was typed, also across a reload', async ({ page, request }) => {
  const name = `e2e-refused-${Date.now()}.jar`;
  await page.goto('/clusters/demo/submit');
  await upload(page, name);
  const form = page.getByTestId('run-form');
  // No entry class and none in the manifest: Flink refuses to run the jar.
  await form.getByTestId('program-args').fill('--name\nkeep me');
  await form.getByTestId('savepoint-path').fill('file:/tmp/savepoints/sp-1');
  await form.getByTestId('claim-mode').selectOption('CLAIM');
  await form.getByTestId('submit-job').click();
  await expect(page.getByTestId('run-error')).toContainText(/Could not run the jar|Main-Class/);
  await expect(page).toHaveURL(/\/clusters\/demo\/submit$/);
  await expect(form.getByTestId('program-args')).toHaveValue('--name\nkeep me');

  await page.reload();
  await page.getByTestId('jar-row').filter({ hasText: name }).click();
  await expect(page.getByTestId('program-args')).toHaveValue('--name\nkeep me');
  await expect(page.getByTestId('savepoint-path')).toHaveValue('file:/tmp/savepoints/sp-1');
  await expect(page.getByTestId('claim-mode')).toHaveValue('CLAIM');

  expect(
    (await request.delete(`/api/demo/jars/${encodeURIComponent(await jarIdOf(request, name))}`)).ok(),
  ).toBe(true);
});

test('deleting a jar asks first, naming it', async ({ page, request }) => {
  const name = `e2e-delete-${Date.now()}.jar`;
  await page.goto('/clusters/demo/submit');
  const row = await upload(page, name);
  await row.getByRole('button', { name: `Delete ${name}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Delete jar ${name}?`);
  await dialog.getByRole('button', { name: 'Go back' }).click();
  await expect(row).toBeVisible();

  await row.getByRole('button', { name: `Delete ${name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete jar' }).click();
  await expect(page.getByTestId('jar-row').filter({ hasText: name })).toHaveCount(0);
  const jars = (await (await request.get('/api/demo/jars')).json()) as { files: { name: string }[] };
  expect(jars.files.some((f) => f.name === name)).toBe(false);
});

test('the upload shows its progress', async ({ page }) => {
  const name = `e2e-big-${Date.now()}.jar`;
  await page.goto('/clusters/demo/submit');
  // 3 MB through a throttled connection: the bar is on screen long enough to read.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: 2_000_000,
  });
  uploaded.add(name);
  await page.getByTestId('jar-upload-input').setInputFiles({
    name,
    mimeType: 'application/java-archive',
    buffer: Buffer.alloc(3 * 1024 * 1024, 7),
  });
  const bar = page.getByRole('progressbar', { name: `Uploading ${name}` });
  await expect(bar).toBeVisible();
  await expect
    .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 20_000 })
    .toBeGreaterThan(0);
  await expect(page.getByTestId('upload-done')).toHaveText(`Uploaded ${name}.`, { timeout: 30_000 });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await page
    .getByTestId('jar-row')
    .filter({ hasText: name })
    .getByRole('button', { name: `Delete ${name}` })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete jar' }).click();
  await expect(page.getByTestId('jar-row').filter({ hasText: name })).toHaveCount(0);
});
