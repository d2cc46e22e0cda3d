import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseConfig, type DashboardConfig } from './cluster-config.ts';
import { createDashboardMiddleware, routeRequest } from './proxy.ts';

const config = (over: Partial<DashboardConfig> = {}, upstream = 'http://127.0.0.1:1') => ({
  ...parseConfig({
    clusters: [
      { id: 'prod', kind: 'flink', url: upstream, headers: { authorization: 'Basic c2VjcmV0' } },
      { id: 'st', kind: 'seatunnel', url: `${upstream}/seatunnel` },
    ],
  }),
  ...over,
});

describe('routeRequest', () => {
  it('sends /api/<id>/... to the configured cluster with the query kept', () => {
    const r = routeRequest(config(), 'GET', '/api/prod/jobs/abc/metrics?get=a,b');
    expect(r).toMatchObject({ kind: 'cluster', path: '/jobs/abc/metrics?get=a,b' });
    expect(r.kind === 'cluster' && r.cluster.id).toBe('prod');
  });
  it('refuses clusters that are not configured', () => {
    expect(routeRequest(config(), 'GET', '/api/evil/overview')).toMatchObject({
      kind: 'refused',
      status: 404,
    });
  });
  it('refuses paths that try to climb out of the cluster base', () => {
    expect(routeRequest(config(), 'GET', '/api/st/%2e%2e/admin')).toMatchObject({
      kind: 'refused',
      status: 400,
    });
    expect(routeRequest(config(), 'GET', '/api/st/a/%2F..%2Fx')).toMatchObject({
      kind: 'refused',
      status: 400,
    });
  });
  it('refuses every mutating method in read-only mode, jar upload included', () => {
    const ro = config({ readOnly: true });
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE']) {
      expect(routeRequest(ro, method, '/api/prod/jars/upload')).toMatchObject({
        kind: 'refused',
        status: 403,
      });
    }
    expect(routeRequest(ro, 'GET', '/api/prod/overview').kind).toBe('cluster');
  });
  it("forwards a Flink cluster's History Server as its own read-only archive cluster", () => {
    const cfg = parseConfig({
      clusters: [{ id: 'prod', kind: 'flink', url: 'http://jm:8081', historyUrl: 'http://hs:8082' }],
    });
    const r = routeRequest(cfg, 'GET', '/api/prod-history/jobs/overview');
    expect(r.kind === 'cluster' && [r.cluster.url, r.path]).toEqual(['http://hs:8082', '/jobs/overview']);
    for (const method of ['POST', 'PATCH', 'DELETE']) {
      expect(routeRequest(cfg, method, '/api/prod-history/jobs/abc')).toMatchObject({
        kind: 'refused',
        status: 405,
      });
    }
    expect(routeRequest(cfg, 'PATCH', '/api/prod/jobs/abc').kind).toBe('cluster');
  });
  it('leaves non-API paths to the static files', () => {
    expect(routeRequest(config(), 'GET', '/clusters/prod/jobs').kind).toBe('not-api');
  });
});

describe('dashboard middleware against a real upstream', () => {
  let upstream: Server;
  let dashboard: Server;
  let base = '';
  let lastUpstreamRequest: IncomingMessage | undefined;

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      lastUpstreamRequest = req;
      if (req.url === '/redirect') {
        res.writeHead(302, { location: 'http://evil.example/steal' }).end();
      } else if (req.url === '/slow') {
        setTimeout(() => res.end('{}'), 2000);
      } else {
        res
          .writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'x=1' })
          .end(JSON.stringify({ url: req.url }));
      }
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    const up = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const cfg = parseConfig({
      clusters: [
        { id: 'prod', kind: 'flink', url: up, headers: { authorization: 'Basic c2VjcmV0' } },
        { id: 'down', kind: 'flink', url: 'http://127.0.0.1:1' },
      ],
      upstreamTimeoutMs: 500,
    });
    const mw = createDashboardMiddleware(cfg);
    dashboard = createServer((req, res) => mw(req, res, () => res.writeHead(404).end('static')));
    await new Promise<void>((r) => dashboard.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(dashboard.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    upstream.close();
    dashboard.close();
  });

  it('lists clusters without their secret headers', async () => {
    const body = await (await fetch(`${base}/api/clusters`)).text();
    expect(body).toContain('"prod"');
    expect(body).not.toContain('c2VjcmV0');
  });

  it('adds the cluster headers server-side and drops the browser credentials', async () => {
    const res = await fetch(`${base}/api/prod/overview?x=1`, {
      headers: { authorization: 'Bearer browser', cookie: 'sid=1' },
    });
    expect(await res.json()).toEqual({ url: '/overview?x=1' });
    expect(lastUpstreamRequest?.headers.authorization).toBe('Basic c2VjcmV0');
    expect(lastUpstreamRequest?.headers.cookie).toBeUndefined();
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('never passes a redirect on to another host', async () => {
    const res = await fetch(`${base}/api/prod/redirect`, { redirect: 'manual' });
    expect(res.status).toBe(502);
    expect(res.headers.get('location')).toBeNull();
  });

  it('answers 502 with a message naming the cluster when it is down', async () => {
    const res = await fetch(`${base}/api/down/overview`);
    expect(res.status).toBe(502);
    expect((await res.json()).errors[0]).toContain('"down"');
  });

  it('gives up on a slow cluster after the configured timeout', async () => {
    const res = await fetch(`${base}/api/prod/slow`);
    expect(res.status).toBe(504);
  });

  it('refuses an unconfigured cluster without contacting anything', async () => {
    lastUpstreamRequest = undefined;
    const res = await fetch(`${base}/api/other/overview`);
    expect(res.status).toBe(404);
    expect(lastUpstreamRequest).toBeUndefined();
  });
});
