// REST v1: SeaTunnel's handlers plugged into Hazelcast's text protocol on the
// member port. URIs are matched raw with startsWith (query string included),
// errors print {"status":"fail","message":"<message>"} as text/plain, and
// anything unmatched falls through to Hazelcast's own map REST API.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { encryptConfig } from './encrypt-config.ts';
import { EngineError } from './engine-error.ts';
import type { DemoEngine } from './engine.ts';
import { readBody, send } from './http-common.ts';
import { parseRequestBody, requireObject, type SubmitParams } from './job-config.ts';
import { obj, stringifyJson, type Json } from './json-text.ts';
import { allNodeLogs, logContent, logNames, logsHtml, logsJson, type LogSite } from './logs.ts';
import * as api from './rest-api.ts';

export const V1_PREFIX = '/hazelcast/rest/maps';
/** Hazelcast's URI_MAPS; handlers look for the next '/' after it to find their argument. */
const URI_MAPS = `${V1_PREFIX}/`;

interface Reply {
  status: number;
  type?: string;
  body: string;
}

const ok = (value: Json): Reply => ({ status: 200, type: 'application/json', body: stringifyJson(value) });
const send400: Reply = { status: 400, body: '' };

const stripTrailingSlash = (s: string): string => (s.endsWith('/') ? s.slice(0, -1) : s);

/** Everything after the first '/' past URI_MAPS, or the whole URI when there is none. */
function argument(uri: string, wholeWhenMissing: boolean): string {
  const u = stripTrailingSlash(uri);
  const i = u.indexOf('/', URI_MAPS.length);
  if (i === -1) return wholeWhenMissing ? u : '';
  return u.slice(i + 1);
}

/** Hazelcast splits the query by hand: no URL decoding, first '=' separates. */
function rawQuery(uri: string): Array<[string, string]> {
  const q = uri.includes('?') ? uri.slice(uri.indexOf('?') + 1) : '';
  const out = new Map<string, string>();
  for (const part of q.split('&')) {
    const i = part.indexOf('=');
    if (i >= 0) out.set(part.slice(0, i), part.slice(i + 1));
  }
  return [...out.entries()];
}

