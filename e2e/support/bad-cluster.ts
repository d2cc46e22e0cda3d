/**
 * A misbehaving cluster for the hostile tests: a node:http server that plays a Flink JobManager
 * and a SeaTunnel node (REST v2 and v1). Correct answers come from the embedded demo cluster
 * (started in this process); the server breaks exactly one endpoint per path prefix:
 *
 *   /ok/<backend>/<path>         the demo's answer, untouched
 *   /case/<caseId>/<path>        the demo's answer, except the case's endpoint gets the case's mutation
 *   /hostile/<backend>/<path>    the demo's answer with display strings replaced by HTML, script,
 *                                `javascript:` URLs, template injections, RTL overrides, 10k-char names
 *
 * <backend> is `flink`, `seatunnel` (REST v2) or `seatunnel-v1` (the Hazelcast REST v1 port; the
 * dashboard adds /hazelcast/rest/maps itself when the cluster URL says so). Cases come from
 * e2e/hostile/corpus.ts. Run it alone with `npx tsx e2e/support/bad-cluster.ts [port]`: it prints
 * `{"url": ...}` when ready.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startDemoCluster, type DemoCluster } from '../../demo/index.ts';
import { quoteUnsafeIntegers } from '../../src/lib/lossless-json.ts';
import { CORPUS, HOSTILE, HOSTILE_PAYLOADS, V1_PREFIX, type BadCase } from '../hostile/corpus.ts';

export type Backend = 'flink' | 'seatunnel' | 'seatunnel-v1';

/** What a case does to the answer of its endpoint. */
export type Mutation =
  // the body as JSON, reshaped
  | 'null-body'
  | 'string-body'
  | 'array-object-swap'
  | 'empty-object'
  | 'missing-field'
  | 'null-leaves'
  | 'wrong-types'
  | 'minus-one'
  | 'zeros'
  | 'empty-arrays'
  | 'nan-numbers'
  | 'nan-strings'
  | 'huge-doubles'
  | 'int64'
  | 'huge-arrays'
  | 'deep-nesting'
  // the transport
  | 'html-200'
  | 'empty-200'
  | 'truncated'
  | 'flink-500'
  | 'text-500'
  | 'html-502'
  | 'not-found-404'
  | 'redirect'
  | 'slow'
  | 'reset'
  | 'binary-garbage'
  | 'long-line';

/** Mutations that keep the body valid JSON of the right shape (the page must render, not crash). */
/** How long a `slow` answer takes; the dashboard under test must give up earlier. */
export const SLOW_MS = 6000;

/** The 64-bit sentinel Flink uses for "never" (Long.MAX_VALUE); written as a raw JSON number. */
const INT64 = '9223372036854775807';

// ---------------------------------------------------------------------------------------------
// Endpoint templates: which endpoint a request path is

interface Template {
  key: string;
  method: string;
  regex: RegExp;
  literalSegments: number;
}

function compile(keys: string[]): Template[] {
  return keys
    .map((key) => {
      const [method = 'GET', path = '/'] = key.split(' ');
      const segments = path.split('/').filter(Boolean);
      const regex = new RegExp(
        `^/${segments.map((s) => (s.startsWith(':') ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}$`,
      );
      return { key, method, regex, literalSegments: segments.filter((s) => !s.startsWith(':')).length };
    })
    .sort((a, b) => b.literalSegments - a.literalSegments);
}

/**
 * The endpoint keys (`GET /jobs/:jobid`) of the app's endpoint-schemas tables, read as text: the
 * app's modules use the `@/` alias, which neither tsx nor Playwright resolve from here.
 */
export function endpointKeys(backend: 'flink' | 'seatunnel'): string[] {
  const file = fileURLToPath(new URL(`../../src/api/${backend}/endpoint-schemas.ts`, import.meta.url));
  return [...readFileSync(file, 'utf8').matchAll(/^\s*'((?:GET|POST|PUT|PATCH|DELETE) \/[^']*)':/gm)].map(
    (m) => m[1] ?? '',
  );
}

const FLINK_TEMPLATES = compile(endpointKeys('flink'));
const SEATUNNEL_TEMPLATES = compile(endpointKeys('seatunnel'));

