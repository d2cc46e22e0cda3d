// Shared by the demo's tests: a demo Flink on a free port with a clock the test moves.
import { startFlinkDemo, type FlinkDemoOptions } from './index.ts';

export interface TestDemo {
  url: string;
  advance(ms: number): void;
  get<T = unknown>(path: string): Promise<{ status: number; body: T }>;
  send<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  jobId(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function startTestDemo(opts: FlinkDemoOptions = {}): Promise<TestDemo> {
  let t = Date.UTC(2025, 10, 22, 9, 0, 0);
  const demo = await startFlinkDemo({ now: () => t, ...opts });
  const send = async <T>(method: string, path: string, body?: unknown) => {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.body = typeof body === 'string' || body instanceof FormData ? body : JSON.stringify(body);
      if (!(body instanceof FormData)) init.headers = { 'Content-Type': 'application/json' };
    }
    const res = await fetch(demo.url + path, init);
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // text endpoints
    }
    return { status: res.status, body: parsed as T };
  };
  return {
    url: demo.url,
    advance(ms) {
      t += ms;
    },
    get: (path) => send('GET', path),
    send,
    async jobId(name) {
      const { body } = await send<{ jobs: { jid: string; name: string }[] }>('GET', '/jobs/overview');
      const job = body.jobs.find((j) => j.name === name);
      if (!job) throw new Error(`no job named ${name}`);
      return job.jid;
    },
    close: demo.close,
  };
}
