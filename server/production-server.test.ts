import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProductionServer } from './app.ts';
import { parseConfig } from './cluster-config.ts';

/*
 * What the production server refuses, end to end over real sockets (proxy.test.ts covers the
 * routing function and the middleware alone): other hosts, redirects, writes in read-only mode,
 * path tricks, oversize and unannounced bodies, browser credentials; and the security headers on
 * every kind of answer, also when a cluster sends its own.
 */

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  bytes: number;
}

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );

/** The proof scripts send that a write is not a cross-site one (server/request-checks.ts). */
const SCRIPT = { 'x-streamdash-request': '1' };

/** A raw HTTP/1.1 request, for request targets fetch() would normalise away. */
function rawRequest(base: string, head: string): Promise<{ status: number; text: string }> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    // write, not end: a half-closed request is an aborted one to the proxy
    const socket = connect(Number(port), '127.0.0.1', () =>
      socket.write(`${head}\r\nHost: dashboard\r\nConnection: close\r\n\r\n`),
    );
    let text = '';
    socket.on('data', (d) => (text += d.toString()));
    socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1] ?? 0), text }));
    socket.on('error', reject);
  });
}

/** A chunked body (no Content-Length) of `size` bytes. */
function chunkedPost(url: string, size: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: 'POST', headers: { 'content-type': 'application/octet-stream', ...SCRIPT } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', (e) => (req.destroyed ? resolve(0) : reject(e)));
    const chunk = Buffer.alloc(64 * 1024, 120);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('the production server in front of clusters', () => {
  const seen: Seen[] = [];
  let upstream: Server;
  let evil: Server;
  let evilHits = 0;
  let writable: Server;
  let readOnly: Server;
  let base = '';
  let roBase = '';
  let dist = '';

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      let bytes = 0;
      req.on('data', (c: Buffer) => (bytes += c.length));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, bytes });
        const url = req.url ?? '';
        if (url.startsWith('/redirect/')) {
          const status = Number(url.split('/')[2]);
          res
            .writeHead(status, { location: 'http://127.0.0.1:1/steal', 'content-type': 'text/html' })
            .end('<a href="http://127.0.0.1:1/steal">moved</a>');
        } else if (url === '/own-headers') {
          res
            .writeHead(200, {
              'content-type': 'text/html',
              'content-security-policy': "script-src * 'unsafe-inline' 'unsafe-eval'",
              'x-frame-options': 'ALLOWALL',
              'x-content-type-options': 'none',
              'referrer-policy': 'unsafe-url',
              'access-control-allow-origin': '*',
              'set-cookie': 'session=stolen',
            })
            .end('<script>alert(1)</script>');
        } else {
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true }));
        }
      });
    });
    evil = createServer((_req, res) => {
      evilHits++;
      res.end('evil');
    });
    const up = await listen(upstream);
    await listen(evil);
    dist = mkdtempSync(join(tmpdir(), 'streamdash-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(
      join(dist, 'index.html'),
      '<!DOCTYPE html><title>streamdash</title><script type="module" src="/assets/app.js"></script>',
    );
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
    const clusters = [
      { id: 'prod', kind: 'flink', url: up },
      { id: 'st', kind: 'seatunnel', url: `${up}/seatunnel` },
    ];
    const limits = {
      upstreamTimeoutMs: 2000,
      maxUploadBytes: 1024 * 1024,
      // The raw requests below say "Host: dashboard".
      allowedHosts: ['dashboard'],
      auditLog: join(dist, 'audit.log'),
    };
    writable = createProductionServer({ config: parseConfig({ clusters, ...limits }), distDir: dist });
    readOnly = createProductionServer({
      config: parseConfig({ clusters, readOnly: true, ...limits }),
      distDir: dist,
    });
    base = await listen(writable);
    roBase = await listen(readOnly);
  });

  afterAll(() => {
    for (const s of [upstream, evil, writable, readOnly]) s.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const lastSeen = () => seen[seen.length - 1];

  it('makes the browser revalidate every page (index.html on any route), keeping only hashed assets for a year', async () => {
    for (const path of ['/', '/clusters/prod/jobs', '/index.html']) {
      const page = await fetch(`${base}${path}`);
      expect(await page.text()).toContain('<title>streamdash</title>');
      // without it Chromium kept index.html heuristically and showed the app again after a sign-out
      expect(page.headers.get('cache-control'), path).toBe('no-cache');
    }
    expect((await fetch(`${base}/assets/app.js`)).headers.get('cache-control')).toMatch(/immutable/);
  });

  it('reaches only configured hosts, whatever the request target says', async () => {
    const evilPort = (evil.address() as AddressInfo).port;
    seen.length = 0;
    for (const target of [
      `/api/evil/overview`,
      `/api/127.0.0.1:${evilPort}/overview`,
      `http://127.0.0.1:${evilPort}/api/evil/overview`,
      `/api/prod@127.0.0.1:${evilPort}/overview`,
    ]) {
      const res = await rawRequest(base, `GET ${target} HTTP/1.1`);
      expect(res.status, target).toBe(404);
    }
    // Whatever follows a configured id stays a path on that cluster.
    for (const target of [
      `//127.0.0.1:${evilPort}/x`,
      `/@127.0.0.1:${evilPort}/x`,
      `/http://127.0.0.1:${evilPort}/x`,
    ]) {
      const res = await rawRequest(base, `GET /api/prod${target} HTTP/1.1`);
      expect(res.status, target).toBe(200);
      expect(lastSeen()?.url).toBe(target);
    }
    expect(evilHits).toBe(0);
  });

  it.each([301, 302, 303, 307, 308])(
    'answers a %i redirect from a cluster with 502, never following or passing it on',
    async (status) => {
      const before = seen.length;
      const res = await fetch(`${base}/api/prod/redirect/${status}`, { redirect: 'manual' });
      expect(res.status).toBe(502);
      expect(res.headers.get('location')).toBeNull();
      expect(seen.length - before).toBe(1);
    },
  );

  it('refuses every write in read-only mode with 403, jar upload included, without contacting the cluster', async () => {
    const before = seen.length;
    const form = new FormData();
    form.append('jarfile', new Blob([Buffer.alloc(1000)]), 'job.jar');
    const upload = await fetch(`${roBase}/api/prod/jars/upload`, {
      method: 'POST',
      headers: SCRIPT,
      body: form,
    });
    expect(upload.status).toBe(403);
    for (const [method, path] of [
      ['POST', '/api/prod/jars/abc.jar/run'],
      ['PATCH', '/api/prod/jobs/abc?mode=cancel'],
      ['DELETE', '/api/prod/jars/abc.jar'],
      ['PUT', '/api/prod/jobs/abc/resource-requirements'],
      ['POST', '/api/st/submit-job'],
    ] as const) {
      const res = await fetch(`${roBase}${path}`, {
        method,
        headers: SCRIPT,
        body: method === 'DELETE' ? undefined : '{}',
      });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(await res.text()).toContain('read-only');
    }
    expect(seen.length).toBe(before);
    expect((await fetch(`${roBase}/api/prod/overview`)).status).toBe(200);
  });

  it('refuses paths that climb out of the cluster, however they are spelled', async () => {
    const before = seen.length;
    for (const path of [
      '/api/prod/../clusters',
      '/api/prod/jobs/../../etc/passwd',
      '/api/st/%2e%2e/admin',
      '/api/st/%2E%2E%2Fadmin',
      '/api/st/..%2fadmin',
      '/api/st/.%2e/admin',
      '/api/prod/jobs/%5c..%5cx',
      '/api/prod/jobs\\..\\x',
    ]) {
      const res = await rawRequest(base, `GET ${path} HTTP/1.1`);
      expect(res.status, path).toBe(400);
    }
    expect(seen.length).toBe(before);
  });

  it('refuses a body over maxUploadBytes with 413 before it reaches the cluster', async () => {
    const before = seen.length;
    const form = new FormData();
    form.append('jarfile', new Blob([Buffer.alloc(2 * 1024 * 1024)]), 'big.jar');
    const res = await fetch(`${base}/api/prod/jars/upload`, { method: 'POST', headers: SCRIPT, body: form });
    expect(res.status).toBe(413);
    expect(seen.length).toBe(before);
  });

  it('does not let a body without Content-Length (chunked) slip past the limit', async () => {
    const before = seen.length;
    const status = await chunkedPost(`${base}/api/prod/jars/upload`, 3 * 1024 * 1024);
    expect([0, 411, 413]).toContain(status);
    expect(seen.slice(before).every((s) => s.bytes <= 1024 * 1024)).toBe(true);
  });

  it('passes an upload under the limit on', async () => {
    const form = new FormData();
    form.append('jarfile', new Blob([Buffer.alloc(10_000)]), 'small.jar');
    const res = await fetch(`${base}/api/prod/jars/upload`, { method: 'POST', headers: SCRIPT, body: form });
    expect(res.status).toBe(200);
    expect(lastSeen()?.bytes).toBeGreaterThan(10_000);
  });

  it('never forwards the browser’s credentials to a cluster that has none configured', async () => {
    await fetch(`${base}/api/prod/overview`, {
      headers: {
        authorization: 'Basic dXNlcjpwYXNz',
        cookie: 'sid=secret',
        origin: 'http://evil.example',
        referer: 'http://evil.example/x',
      },
    });
    const headers = lastSeen()?.headers ?? {};
    expect(headers.authorization).toBeUndefined();
    expect(headers.cookie).toBeUndefined();
    expect(headers.origin).toBeUndefined();
    expect(headers.referer).toBeUndefined();
  });

  describe('security headers', () => {
    const expectSecurityHeaders = (res: Response, what: string) => {
      const csp = res.headers.get('content-security-policy') ?? '';
      const directive = (name: string) => new RegExp(`(?:^|;)\\s*${name} ([^;]*)`).exec(csp)?.[1];
      const scriptSrc = directive('script-src') ?? directive('default-src') ?? '';
      expect(scriptSrc, `${what}: script-src`).toMatch(/^('self'|'none')$/);
      expect(csp, `${what}: frame-ancestors`).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get('x-content-type-options'), `${what}: nosniff`).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), `${what}: referrer`).toBe('no-referrer');
    };

    it('are on every kind of answer', async () => {
      const answers: [string, Promise<Response>][] = [
        ['index', fetch(`${base}/`)],
        ['SPA route', fetch(`${base}/clusters/prod/jobs`)],
        ['asset', fetch(`${base}/assets/app.js`)],
        ['cluster list', fetch(`${base}/api/clusters`)],
        ['proxied', fetch(`${base}/api/prod/overview`)],
        ['unknown cluster', fetch(`${base}/api/nope/overview`)],
        ['traversal', fetch(`${base}/api/st/%2e%2e/x`)],
        [
          'read-only',
          fetch(`${roBase}/api/prod/jars/upload`, { method: 'POST', headers: SCRIPT, body: 'x' }),
        ],
        [
          'oversize',
          fetch(`${base}/api/prod/jars/upload`, {
            method: 'POST',
            headers: SCRIPT,
            body: Buffer.alloc(2 * 1024 * 1024),
          }),
        ],
        ['redirect', fetch(`${base}/api/prod/redirect/302`, { redirect: 'manual' })],
        ['non-GET static', fetch(`${base}/index.html`, { method: 'DELETE' })],
      ];
      for (const [what, answer] of answers) expectSecurityHeaders(await answer, what);
    });

    it('are the dashboard’s own even when a cluster sends its own', async () => {
      const res = await fetch(`${base}/api/prod/own-headers`);
      expectSecurityHeaders(res, 'proxied with own headers');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('set-cookie')).toBeNull();
    });

    it('keep a cluster’s HTML from running script when opened on the dashboard’s origin', async () => {
      // A cluster answer opened as a page (e.g. a profiler flame graph) must not run script with the
      // dashboard's origin, where it could call every other cluster through the proxy.
      const csp = (await fetch(`${base}/api/prod/own-headers`)).headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/(^|;)\s*sandbox(;|$)/);
    });

    it('are also on the answers of a cluster that is down or too slow', async () => {
      const down = createProductionServer({
        config: parseConfig({ clusters: [{ id: 'down', kind: 'flink', url: 'http://127.0.0.1:1' }] }),
        distDir: dist,
      });
      const url = await listen(down);
      try {
        const res = await fetch(`${url}/api/down/overview`);
        expect(res.status).toBe(502);
        expectSecurityHeaders(res, 'cluster down');
      } finally {
        down.close();
      }
    });

    it('are on the 401 of the dashboard’s own basic auth', async () => {
      const locked = createProductionServer({
        config: parseConfig({ clusters: [] }),
        distDir: dist,
        auth: { basic: 'a:b' },
      });
      const url = await listen(locked);
      try {
        const res = await fetch(`${url}/`);
        expect(res.status).toBe(401);
        expectSecurityHeaders(res, 'basic auth');
        // The dashboard's credentials are for the dashboard: they are not forwarded either.
      } finally {
        locked.close();
      }
    });
  });
});
