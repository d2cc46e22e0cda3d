/**
 * A real Prometheus (Debian package `prometheus`, see scripts/ensure-system-packages.sh) for the
 * metric-history tests: it scrapes the real Flink cluster's Prometheus reporter
 * (`flink-metrics-prometheus`, shipped in the distribution's plugins/metrics-prometheus).
 *
 *   const ports = await freePortRange(4);             // one reporter port per JVM (JM + TMs + spare)
 *   const flink = await startRealFlink({ config: prometheusReporterConfig(ports) });
 *   const prom = await startPrometheus(ports.map((p) => `127.0.0.1:${p}`));
 *   // prom.url → the cluster's `prometheusUrl`
 *   await prom.stop();
 *
 *   npx tsx e2e/real/prometheus.ts 127.0.0.1:9250 127.0.0.1:9251   # runs until Ctrl-C
 *
 * Each run gets a free port, a temp config and a temp data dir (removed on stop). The process
 * leads its own process group and dies with this process.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../support/processes';

export interface RealPrometheus {
  url: string;
  port: number;
  pid: number;
  dataDir: string;
  stop(): Promise<void>;
}

export interface PrometheusOptions {
  /** Seconds between scrapes (default 2: tests want history quickly). */
  scrapeIntervalS?: number;
  log?: (s: string) => void;
  /** The binary (default: `prometheus` on PATH, else /usr/bin/prometheus). */
  binary?: string;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/**
 * `count` consecutive free ports, e.g. for Flink's `metrics.reporter.prom.port: <first>-<last>`
 * (each JVM takes the first free one of the range). Free now, not reserved: pick them right before
 * starting the cluster.
 */
export async function freePortRange(count: number): Promise<number[]> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const first = 20_000 + Math.floor(Math.random() * 40_000);
    const ports = Array.from({ length: count }, (_, i) => first + i);
    const free = await Promise.all(ports.map(isFree));
    if (free.every(Boolean)) return ports;
  }
  throw new Error(`no ${count} consecutive free ports found`);
}

/** The Flink config entries that enable the Prometheus reporter on the given ports (plugin in plugins/). */
export function prometheusReporterConfig(ports: readonly number[]): Record<string, string | number> {
  return {
    'metrics.reporter.prom.factory.class': 'org.apache.flink.metrics.prometheus.PrometheusReporterFactory',
    'metrics.reporter.prom.port': `${ports[0]}-${ports[ports.length - 1]}`,
    'metrics.reporter.prom.interval': '2 s',
  };
}

export function prometheusBinary(): string {
  const which = spawnSync('bash', ['-c', 'command -v prometheus'], { encoding: 'utf8' });
  const found = which.stdout?.trim();
  if (found) return found;
  if (fs.existsSync('/usr/bin/prometheus')) return '/usr/bin/prometheus';
  throw new Error(
    'prometheus is not installed (Debian package "prometheus"; scripts/ensure-system-packages.sh installs it)',
  );
}

const live = new Set<ChildProcess>();
let hooks = false;
function installHooks() {
  if (hooks) return;
  hooks = true;
  process.on('exit', () => {
    for (const child of live) {
      try {
        process.kill(-(child.pid ?? 0), 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  });
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number, output: () => string) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prometheus exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until)
      throw new Error(`prometheus did not become ready within ${timeoutMs} ms:\n${output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function startPrometheus(
  targets: string[],
  opts: PrometheusOptions = {},
): Promise<RealPrometheus> {
  const log = opts.log ?? ((s: string) => process.stderr.write(`[prometheus] ${s}\n`));
  const binary = opts.binary ?? prometheusBinary();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streamdash-prometheus-'));
  const dataDir = path.join(dir, 'data');
  fs.mkdirSync(dataDir);
  const interval = `${opts.scrapeIntervalS ?? 2}s`;
  const config = [
    'global:',
    `  scrape_interval: ${interval}`,
    `  evaluation_interval: ${interval}`,
    'scrape_configs:',
    '  - job_name: flink',
    `    scrape_timeout: ${interval}`,
    '    static_configs:',
    `      - targets: ${JSON.stringify(targets)}`,
    '',
  ].join('\n');
  const configFile = path.join(dir, 'prometheus.yml');
  fs.writeFileSync(configFile, config);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    binary,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${dataDir}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--storage.tsdb.retention.time=2h',
      '--log.level=warn',
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  live.add(child);
  installHooks();
  let output = '';
  const collect = (d: Buffer) => {
    output = (output + d.toString()).slice(-8000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  try {
    await waitReady(url, child, 60_000, () => output);
  } catch (e) {
    await stopChild(child);
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  log(`up at ${url} (pid ${child.pid}), scraping ${targets.join(', ')} every ${interval}`);
  let stopped = false;
  return {
    url,
    port,
    pid: child.pid ?? 0,
    dataDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopChild(child);
      live.delete(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid ?? 0), s);
    } catch {
      /* gone */
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

// CLI: a Prometheus scraping the given targets until Ctrl-C.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const targets = process.argv.slice(2);
  if (targets.length === 0) {
    console.error('usage: npx tsx e2e/real/prometheus.ts <host:port>...');
    process.exit(2);
  }
  const prom = await startPrometheus(targets, { log: console.log });
  console.log(JSON.stringify({ url: prom.url }));
  for (const sig of ['SIGINT', 'SIGTERM'] as const)
    process.once(sig, () => void prom.stop().then(() => process.exit(0)));
}
