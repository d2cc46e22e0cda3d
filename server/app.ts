import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';
import type { DashboardConfig } from './cluster-config.ts';
import { createDashboardMiddleware } from './proxy.ts';
import { applySecurityHeaders, checkAuth, type DashboardAuth } from './security.ts';

export interface ProductionServerOptions {
  config: DashboardConfig;
  distDir: string;
  auth?: DashboardAuth;
}

/** The production server: built files, the cluster proxy (same code as the dev server), nothing else. */
export function createProductionServer({ config, distDir, auth = {} }: ProductionServerOptions): Server {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`${distDir}/index.html is missing: run "npm run build" first`);
  }
  const api = createDashboardMiddleware(config);
  const assets = sirv(distDir, {
    immutable: true,
    etag: true,
    gzip: false,
    // Client-side routes (e.g. /clusters/x/jobs) get index.html; the router shows a 404 for unknown ones.
    single: true,
    setHeaders: (res, pathname) => {
      if (pathname === '/index.html' || pathname === '/') res.setHeader('cache-control', 'no-cache');
    },
  });
  return createServer((req, res) => {
    applySecurityHeaders(res);
    if (!checkAuth(auth, req, res)) return;
    api(req, res, (err) => {
      if (err) {
        res.writeHead(500).end('Internal error');
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end('Method not allowed');
        return;
      }
      assets(req, res, () => {
        res.writeHead(404).end('Not found');
      });
    });
  });
}
