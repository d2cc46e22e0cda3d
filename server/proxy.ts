import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { createProxyServer } from 'http-proxy-3';
import { matchMutatingEndpoint, roleAllows, type Role } from '../src/lib/action-roles.ts';
import { AuditLog, summariseBody } from './audit-log.ts';
import { publicClusters, type ClusterConfig, type DashboardConfig } from './cluster-config.ts';
import { BASIC_REALM, clientAddress, createAccess, type Identity } from './identity.ts';
import { bringsPasswordAfterSignOut, isSignOutUrl, refuseOldPassword, sendSignedOut } from './sign-out.ts';
import { upstreamTimeoutMs } from './upstream-timeout.ts';
import {
  allowedHostNames,
  checkHost,
  checkSameOrigin,
  CLI_PROOF_HEADER,
  type ListenAddress,
} from './request-checks.ts';
import { followTrigger } from './trigger-follower.ts';

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
  if (cluster.archive && !SAFE_METHODS.has(method)) {
    return refused(405, `"${id}" is a History Server: archived jobs take no action`);
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

export interface DashboardMiddlewareOptions {
  /** Where the server listens: its address is an allowed host, and loopback decides the anonymous role. */
  listen?: ListenAddress;
  log?: (line: string) => void;
}

const MUTATING = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);
/** Bodies up to this size are read before forwarding, for the audit line's summary. */
const SUMMARY_BODY_LIMIT = 64 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * One middleware for the Vite dev server and the production server alike: checks the Host,
 * who is asking and, for changes, that the request comes from the dashboard's own pages and the
 * user's role allows it, records it in the audit trail, answers `/api/clusters`, `/api/me` and
 * `/api/audit`, and forwards `/api/<clusterId>/...` to the configured clusters only.
 */
