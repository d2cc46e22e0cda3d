/**
 * A real Apache ZooKeeper (Debian's `zookeeper` package: /usr/share/java/zookeeper.jar, whose
 * manifest names its dependencies in /usr/share/java) for Flink's high-availability tests. No
 * system service is used: each start gets its own temp dataDir and zoo.cfg, a free loopback port,
 * and is stopped by the pid recorded at start.
 *
 *   npx tsx e2e/real/zookeeper.ts       # start, check with a client request, stop
 *
 * Readiness is checked the way a client sees it (four-letter words such as `ruok` are off by
 * default since 3.5): a session handshake and a getChildren("/") over ZooKeeper's wire protocol.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../support/processes';
import { findJavaHome, isAlive } from './flink-cluster';

export const ZOOKEEPER_JAR = process.env.ZOOKEEPER_JAR ?? '/usr/share/java/zookeeper.jar';
/** A logging binding for ZooKeeper's slf4j (its own log4j config is not needed: logs go to a file). */
const SLF4J_BINDING = '/usr/share/java/slf4j-simple.jar';

export interface RealZooKeeper {
  /** `127.0.0.1:port`, as `high-availability.zookeeper.quorum` wants it. */
  quorum: string;
  port: number;
  pid: number;
  dataDir: string;
  stop(): Promise<void>;
}

type Log = (s: string) => void;
const defaultLog: Log = (s) => process.stderr.write(`[zookeeper] ${s}\n`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function int32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
}

function frame(...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([int32(body.length), body]);
}

/**
 * One client round trip: ConnectRequest, getChildren("/") (op 8), closeSession (op -11).
 * Resolves with the children of the root; rejects when the server does not serve requests.
 */
export function zkListRoot(port: number, timeoutMs = 3000): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let buf = Buffer.alloc(0);
    let step: 'connect' | 'children' | 'done' = 'connect';
    const fail = (e: Error) => {
      socket.destroy();
      reject(e);
    };
    socket.setTimeout(timeoutMs, () => fail(new Error('zookeeper did not answer in time')));
    socket.on('error', fail);
    socket.on('close', () => {
      if (step !== 'done') reject(new Error(`zookeeper closed the connection during ${step}`));
    });
    socket.on('connect', () => {
      // protocolVersion, lastZxidSeen, timeOut, sessionId, passwd (16 zero bytes), readOnly
      socket.write(
        frame(
          int32(0),
          Buffer.alloc(8),
          int32(4000),
          Buffer.alloc(8),
          int32(16),
          Buffer.alloc(16),
          Buffer.from([0]),
        ),
      );
    });
    socket.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      while (buf.length >= 4 && buf.length >= 4 + buf.readInt32BE(0)) {
        const len = buf.readInt32BE(0);
        const msg = buf.subarray(4, 4 + len);
        buf = buf.subarray(4 + len);
        if (step === 'connect') {
          // protocolVersion, timeOut, sessionId…: a session id of 0 means refused
          if (msg.length < 16 || msg.readBigInt64BE(8) === 0n) return fail(new Error('session refused'));
          step = 'children';
          const p = Buffer.from('/');
          socket.write(frame(int32(1), int32(8), int32(p.length), p, Buffer.from([0])));
        } else if (step === 'children') {
          // ReplyHeader: xid, zxid, err; then vector<ustring>
          const err = msg.readInt32BE(12);
          if (err !== 0) return fail(new Error(`getChildren("/") answered error ${err}`));
          const n = msg.readInt32BE(16);
          const children: string[] = [];
          let at = 20;
          for (let i = 0; i < n; i++) {
            const l = msg.readInt32BE(at);
            children.push(msg.subarray(at + 4, at + 4 + l).toString('utf8'));
            at += 4 + l;
          }
          step = 'done';
          socket.end(frame(int32(2), int32(-11)));
          resolve(children);
        }
      }
    });
  });
}

export async function startZooKeeper(opts: { log?: Log } = {}): Promise<RealZooKeeper> {
  const log = opts.log ?? defaultLog;
  const t0 = Date.now();
  if (!fs.existsSync(ZOOKEEPER_JAR)) {
    throw new Error(
      `${ZOOKEEPER_JAR} missing: install Debian's zookeeper package (apt-get install zookeeper)`,
    );
  }
  const javaHome = findJavaHome();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streamdash-zookeeper-'));
  const dataDir = path.join(dir, 'data');
  fs.mkdirSync(dataDir);
  const port = await freePort();
  const cfg = path.join(dir, 'zoo.cfg');
  fs.writeFileSync(
    cfg,
    [
      'tickTime=500',
      `dataDir=${dataDir}`,
      `clientPort=${port}`,
      'clientPortAddress=127.0.0.1',
      'maxClientCnxns=0',
      // the AdminServer (Jetty on 8080 by default) would collide with other checkouts
      'admin.enableServer=false',
      // a test server: no snapshot retention tuning, no fsync wait on a loaded machine
      'forceSync=no',
      '',
    ].join('\n'),
  );
  const classpath = [ZOOKEEPER_JAR, ...(fs.existsSync(SLF4J_BINDING) ? [SLF4J_BINDING] : [])].join(':');
  const out = fs.openSync(path.join(dir, 'zookeeper.log'), 'a');
  const child = spawn(
    path.join(javaHome, 'bin', 'java'),
    ['-Xmx128m', '-cp', classpath, 'org.apache.zookeeper.server.quorum.QuorumPeerMain', cfg],
    { detached: true, stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);
  child.unref();
  const pid = child.pid ?? 0;
  fs.writeFileSync(path.join(dir, 'zookeeper.pid'), `${pid}\n`);
  const logTail = () =>
    fs.readFileSync(path.join(dir, 'zookeeper.log'), 'utf8').split('\n').slice(-30).join('\n');

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', onExit);
    if (isAlive(pid)) {
      process.kill(pid, 'SIGTERM');
      const end = Date.now() + 10_000;
      while (isAlive(pid) && Date.now() < end) await sleep(100);
      if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    }
    fs.rmSync(dir, { recursive: true, force: true });
    log(`stopped pid ${pid}`);
  };
  const onExit = () => {
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  };
  process.on('exit', onExit);

  const end = Date.now() + 60_000;
  let lastErr: unknown;
  for (;;) {
    if (!isAlive(pid)) {
      const tail = logTail();
      await stop();
      throw new Error(`zookeeper exited:\n${tail}`);
    }
    try {
      await zkListRoot(port);
      break;
    } catch (e) {
      lastErr = e;
    }
    if (Date.now() > end) {
      const tail = logTail();
      await stop();
      throw new Error(`zookeeper not serving after 60 s (${String(lastErr)}):\n${tail}`);
    }
    await sleep(250);
  }
  log(`pid ${pid} serving at 127.0.0.1:${port} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { quorum: `127.0.0.1:${port}`, port, pid, dataDir, stop };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void (async () => {
    const zk = await startZooKeeper();
    try {
      process.stdout.write(
        `${JSON.stringify({ quorum: zk.quorum, pid: zk.pid, root: await zkListRoot(zk.port) })}\n`,
      );
    } finally {
      await zk.stop();
    }
  })().catch((e: unknown) => {
    process.stderr.write(`${String(e)}\n`);
    process.exit(1);
  });
}
