import type { Page } from '@playwright/test';
import { CORPUS, endpointLabel, type BadCase } from './corpus';
import {
  expect,
  expectShellWorks,
  isRealConsoleError,
  test,
  viewUrl,
  type HostileEnv,
} from './hostile-fixtures';

/*
 * Every corpus case (e2e/hostile/corpus.ts): the case's cluster answers one endpoint badly; the page
 * that reads it must say so locally, naming the endpoint, and keep the shell and the page's other
 * sections working. Nothing may crash (page errors and console errors other than the browser's
 * log of a failed request) and nothing from an answer may run (dialogs, window.__pwned).
 *
 * The cases of one endpoint share a test and a page: the app is loaded once and each case is
 * reached by an in-app navigation (through an empty page, so no component survives from the
 * previous case). Each case's checks are soft: a test reports every case of its endpoint.
 */

test.describe.configure({ mode: 'parallel' });

/** Text that only shows up when a number or an object went through formatting unchecked. */
const GARBAGE = /\bNaN\b|\bundefined\b|\[object Object\]|Invalid Date/;
const CASE_TIMEOUT_MS = 20_000;

/** In-app navigation (the router follows popstate), so the app is not reloaded per case. */
async function navigate(page: Page, url: string) {
  await page.evaluate((to: string) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, url);
  await expect(page).toHaveURL((u) => u.pathname === new URL(url, u).pathname);
}

/** What the page shows in `main`, without the API errors (which quote what they received). */
function textOutsideErrors(page: Page): Promise<string> {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    if (!main) return '';
    const parts: string[] = [];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (n) =>
        n instanceof HTMLElement && n.dataset.testid === 'query-error'
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode())
      if (n.nodeType === Node.TEXT_NODE) parts.push(n.nodeValue ?? '');
    return parts.join('');
  });
}

function errorNaming(page: Page, c: BadCase) {
  return page
    .locator('[data-testid="query-error"], [data-testid="route-error"]')
    .filter({ hasText: endpointLabel(c) });
}

async function checkCase(
  page: Page,
  c: BadCase,
  hostile: HostileEnv,
  problems: string[],
  requested: string[],
) {
  const tag = `[${c.id} ${c.endpoint} ← ${c.mutation}]`;
  const soft = expect.configure({ soft: true, timeout: CASE_TIMEOUT_MS });
  const before = problems.length;
  await navigate(page, '/__between-cases');
  await expect(page.getByTestId('not-found')).toBeVisible();
  await navigate(page, viewUrl(c.view, c.id, hostile.ids));

  if (c.expect === 'error') {
    await soft(errorNaming(page, c).first(), `${tag} an error naming the endpoint`).toBeVisible();
  } else if (typeof c.expect === 'object') {
    await soft(page.getByTestId(c.expect.handled), `${tag} handled as a known state`).toBeVisible();
  } else {
    await soft(page.locator('main [aria-busy="true"]'), `${tag} the view finished loading`).toHaveCount(0);
    if (c.expect === 'render')
      await soft(errorNaming(page, c), `${tag} no error for a valid answer`).toHaveCount(0);
  }
  // A crash lands on the route error page without an endpoint; only API errors may be shown there.
  for (const text of await page.getByTestId('route-error').allTextContents()) {
    soft(text, `${tag} the view crashed instead of showing an API error`).toMatch(
      /(GET|POST|PUT|PATCH|DELETE) \//,
    );
  }
  if (c.expect !== 'error' && !c.verbatim) {
    // An error may quote the bad value it got ("expected a job id, got "NaN""): that is the point of it.
    await soft
      .poll(() => textOutsideErrors(page), {
        message: `${tag} garbage from unchecked formatting`,
        timeout: 5000,
      })
      .not.toMatch(GARBAGE);
  }
  if (c.witness) {
    const witness = page.getByTestId(c.witness).first();
    await soft(witness, `${tag} ${c.witness} (data from another endpoint) still shows`).toBeVisible();
    await soft(witness.getByTestId('query-error'), `${tag} ${c.witness} has no error`).toHaveCount(0);
  }
  await soft(page.getByTestId('cluster-switcher'), `${tag} header`).toBeVisible();
  await soft(page.getByTestId('side-nav'), `${tag} side navigation`).toBeVisible();
  if (c.endpoint === 'GET /config') {
    // The poll period comes from this answer: whatever it says, the page must not poll its cluster
    // in a loop. (Other clusters are polled too, by the shell's triage monitor: not counted.)
    const start = requested.length;
    await page.waitForTimeout(3000);
    const own = requested.slice(start).filter((u) => u.includes(`/api/${c.id}/`));
    soft(own.length, `${tag} requests to its cluster in 3 s: ${own.join(' ')}`).toBeLessThan(15);
  }
  const pwned = await page.evaluate(() => (window as { __pwned?: unknown }).__pwned);
  soft(pwned, `${tag} script from an answer ran`).toBeUndefined();
  soft(problems.slice(before), `${tag} page errors`).toEqual([]);
}

const groups = new Map<string, BadCase[]>();
for (const c of CORPUS) {
  const key = `${c.backend} ${c.endpoint} on ${c.view}`;
  groups.set(key, [...(groups.get(key) ?? []), c]);
}

for (const [name, cases] of groups) {
  test(`${name}: ${cases.map((c) => c.mutation).join(', ')}`, async ({ page, hostile }) => {
    test.setTimeout(60_000 + cases.length * 30_000);
    const dashboard = await hostile.startDashboard(cases);
    test.info().annotations.push({ type: 'cases', description: cases.map((c) => c.id).join(' ') });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && isRealConsoleError(m.text()))
        problems.push(`console.error: ${m.text().slice(0, 300)}`);
    });
    page.on('dialog', (d) => problems.push(`dialog: ${d.message()}`));
    const requested: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/')) requested.push(new URL(r.url()).pathname);
    });
    try {
      await page.goto(`${dashboard.url}/__between-cases`);
      await expectShellWorks(page);
      for (const c of cases) await checkCase(page, c, hostile, problems, requested);
    } finally {
      await page.close();
      await dashboard.close();
    }
  });
}
