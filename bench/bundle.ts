import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundleReport, sum, type Asset } from '../scripts/bundle-size.ts';

/** Newest modification time below `path` (files only), 0 when it does not exist. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let out = 0;
  for (const e of readdirSync(path)) out = Math.max(out, newest(join(path, e)));
  return out;
}

/** Builds dist/ with `npx vite build` when it is missing or older than its sources. */
export function ensureBuilt(distDir: string, log: (s: string) => void): { built: boolean } {
  const index = join(distDir, 'index.html');
  const sources = Math.max(newest('src'), newest('public'), newest('index.html'), newest('vite.config.ts'));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return { built: false };
  log(
    existsSync(index)
      ? 'dist/ is older than src/: running npx vite build'
      : 'no dist/: running npx vite build',
  );
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})`);
  return { built: true };
}

export interface BundleFigures {
  /** What index.html pulls in (scripts, module preloads, stylesheets), plus index.html itself. */
  firstPage: { js: Asset[]; css: Asset[]; html: Asset };
  lazy: Asset[];
}

const measureBytes = (file: string, bytes: Buffer): Asset => ({
  file,
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
});

/** Our bundle, measured with scripts/bundle-size.ts. */
export function ourBundle(distDir: string): BundleFigures {
  const report = bundleReport(distDir);
  const html = measureBytes('index.html', readFileSync(join(distDir, 'index.html')));
  return {
    firstPage: {
      js: report.firstPage.filter((a) => a.file.endsWith('.js')),
      css: report.firstPage.filter((a) => a.file.endsWith('.css')),
      html,
    },
    lazy: [...report.lazy].sort((a, b) => b.gzip - a.gzip),
  };
}

/**
 * Flink's own dashboard as its JobManager serves it: index.html, its scripts and stylesheets
 * (module preloads followed), gzip -9 computed here (the JobManager does not compress).
 */
export async function flinkBundle(baseUrl: string): Promise<BundleFigures> {
  const get = async (url: string) => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  };
  const root = `${baseUrl.replace(/\/+$/, '')}/`;
  const htmlBytes = await get(root);
  const html = htmlBytes.toString('utf8');
  const base = new URL(/<base\s+href="([^"]*)"/i.exec(html)?.[1] ?? './', root);
  const urls = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/gi))
    urls.add(new URL(m[1] as string, base).href);
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    const rel = /\brel="([^"]+)"/i.exec(tag)?.[1] ?? '';
    const href = /\bhref="([^"]+)"/i.exec(tag)?.[1];
    if (href && /stylesheet|modulepreload|preload/.test(rel) && /\.(m?js|css)(\?|$)/.test(href)) {
      urls.add(new URL(href, base).href);
    }
  }
  const js: Asset[] = [];
  const css: Asset[] = [];
  for (const url of urls) {
    const a = measureBytes(new URL(url).pathname.replace(/^\//, ''), await get(url));
    (a.file.endsWith('.css') ? css : js).push(a);
  }
  return { firstPage: { js, css, html: measureBytes('index.html', htmlBytes) }, lazy: [] };
}

export const firstPageTotal = (b: BundleFigures, key: 'raw' | 'gzip') =>
  sum(b.firstPage.js, key) + sum(b.firstPage.css, key) + b.firstPage.html[key];

export { sum };
