import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HttpError } from '../errors';
import { flink } from './client';
import type {
  CheckpointRequest,
  JarRunRequest,
  ProfilingRequest,
  SavepointRequest,
  StopWithSavepointRequest,
} from './client';
import type { ResourceRequirements } from './schemas';

/*
 * Replays the recorded real mutations: our client must send what the real cluster accepted
 * (method, URL, body) and must read the real answer (success or typed error).
 */
const DIR = join(process.cwd(), 'e2e/fixtures/flink/2.2');
const C = 'real';

interface Exchange {
  request: { method: string; template: string; url: string; body: unknown };
  response: { status: number; body: unknown };
}
interface Entry {
  file: string;
  template: string;
  method: string;
}

const index = existsSync(join(DIR, '_index.json'))
  ? (JSON.parse(readFileSync(join(DIR, '_index.json'), 'utf8')) as { mutations?: Entry[] })
  : {};
const mutations = (index.mutations ?? []).map((e) => ({
  file: e.file,
  ex: JSON.parse(readFileSync(join(DIR, e.file), 'utf8')) as Exchange,
}));

function paramsOf(template: string, url: string): { p: Record<string, string>; q: URLSearchParams } {
  const [path = '', search = ''] = url.split('?');
  const names: string[] = [];
  const re = new RegExp(`^${template.replace(/:([a-z]+)/g, (_, n: string) => (names.push(n), '([^/]+)'))}$`);
  const m = re.exec(path);
  if (!m) throw new Error(`${url} does not match ${template}`);
  return {
    p: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? '')])),
    q: new URLSearchParams(search),
  };
}

type Body = Record<string, unknown>;
/** How our client makes each recorded mutation. */
const replay: Record<
  string,
  (p: Record<string, string>, q: URLSearchParams, body: Body) => Promise<unknown>
> = {
  'DELETE /cluster': () => flink.shutdownCluster(C),
  'PATCH /jobs/:jobid': (p) => flink.cancelJob(C, p.jobid!),
  'PATCH /jobs/:jobid/rescaling': (p, q) => flink.rescaleJob(C, p.jobid!, Number(q.get('parallelism'))),
  'PUT /jobs/:jobid/resource-requirements': (p, _q, b) =>
    flink.setResourceRequirements(C, p.jobid!, b as ResourceRequirements),
  'DELETE /datasets/:datasetid': (p) => flink.deleteDataSet(C, p.datasetid!),
  'POST /jars/:jarid/plan': (p, _q, b) => flink.planJar(C, p.jarid!, b),
  'POST /jars/:jarid/run': (p, _q, b) => flink.runJar(C, p.jarid!, b as JarRunRequest),
  'DELETE /jars/:jarid': (p) => flink.deleteJar(C, p.jarid!),
  'POST /jars/upload': (_p, _q, b) =>
    flink.uploadJar(C, new Blob(['PK']), (b.multipart as { filename: string }).filename),
  'POST /jobmanager/profiler': (_p, _q, b) =>
    flink.triggerJobManagerProfiling(C, b as unknown as ProfilingRequest),
  'POST /taskmanagers/:taskmanagerid/profiler': (p, _q, b) =>
    flink.triggerTaskManagerProfiling(C, p.taskmanagerid!, b as unknown as ProfilingRequest),
  'POST /jobs/:jobid/checkpoints': (p, _q, b) =>
    flink.triggerCheckpoint(C, p.jobid!, b as unknown as CheckpointRequest),
  'POST /jobs/:jobid/savepoints': (p, _q, b) =>
    flink.triggerSavepoint(C, p.jobid!, b as unknown as SavepointRequest),
  'POST /jobs/:jobid/stop': (p, _q, b) =>
    flink.stopJob(C, p.jobid!, b as unknown as StopWithSavepointRequest),
  'PATCH /jobs/:jobid/clientHeartbeat': (p, _q, b) =>
    flink.sendClientHeartbeat(C, p.jobid!, b.expiredTimestamp as number),
  'POST /savepoint-disposal': (_p, _q, b) => flink.disposeSavepoint(C, b['savepoint-path'] as string),
};

afterEach(() => vi.unstubAllGlobals());

describe.skipIf(mutations.length === 0)('recorded real mutations', () => {
  it.each(mutations)('$file: same request, answer understood', async ({ file, ex }) => {
    const endpoint = `${ex.request.method} ${ex.request.template}`;
    const { p, q } = paramsOf(ex.request.template, ex.request.url);
    // `mode=stop` was removed from Flink (the cluster answers 308); we only ever send cancel.
    if (q.get('mode') === 'stop') return;
    const make = replay[endpoint];
    expect(make, `no client function replays ${endpoint} (${file})`).toBeDefined();
    let sent: { url: string; init: RequestInit } | undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        sent = { url, init };
        return new Response(JSON.stringify(ex.response.body), { status: ex.response.status });
      }),
    );
    const outcome = await make!(p, q, (ex.request.body ?? {}) as Body).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );

    expect(sent!.init.method ?? 'GET').toBe(ex.request.method);
    expect(decodeURIComponent(sent!.url)).toBe(`/api/${C}${ex.request.url}`);
    if (ex.request.template === '/jars/upload') {
      const part = (sent!.init.body as FormData).get('jarfile') as File;
      expect(part.type).toBe('application/x-java-archive');
    } else if (ex.request.body !== null) {
      expect(JSON.parse(String(sent!.init.body))).toEqual(ex.request.body);
    } else {
      expect(sent!.init.body).toBeUndefined();
    }

    if (ex.response.status >= 200 && ex.response.status < 300) {
      expect(outcome.ok, String(!outcome.ok && outcome.error)).toBe(true);
    } else {
      expect(outcome.ok).toBe(false);
      const error = !outcome.ok ? outcome.error : undefined;
      expect(error).toBeInstanceOf(HttpError);
      expect((error as HttpError).status).toBe(ex.response.status);
      expect((error as HttpError).endpoint).toBe(endpoint);
    }
  });
});
