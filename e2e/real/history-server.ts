import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort } from '../support/processes';
import { findJavaHome, isAlive, type RealFlink } from './flink-cluster';

/**
 * A real Flink History Server (bin/historyserver.sh of the same distribution), reading the
 * archive directory its cluster writes to (`jobmanager.archive.fs.dir`). Started on a free port
 * and stopped by the pid flink-daemon.sh recorded.
 */
export interface RealHistoryServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** The cluster-side half: where the JobManager archives finished jobs. Pass to startRealFlink's config. */
export async function archiveConfig(workDir: string, refreshMs = 1000) {
  const archiveDir = path.join(workDir, 'archive');
  fs.mkdirSync(archiveDir, { recursive: true });
  const port = await freePort();
  return {
    port,
    archiveDir,
    config: {
      'jobmanager.archive.fs.dir': pathToFileURL(archiveDir).href,
      'historyserver.archive.fs.dir': pathToFileURL(archiveDir).href,
      'historyserver.archive.fs.refresh-interval': `${refreshMs} ms`,
      'historyserver.web.address': '127.0.0.1',
      'historyserver.web.port': port,
      'historyserver.web.tmpdir': path.join(workDir, 'history-web'),
    },
  };
}

export async function startHistoryServer(flink: RealFlink, port: number): Promise<RealHistoryServer> {
  const javaHome = findJavaHome();
  const pidDir = path.join(flink.workDir, 'pid');
  const pidFile = path.join(pidDir, 'flink-streamdash-historyserver.pid');
  const env = {
    ...process.env,
    JAVA_HOME: javaHome,
    PATH: `${path.join(javaHome, 'bin')}:${process.env.PATH ?? ''}`,
    FLINK_CONF_DIR: path.join(flink.workDir, 'conf'),
    FLINK_LOG_DIR: path.join(flink.workDir, 'log'),
    FLINK_PID_DIR: pidDir,
    FLINK_IDENT_STRING: 'streamdash',
  };
  await new Promise<void>((resolve, reject) => {
    const child = spawn('bash', [path.join(flink.flinkHome, 'bin', 'historyserver.sh'), 'start'], {
      env,
      cwd: flink.workDir,
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`historyserver.sh start exited with ${code}`)),
    );
  });
  const pid = Number(fs.readFileSync(pidFile, 'utf8').trim().split('\n').pop());
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 120_000;
  for (;;) {
    if (!isAlive(pid)) throw new Error(`history server ${pid} exited (logs: ${flink.workDir}/log)`);
    const ok = await fetch(`${url}/config`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > until) throw new Error('history server did not answer within 120 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    pid,
    async stop() {
      if (!isAlive(pid)) return;
      process.kill(pid, 'SIGTERM');
      const end = Date.now() + 10_000;
      while (isAlive(pid) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
      if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    },
  };
}