export function createV1Server(engine: DemoEngine, site: () => LogSite): Server {
  const at = (uri: string, route: string): boolean => uri.startsWith(`${V1_PREFIX}${route}`);

  function get(uri: string): Reply {
    if (at(uri, '/running-jobs')) return ok(api.runningJobs(engine));
    if (at(uri, '/finished-jobs')) return ok(api.finishedJobs(engine, argument(uri, false)));
    if (at(uri, '/running-job') || at(uri, '/job-info')) return ok(api.jobInfo(engine, argument(uri, true)));
    if (at(uri, '/system-monitoring-information')) return ok(api.monitoring(engine));
    if (at(uri, '/running-threads')) return ok(api.runningThreads());
    if (at(uri, '/overview')) {
      const u = stripTrailingSlash(uri);
      return ok(api.overview(engine, rawQuery(u)));
    }
    if (at(uri, '/thread-dump')) return ok(api.threadDump(engine));
    if (at(uri, '/get-all-log-name')) return ok(logNames(engine, localMember(engine)));
    if (at(uri, '/logs')) return allLogs(uri);
    if (at(uri, '/log')) return currentNodeLog(uri);
    if (uri === '/hazelcast/health' || uri.startsWith('/hazelcast/health?')) return ok(health(engine));
    if (uri === '/hazelcast/rest/log-level')
      return ok(
        obj([
          ['root', 'INFO'],
          ['com.hazelcast', 'WARN'],
        ]),
      );
    // Telemetry is off by default: the Prometheus endpoints answer empty.
    if (uri === '/hazelcast/rest/instance/metrics' || uri === '/hazelcast/rest/instance/openmetrics') {
      return { status: 200, type: 'text/plain', body: '' };
    }
    return hazelcastFallback(uri, 'GET');
  }

  function allLogs(uri: string): Reply {
    const param = argument(uri, false);
    if (param.includes('.log')) return logFile(param);
    engine.advance();
    // The query string stays glued to the job id here, as in the engine.
    const entries = allNodeLogs(engine, site(), param);
    const format = new Map(rawQuery(uri)).get('format');
    if (format?.toLowerCase() === 'json') return ok(logsJson(entries));
    return {
      status: 200,
      type: 'text/html; charset=UTF-8',
      body: logsHtml(entries.map((e) => ({ href: e.logLink, name: e.logName }))),
    };
  }

  function currentNodeLog(uri: string): Reply {
    const name = argument(uri, false);
    if (name !== '') return logFile(name);
    const names = logNames(engine, localMember(engine));
    return {
      status: 200,
      type: 'text/html; charset=UTF-8',
      body: logsHtml(names.map((n) => ({ href: `log/${n}`, name: n }))),
    };
  }

  function logFile(name: string): Reply {
    const text = logContent(engine, name);
    return text === undefined ? send400 : { status: 200, type: 'text/plain', body: text };
  }

  async function post(uri: string, req: IncomingMessage): Promise<Reply> {
    const body = await readBody(req);
    if (at(uri, '/submit-jobs')) return ok(api.submitJobs(engine, body));
    if (at(uri, '/submit-job')) return ok(api.submitJob(engine, body, submitParams(uri)));
    if (at(uri, '/stop-jobs')) return ok(api.stopJobs(engine, body));
    if (at(uri, '/stop-job')) return ok(api.stopJob(engine, body));
    if (at(uri, '/encrypt-config')) return ok(encryptConfig(requireObject(parseRequestBody(body))));
    if (at(uri, '/update-tags')) return ok(api.updateTags(engine, body));
    return hazelcastFallback(uri, 'POST');
  }

  return createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain', '');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Hazelcast writes only Content-Type and Content-Length.
    res.sendDate = false;
    const uri = req.url ?? '/';
    const method = req.method ?? 'GET';
    let reply: Reply;
    try {
      if (method === 'GET') {
        try {
          reply = get(uri);
        } catch (e) {
          // The recorded engine answers 500 for every GET failure, bad ids included.
          if (e instanceof EngineError) throw new EngineError(e.javaClass, e.message, false);
          throw e;
        }
      } else if (method === 'POST' || method === 'PUT') reply = await post(uri, req);
      else if (method === 'DELETE' && uri.startsWith(URI_MAPS)) reply = { status: 200, body: '' };
      else reply = { status: 400, body: '' };
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      reply = {
        status: e.badRequest ? 400 : 500,
        type: 'application/json',
        body: `{"status":"fail","message":${JSON.stringify(e.message)}}`,
      };
    }
    send(res, reply.status, reply.type, reply.body);
  }
}

function submitParams(uri: string): SubmitParams {
  // RestUtil.buildRequestParams does URL-decode values, unlike the overview tags.
  const q = new URLSearchParams(uri.includes('?') ? uri.slice(uri.indexOf('?') + 1) : '');
  const out: SubmitParams = {};
  const jobId = q.get('jobId');
  const jobName = q.get('jobName');
  const savepoint = q.get('isStartWithSavePoint');
  if (jobId !== null) out.jobId = jobId;
  if (jobName !== null) out.jobName = jobName;
  if (savepoint !== null) out.isStartWithSavePoint = savepoint;
  return out;
}

/** Hazelcast's IMap REST: a key is required (400), and our maps are empty (204 on GET). */
function hazelcastFallback(uri: string, method: 'GET' | 'POST'): Reply {
  if (!uri.startsWith(URI_MAPS)) return { status: 404, body: '' };
  const path = uri.split('?')[0] ?? '';
  if (path.indexOf('/', URI_MAPS.length) === -1) return method === 'GET' ? send400 : missingMapName();
  return method === 'GET' ? { status: 204, body: '' } : { status: 200, body: '' };
}

/** Hazelcast's map POST without a key, as recorded from a real node. */
function missingMapName(): Reply {
  return { status: 400, type: 'application/json', body: '{"status":"fail","message":"Missing map name"}' };
}

const localMember = (engine: DemoEngine) => {
  const m = engine.members[0];
  if (!m) throw new Error('demo engine has no members');
  return m;
};

/** Hazelcast's /hazelcast/health, handy for readiness checks. */
function health(engine: DemoEngine): Json {
  return obj([
    ['nodeState', 'ACTIVE'],
    ['clusterState', 'ACTIVE'],
    ['clusterSafe', true],
    ['migrationQueueSize', 0],
    ['clusterSize', engine.members.length],
  ]);
}
