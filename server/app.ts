import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';
import type { DashboardConfig } from './cluster-config.ts';
import { createDashboardMiddleware } from './proxy.ts';
import { applySecurityHeaders, type DashboardAuth } from './security.ts';
import type { ListenAddress } from './request-checks.ts';

export interface ProductionServerOptions {
  config: DashboardConfig;
  distDir: string;
  /** Sign-in set in code (tests); the environment's DASHBOARD_BASIC_AUTH / DASHBOARD_TRUSTED_HEADER arrive in `config`. */
  auth?: DashboardAuth;
  listen?: ListenAddress;
  log?: (line: string) => void;
}

/** The production server: built files, the cluster proxy (same code as the dev server), nothing else. */
export function createProductionServer({
  config,
  distDir,
  auth = {},
  listen,
  log,
}: ProductionServerOptions): Server {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`${distDir}/index.html is missing: run "npm run build" first`);
  }
  const access = {
    ...config.access,
    ...(auth.basic ? { legacyBasic: auth.basic } : {}),
    ...(auth.trustedHeader
      ? { trustedProxy: { userHeader: auth.trustedHeader.toLowerCase(), addresses: ['127.0.0.1', '::1'] } }
      : {}),
  };
  // Host check, sign-in, roles and the audit trail run for every request, static files included.
  const api = createDashboardMiddleware(
    { ...config, access },
    { ...(listen ? { listen } : {}), ...(log ? { log } : {}) },
  );
  const assets = sirv(distDir, {
    maxAge: 31_536_000, // a year: file names under /assets carry their content hash
    immutable: true,
    etag: true,
    gzip: false,
    // Client-side routes (e.g. /clusters/x/jobs) get index.html; the router shows a 404 for unknown ones.
    single: true,
    // Only the hashed build output may be kept for a year. Everything else, above all index.html
    // served for every client-side route, is revalidated: a page must not load from the cache
    // without asking the server (after a sign-out, or a new build).
    setHeaders: (res, pathname) => {
      if (!pathname.startsWith('/assets/')) res.setHeader('cache-control', 'no-cache');
    },
  });
  return createServer((req, res) => {
    applySecurityHeaders(res);
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