/** `GET /jobs/:jobid` for `/jobs/abc?x=1` (Flink) or `/hazelcast/rest/maps/overview` (v1). */
export function endpointOf(backend: Backend, method: string, pathWithQuery: string): string | undefined {
  let path = pathWithQuery.split('?')[0] ?? '/';
  if (path.startsWith('/v1/') && backend === 'flink') path = path.slice(3);
  if (backend === 'seatunnel-v1') {
    if (!path.startsWith(V1_PREFIX)) return undefined;
    path = path.slice(V1_PREFIX.length) || '/';
  }
  const templates = backend === 'flink' ? FLINK_TEMPLATES : SEATUNNEL_TEMPLATES;
  if (backend !== 'flink' && method === 'GET' && /^\/logs\/[^/]+\.log$/.test(path))
    return 'GET /logs/:logName';
  return templates.find((t) => t.method === method && t.regex.test(path))?.key;
}

// ---------------------------------------------------------------------------------------------
// Mutations

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function mapLeaves(value: Json, leaf: (v: Json, key: string) => Json, key = ''): Json {
  if (Array.isArray(value)) return value.map((v) => mapLeaves(v, leaf, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapLeaves(v, leaf, k)]));
  }
  return leaf(value, key);
}

/** Every number replaced by `marker`, written later as raw JSON text (1e308, Long.MAX_VALUE). */
const RAW = '\u0000raw:';
function rawNumbers(value: Json, text: string): string {
  const marked = mapLeaves(value, (v) => (typeof v === 'number' ? `${RAW}${text}` : v));
  return JSON.stringify(marked).replaceAll(`"${RAW.replace('\u0000', '\\u0000')}${text}"`, text);
}

function repeatArrays(value: Json, times: number, depth = 0): Json {
  if (Array.isArray(value)) {
    if (value.length === 0 || depth > 0) return value.map((v) => repeatArrays(v, times, depth + 1));
    const out: Json[] = [];
    for (let i = 0; out.length < times; i++) out.push(value[i % value.length] as Json);
    return out;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, repeatArrays(v, times, depth)]));
  }
  return value;
}

function emptyArrays(value: Json): Json {
  if (Array.isArray(value)) return [];
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, emptyArrays(v)]));
  return value;
}

function dropFirstField(value: Json): Json {
  if (Array.isArray(value)) return value.map(dropFirstField);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    return Object.fromEntries(entries.slice(1));
  }
  return value;
}

const FLINK_STACK = [
  'org.apache.flink.runtime.rest.handler.RestHandlerException: Internal server error.',
  '\tat org.apache.flink.runtime.rest.handler.AbstractRestHandler.respondToRequest(AbstractRestHandler.java:83)',
  '\tat java.base/java.lang.Thread.run(Thread.java:840)',
  'Caused by: java.util.concurrent.CompletionException: java.lang.NullPointerException',
].join('\n');

const HTML_PAGE = `<!DOCTYPE html><html><head><title>Service Unavailable</title></head>
<body><h1>Oops</h1><p>The gateway is having a bad day.</p><script>window.__pwned=1</script></body></html>`;

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Delay before answering, or 'reset' to destroy the connection. */
  delayMs?: number;
  reset?: boolean;
}

const json = (status: number, body: string): Answer => ({
  status,
  headers: { 'content-type': 'application/json; charset=UTF-8' },
  body,
});

