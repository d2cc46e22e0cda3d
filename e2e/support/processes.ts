import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts a node/tsx process and resolves with its first stdout line that parses as JSON. */
export async function spawnWithJsonLine<T>(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 60_000,
): Promise<{ child: ChildProcess; info: T }> {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const info = await new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${args.join(' ')} did not start: ${err.slice(-2000)}`)),
      timeoutMs,
    );
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      for (const line of out.split('\n')) {
        if (!line.trim().startsWith('{')) continue;
        try {
          const parsed = JSON.parse(line) as T;
          clearTimeout(timer);
          resolve(parsed);
          return;
        } catch {
          // not complete yet
        }
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`${args.join(' ')} exited with ${code}: ${err.slice(-2000)}`)),
    );
  });
  child.stdout?.resume();
  return { child, info };
}

/** Polls `probe` until it gives a value (a throw counts as "not yet"); fails after `timeoutMs`. */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 180_000,
  everyMs = 250,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export interface DashboardServer {
  url: string;
  pid: number | undefined;
  /** Resolves when the process has exited (after killTree(pid)). */
  exited: Promise<void>;
}

/**
 * A dashboard server of a spec's own (server/main.ts, detached: stop it with killTree(pid)), with
 * `config` written to `dir`/dashboard.config.json; on `port`, or a free one. No cluster from the
 * environment and no DASHBOARD_BASIC_AUTH: only what `config` names.
 */
export async function startDashboardServer(
  config: object,
  dir: string,
  port?: number,
): Promise<DashboardServer> {
  const file = join(dir, 'dashboard.config.json');
  writeFileSync(file, JSON.stringify(config));
  const listenOn = port ?? (await freePort());
  const child = spawn(resolve('node_modules/.bin/tsx'), ['server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(listenOn),
      DASHBOARD_CONFIG: file,
      FLINK_URL: '',
      SEATUNNEL_URL: '',
      DASHBOARD_BASIC_AUTH: '',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${listenOn}`;
  await waitForHttp(`${url}/api/clusters`);
  return { url, pid: child.pid, exited };
}

/** Waits until `url` answers with a status below 500. */
export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`${url} did not come up within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function killTree(pid: number | undefined, signal: NodeJS.Signals = 'SIGTERM') {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}
