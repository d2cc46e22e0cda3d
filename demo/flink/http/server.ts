// node:http front of the demo JobManager: body collection, /v1 prefix, routing, Flink-style
// error bodies and JSON serialisation (Jackson's NaN handling).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toJson } from '../util/json.ts';
import { errorBody, RestError, routeNotFound, staticFileNotFound } from './errors.ts';
import type { Reply, Router } from './router.ts';

/** rest.server.max-content-length */
const MAX_CONTENT = 104_857_600;

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_CONTENT) chunks.push(c);
    });
    req.on('end', () =>
      size > MAX_CONTENT
        ? reject(new RestError(413, 'Request entity too large.'))
        : resolve(Buffer.concat(chunks)),
    );
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: string | Buffer, contentType: string): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    'Access-Control-Allow-Origin': '*',
  });
  res.end(body);
}

export async function startHttpServer(
  router: Router,
  host: string,
  port: number,
  onShutdown?: () => boolean,
): Promise<RunningServer> {
  let baseUrl = '';
  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const uri = req.url ?? '/';
    try {
      const body = await readBody(req);
      const url = new URL(uri, 'http://localhost');
      const method = req.method ?? 'GET';
      let path = url.pathname.replace(/\/+$/, '') || '/';
      const unmatched = () => (method === 'GET' ? staticFileNotFound(url.pathname) : routeNotFound(uri));
      if (/^\/v\d+(\/|$)/.test(path)) {
        if (!path.startsWith('/v1/') && path !== '/v1') throw unmatched();
        path = path.slice(3) || '/';
      }
      const match = router.match(method, path);
      if (!match) throw unmatched();
      const reply: Reply = await match.route.handler({
        params: match.params,
        query: url.searchParams,
        body,
        headers: req.headers,
        uri,
        baseUrl,
      });
      const status = reply.status ?? 200;
      if ('json' in reply) send(res, status, toJson(reply.json), 'application/json; charset=UTF-8');
      else {
        send(res, status, reply.text, reply.contentType ?? 'text/plain');
        reply.afterSend?.();
      }
    } catch (e) {
      const err =
        e instanceof RestError
          ? e
          : new RestError(500, e instanceof Error ? e.message : String(e), {
              kind: 'internal',
              exceptionClass: 'java.lang.RuntimeException',
            });
      send(res, err.status, toJson(errorBody(err)), 'application/json; charset=UTF-8');
    }
    if (onShutdown?.()) setImmediate(() => void close());
  }

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const shownHost =
    host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  baseUrl = `http://${shownHost}:${addr.port}`;
  return { url: baseUrl, port: addr.port, close };
}
