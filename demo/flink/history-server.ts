// The demo's Flink History Server. The real one (flink-runtime-web's HistoryServer) serves the
// JSON files a JobManager archived when a job reached a globally terminal state, and nothing else:
// no cluster overview, task managers, metrics, back-pressure or flame graphs. This one serves the
// same paths, answered by the demo JobManager for its ended jobs only.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const JOB = '[0-9a-f]{32}';
/** Every file the real 2.2.1 archive holds per job (recorded: docs/real-flink-notes.md). */
const ARCHIVED_JOB_PATHS = [
  new RegExp(`^/jobs/${JOB}$`),
  new RegExp(
    `^/jobs/${JOB}/(plan|config|exceptions|accumulators|checkpoints|checkpoints/config|jobmanager/config|jobmanager/environment)$`,
  ),
  new RegExp(`^/jobs/${JOB}/checkpoints/details/\\d+(/subtasks/${JOB})?$`),
  new RegExp(
    `^/jobs/${JOB}/vertices/${JOB}(/subtasktimes|/taskmanagers|/subtasks/\\d+/attempts/\\d+(/accumulators)?)?$`,
  ),
];
const ENDED = new Set(['FINISHED', 'CANCELED', 'FAILED']);

interface JobRow {
  jid: string;
  state: string;
}

export interface DemoHistoryServer {
  url: string;
  close(): Promise<void>;
}

/** The real History Server's answer to any path it holds no file for. */
const NOT_FOUND = { status: 404, body: { errors: ['File not found.'] } };

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as unknown };
}

/** What the History Server answers for `path`, asking the demo JobManager at `jobManagerUrl`. */
export async function archivedAnswer(
  jobManagerUrl: string,
  path: string,
): Promise<{ status: number; body: unknown }> {
  if (path === '/config') {
    const { body } = await getJson(`${jobManagerUrl}/config`);
    const c = body as Record<string, unknown>;
    return {
      status: 200,
      body: {
        'refresh-interval': 10000,
        'timezone-name': c['timezone-name'],
        'timezone-offset': c['timezone-offset'],
        'flink-version': c['flink-version'],
        'flink-revision': c['flink-revision'],
        features: { 'web-submit': false, 'web-cancel': false, 'web-rescale': false, 'web-history': true },
      },
    };
  }
  if (path === '/jobs/overview') {
    const { body } = await getJson(`${jobManagerUrl}/jobs/overview`);
    const jobs = (body as { jobs: JobRow[] }).jobs.filter((j) => ENDED.has(j.state));
    return { status: 200, body: { jobs } };
  }
  if (!ARCHIVED_JOB_PATHS.some((p) => p.test(path))) return NOT_FOUND;
  const jid = path.split('/')[2] ?? '';
  const job = await getJson(`${jobManagerUrl}/jobs/${jid}`);
  if (job.status !== 200 || !ENDED.has((job.body as JobRow).state)) return NOT_FOUND;
  const answer = await getJson(`${jobManagerUrl}${path}`);
  return answer.status === 200 ? answer : NOT_FOUND;
}

export async function startDemoHistoryServer(
  jobManagerUrl: string,
  host = '127.0.0.1',
  port = 0,
): Promise<DemoHistoryServer> {
  const send = (res: ServerResponse, a: { status: number; body: unknown }) => {
    res.writeHead(a.status, {
      'Content-Type': a.status === 200 ? 'application/json' : 'application/json; charset=UTF-8',
    });
    res.end(JSON.stringify(a.body));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // A static file server: the query string selects nothing.
    const path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/^\/v1\//, '/');
    try {
      send(res, req.method === 'GET' ? await archivedAnswer(jobManagerUrl, path) : NOT_FOUND);
    } catch {
      send(res, NOT_FOUND);
    }
  };
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${bound}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
