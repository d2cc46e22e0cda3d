import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startDemoCluster } from './index.ts';

describe('startDemoCluster', () => {
  it('starts the demo Flink on a free port and closes it', async () => {
    const demo = await startDemoCluster({ flinkPort: 0 });
    const res = await fetch(`${demo.flinkUrl}/overview`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Record<string, unknown>)['flink-version']).toBe('2.2.1');
    await demo.close();
    await expect(fetch(`${demo.flinkUrl}/overview`)).rejects.toThrow();
  });

  it('CLI prints the URLs as one JSON line and stops on SIGTERM', async () => {
    const main = fileURLToPath(new URL('./main.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
    const child = spawn(
      tsx,
      [main, '--port', '0', '--seatunnel-v2-port', '0', '--seatunnel-v1-port', '0', '--no-flame-graphs'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const line = await new Promise<string>((resolve, reject) => {
      let buf = '';
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        const nl = buf.indexOf('\n');
        if (nl >= 0) resolve(buf.slice(0, nl));
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code}`)));
    });
    const urls = JSON.parse(line) as { flinkUrl: string };
    expect(urls.flinkUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${urls.flinkUrl}/jobs`);
    expect(res.status).toBe(200);
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  }, 30_000);
});
