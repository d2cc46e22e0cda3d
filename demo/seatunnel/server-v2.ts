// REST v2: the engine's embedded Jetty. Servlets are mounted under an optional
// context path; failures go through ExceptionHandlingFilter, which prints
// {"status":"fail","message":"<JavaClass>: <message>"}; unknown paths and
// wrong methods get Jetty's own HTML error pages.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { encryptConfig } from './encrypt-config.ts';
import { EngineError } from './engine-error.ts';
import type { DemoEngine } from './engine.ts';
import { readBody, send } from './http-common.ts';
import { parseRequestBody, requireObject, type SubmitParams } from './job-config.ts';
import { stringifyJson, type Json } from './json-text.ts';
import { allNodeLogs, logContent, logNames, logsHtml, logsJson, type LogSite } from './logs.ts';
import * as api from './rest-api.ts';

const JETTY = 'Jetty(9.4.56.v20240826)';
const JSON_TYPE = 'application/json;charset=utf-8';

type Handler = (ctx: RequestContext) => Promise<Reply> | Reply;
interface Reply {
  status?: number;
  type: string;
  body: string;
}
interface RequestContext {
  /** Servlet path info: the part after the servlet's mount ("" or "/..."). */
  pathInfo: string;
  query: URLSearchParams;
  req: IncomingMessage;
}

const json = (value: Json): Reply => ({ type: JSON_TYPE, body: stringifyJson(value) });

/** The jobId / state segment a "/x/*" servlet sees: pathInfo without its leading slash. */
const segment = (pathInfo: string): string => (pathInfo.length > 1 ? pathInfo.slice(1) : '');

export function createV2Server(engine: DemoEngine, contextPath: string, site: () => LogSite): Server {
  const get: Record<string, Handler> = {
    '/overview': ({ query }) => json(api.overview(engine, [...query.entries()])),
    '/running-jobs': () => json(api.runningJobs(engine)),
    '/job-info/*': ({ pathInfo }) => json(api.jobInfo(engine, segment(pathInfo))),
    '/running-job/*': ({ pathInfo }) => json(api.jobInfo(engine, segment(pathInfo))),
    '/finished-jobs/*': ({ pathInfo }) => json(api.finishedJobs(engine, segment(pathInfo))),
    '/system-monitoring-information': () => json(api.monitoring(engine)),
    '/thread-dump': () => json(api.threadDump(engine)),
    '/running-threads': () => json(api.runningThreads()),
    '/get-all-log-name': () => json(logNames(engine, localMember(engine))),
    '/logs/*': ({ pathInfo, query }) => allLogs(engine, site(), segment(pathInfo), query.get('format')),
    '/log/*': ({ pathInfo }) => currentNodeLog(engine, segment(pathInfo)),
    // Telemetry is off by default, so the metrics endpoints answer empty.
    '/metrics': () => ({ type: 'text/plain; version=0.0.4; charset=utf-8', body: '' }),
    '/openmetrics': () => ({ type: 'application/openmetrics-text; version=1.0.0; charset=utf-8', body: '' }),
    '/': () => ({ type: 'text/html;charset=utf-8', body: UI_PAGE }),
  };
  const params = (q: URLSearchParams): SubmitParams => ({
    ...(q.get('jobId') !== null ? { jobId: q.get('jobId') ?? '' } : {}),
    ...(q.get('jobName') !== null ? { jobName: q.get('jobName') ?? '' } : {}),
    ...(q.get('isStartWithSavePoint') !== null
      ? { isStartWithSavePoint: q.get('isStartWithSavePoint') ?? '' }
      : {}),
  });
  const post: Record<string, Handler> = {
    '/submit-job': async ({ req, query }) => json(api.submitJob(engine, await readBody(req), params(query))),
    '/submit-jobs': async ({ req }) => json(api.submitJobs(engine, await readBody(req))),
    '/stop-job': async ({ req }) => json(api.stopJob(engine, await readBody(req))),
    '/stop-jobs': async ({ req }) => json(api.stopJobs(engine, await readBody(req))),
    '/encrypt-config': async ({ req }) =>
      json(encryptConfig(requireObject(parseRequestBody(await readBody(req))))),
    '/update-tags': async ({ req }) => json(api.updateTags(engine, await readBody(req))),
  };

  return createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal error');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const headOnly = method === 'HEAD';
    const reply = (r: Reply): void => send(res, r.status ?? 200, r.type, r.body, { Server: JETTY }, headOnly);

    const path = url.pathname;
    if (contextPath !== '' && path !== contextPath && !path.startsWith(`${contextPath}/`)) {
      return reply(jettyError(404, 'Not Found', path));
    }
    const inner = path.slice(contextPath.length) || '/';
    const servlet = match(inner, [...new Set([...Object.keys(get), ...Object.keys(post)])]);
    if (!servlet) return reply(jettyError(404, 'Not Found', path));
    const handler =
      method === 'GET' || method === 'HEAD'
        ? get[servlet.mount]
        : method === 'POST'
          ? post[servlet.mount]
          : undefined;
    if (!handler) {
      return reply(
        jettyError(405, `HTTP method ${method} is not supported by this URL`, path, 'Method Not Allowed'),
      );
    }
    try {
      reply(await handler({ pathInfo: servlet.pathInfo, query: url.searchParams, req }));
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      // ExceptionHandlingFilter: 400 for IllegalArgumentException, 500 otherwise.
      reply({
        status: e.badRequest ? 400 : 500,
        type: 'application/json;charset=UTF-8',
        body: JSON.stringify({ status: 'fail', message: `${e.javaClass}: ${e.message}` }),
      });
    }
  }
}