/** The answer a case sends instead of `good` (the demo's answer to the same request). */
export function mutate(
  mutation: Mutation,
  good: { status: number; body: string; contentType: string },
  endpoint: string,
): Answer {
  const isText = !good.contentType.includes('json');
  let parsed: Json = null;
  if (!isText) {
    try {
      parsed = JSON.parse(quoteUnsafeIntegers(good.body)) as Json;
    } catch {
      parsed = null;
    }
  }
  switch (mutation) {
    case 'null-body':
      return json(200, 'null');
    case 'string-body':
      return json(200, JSON.stringify('this is not the answer you are looking for'));
    case 'array-object-swap':
      return json(200, Array.isArray(parsed) ? '{"0":{}}' : '[{"unexpected":true}]');
    case 'empty-object':
      return json(200, Array.isArray(parsed) ? '[{}]' : '{}');
    case 'missing-field':
      return json(200, JSON.stringify(dropFirstField(parsed)));
    case 'null-leaves':
      return json(200, JSON.stringify(mapLeaves(parsed, () => null)));
    case 'wrong-types':
      return json(
        200,
        JSON.stringify(
          mapLeaves(parsed, (v) =>
            typeof v === 'number'
              ? String(v)
              : typeof v === 'string'
                ? 42
                : typeof v === 'boolean'
                  ? 'yes'
                  : { surprise: [] },
          ),
        ),
      );
    case 'minus-one':
      return json(200, JSON.stringify(mapLeaves(parsed, (v) => (typeof v === 'number' ? -1 : v))));
    case 'zeros':
      return json(200, JSON.stringify(mapLeaves(parsed, (v) => (typeof v === 'number' ? 0 : v))));
    case 'empty-arrays':
      return json(200, JSON.stringify(emptyArrays(parsed)));
    case 'nan-numbers':
      // Jackson writes non-finite doubles as strings; every number becomes one of them.
      return json(200, JSON.stringify(mapLeaves(parsed, (v) => (typeof v === 'number' ? 'NaN' : v))));
    case 'nan-strings':
      // SeaTunnel sends numbers as strings: every string that holds a number becomes "NaN"; Flink's numbers become "-1".
      return json(
        200,
        JSON.stringify(
          mapLeaves(parsed, (v) =>
            typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? 'NaN' : typeof v === 'number' ? '-1' : v,
          ),
        ),
      );
    case 'huge-doubles':
      return json(200, rawNumbers(parsed, '1e308'));
    case 'int64':
      return json(200, rawNumbers(parsed, INT64));
    case 'huge-arrays':
      return json(200, JSON.stringify(repeatArrays(parsed, 5000)));
    case 'deep-nesting':
      return json(200, `${'['.repeat(5000)}${']'.repeat(5000)}`);
    case 'html-200':
      return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: HTML_PAGE };
    case 'empty-200':
      return { status: 200, headers: { 'content-type': good.contentType || 'application/json' }, body: '' };
    case 'truncated':
      return {
        status: 200,
        headers: { 'content-type': good.contentType || 'application/json' },
        body: good.body.slice(0, Math.max(1, Math.floor(good.body.length / 2))),
      };
    case 'flink-500':
      return json(
        500,
        JSON.stringify({
          errors: [
            'Internal server error.',
            `<Exception on server side:\n${FLINK_STACK}\n\nEnd of exception on server side>`,
          ],
        }),
      );
    case 'text-500':
      return {
        status: 500,
        headers: { 'content-type': 'text/plain' },
        body: `java.lang.OutOfMemoryError: Java heap space (while serving ${endpoint})`,
      };
    case 'html-502':
      return { status: 502, headers: { 'content-type': 'text/html' }, body: HTML_PAGE };
    case 'not-found-404':
      return json(404, JSON.stringify({ errors: ['Not found: /no/such/thing'] }));
    case 'redirect':
      return { status: 302, headers: { location: 'http://evil.invalid/steal?from=streamdash' }, body: '' };
    case 'slow':
      return {
        ...good,
        headers: { 'content-type': good.contentType },
        status: good.status,
        delayMs: SLOW_MS,
      };
    case 'reset':
      return { status: 0, reset: true };
    case 'binary-garbage':
      return {
        status: 200,
        headers: { 'content-type': good.contentType || 'application/octet-stream' },
        body: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
      };
    case 'long-line':
      return {
        status: 200,
        headers: { 'content-type': good.contentType || 'text/plain' },
        body: `${'x'.repeat(2_000_000)}\nend`,
      };
  }
}

// ---------------------------------------------------------------------------------------------
// Hostile strings

