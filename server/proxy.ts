import type { IncomingMessage, ServerResponse } from 'node:http';
import { createProxyServer } from 'http-proxy-3';
import { publicClusters, type ClusterConfig, type DashboardConfig } from './cluster-config.ts';

export type Next = (err?: unknown) => void;
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

/** Where a browser request goes: the dashboard's own API, a cluster, or nowhere. */
export type Route =
  | { kind: 'clusters' }
  | { kind: 'cluster'; cluster: ClusterConfig; path: string }
  | { kind: 'prometheus'; cluster: ClusterConfig; path: string }
  | { kind: 'refused'; status: number; message: string }
  | { kind: 'not-api' };

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** Headers of a cluster's answer that would override the dashboard's own security headers. */
const CLUSTER_HEADERS_DROPPED = [
  'content-security-policy',
  'content-security-policy-report-only',
  'x-frame-options',
  'x-content-type-options',
  'referrer-policy',
  'cross-origin-opener-policy',
];
/** Cluster answers are data: as a document they get a sandbox without script. */
export const CLUSTER_ANSWER_CSP =
  "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

/**
 * Maps `/api/<clusterId>/<rest>` to a configured cluster. Only configured clusters are reachable,
 * and the path can never climb out of the cluster's base URL.
 */
export function routeRequest(config: DashboardConfig, method: string, rawUrl: string): Route {
  const rawPath = rawUrl.split('?')[0] ?? '';
  // Check before URL parsing normalises "%2e%2e" away: the path must never climb out of its cluster.
  if (/(^|\/)\.\.?(\/|$)/.test(rawPath) || rawPath.includes('\\') || /%2e|%2f|%5c/i.test(rawPath)) {
    return rawPath.startsWith('/api/') || rawPath.startsWith('/prometheus/')
      ? refused(400, 'path segments like ".." are not allowed')
      : { kind: 'not-api' };
  }
  const url = new URL(rawUrl, 'http://dashboard.invalid');
  const match = /^\/(api|prometheus)\/([^/]+)(\/.*)?$/.exec(url.pathname);
  if (url.pathname === '/api/clusters') {
    return SAFE_METHODS.has(method) ? { kind: 'clusters' } : refused(405, 'method not allowed');
  }
  if (!match) {
    return url.pathname === '/api' ||
      url.pathname.startsWith('/api/') ||
      url.pathname.startsWith('/prometheus/')
      ? refused(404, `no such dashboard endpoint: ${url.pathname}`)
      : { kind: 'not-api' };
  }
  const [, prefix, id, rest = '/'] = match;
  const cluster = config.clusters.find((c) => c.id === id);
  if (!cluster) return refused(404, `cluster "${id}" is not configured`);
  const path = rest + url.search;
  if (prefix === 'prometheus') {
    if (!cluster.prometheusUrl) return refused(404, `cluster "${id}" has no Prometheus configured`);
    if (!SAFE_METHODS.has(method)) return refused(405, 'Prometheus is read-only here');
    return { kind: 'prometheus', cluster, path };
  }
  if (config.readOnly && !SAFE_METHODS.has(method)) {
    return refused(403, 'the dashboard is in read-only mode; changes to clusters are refused');
  }
  return { kind: 'cluster', cluster, path };
}

function refused(status: number, message: string): Route {
  return { kind: 'refused', status, message };
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/** Limits how many upstream requests run at once; the rest wait their turn. */
function createGate(max: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    enter(run: () => void) {
      if (running < max) {
        running++;
        run();
      } else waiting.push(run);
    },
    leave() {
      const next = waiting.shift();
      if (next) next();
      else running--;
    },
  };
}

/**
 * One middleware for the Vite dev server and the production server alike: answers
 * `/api/clusters` and forwards `/api/<clusterId>/...` to the configured clusters only.
 */
export function createDashboardMiddleware(config: DashboardConfig): Middleware {
  const proxy = createProxyServer({});
  const gate = createGate(config.maxConcurrentUpstream);

  proxy.on('proxyRes', (proxyRes) => {
    // A redirect must never lead the browser (or us) to a host that is not configured.
    const status = proxyRes.statusCode ?? 0;
    if (status >= 300 && status < 400) {
      const location = proxyRes.headers.location ?? '';
      proxyRes.statusCode = 502;
      proxyRes.statusMessage = 'Bad Gateway';
      delete proxyRes.headers.location;
      proxyRes.headers['x-dashboard-refused-redirect'] = encodeURIComponent(location).slice(0, 200);
    }
    delete proxyRes.headers['set-cookie'];
    delete proxyRes.headers['access-control-allow-origin'];
    // The dashboard's security headers stand; a cluster's own would replace them. A cluster answer
    // opened as a page (a profiler's HTML) runs no script on the dashboard's origin.
    for (const name of CLUSTER_HEADERS_DROPPED) delete proxyRes.headers[name];
    proxyRes.headers['content-security-policy'] = CLUSTER_ANSWER_CSP;
  });

  return (req, res, next) => {
    const route = routeRequest(config, req.method ?? 'GET', req.url ?? '/');
    switch (route.kind) {
      case 'not-api':
        return next();
      case 'clusters':
        return sendJson(res, 200, {
          clusters: publicClusters(config),
          readOnly: config.readOnly,
          triage: config.triage ?? {},
        });
      case 'refused':
        return sendJson(res, route.status, { errors: [route.message] });
      case 'cluster':
      case 'prometheus': {
        const length = Number(req.headers['content-length'] ?? 0);
        if (req.headers['transfer-encoding'] !== undefined && req.headers['content-length'] === undefined) {
          // A chunked body's size is known only when it has passed: it could outgrow the limit.
          return sendJson(res, 411, { errors: ['request bodies must declare their size (Content-Length)'] });
        }
        if (length > config.maxUploadBytes) {
          return sendJson(res, 413, { errors: [`request body over ${config.maxUploadBytes} bytes`] });
        }
        const target = route.kind === 'cluster' ? route.cluster.url : (route.cluster.prometheusUrl as string);
        // Browser credentials are for the dashboard, not for the clusters behind it.
        delete req.headers.cookie;
        delete req.headers.authorization;
        delete req.headers.origin;
        delete req.headers.referer;
        req.url = route.path;
        gate.enter(() => {
          let left = false;
          const leave = () => {
            if (!left) {
              left = true;
              gate.leave();
            }
          };
          res.once('close', leave);
          res.once('finish', leave);
          proxy.web(
            req,
            res,
            {
              target,
              changeOrigin: true,
              xfwd: false,
              proxyTimeout: config.upstreamTimeoutMs,
              headers: route.kind === 'cluster' ? (route.cluster.headers ?? {}) : {},
            },
            (err: NodeJS.ErrnoException) => {
              leave();
              if (res.headersSent) return res.destroy();
              const timedOut = err.code === 'ECONNRESET' || err.code === 'ETIMEDOUT';
              sendJson(res, timedOut ? 504 : 502, {
                errors: [`cluster "${route.cluster.id}" did not answer: ${err.code ?? err.message}`],
              });
            },
          );
        });
        return;
      }
    }
  };
}