/** Servlet mapping: exact paths, and "/x/*" which also matches "/x" itself. */
function match(path: string, mounts: string[]): { mount: string; pathInfo: string } | undefined {
  for (const mount of mounts) {
    if (!mount.endsWith('/*')) {
      if (path === mount) return { mount, pathInfo: '' };
      continue;
    }
    const base = mount.slice(0, -2);
    if (path === base) return { mount, pathInfo: '' };
    if (path.startsWith(`${base}/`)) return { mount, pathInfo: path.slice(base.length) };
  }
  return undefined;
}

const localMember = (engine: DemoEngine) => {
  const m = engine.members[0];
  if (!m) throw new Error('demo engine has no members');
  return m;
};

function allLogs(engine: DemoEngine, site: LogSite, param: string, format: string | null): Reply {
  if (param.includes('.log')) {
    const text = logContent(engine, param);
    return text === undefined
      ? { status: 400, type: 'text/plain;charset=utf-8', body: '' }
      : { type: 'text/plain;charset=utf-8', body: text };
  }
  engine.advance();
  const entries = allNodeLogs(engine, site, param);
  if (format?.toLowerCase() === 'json') return json(logsJson(entries));
  return {
    type: 'text/html;charset=utf-8',
    body: logsHtml(entries.map((e) => ({ href: e.logLink, name: e.logName }))),
  };
}

function currentNodeLog(engine: DemoEngine, name: string): Reply {
  if (name === '') {
    const names = logNames(engine, localMember(engine));
    return {
      type: 'text/html;charset=utf-8',
      body: logsHtml(names.map((n) => ({ href: `log/${n}`, name: n }))),
    };
  }
  const text = logContent(engine, name);
  return text === undefined
    ? { status: 400, type: 'text/plain;charset=utf-8', body: '' }
    : { type: 'text/plain;charset=utf-8', body: text };
}

function jettyError(status: number, message: string, uri: string, reason = message): Reply {
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return {
    status,
    type: 'text/html;charset=iso-8859-1',
    body:
      '<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html;charset=ISO-8859-1"/>\n' +
      `<title>Error ${status} ${esc(reason)}</title>\n</head>\n<body><h2>HTTP ERROR ${status} ${esc(reason)}</h2>\n` +
      `<table>\n<tr><th>URI:</th><td>${esc(uri)}</td></tr>\n<tr><th>STATUS:</th><td>${status}</td></tr>\n` +
      `<tr><th>MESSAGE:</th><td>${esc(message)}</td></tr>\n<tr><th>SERVLET:</th><td>-</td></tr>\n</table>\n` +
      '<hr><a href="https://eclipse.org/jetty">Powered by Jetty:// 9.4.56.v20240826</a><hr/>\n\n</body>\n</html>\n',
  };
}

const UI_PAGE =
  '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="UTF-8">\n<title>Seatunnel Engine UI</title>\n</head>\n' +
  '<body><div id="app"></div></body>\n</html>\n';
