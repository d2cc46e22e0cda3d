import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer } from 'node:net';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * `npm run serve` told to stop (SIGTERM from systemd, Ctrl-C) while a browser holds a connection
 * with a request still open: it used to wait for Node's 5-minute request timeout.
 */
async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  return port;
}

describe('npm run serve', () => {
  it('stops within seconds of SIGTERM although a connection holds an unfinished request', async () => {
    const port = await freePort();
    const child = spawn(resolve('node_modules/.bin/tsx'), ['server/main.ts'], {
      env: { ...process.env, PORT: String(port), FLINK_URL: 'http://127.0.0.1:9', SEATUNNEL_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      await new Promise<void>((done, fail) => {
        child.stdout.on('data', (b: Buffer) => {
          out += b.toString();
          if (out.includes('serving on')) done();
        });
        child.once('exit', (code) => fail(new Error(`server exited (${code}): ${out}`)));
      });
      const socket = connect(port, '127.0.0.1');
      await once(socket, 'connect');
      socket.write('GET /api/dashboard/settings HTTP/1.1\r\nHost: 127.0.0.1\r\n'); // no blank line: unfinished
      const exited = once(child, 'exit').then(() => 'stopped');
      child.kill('SIGTERM');
      const held = new Promise((r) => setTimeout(() => r('still running after 15 s'), 15_000).unref());
      expect(await Promise.race([exited, held])).toBe('stopped');
      socket.destroy();
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});
