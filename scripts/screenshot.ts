import { launchChromium } from './chromium.ts';

/**
 * Screenshots for looking at what we build: `tsx scripts/screenshot.ts <baseUrl> <out-dir> <path>...`.
 * Each path is shot in light and dark theme.
 */
const [base = 'http://127.0.0.1:5173', outDir = '/tmp/shots', ...paths] = process.argv.slice(2);
const browser = await launchChromium();
for (const scheme of ['light', 'dark'] as const) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
  page.on('pageerror', (e) => console.error(`pageerror on ${page.url()}: ${e.message}`));
  for (const path of paths.length ? paths : ['/']) {
    await page.goto(base + path);
    await page.waitForTimeout(Number(process.env.SHOT_WAIT ?? 2500));
    const name = `${outDir}/${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}-${scheme}.png`;
    await page.screenshot({ path: name, fullPage: process.env.SHOT_FULL === '1' });
    console.log(name);
  }
  await page.close();
}
await browser.close();
