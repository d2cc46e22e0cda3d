import { test as base, expect } from '@playwright/test';
import { readState, type E2EState } from './state';

/** Tests get the dashboard URL and what global setup started; a console error fails the test. */
export const test = base.extend<{ state: E2EState; consoleErrors: string[] }>({
  state: async ({}, use) => use(readState()),
  baseURL: async ({}, use) => use(readState().baseUrl),
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('dialog', (d) => {
        errors.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });
      await use(errors);
      expect(errors, 'uncaught errors or dialogs in the page').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };
