import { defineConfig } from '@playwright/test';

/** Debian's Chromium, headless, with the flags this closed network needs. */
const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  },
};

const realClusters = process.env.E2E_REAL !== '0';

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/support/global-setup.ts',
  globalTeardown: './e2e/support/global-teardown.ts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    ...chromium,
    baseURL: process.env.E2E_BASE_URL,
    // Tests that change clusters through the dashboard with Playwright's `request` are scripts: they
    // send the header that proves a write is not cross-site (server/request-checks.ts). The app's own
    // pages prove it with Origin / Sec-Fetch-Site; e2e/demo/cross-site.spec.ts drops this header.
    extraHTTPHeaders: { 'x-streamdash-request': '1' },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'demo', testDir: 'e2e/demo' },
    { name: 'hostile', testDir: 'e2e/hostile' },
    ...(realClusters
      ? [
          { name: 'contract', testDir: 'e2e/contract' },
          { name: 'real', testDir: 'e2e/real', testMatch: /.*\.spec\.ts/ },
        ]
      : []),
  ],
});