export function createDashboardMiddleware(
  config: DashboardConfig,
  options: DashboardMiddlewareOptions = {},
): Middleware {
  const log = options.log ?? console.log;
  const listen = options.listen ?? { host: '127.0.0.1' };
  const proxy = createProxyServer({});
  const gate = createGate(config.maxConcurrentUpstream);
  const access = createAccess(config.access, listen, config.readOnly);
  const allowedHosts = allowedHostNames(listen, config.access.allowedHosts);
  const audit = new AuditLog(config.access.auditLog, config.access.auditMaxBytes, config.access.auditFiles);
  const forwarded = new WeakMap<
    IncomingMessage,
    { id: string; started: number; follow?: string; cluster: ClusterConfig; params: Record<string, string> }
  >();

  proxy.on('proxyRes', (proxyRes, req) => {
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
    const action = forwarded.get(req);
    if (action) recordAnswer(action, proxyRes);
  });

  /** The cluster's answer to an audited request: status, duration and the trigger id it returned. */
  function recordAnswer(
    action: {
      id: string;
      started: number;
      follow?: string;
      cluster: ClusterConfig;
      params: Record<string, string>;
    },
    proxyRes: IncomingMessage,
  ) {
    const chunks: Buffer[] = [];
    let size = 0;
    proxyRes.on('data', (c: Buffer) => {
      if (size < 16 * 1024) chunks.push(c);
      size += c.length;
    });
    proxyRes.on('end', () => {
      let triggerId: string | undefined;
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        const id = body['request-id'] ?? body.jobid ?? body.jobId ?? body.filename;
        if (typeof id === 'string' || typeof id === 'number') triggerId = String(id);
      } catch {
        // not JSON: no trigger id
      }
      try {
        audit.response(action.id, {
          status: proxyRes.statusCode ?? 0,
          durationMs: Date.now() - action.started,
          ...(triggerId ? { triggerId } : {}),
        });
      } catch (e) {
        log(`audit: cannot record the answer to ${action.id}: ${(e as Error).message}`);
      }
      if (action.follow && triggerId && (proxyRes.statusCode ?? 0) < 300) {
        const statusPath = action.follow.replace(/:([a-z]+)/g, (_, name: string) =>
          encodeURIComponent(name === 'triggerid' ? triggerId : (action.params[name] ?? '')),
        );
        followTrigger({ audit, id: action.id, cluster: action.cluster, statusPath, log });
      }
    });
  }

  /**
   * Records a refused change (best effort: the refusal stands either way) and sends it. `user` is
   * who sent it when known (null: nobody signed in); `role` only when the role was weighed in the
   * decision, so a refusal never claims a role that was not applied.
   */
  function refuseChange(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    message: string,
    cluster: string | null,
    who: { user: string | null; role?: string },
  ) {
    const path = req.url ?? '/';
    // Name the action a refused request tried, as a forwarded one's is named.
    const kind = config.clusters.find((c) => c.id === cluster)?.kind;
    const prefix = `/api/${cluster ?? ''}`;
    const action =
      kind && path.startsWith(`${prefix}/`)
        ? matchMutatingEndpoint(kind, req.method ?? '', path.slice(prefix.length).split('?')[0] ?? '/')
            ?.endpoint.action
        : undefined;
    try {
      audit.request({
        id: audit.newId(),
        time: new Date().toISOString(),
        user: who.user,
        ...(who.role !== undefined ? { role: who.role } : {}),
        client: clientAddress(req),
        cluster,
        method: req.method ?? '',
        path,
        ...(action ? { action } : {}),
        jobId: /\/jobs\/([^/?]+)/.exec(path)?.[1],
        refused: message,
        status,
      });
    } catch (e) {
      log(`audit: cannot record a refusal: ${(e as Error).message}`);
    }
    sendJson(res, status, { errors: [message] });
  }

  log(access.describe());

  return (req, res, next) => {
    const method = req.method ?? 'GET';
    const rawUrl = req.url ?? '/';
    const route = routeRequest(config, method, rawUrl);
    const isApi = route.kind !== 'not-api' || rawUrl.startsWith('/api/');
    const hostProblem = checkHost(req.headers.host, allowedHosts);
    // Refusals decided before anybody's role matters name the user only if the credentials are good.
    const knownUser = () => {
      const a = access.authenticate(req);
      return { user: a.ok ? a.identity.user : null };
    };
    if (hostProblem) {
      if (isApi && MUTATING(method)) return refuseChange(req, res, 403, hostProblem, null, knownUser());
      return isApi
        ? sendJson(res, 403, { errors: [hostProblem] })
        : void res.writeHead(403, { 'content-type': 'text/plain' }).end(`Forbidden: ${hostProblem}`);
    }
    if (isSignOutUrl(rawUrl)) return sendSignedOut(res);
    if (bringsPasswordAfterSignOut(req)) return refuseOldPassword(res);
    const clusterId = route.kind === 'cluster' || route.kind === 'prometheus' ? route.cluster.id : null;
    if (isApi && MUTATING(method)) {
      // A cross-site change is refused whoever's credentials the browser attached to it.
      const crossSite = checkSameOrigin(req);
      if (crossSite) return refuseChange(req, res, 403, crossSite, clusterId, knownUser());
    }
    const auth = access.authenticate(req);
    if (!auth.ok) {
      if (isApi && MUTATING(method)) {
        // Recorded too (every refused change is), but nobody is named: the credentials were not good.
        if (auth.status === 401) res.setHeader('www-authenticate', BASIC_REALM);
        return refuseChange(req, res, auth.status, auth.message, clusterId, { user: null });
      }
      const headers: Record<string, string> = { 'content-type': 'text/plain' };
      if (auth.status === 401) headers['www-authenticate'] = BASIC_REALM;
      return void res.writeHead(auth.status, headers).end(auth.message);
    }
    if (!isApi) return next();
    if (method === 'OPTIONS') {
      // Never forwarded: a cluster's CORS answer would approve cross-site requests through us.
      return void res.writeHead(204, { allow: 'GET, HEAD, POST, PUT, PATCH, DELETE' }).end();
    }
    const url = new URL(rawUrl.startsWith('/') ? rawUrl : '/', 'http://dashboard.invalid');
    if (url.pathname === '/api/me' && !MUTATING(method)) {
      const identity = auth.identity;
      return sendJson(res, 200, {
        user: identity.user,
        groups: identity.groups,
        via: identity.via,
        role: access.roleFor(identity),
        clusterRoles: Object.fromEntries(config.clusters.map((c) => [c.id, access.roleFor(identity, c.id)])),
      });
    }
    if (url.pathname === '/api/audit' && !MUTATING(method)) {
      const q = url.searchParams;
      const limit = Math.min(Math.max(Number(q.get('limit') ?? 100) || 100, 1), 1000);
      try {
        const entries = audit.query({
          cluster: q.get('cluster') || undefined,
          job: q.get('job') || undefined,
          user: q.get('user') || undefined,
          limit,
        });
        return sendJson(res, 200, { entries });
      } catch (e) {
        return sendJson(res, 500, { errors: [`the audit log cannot be read: ${(e as Error).message}`] });
      }
    }
    if (MUTATING(method)) {
      const role = access.roleFor(auth.identity, clusterId ?? undefined);
      const who = { user: auth.identity.user, role };
      if (route.kind === 'refused')
        return refuseChange(req, res, route.status, route.message, clusterId, who);
      if (route.kind === 'cluster') {
        const pathOnly = route.path.split('?')[0] ?? '/';
        const match = matchMutatingEndpoint(route.cluster.kind, method, pathOnly);
        const needed = match?.endpoint.role ?? 'admin';
        if (!roleAllows(role, needed)) {
          const what = match ? match.endpoint.action : `${method} ${pathOnly}`;
          return refuseChange(
            req,
            res,
            403,
            `the ${needed} role is needed to ${what} (you are ${role})`,
            clusterId,
            who,
          );
        }
        return void forwardAudited(req, res, route, role, match, auth.identity);
      }
    }
    dispatch(req, res, route, next);
  };

  async function forwardAudited(
    req: IncomingMessage,
    res: ServerResponse,
    route: Extract<Route, { kind: 'cluster' }>,
    role: Role,
    match: ReturnType<typeof matchMutatingEndpoint>,
    identity: Identity,
  ) {
    const size = Number(req.headers['content-length'] ?? 0);
    const contentType = String(req.headers['content-type'] ?? '');
    if (req.headers['transfer-encoding'] !== undefined && req.headers['content-length'] === undefined) {
      // A chunked body's size is known only when it has passed: it could outgrow the limit.
      return refuseChange(
        req,
        res,
        411,
        'request bodies must declare their size (Content-Length)',
        route.cluster.id,
        { user: identity.user, role },
      );
    }
    if (size > config.maxUploadBytes) {
      return refuseChange(
        req,
        res,
        413,
        `request body over ${config.maxUploadBytes} bytes`,
        route.cluster.id,
        { user: identity.user, role },
      );
    }
    const small = size > 0 && size <= SUMMARY_BODY_LIMIT && !contentType.startsWith('multipart/');
    let body: Buffer | undefined;
    if (small) {
      try {
        body = await readBody(req);
      } catch {
        return sendJson(res, 400, { errors: ['the request body could not be read'] });
      }
    }
    const id = audit.newId();
    const params = match?.params ?? {};
    const bodySummary = summariseBody(contentType, body, size);
    const jobId =
      params.jobid ??
      (bodySummary && typeof bodySummary === 'object' && 'jobId' in bodySummary
        ? String((bodySummary as { jobId: unknown }).jobId)
        : undefined);
    try {
      audit.request({
        id,
        time: new Date().toISOString(),
        user: identity.user,
        role,
        client: clientAddress(req),
        cluster: route.cluster.id,
        method: req.method ?? '',
        path: route.path,
        action: match?.endpoint.action,
        jobId,
        body: bodySummary,
      });
    } catch (e) {
      log(`audit: cannot write ${audit.file}: ${(e as Error).message}`);
      return sendJson(res, 503, {
        errors: [
          `refused: the audit trail cannot be written (${(e as Error).message}); no unrecorded actions`,
        ],
      });
    }
    forwarded.set(req, {
      id,
      started: Date.now(),
      cluster: route.cluster,
      params,
      ...(match?.endpoint.follow ? { follow: match.endpoint.follow } : {}),
    });
    dispatch(req, res, route, () => {}, body);
  }

  function dispatch(req: IncomingMessage, res: ServerResponse, route: Route, next: Next, body?: Buffer) {
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
        delete req.headers[CLI_PROOF_HEADER];
        const proxyHeaders = config.access.trustedProxy;
        if (proxyHeaders) {
          delete req.headers[proxyHeaders.userHeader];
          if (proxyHeaders.groupsHeader) delete req.headers[proxyHeaders.groupsHeader];
        }
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
              proxyTimeout: upstreamTimeoutMs(route.path, config.upstreamTimeoutMs),
              headers: route.kind === 'cluster' ? (route.cluster.headers ?? {}) : {},
              // The body was read for the audit summary: forward that copy.
              ...(body ? { buffer: Readable.from([body]) } : {}),
            },
            (err: NodeJS.ErrnoException) => {
              leave();
              const action = forwarded.get(req);
              if (action) {
                try {
                  audit.response(action.id, { status: 502, durationMs: Date.now() - action.started });
                } catch {
                  // the refusal of the next action will say the trail cannot be written
                }
              }
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
  }
}