/** Keys whose string values a hostile cluster controls and the dashboard shows. */
const HOSTILE_KEYS = new Set([
  // Flink
  'name',
  'description',
  'operator',
  'root-exception',
  'exceptionName',
  'stacktrace',
  'taskName',
  'stack-trace',
  'threadName',
  'stringifiedThreadInfo',
  'failureCause',
  // SeaTunnel
  'jobName',
  'errorMsg',
  'vertexName',
]);
/** Keys never touched: ids and states drive URLs and logic. */
const URL_KEYS = new Set(['logLink', 'url', 'jarPath']);

class HostileRewriter {
  private readonly assigned = new Map<string, number>();
  private next = 0;

  /** The same original always gets the same payload (a job is named the same on every page). */
  payloadFor(original: string): string {
    let i = this.assigned.get(original);
    if (i === undefined) {
      i = this.next++ % HOSTILE_PAYLOADS.length;
      this.assigned.set(original, i);
    }
    return HOSTILE_PAYLOADS[i] ?? '';
  }

  rewrite(original: string): string {
    return `${this.payloadFor(original)} ${original}`;
  }

  json(endpoint: string, value: Json): Json {
    const isConfig = /config/.test(endpoint);
    const isLogList = /\/logs$/.test(endpoint) || endpoint.endsWith('/logs/:jobId');
    const walk = (v: Json, key: string, parentKey: string): Json => {
      if (Array.isArray(v)) return v.map((x) => walk(x, key, parentKey));
      if (v && typeof v === 'object') {
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k, key)]));
      }
      if (typeof v !== 'string') return v;
      if (URL_KEYS.has(key)) return HOSTILE.jsUrl;
      if (isLogList && key === 'name') return v;
      if (HOSTILE_KEYS.has(key)) return this.rewrite(v);
      // configuration values: `[{key, value}]` lists, a job's user config, SeaTunnel env options
      if (isConfig && key === 'value') return this.rewrite(v);
      if (parentKey === 'user-config' || parentKey === 'envOptions') return this.rewrite(v);
      if (key === 'tablePaths') return this.rewrite(v);
      return v;
    };
    return walk(value, '', '');
  }

  text(body: string): string {
    const lines = HOSTILE_PAYLOADS.map((p, i) => `2026-01-01 00:00:0${i},000 ERROR hostile.Logger - ${p}`);
    return `${lines.join('\n')}\n${body}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Server

interface Upstream {
  status: number;
  contentType: string;
  headers: Record<string, string>;
  body: Buffer;
}

function upstreamRequest(base: string, req: IncomingMessage, path: string, body: Buffer): Promise<Upstream> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (typeof v === 'string' && !['host', 'connection', 'content-length', 'transfer-encoding'].includes(k))
        headers[k] = v;
    }
    if (body.length) headers['content-length'] = String(body.length);
    const up = http.request(
      {
        method: req.method,
        hostname: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const out: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') out[k] = v;
          resolve({
            status: res.statusCode ?? 502,
            contentType: String(res.headers['content-type'] ?? ''),
            headers: out,
            body: Buffer.concat(chunks),
          });
        });
        res.on('error', reject);
      },
    );
    up.on('error', reject);
    up.end(body);
  });
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export interface BadCluster {
  url: string;
  demo: DemoCluster;
  /** Endpoints requested per prefix (`ok/flink`, `case/bad-001`, ...), in order, for discovery. */
  log: Map<string, string[]>;
  close(): Promise<void>;
}

export interface BadClusterOptions {
  port?: number;
  host?: string;
  cases?: readonly BadCase[];
}

const EXTRA_ROUTES: Record<string, (res: ServerResponse) => void> = {
  // A cluster "HTML page" that tries to load script from the dashboard's own origin (hostile test).
  '/hostile/flink/taskmanagers/evil/profiler/evil.html': (res) =>
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(
        '<!DOCTYPE html><title>flame graph</title><script src="evil.js"></script><script>window.__pwned=2</script>',
      ),
  '/hostile/flink/taskmanagers/evil/profiler/evil.js': (res) =>
    res
      .writeHead(200, { 'content-type': 'application/javascript' })
      .end('window.__pwned = 1; opener && (opener.__pwned = 1);'),
};

export async function startBadCluster(opts: BadClusterOptions = {}): Promise<BadCluster> {
  const cases = new Map((opts.cases ?? CORPUS).map((c) => [c.id, c]));
  const demo = await startDemoCluster({
    host: '127.0.0.1',
    flinkPort: 0,
    seatunnelV2Port: 0,
    seatunnelV1Port: 0,
  });
  const upstreams: Record<Backend, string> = {
    flink: demo.flinkUrl,
    seatunnel: demo.seatunnelV2Url ?? '',
    'seatunnel-v1': (demo.seatunnelV1Url ?? '').replace(/\/hazelcast\/rest\/maps$/, ''),
  };
  const hostile: Record<Backend, HostileRewriter> = {
    flink: new HostileRewriter(),
    seatunnel: new HostileRewriter(),
    'seatunnel-v1': new HostileRewriter(),
  };
  const log = new Map<string, string[]>();
  const sockets = new Set<Socket>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const raw = req.url ?? '/';
    const extra = EXTRA_ROUTES[raw.split('?')[0] ?? ''];
    if (extra) return extra(res);
    const m = /^\/(ok|case|hostile)\/([^/]+)(\/.*)?$/.exec(raw);
    if (!m) return res.writeHead(404, { 'content-type': 'text/plain' }).end('bad-cluster: unknown prefix');
    const [, mode = '', name = '', rest = '/'] = m;
    const badCase = mode === 'case' ? cases.get(name) : undefined;
    if (mode === 'case' && !badCase) return res.writeHead(404).end(`bad-cluster: no case ${name}`);
    const backend: Backend | undefined = badCase
      ? badCase.backend
      : (['flink', 'seatunnel', 'seatunnel-v1'] as const).find((b) => b === name);
    if (!backend) return res.writeHead(404).end(`bad-cluster: no backend ${name}`);
    const method = req.method ?? 'GET';
    const endpoint = endpointOf(backend, method, rest);
    const entry = `${mode}/${name}`;
    if (!log.has(entry)) log.set(entry, []);
    log.get(entry)?.push(endpoint ?? `${method} ${rest}`);

    const body = await readBody(req);
    const good = await upstreamRequest(upstreams[backend], req, rest, body);
    let answer: Answer = {
      status: good.status,
      headers: { 'content-type': good.contentType },
      body: good.body,
    };
    if (badCase && endpoint && endpoint === badCase.endpoint) {
      answer = mutate(
        badCase.mutation,
        { status: good.status, body: good.body.toString('utf8'), contentType: good.contentType },
        endpoint,
      );
    } else if (mode === 'hostile' && good.status < 300 && endpoint) {
      const text = good.body.toString('utf8');
      if (good.contentType.includes('json')) {
        try {
          const parsed = JSON.parse(quoteUnsafeIntegers(text)) as Json;
          const rewritten = JSON.stringify(hostile[backend].json(endpoint, parsed));
          // 64-bit ids were quoted to survive; SeaTunnel sends them as numbers, so unquote them again
          answer.body =
            backend === 'flink'
              ? rewritten
              : rewritten.replace(/"(-?\d{16,})"/g, (s, d: string) =>
                  Number.isSafeInteger(Number(d)) ? s : d,
                );
        } catch {
          // not JSON after all: pass through
        }
      } else if (/log|stdout/.test(endpoint)) {
        answer.body = hostile[backend].text(text);
      }
    }
    if (answer.reset) {
      req.socket.destroy();
      return;
    }
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    if (res.destroyed) return;
    res.writeHead(answer.status, { ...answer.headers, 'cache-control': 'no-store' });
    res.end(answer.body ?? '');
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(599, { 'content-type': 'text/plain' });
      res.end(`bad-cluster failed: ${e instanceof Error ? e.message : String(e)}`);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    demo,
    log,
    async close() {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((r) => server.close(() => r()));
      await demo.close();
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const bad = await startBadCluster({ port: Number(process.argv[2] ?? 0) });
  process.stdout.write(`${JSON.stringify({ url: bad.url, flinkUrl: bad.demo.flinkUrl })}\n`);
  const stop = () => void bad.close().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
