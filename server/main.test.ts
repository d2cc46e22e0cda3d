import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { killTree, startDashboardServer } from '../e2e/support/processes';

/*
 * `npm run serve` told to stop (SIGTERM from systemd, Ctrl-C) while a browser holds a connection
 * with a request still open: it used to wait for Node's 5-minute request timeout.
 */
describe('npm run serve', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('stops within seconds of SIGTERM although a connection holds an unfinished request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'streamdash-stop-'));
    // The unit tests run before the build (and on a clean clone there is no dist/): serve a stand-in.
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>streamdash</title>');
    vi.stubEnv('DASHBOARD_DIST', join(dir, 'dist'));
    const server = await startDashboardServer(
      { clusters: [{ id: 'nowhere', kind: 'flink', url: 'http://127.0.0.1:9' }] },
      dir,
    );
    let stopped = false;
    void server.exited.then(() => (stopped = true));
    try {
      const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
      await once(socket, 'connect');
      socket.write('GET /api/clusters HTTP/1.1\r\nHost: 127.0.0.1\r\n'); // no blank line: unfinished
      killTree(server.pid, 'SIGTERM');
      const held = new Promise((r) => setTimeout(() => r('still running after 15 s'), 15_000).unref());
      expect(await Promise.race([server.exited.then(() => 'stopped'), held])).toBe('stopped');
      socket.destroy();
    } finally {
      if (!stopped) killTree(server.pid, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
