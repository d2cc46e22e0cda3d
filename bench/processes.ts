import { resolve } from 'node:path';
import { killTree, spawnWithJsonLine } from '../e2e/support/processes.ts';

const TSX = resolve('node_modules/.bin/tsx');
const started = new Set<number>();

/** Everything this benchmark started dies with it, whatever happens. */
export function stopAll() {
  for (const pid of started) killTree(pid);
  started.clear();
}
process.on('exit', stopAll);

async function startTsx<T>(
  args: string[],
  timeoutMs = 120_000,
): Promise<{ info: T; stop: () => Promise<void> }> {
  const { child, info } = await spawnWithJsonLine<T>(TSX, args, {}, timeoutMs);
  const pid = child.pid ?? 0;
  started.add(pid);
  return {
    info,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          started.delete(pid);
          return done();
        }
        const timer = setTimeout(() => killTree(pid, 'SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          started.delete(pid);
          done();
        });
        killTree(pid);
      }),
  };
}

/** The embedded demo cluster in its own process (`scale: 'large'` for the scale figures). */
export async function startDemo(scale: 'normal' | 'large') {
  const { info, stop } = await startTsx<{ flinkUrl: string }>([
    'demo/main.ts',
    '--port',
    '0',
    '--seatunnel-v2-port',
    '0',
    '--seatunnel-v1-port',
    '0',
    '--scale',
    scale,
  ]);
  return { flinkUrl: info.flinkUrl, stop };
}

/** Our production server (dist/), forwarding `/api/<id>/…` to the given Flink clusters. */
export async function startOurServer(clusters: Record<string, string>, distDir = 'dist') {
  const config = {
    clusters: Object.entries(clusters).map(([id, url]) => ({ id, name: id, kind: 'flink', url })),
    upstreamTimeoutMs: 30_000,
  };
  const { info, stop } = await startTsx<{ url: string }>(['bench/serve.ts', JSON.stringify(config), distDir]);
  return { url: info.url, stop };
}
