import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Asset {
  file: string;
  raw: number;
  gzip: number;
}

export interface BundleReport {
  /** JS and CSS the browser needs before the first page (entry + module preloads + CSS). */
  firstPage: Asset[];
  /** Chunks loaded later, with a route. */
  lazy: Asset[];
}

const measure = (dir: string, file: string): Asset => {
  const bytes = readFileSync(join(dir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};

/** Reads what index.html pulls in (scripts, module preloads, stylesheets) from a built dist folder. */
export function bundleReport(distDir: string): BundleReport {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const firstFiles = new Set<string>();
  for (const m of html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/?([^"]+\.(?:js|css))"/g)) {
    if (m[1] && !m[1].startsWith('http')) firstFiles.add(m[1]);
  }
  const assetsDir = join(distDir, 'assets');
  const all = readdirSync(assetsDir)
    .filter((f) => /\.(js|css)$/.test(f))
    .map((f) => `assets/${f}`);
  return {
    firstPage: [...firstFiles].map((f) => measure(distDir, f)),
    lazy: all.filter((f) => !firstFiles.has(f)).map((f) => measure(distDir, f)),
  };
}

export const sum = (assets: Asset[], key: 'raw' | 'gzip') => assets.reduce((n, a) => n + a[key], 0);
