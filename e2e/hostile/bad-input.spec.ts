import type { Page, Request } from '@playwright/test';
import { CORPUS, endpointLabel, type BadCase } from './corpus';
import { expect, expectShellWorks, test, viewUrl } from './hostile-fixtures';

/*
 * One page load per corpus case (e2e/hostile/corpus.ts): the case's cluster answers one endpoint
 * badly, the page that reads it must say so locally, naming the endpoint, and keep the rest of the
 * page and the shell working. Nothing may crash (page errors, console errors and dialogs fail the
 * test through the fixtures) and nothing from the answer may run (window.__pwned).
 */

test.describe.configure({ mode: 'parallel' });

/** Text that only shows up when a number or an object went through formatting unchecked. */
const GARBAGE = /\bNaN\b|\bundefined\b|\[object Object\]|Invalid Date/;

function errorNaming(page: Page, c: BadCase) {
  const label = endpointLabel(c);
  return page.locator('[data-testid="query-error"], [data-testid="route-error"]').filter({ hasText: label });
}

/** Waits until no skeleton is left in the main area. */
async function settled(page: Page) {
  await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0, { timeout: 20_000 });
}

async function expectNoCrash(page: Page, c: BadCase) {
  // A crash shows the route error page without an endpoint: only API errors may reach it.
  const routeErrors = page.getByTestId('route-error');
  for (const text of await routeErrors.allTextContents()) {
    expect(text, 'the view crashed instead of showing an API error').toContain(endpointLabel(c).split(' ')[0] ?? '');
    expect(text).toMatch(/(GET|POST|PUT|PATCH|DELETE) \//);
  }
}

for (const c of CORPUS) {
  test(`${c.id}: ${c.backend} ${c.endpoint} answers ${c.mutation}`, async ({ page, hostile }) => {
    test.info().annotations.push({ type: 'case', description: JSON.stringify({ ...c, note: c.note ?? '' }) });
    const requests: Request[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/')) requests.push(r);
    });
    const url = viewUrl(c.view, c.id, hostile.ids);
    await page.goto(url);
    await expectShellWorks(page);

    if (c.expect === 'error') {
      await expect(errorNaming(page, c).first()).toBeVisible({ timeout: 20_000 });
    } else if (c.expect === 'error-or-render') {
      await settled(page);
    } else if (c.expect === 'render') {
      await settled(page);
      await expect(errorNaming(page, c)).toHaveCount(0);
    } else {
      await expect(page.getByTestId(c.expect.handled)).toBeVisible({ timeout: 20_000 });
    }
    await expectNoCrash(page, c);
    if (c.expect !== 'error') {
      await expect(page.locator('main'), 'garbage text from unchecked formatting').not.toContainText(GARBAGE);
    }
    if (c.witness) {
      const witness = page.getByTestId(c.witness).first();
      await expect(witness, `${c.witness} (data from another endpoint) still shows`).toBeVisible({ timeout: 20_000 });
      await expect(witness.getByTestId('query-error')).toHaveCount(0);
    }
    await expectShellWorks(page);

    if (c.endpoint === 'GET /config') {
      // The poll period comes from this answer: whatever it says, the page must not poll in a loop.
      const before = requests.length;
      await page.waitForTimeout(3000);
      expect(requests.length - before, 'requests in 3 s').toBeLessThan(30);
    }
  });
}
