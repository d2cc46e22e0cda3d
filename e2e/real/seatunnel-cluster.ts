/**
 * A real Apache SeaTunnel Zeta engine node (single node, master + worker) for end-to-end tests and
 * fixture recording, of any of SEATUNNEL_VERSIONS (2.3.13: REST v2 and v1; 2.3.8: v1 only).
 *
 *   npx tsx e2e/real/seatunnel-cluster.ts start [version]   # start a node, leave it running
 *   npx tsx e2e/real/seatunnel-cluster.ts stop [version]    # stop the node `start` started
 *   npx tsx e2e/real/seatunnel-cluster.ts record [version]  # start, run jobs, record fixtures, stop
 *   npx tsx e2e/real/seatunnel-cluster.ts assemble [version]
 *
 * The version defaults to STREAMDASH_SEATUNNEL_VERSION, else the newest. Each version is
 * assembled once from Maven Central (no binary distribution is reachable here; see recipe())
 * into .cache/seatunnel/<version>/ and reused. Every run gets its own SEATUNNEL_HOME in a temp dir
 * (config/, logs/, connectors/ with plugin-mapping.properties, lib -> cache) with free ports and a
 * unique cluster name, so parallel runs do not collide. 2.3.13's REST v2 (Jetty) has no host
 * setting and listens on all interfaces: its port is free-chosen and we only call it on loopback.
 * Only JVMs this module started are ever stopped, by their recorded pid.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort } from '../support/processes';

export interface RealSeaTunnel {
  /** Base URL of the Jetty REST API v2 (no trailing slash). Only served when hasRestV2. */
  v2Url: string;
  /** Base URL of the Hazelcast REST API v1: http://127.0.0.1:<port>/hazelcast/rest/maps */
  v1Url: string;
  /** SEATUNNEL_HOME of this node (per run). */
  home: string;
  /** Per-run work dir (home, logs, checkpoints, stdout). Removed by stop() unless kept. */
  workDir: string;
  /** SeaTunnel version running. */
  version: string;
  /** Whether this engine version serves the REST API v2 (Jetty, SeaTunnel >= 2.3.9). */
  hasRestV2: boolean;
  /** Hazelcast member port (also the v1 REST port). */
  hazelcastPort: number;
  /** Configured REST v2 port. */
  httpPort: number;
  clusterName: string;
  /** Pid of the JVM (0 when not running). */
  pid(): number;
  /** Graceful stop (SIGTERM, then SIGKILL after a grace period); removes the work dir. */
  stop(): Promise<void>;
  /** SIGKILL the JVM (a crash); keeps the work dir so restart() can bring it back. */
  kill(): Promise<void>;
  /** Stop (or after kill: just start) the JVM again with the same home, ports and cluster name. */
  restart(): Promise<void>;
}

export interface StartOptions {
  /** One of SEATUNNEL_VERSIONS (default: STREAMDASH_SEATUNNEL_VERSION, else the newest). */
  version?: string;
  log?: (s: string) => void;
  /** Leave the JVM running when this process exits (the `start` CLI command). */
  detach?: boolean;
  /** Keep the work dir after stop(). Also STREAMDASH_SEATUNNEL_KEEP=1. */
  keepWorkDir?: boolean;
  /** Context path for REST v2, e.g. '/seatunnel' (default none). */
  contextPath?: string;
  /** Startup timeout in ms (default 240 s: 2.3.13 took 115 s to open its REST port at load 100). */
  timeoutMs?: number;
}

/** The versions the suite runs, newest first: 2.3.13 speaks REST v2 (and v1), 2.3.8 only v1. */
export const SEATUNNEL_VERSIONS = ['2.3.13', '2.3.8'] as const;
export type SeaTunnelVersion = (typeof SEATUNNEL_VERSIONS)[number];
export const NEWEST_SEATUNNEL: SeaTunnelVersion = SEATUNNEL_VERSIONS[0];
/** The newest FakeSource / Console connectors on Maven Central, and the API they were built on. */
const CONNECTOR_VERSION = '2.3.8';
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE_DIR = path.join(REPO_ROOT, '.cache', 'seatunnel');
const GROUP = 'org.apache.seatunnel';
/** Marker system property on every JVM we start (shows which work dir a JVM belongs to in `ps`). */
const MARKER_PROP = 'streamdash.seatunnel.workdir';
const CONNECTORS = ['connector-fake', 'connector-console'] as const;

/** State of the node `start` left running: per checkout (the cache may be shared) and version. */
const stateFile = (version: string) => path.join(REPO_ROOT, '.cache', `seatunnel-node-${version}.json`);

type Log = (s: string) => void;
const defaultLog: Log = (s) => process.stderr.write(`[seatunnel] ${s}\n`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Distribution (Maven Central -> .cache/seatunnel/<version>)

/**
 * How a version is put together from Maven Central (no binary distribution is reachable here).
 * - 2.3.8: the engine modules with their runtime dependencies (`withDeps`, into `lib/`).
 * - 2.3.9+: engine-server and friends are published only inside the shaded `seatunnel-starter`
 *   jar (70 MB: engine, Jetty REST v2, Hazelcast, checkpoint and IMap storage, log4j2), whose
 *   parent pom is not published, so it is copied as a file. Hadoop is left out of that jar and its
 *   uber jar stops at 2.3.8; so do the FakeSource / Console connectors, which need the
 *   seatunnel-api 2.3.8 classes that later versions moved (e.g. `TableSchemaOptions`): those go
 *   to `compat/`, on the class path after `lib/`.
 */
interface Recipe {
  mainClass: string;
  /** artifactIds (of the version) copied with their runtime dependencies into lib/. */
  withDeps: string[];
  /** Single jars (groupId org.apache.seatunnel) copied without dependencies into a folder. */
  files: { dir: 'lib' | 'compat' | 'connectors'; artifactId: string; version: string; classifier?: string }[];
}

const connectorFiles = CONNECTORS.map((artifactId) => ({
  dir: 'connectors' as const,
  artifactId,
  version: CONNECTOR_VERSION,
}));
/** Its pom lists the whole Hadoop client (about 60 jars): the jar alone is enough. */
const hadoopUber = (version: string) => ({
  dir: 'lib' as const,
  artifactId: 'seatunnel-hadoop3-3.1.4-uber',
  version,
  classifier: 'optional',
});

function recipe(version: string): Recipe {
  if (version === '2.3.8') {
    return {
      mainClass: 'org.apache.seatunnel.engine.server.SeaTunnelServerStarter',
      withDeps: [
        'seatunnel-engine-server',
        'seatunnel-core-starter',
        'checkpoint-storage-local-file',
        'seatunnel-transforms-v2',
      ],
      files: [hadoopUber(version), ...connectorFiles],
    };
  }
  return {
    mainClass: 'org.apache.seatunnel.core.starter.seatunnel.SeaTunnelServer',
    withDeps: [],
    files: [
      { dir: 'lib', artifactId: 'seatunnel-starter', version },
      hadoopUber(CONNECTOR_VERSION),
      { dir: 'compat', artifactId: 'seatunnel-api', version: CONNECTOR_VERSION },
      ...connectorFiles,
    ],
  };
}

interface Distribution {
  version: string;
  dir: string;
  /** Class path entries in order (directory wildcards). */
  classPath: string[];
  connectorsDir: string;
  mainClass: string;
  hasRestV2: boolean;
}

interface DistStamp {
  version: string;
  hasRestV2: boolean;
  assembledAt: string;
  assembleSeconds: number;
  libJars: number;
}

const stampPath = (dir: string) => path.join(dir, '.streamdash-complete.json');

function readDist(version: string): Distribution | undefined {
  const dir = path.join(CACHE_DIR, version);
  try {
    const stamp = JSON.parse(fs.readFileSync(stampPath(dir), 'utf8')) as DistStamp;
    const compat = path.join(dir, 'compat');
    return {
      version,
      dir,
      classPath: [path.join(dir, 'lib'), ...(fs.existsSync(compat) ? [compat] : [])],
      connectorsDir: path.join(dir, 'connectors'),
      mainClass: recipe(version).mainClass,
      hasRestV2: stamp.hasRestV2,
    };
  } catch {
    return undefined;
  }
}

/** A pom whose dependencies are `r.withDeps` and whose dependency:copy items are `r.files`. */
function pom(version: string, r: Recipe): string {
  const deps = r.withDeps.map(
    (a) =>
      `    <dependency><groupId>${GROUP}</groupId><artifactId>${a}</artifactId><version>${version}</version></dependency>`,
  );
  const items = r.files.map(
    (f) =>
      `          <artifactItem><groupId>${GROUP}</groupId><artifactId>${f.artifactId}</artifactId>` +
      `<version>${f.version}</version>${f.classifier ? `<classifier>${f.classifier}</classifier>` : ''}` +
      `<outputDirectory>${f.dir}</outputDirectory></artifactItem>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by e2e/real/seatunnel-cluster.ts: the runtime of a SeaTunnel Zeta node (what the
     binary distribution has in starter/ + lib/ + connectors/). -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>streamdash.e2e</groupId>
  <artifactId>seatunnel-runtime</artifactId>
  <version>${version}</version>
  <packaging>pom</packaging>
  <dependencies>
${deps.join('\n')}
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <artifactId>maven-dependency-plugin</artifactId>
        <configuration>
          <artifactItems>
${items.join('\n')}
          </artifactItems>
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
`;
}

function run(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) {
    const out = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal}):\n${out}`);
  }
  return r.stdout;
}

async function assemble(version: string, log: Log): Promise<Distribution> {
  const t0 = Date.now();
  const dir = path.join(CACHE_DIR, version);
  const tmp = `${dir}.tmp-${process.pid}`;
  const r = recipe(version);
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  try {
    log(`assembling SeaTunnel ${version} from Maven Central into ${path.relative(REPO_ROOT, dir)} ...`);
    fs.writeFileSync(path.join(tmp, 'pom.xml'), pom(version, r));
    const mvn = ['-B', '-q', '-f', 'pom.xml'];
    if (r.withDeps.length) {
      const out = ['-DincludeScope=runtime', '-DoutputDirectory=lib'];
      run('mvn', [...mvn, 'dependency:copy-dependencies', ...out], tmp);
    }
    run('mvn', [...mvn, 'dependency:copy'], tmp);
    const libJars = fs.readdirSync(path.join(tmp, 'lib')).filter((f) => f.endsWith('.jar'));
    const serverJar = libJars.find((f) => /^seatunnel-(engine-server|starter)-/.test(f));
    if (!serverJar) throw new Error('neither seatunnel-engine-server nor seatunnel-starter jar after mvn');
    const listing = run('jar', ['tf', path.join('lib', serverJar)], tmp);
    const hasRestV2 = listing.includes('org/apache/seatunnel/engine/server/JettyService.class');
    const stamp: DistStamp = {
      version,
      hasRestV2,
      assembledAt: new Date().toISOString(),
      assembleSeconds: (Date.now() - t0) / 1000,
      libJars: libJars.length,
    };
    fs.writeFileSync(stampPath(tmp), `${JSON.stringify(stamp, null, 2)}\n`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(tmp, dir);
    log(
      `assembled SeaTunnel ${version} (${libJars.length} jars, REST v2: ${hasRestV2}) in ${stamp.assembleSeconds}s`,
    );
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  const dist = readDist(version);
  if (!dist) throw new Error(`assembly of ${version} left no stamp`);
  return dist;
}

/** The distribution of `version`: the cached one (no network), else assembled once. */
export async function ensureDistribution(
  version: string = defaultVersion(),
  log: Log = defaultLog,
): Promise<Distribution> {
  return readDist(version) ?? assemble(version, log);
}

/** STREAMDASH_SEATUNNEL_VERSION, else the newest. */
function defaultVersion(): string {
  return process.env.STREAMDASH_SEATUNNEL_VERSION ?? NEWEST_SEATUNNEL;
}

// ---------------------------------------------------------------------------------------------
// Per-run home

interface HomeLayout {
  workDir: string;
  home: string;
  logsDir: string;
  stdoutFile: string;
  clusterName: string;
  hazelcastPort: number;
  httpPort: number;
  contextPath: string;
}

function seatunnelYaml(l: HomeLayout): string {
  const checkpointDir = path.join(l.workDir, 'checkpoint');
  return `# Generated by e2e/real/seatunnel-cluster.ts
seatunnel:
  engine:
    history-job-expire-minutes: 1440
    backup-count: 0
    queue-type: blockingqueue
    print-execution-info-interval: 60
    print-job-metrics-info-interval: 60
    slot-service:
      dynamic-slot: true
    checkpoint:
      interval: 10000
      timeout: 60000
      storage:
        type: hdfs
        max-retained: 3
        plugin-config:
          namespace: ${checkpointDir}/
          storage.type: hdfs
          fs.defaultFS: file:///
    # Prometheus metrics on /hazelcast/rest/instance/metrics (v1) and /metrics (v2).
    telemetry:
      metric:
        enabled: true
    # REST API v2 (Jetty, SeaTunnel >= 2.3.9). Older engines log "Unrecognized element: http".
    http:
      enable-http: true
      port: ${l.httpPort}
      enable-dynamic-port: false
${l.contextPath ? `      context-path: ${l.contextPath}\n` : ''}`;
}

function hazelcastYaml(l: HomeLayout): string {
  return `# Generated by e2e/real/seatunnel-cluster.ts
hazelcast:
  cluster-name: ${l.clusterName}
  network:
    rest-api:
      enabled: true
      endpoint-groups:
        CLUSTER_WRITE:
          enabled: true
        DATA:
          enabled: true
    join:
      multicast:
        enabled: false
      auto-detection:
        enabled: false
      tcp-ip:
        enabled: true
        member-list:
          - 127.0.0.1:${l.hazelcastPort}
    interfaces:
      enabled: true
      interfaces:
        - 127.0.0.1
    port:
      auto-increment: false
      port: ${l.hazelcastPort}
  properties:
    hazelcast.invocation.max.retry.count: 20
    hazelcast.tcp.join.port.try.count: 30
    hazelcast.logging.type: log4j2
    hazelcast.operation.generic.thread.count: 50
    hazelcast.socket.bind.any: false
    hazelcast.local.localAddress: 127.0.0.1
    hazelcast.phone.home.enabled: false
`;
}

/**
 * One file for the node, one per job (job-<id>.log, the Console sink's rows included), no console.
 * REST v2's log endpoints (2.3.9+) read the log folder from the `routingAppender`'s file name and
 * answer 500 ("routingLogFilePath is null") without one, as the distribution's config has.
 */
const LOG4J2 = `# Generated by e2e/real/seatunnel-cluster.ts
status = warn
rootLogger.level = INFO
rootLogger.appenderRef.routing.ref = routingAppender
appender.file.name = fileAppender
appender.file.type = File
appender.file.fileName = \${sys:seatunnel.logs.path}/seatunnel-engine-server.log
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%X{ST-JID}] %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%-30.30c{1.}] [%t] - %m%n
appender.routing.name = routingAppender
appender.routing.type = Routing
appender.routing.purge.type = IdlePurgePolicy
appender.routing.purge.timeToLive = 60
appender.routing.route.type = Routes
appender.routing.route.pattern = $\${ctx:ST-JID}
appender.routing.route.system.type = Route
appender.routing.route.system.key = $\${ctx:ST-JID}
appender.routing.route.system.ref = fileAppender
appender.routing.route.job.type = Route
appender.routing.route.job.appender.type = File
appender.routing.route.job.appender.name = job-\${ctx:ST-JID}
appender.routing.route.job.appender.fileName = \${sys:seatunnel.logs.path}/job-\${ctx:ST-JID}.log
appender.routing.route.job.appender.layout.type = PatternLayout
appender.routing.route.job.appender.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%-30.30c{1.}] [%t] - %m%n
logger.hz.name = com.hazelcast
logger.hz.level = WARN
`;

const PLUGIN_MAPPING = `# Generated by e2e/real/seatunnel-cluster.ts (subset of the distribution's mapping)
seatunnel.source.FakeSource = connector-fake
seatunnel.sink.Console = connector-console
`;

async function layoutHome(dist: Distribution, contextPath: string): Promise<HomeLayout> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'streamdash-seatunnel-'));
  const home = path.join(workDir, 'home');
  const hazelcastPort = await freePort();
  let httpPort = await freePort();
  while (httpPort === hazelcastPort) httpPort = await freePort();
  const l: HomeLayout = {
    workDir,
    home,
    logsDir: path.join(home, 'logs'),
    stdoutFile: path.join(workDir, 'jvm-stdout.log'),
    clusterName: `streamdash-${process.pid}-${Date.now().toString(36)}`,
    hazelcastPort,
    httpPort,
    contextPath,
  };
  for (const d of ['config', 'connectors', 'logs']) fs.mkdirSync(path.join(home, d), { recursive: true });
  fs.symlinkSync(path.join(dist.dir, 'lib'), path.join(home, 'lib'));
  for (const jar of fs.readdirSync(dist.connectorsDir).filter((f) => f.endsWith('.jar'))) {
    fs.symlinkSync(path.join(dist.connectorsDir, jar), path.join(home, 'connectors', jar));
  }
  fs.writeFileSync(path.join(home, 'connectors', 'plugin-mapping.properties'), PLUGIN_MAPPING);
  fs.writeFileSync(path.join(home, 'config', 'seatunnel.yaml'), seatunnelYaml(l));
  fs.writeFileSync(path.join(home, 'config', 'hazelcast.yaml'), hazelcastYaml(l));
  fs.writeFileSync(path.join(home, 'config', 'log4j2.properties'), LOG4J2);
  return l;
}

// ---------------------------------------------------------------------------------------------
// JVM lifecycle

/** JVMs started by this process that must not outlive it (non-detached runs). */
const owned = new Map<number, { workDir: string; keep: boolean }>();
let hooksInstalled = false;

function isAlive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie (exited, not yet reaped) still answers kill(0).
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z /.test(stat);
  } catch {
    return true;
  }
}

function signalGroup(pid: number, sig: NodeJS.Signals) {
  try {
    process.kill(-pid, sig); // the JVM leads its own process group (spawned detached)
  } catch {
    try {
      process.kill(pid, sig);
    } catch {
      /* gone */
    }
  }
}

function installHooks() {
  if (hooksInstalled) return;
  hooksInstalled = true;
  const cleanup = () => {
    for (const [pid, { workDir, keep }] of owned) {
      signalGroup(pid, 'SIGKILL');
      if (!keep) fs.rmSync(workDir, { recursive: true, force: true });
    }
    owned.clear();
  };
  process.on('exit', cleanup);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      cleanup();
      process.exit(sig === 'SIGINT' ? 130 : sig === 'SIGTERM' ? 143 : 129);
    });
  }
}

async function waitExit(pid: number, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (!isAlive(pid)) return true;
    await sleep(100);
  }
  return !isAlive(pid);
}

/** SIGTERM (graceful Hazelcast shutdown), SIGKILL after graceMs. */
async function terminate(pid: number, graceMs: number): Promise<void> {
  if (!isAlive(pid)) return;
  if (graceMs > 0) {
    signalGroup(pid, 'SIGTERM');
    if (await waitExit(pid, graceMs)) return;
  }
  signalGroup(pid, 'SIGKILL');
  if (!(await waitExit(pid, 10_000))) throw new Error(`SeaTunnel JVM ${pid} did not die after SIGKILL`);
}

function javaBin(): string {
  const jh = process.env.JAVA_HOME;
  return jh && fs.existsSync(path.join(jh, 'bin', 'java')) ? path.join(jh, 'bin', 'java') : 'java';
}

function jvmArgs(l: HomeLayout, dist: Distribution): string[] {
  const cfg = path.join(l.home, 'config');
  return [
    '-Xms256m',
    '-Xmx1g',
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    `-D${MARKER_PROP}=${l.workDir}`,
    `-DSEATUNNEL_HOME=${l.home}`,
    `-Dseatunnel.config=${path.join(cfg, 'seatunnel.yaml')}`,
    `-Dhazelcast.config=${path.join(cfg, 'hazelcast.yaml')}`,
    `-Dlog4j2.configurationFile=${path.join(cfg, 'log4j2.properties')}`,
    `-Dseatunnel.logs.path=${l.logsDir}`,
    '-Dhazelcast.logging.type=log4j2',
    '-Djava.net.preferIPv4Stack=true',
    // What Hazelcast 5.1 asks for on JDK 9+ (it works without, but warns and falls back), plus
    // java.util / java.nio for SeaTunnel's reflective (protostuff) serialization.
    '--add-modules',
    'java.se',
    '--add-exports',
    'java.base/jdk.internal.ref=ALL-UNNAMED',
    '--add-opens',
    'java.base/java.lang=ALL-UNNAMED',
    '--add-opens',
    'java.base/java.util=ALL-UNNAMED',
    '--add-opens',
    'java.base/java.nio=ALL-UNNAMED',
    '--add-opens',
    'java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens',
    'java.management/sun.management=ALL-UNNAMED',
    '--add-opens',
    'jdk.management/com.sun.management.internal=ALL-UNNAMED',
    '-cp',
    dist.classPath.map((d) => `${d}/*`).join(path.delimiter),
    dist.mainClass,
    // The starter's command line sets the Hazelcast cluster name (default seatunnel_default_cluster).
    ...(dist.mainClass.endsWith('.SeaTunnelServer') ? ['-cn', l.clusterName] : []),
  ];
}

function spawnJvm(l: HomeLayout, dist: Distribution, detach: boolean): number {
  const out = fs.openSync(l.stdoutFile, 'a');
  try {
    const child = spawn(javaBin(), jvmArgs(l, dist), {
      cwd: l.workDir,
      env: { ...process.env, SEATUNNEL_HOME: l.home },
      stdio: ['ignore', out, out],
      detached: true,
    });
    if (!child.pid) throw new Error('could not spawn java');
    child.on('error', () => {});
    if (detach) child.unref();
    return child.pid;
  } finally {
    fs.closeSync(out);
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP

export interface HttpResult {
  status: number;
  contentType: string;
  body: string;
}

/** Plain HTTP/1.1 (one connection per call; Hazelcast's REST server is minimal). */
export function httpCall(
  method: string,
  url: string,
  body?: string,
  timeoutMs = 30_000,
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const headers: Record<string, string | number> = { Connection: 'close', Accept: 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = Buffer.byteLength(body);
    }
    const req = http.request(
      { method, hostname: u.hostname, port: u.port, path: `${u.pathname}${u.search}`, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout: ${method} ${url}`)));
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await httpCall('GET', url, undefined, 3000)).status === 200;
  } catch {
    return false;
  }
}

function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function waitReady(
  pid: number,
  l: HomeLayout,
  v1Url: string,
  v2Url: string,
  hasV2: boolean,
  ms: number,
) {
  const end = Date.now() + ms;
  let v1 = false;
  let v2 = !hasV2;
  while (Date.now() < end) {
    if (!isAlive(pid)) {
      throw new Error(
        `SeaTunnel JVM exited during startup.\n--- stdout ---\n${tail(l.stdoutFile)}\n--- log ---\n` +
          tail(path.join(l.logsDir, 'seatunnel-engine-server.log')),
      );
    }
    v1 = v1 || (await answers(`${v1Url}/running-jobs`));
    v2 = v2 || (await answers(`${v2Url}/overview`));
    if (v1 && v2) return;
    await sleep(250);
  }
  throw new Error(
    `SeaTunnel not ready after ${ms} ms (v1 ${v1}, v2 ${v2}).\n--- log ---\n` +
      tail(path.join(l.logsDir, 'seatunnel-engine-server.log')),
  );
}

export async function startRealSeaTunnel(opts: StartOptions = {}): Promise<RealSeaTunnel> {
  const log = opts.log ?? defaultLog;
  const keep = opts.keepWorkDir ?? process.env.STREAMDASH_SEATUNNEL_KEEP === '1';
  const timeoutMs = opts.timeoutMs ?? 240_000;
  const dist = await ensureDistribution(opts.version ?? defaultVersion(), log);
  const l = await layoutHome(dist, opts.contextPath ?? '');
  const v1Url = `http://127.0.0.1:${l.hazelcastPort}/hazelcast/rest/maps`;
  const v2Url = `http://127.0.0.1:${l.httpPort}${l.contextPath}`;
  if (!opts.detach) installHooks();

  let pid = 0;
  const boot = async () => {
    const t0 = Date.now();
    pid = spawnJvm(l, dist, !!opts.detach);
    if (!opts.detach) owned.set(pid, { workDir: l.workDir, keep });
    try {
      await waitReady(pid, l, v1Url, v2Url, dist.hasRestV2, timeoutMs);
    } catch (e) {
      await terminate(pid, 5000).catch(() => {});
      owned.delete(pid);
      pid = 0;
      if (!keep) fs.rmSync(l.workDir, { recursive: true, force: true });
      throw e;
    }
    log(
      `SeaTunnel ${dist.version} node ${l.clusterName} ready in ${((Date.now() - t0) / 1000).toFixed(1)}s (pid ${pid})`,
    );
  };
  const down = async (graceMs: number) => {
    if (!pid) return;
    const t0 = Date.now();
    await terminate(pid, graceMs);
    owned.delete(pid);
    log(`SeaTunnel JVM ${pid} gone after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    pid = 0;
  };

  await boot();
  return {
    v1Url,
    v2Url,
    home: l.home,
    workDir: l.workDir,
    version: dist.version,
    hasRestV2: dist.hasRestV2,
    hazelcastPort: l.hazelcastPort,
    httpPort: l.httpPort,
    clusterName: l.clusterName,
    pid: () => pid,
    async stop() {
      await down(20_000);
      if (!keep) fs.rmSync(l.workDir, { recursive: true, force: true });
    },
    async kill() {
      await down(0);
    },
    async restart() {
      await down(20_000);
      await boot();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Jobs

const SCHEMA = { fields: { name: 'string', age: 'int', card: 'int' } };

export const JOB_CONFIGS = {
  /** 20 rows, finishes in ~2 s. */
  batch: {
    env: { 'job.mode': 'BATCH', parallelism: 1 },
    source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', 'row.num': 20, schema: SCHEMA }],
    transform: [],
    sink: [{ plugin_name: 'Console', source_table_name: ['fake'] }],
  },
  /**
   * Never finishes. FakeSource (2.3.8) emits row.num rows per split once and then idles in
   * STREAMING mode, so the console output stays tiny and the counters stay flat.
   */
  streaming: {
    env: { 'job.mode': 'STREAMING', parallelism: 1, 'checkpoint.interval': 5000 },
    source: [
      {
        plugin_name: 'FakeSource',
        result_table_name: 'fake',
        'row.num': 10,
        'split.num': 1,
        'split.read-interval': 1000,
        schema: SCHEMA,
      },
    ],
    transform: [],
    sink: [{ plugin_name: 'Console', source_table_name: ['fake'] }],
  },
  /** Two tables from one FakeSource: per-table metrics (TableSourceReceivedCount ...). */
  multiTable: {
    env: { 'job.mode': 'BATCH', parallelism: 1 },
    source: [
      {
        plugin_name: 'FakeSource',
        result_table_name: 'fake',
        tables_configs: [
          { 'row.num': 5, schema: { table: 'shop.orders', fields: { id: 'bigint', amount: 'double' } } },
          { 'row.num': 7, schema: { table: 'shop.users', fields: { id: 'bigint', name: 'string' } } },
        ],
      },
    ],
    transform: [],
    sink: [{ plugin_name: 'Console', source_table_name: ['fake'] }],
  },
  /** Fails at run time (a row value that is not an int). */
  failing: {
    env: { 'job.mode': 'BATCH', parallelism: 1 },
    source: [
      {
        plugin_name: 'FakeSource',
        result_table_name: 'fake',
        schema: { fields: { name: 'string', age: 'int' } },
        rows: [{ kind: 'INSERT', fields: ['a', 'not-an-int'] }],
      },
    ],
    transform: [],
    sink: [{ plugin_name: 'Console', source_table_name: ['fake'] }],
  },
};

const ENCRYPT_BODY = {
  env: { parallelism: 1, 'shade.identifier': 'base64' },
  source: [
    {
      plugin_name: 'MySQL-CDC',
      schema: { fields: { name: 'string', age: 'int' } },
      result_table_name: 'fake',
      parallelism: 1,
      hostname: '127.0.0.1',
      username: 'seatunnel',
      password: 'seatunnel_password',
      'table-name': 'inventory_vwyw0n',
    },
  ],
  transform: [],
  sink: [
    {
      plugin_name: 'Clickhouse',
      host: 'localhost:8123',
      database: 'default',
      table: 'fake_all',
      username: 'seatunnel',
      password: 'seatunnel_password',
    },
  ],
};

/** Job id as a string, read from the raw body so 64-bit ids never pass through a JS number. */
export function rawJobId(body: string): string {
  const m = /"jobId"\s*:\s*"?(-?\d+)"?/.exec(body);
  if (!m?.[1]) throw new Error(`no jobId in ${body.slice(0, 300)}`);
  return m[1];
}

function rawJobStatus(body: string): string {
  return /"jobStatus"\s*:\s*"([A-Z_]+)"/.exec(body)?.[1] ?? '';
}

const TERMINAL = ['FINISHED', 'CANCELED', 'FAILED', 'SAVEPOINT_DONE', 'UNKNOWABLE'];

// ---------------------------------------------------------------------------------------------
// Recording

interface FixtureEntry {
  name: string;
  method: string;
  path: string;
  requestBody?: string;
  status: number;
  contentType: string;
  file: string | null;
  bytes: number;
  truncated?: string;
  note?: string;
}

type Flavour = 'v1' | 'v2';

class Recorder {
  readonly entries: FixtureEntry[] = [];
  readonly checks: Record<string, unknown> = {};
  constructor(
    readonly flavour: Flavour,
    readonly dir: string,
    readonly origin: string,
    /** Path prefix of the job endpoints: '/hazelcast/rest/maps' (v1) or the context path (v2). */
    readonly prefix: string,
    readonly home: string,
    readonly log: Log,
  ) {}

  url(p: string): string {
    return p.startsWith('/') ? `${this.origin}${p}` : `${this.origin}${this.prefix}/${p}`;
  }

  call(method: string, p: string, body?: unknown): Promise<HttpResult> {
    const b = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    return httpCall(method, this.url(p), b);
  }

  /** Call and save. Bodies are saved verbatim (no JSON re-serialization: 64-bit ids stay exact). */
  async rec(
    name: string,
    method: string,
    p: string,
    opts: { body?: unknown; keepFirst?: number; note?: string } = {},
  ): Promise<HttpResult> {
    const reqBody =
      opts.body === undefined
        ? undefined
        : typeof opts.body === 'string'
          ? opts.body
          : JSON.stringify(opts.body);
    const res = await httpCall(method, this.url(p), reqBody);
    let text = res.body;
    let truncated: string | undefined;
    if (opts.keepFirst !== undefined) {
      const arr = JSON.parse(text) as unknown[];
      if (arr.length > opts.keepFirst) {
        truncated = `array cut from ${arr.length} to ${opts.keepFirst} elements (re-serialized)`;
        text = JSON.stringify(arr.slice(0, opts.keepFirst));
      }
    }
    text = text.split(this.home).join('/opt/seatunnel');
    let isJson = false;
    try {
      JSON.parse(text);
      isJson = text.trim() !== '';
    } catch {
      /* not JSON */
    }
    const file = text === '' ? null : `${name}.${isJson ? 'json' : 'txt'}`;
    if (file) fs.writeFileSync(path.join(this.dir, file), text);
    const fullPath = new URL(this.url(p)).pathname + new URL(this.url(p)).search;
    this.entries.push({
      name,
      method,
      path: fullPath,
      ...(reqBody !== undefined ? { requestBody: reqBody } : {}),
      status: res.status,
      contentType: res.contentType,
      file,
      bytes: Buffer.byteLength(res.body),
      ...(truncated ? { truncated } : {}),
      ...(opts.note ? { note: opts.note } : {}),
    });
    this.log(
      `${this.flavour} ${method} ${fullPath} -> ${res.status} ${res.contentType} (${res.body.length} B)`,
    );
    return res;
  }

  async waitStatus(
    jobId: string,
    want: string[],
    ms = 90_000,
    extra?: (body: string) => boolean,
  ): Promise<string> {
    const end = Date.now() + ms;
    let last = '';
    while (Date.now() < end) {
      const r = await this.call('GET', `job-info/${jobId}`);
      last = r.body;
      const st = rawJobStatus(r.body);
      if (want.includes(st) && (!extra || extra(r.body))) return st;
      if (TERMINAL.includes(st) && !want.includes(st)) {
        throw new Error(`job ${jobId} ended ${st}, wanted ${want.join('|')}: ${r.body.slice(0, 800)}`);
      }
      await sleep(500);
    }
    throw new Error(`job ${jobId} not ${want.join('|')} after ${ms} ms: ${last.slice(0, 800)}`);
  }

  writeIndex(meta: Record<string, unknown>) {
    const index = { ...meta, flavour: this.flavour, checks: this.checks, entries: this.entries };
    fs.writeFileSync(path.join(this.dir, '_index.json'), `${JSON.stringify(index, null, 2)}\n`);
  }
}

const hasPositiveCount = (body: string) => /"SourceReceivedCount"\s*:\s*"?[1-9]/.exec(body) !== null;

/** Runs the whole scenario against one REST flavour and records every response. */
async function recordFlavour(r: Recorder, flavour: Flavour): Promise<void> {
  const v1 = flavour === 'v1';
  const qs = (o: Record<string, string>) => `?${new URLSearchParams(o).toString()}`;
  // A 64-bit id (> 2^53) to check the id round-trips exactly (JS numbers would mangle it).
  const bigId = v1 ? '733584788375666689' : '733584788375666699';
  // Every job gets an explicit id so that re-recording gives the same ids (tests pin them). The
  // values are ids this engine generated itself in the first recording (same format and range).
  const ids = v1
    ? { stream: '1176804500430782465', multi: '1176804500430979073', fail: '1176804500431175681' }
    : { stream: '1176804500430782475', multi: '1176804500430979083', fail: '1176804500431175691' };

  await r.rec('overview-empty', 'GET', 'overview', { note: 'fresh node, no jobs yet' });
  await r.rec('running-jobs-empty', 'GET', 'running-jobs');

  // --- submit
  const batch = await r.rec(
    'submit-job',
    'POST',
    `submit-job${qs({ jobId: bigId, jobName: 'streamdash-batch' })}`,
    {
      body: JOB_CONFIGS.batch,
    },
  );
  const batchId = rawJobId(batch.body);
  r.checks.bigJobIdRoundTrip = { sent: bigId, submitResponse: batchId, exact: batchId === bigId };
  await r.waitStatus(batchId, ['FINISHED']);

  const stream = await r.rec(
    'submit-job-streaming',
    'POST',
    `submit-job${qs({ jobId: ids.stream, jobName: 'streamdash-streaming' })}`,
    {
      body: JOB_CONFIGS.streaming,
    },
  );
  const streamId = rawJobId(stream.body);
  await r.waitStatus(streamId, ['RUNNING'], 90_000, hasPositiveCount);

  const multi = await r.rec(
    'submit-job-multi-table',
    'POST',
    `submit-job${qs({ jobId: ids.multi, jobName: 'streamdash-multi-table' })}`,
    { body: JOB_CONFIGS.multiTable },
  );
  const multiId = rawJobId(multi.body);
  await r.waitStatus(multiId, ['FINISHED']);

  const fail = await r.rec(
    'submit-job-failing',
    'POST',
    `submit-job${qs({ jobId: ids.fail, jobName: 'streamdash-failing' })}`,
    {
      body: JOB_CONFIGS.failing,
    },
  );
  const failId = rawJobId(fail.body);
  await r.waitStatus(failId, ['FAILED']);

  const idA = v1 ? '733584788375666701' : '733584788375666711';
  const idB = v1 ? '733584788375666702' : '733584788375666712';
  const jobs = await r.rec('submit-jobs', 'POST', 'submit-jobs', {
    body: [
      { params: { jobId: idA, jobName: 'streamdash-streaming-a' }, ...JOB_CONFIGS.streaming },
      { params: { jobId: idB, jobName: 'streamdash-streaming-b' }, ...JOB_CONFIGS.streaming },
    ],
  });
  r.checks.submitJobsIds = { sent: [idA, idB], body: jobs.body };
  await r.waitStatus(idA, ['RUNNING'], 90_000, hasPositiveCount);
  await r.waitStatus(idB, ['RUNNING'], 90_000, hasPositiveCount);

  // --- read
  await r.rec('running-jobs', 'GET', 'running-jobs', { note: 'three streaming jobs running' });
  await r.rec('job-info-running', 'GET', `job-info/${streamId}`);
  await r.rec('running-job', 'GET', `running-job/${streamId}`);
  const finished = await r.rec('job-info-finished', 'GET', `job-info/${batchId}`, {
    note: 'the 64-bit job id',
  });
  r.checks.bigJobIdInJobInfo = { exact: rawJobId(finished.body) === bigId };
  const multiInfo = await r.rec('job-info-multi-table', 'GET', `job-info/${multiId}`);
  r.checks.perTableMetrics = {
    tableSourceReceivedCount: /"TableSourceReceivedCount"\s*:\s*\{[^}]*shop\.orders[^}]*\}/.test(
      multiInfo.body,
    ),
    tableSinkWriteCount: /"TableSinkWriteCount"\s*:\s*\{[^}]*shop\.users[^}]*\}/.test(multiInfo.body),
  };
  await r.rec('job-info-failed', 'GET', `job-info/${failId}`);
  await r.rec('job-info-unknown', 'GET', 'job-info/123456789', { note: 'no such job' });
  await r.rec('running-job-unknown', 'GET', 'running-job/123456789', { note: 'no such job' });
  await r.rec('job-info-invalid-id', 'GET', 'job-info/not-a-number');
  await r.rec('system-monitoring-information', 'GET', 'system-monitoring-information');
  await r.rec('thread-dump', 'GET', 'thread-dump', { keepFirst: 3 });
  await r.rec('running-threads', 'GET', 'running-threads', { keepFirst: 3 });
  if (v1) {
    await r.rec('instance-metrics', 'GET', '/hazelcast/rest/instance/metrics', {
      note: 'Prometheus text (seatunnel.yaml telemetry.metric.enabled=true; empty body when false)',
    });
    await r.rec('instance-openmetrics', 'GET', '/hazelcast/rest/instance/openmetrics');
    await r.rec('log-level', 'GET', '/hazelcast/rest/log-level');
    await r.rec('health', 'GET', '/hazelcast/health', { note: 'Hazelcast built-in health endpoint' });
    await r.rec('logs', 'GET', 'logs', { note: 'log endpoints exist only in REST v2 (2.3.9+)' });
    await r.rec('logs-job', 'GET', `logs/${batchId}`);
  } else {
    await r.rec('metrics', 'GET', 'metrics');
    await r.rec('openmetrics', 'GET', 'openmetrics');
    await r.rec('logs', 'GET', 'logs');
    await r.rec('logs-json', 'GET', 'logs?format=json');
    await r.rec('logs-job', 'GET', `logs/${batchId}`);
    await r.rec('logs-job-json', 'GET', `logs/${batchId}?format=json`);
    await r.rec('log', 'GET', 'log');
  }

  // --- tags
  await r.rec('update-tags', 'POST', 'update-tags', { body: { tag1: 'dev_1', tag2: 'dev_2' } });
  await r.rec('overview-tag-match', 'GET', `overview${qs({ tag1: 'dev_1' })}`);
  await r.rec('overview-tag-nomatch', 'GET', `overview${qs({ tag1: 'prod' })}`);
  await r.rec('update-tags-clear', 'POST', 'update-tags', { body: {} });
  await r.rec('update-tags-empty-body', 'POST', 'update-tags', { body: '' });
  await r.rec('update-tags-invalid', 'POST', 'update-tags', { body: '[1,2]' });

  await r.rec('encrypt-config', 'POST', 'encrypt-config', { body: ENCRYPT_BODY });

  // --- stop
  await r.rec('stop-job-savepoint', 'POST', 'stop-job', {
    body: `{"jobId":${streamId},"isStopWithSavePoint":true}`,
  });
  await r.waitStatus(streamId, ['SAVEPOINT_DONE', 'FINISHED']);
  await r.rec('job-info-savepoint-done', 'GET', `job-info/${streamId}`);
  await r.rec('stop-job', 'POST', 'stop-job', { body: `{"jobId":${idA},"isStopWithSavePoint":false}` });
  await r.waitStatus(idA, ['CANCELED']);
  await r.rec('job-info-canceled', 'GET', `job-info/${idA}`);
  await r.rec(
    'submit-job-from-savepoint',
    'POST',
    `submit-job${qs({ jobId: streamId, jobName: 'streamdash-streaming', isStartWithSavePoint: 'true' })}`,
    { body: JOB_CONFIGS.streaming, note: 'restores the job stopped with a savepoint, same id' },
  );
  await r.waitStatus(streamId, ['RUNNING']);
  await r.rec('job-info-restored', 'GET', `job-info/${streamId}`);
  await r.rec('stop-jobs', 'POST', 'stop-jobs', {
    body: `[{"jobId":${streamId},"isStopWithSavePoint":false},{"jobId":${idB},"isStopWithSavePoint":false}]`,
  });
  await r.waitStatus(streamId, ['CANCELED']);
  await r.waitStatus(idB, ['CANCELED']);

  // --- errors
  await r.rec('stop-job-unknown', 'POST', 'stop-job', {
    body: '{"jobId":123456789,"isStopWithSavePoint":false}',
  });
  await r.rec('stop-job-missing-id', 'POST', 'stop-job', { body: {} });
  await r.rec('stop-job-malformed', 'POST', 'stop-job', { body: 'not json' });
  await r.rec('stop-job-empty-body', 'POST', 'stop-job', { body: '' });
  await r.rec('submit-job-malformed', 'POST', 'submit-job', { body: '{"env": ' });
  await r.rec('submit-job-empty-body', 'POST', 'submit-job', { body: '' });
  await r.rec('submit-job-unknown-plugin', 'POST', 'submit-job', {
    body: { ...JOB_CONFIGS.batch, source: [{ plugin_name: 'NoSuchSource', result_table_name: 'fake' }] },
  });
  const dup = await r.rec('submit-job-duplicate-id', 'POST', `submit-job${qs({ jobId: batchId })}`, {
    body: JOB_CONFIGS.batch,
    note: 'jobId of an existing (finished) job',
  });
  if (dup.status === 200) await r.waitStatus(rawJobId(dup.body), [...TERMINAL]).catch(() => {});
  await r.rec('error-unknown-path-get', 'GET', 'no-such-endpoint');
  await r.rec('error-unknown-path-post', 'POST', 'no-such-endpoint', { body: {} });

  // --- finished jobs + final overview
  await r.rec('finished-jobs', 'GET', 'finished-jobs', { note: 'no state segment' });
  for (const st of ['FINISHED', 'CANCELED', 'FAILED', 'UNKNOWABLE', 'SAVEPOINT_DONE']) {
    await r.rec(`finished-jobs-${st}`, 'GET', `finished-jobs/${st}`);
  }
  await r.rec('finished-jobs-invalid-state', 'GET', 'finished-jobs/bogus');
  await r.rec('running-jobs-after-stop', 'GET', 'running-jobs');
  await r.rec('overview', 'GET', 'overview', { note: 'after all jobs ended' });
}

export async function recordFixtures(
  version: string = defaultVersion(),
  log: Log = defaultLog,
): Promise<string> {
  const t0 = Date.now();
  const node = await startRealSeaTunnel({ version, log });
  const startSeconds = (Date.now() - t0) / 1000;
  const root = path.join(REPO_ROOT, 'e2e', 'fixtures', 'seatunnel', node.version);
  try {
    const flavours: Flavour[] = node.hasRestV2 ? ['v2', 'v1'] : ['v1'];
    for (const flavour of flavours) {
      const dir = path.join(root, flavour);
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir, { recursive: true });
      const base = new URL(flavour === 'v1' ? node.v1Url : node.v2Url);
      const rec = new Recorder(flavour, dir, base.origin, base.pathname.replace(/\/$/, ''), node.home, log);
      const f0 = Date.now();
      try {
        await recordFlavour(rec, flavour);
      } finally {
        rec.writeIndex({
          seatunnelVersion: node.version,
          recordedAt: new Date().toISOString(),
          recordedBy: 'npx tsx e2e/real/seatunnel-cluster.ts record',
          bodies:
            'verbatim response bodies, except: SEATUNNEL_HOME replaced by /opt/seatunnel; arrays with "truncated" cut',
          baseUrl: `http://127.0.0.1:<port>${base.pathname}`,
          recordSeconds: (Date.now() - f0) / 1000,
        });
      }
      log(`${flavour}: ${rec.entries.length} responses -> ${path.relative(REPO_ROOT, dir)}`);
      log(`${flavour} checks: ${JSON.stringify(rec.checks)}`);
    }
    if (!node.hasRestV2) {
      fs.rmSync(path.join(root, 'v2'), { recursive: true, force: true });
      log(`SeaTunnel ${node.version} has no REST v2: nothing recorded for v2`);
    }
  } finally {
    const s0 = Date.now();
    await node.stop();
    log(`start ${startSeconds.toFixed(1)}s, stop ${((Date.now() - s0) / 1000).toFixed(1)}s`);
  }
  return root;
}

// ---------------------------------------------------------------------------------------------
// CLI

interface NodeState {
  pid: number;
  v1Url: string;
  v2Url: string;
  home: string;
  workDir: string;
  version: string;
  hasRestV2: boolean;
  clusterName: string;
}

function readState(version: string): NodeState | undefined {
  try {
    return JSON.parse(fs.readFileSync(stateFile(version), 'utf8')) as NodeState;
  } catch {
    return undefined;
  }
}

/** Stops the node that `start` recorded, by its recorded pid, and nothing else: another checkout's
 * node on the same machine carries the same marker and must be left alone. */
async function cliStop(version: string, log: Log) {
  const state = readState(version);
  if (!state) {
    log(`no SeaTunnel ${version} node was started by \`start\` (no state file)`);
    return;
  }
  const t0 = Date.now();
  await terminate(state.pid, 20_000);
  fs.rmSync(state.workDir, { recursive: true, force: true });
  fs.rmSync(stateFile(version), { force: true });
  log(`stopped JVM ${state.pid} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
}

async function main(argv: string[]) {
  const cmd = argv[0] ?? 'help';
  const version = argv[1] ?? defaultVersion();
  const log = defaultLog;
  if (cmd === 'start') {
    const prev = readState(version);
    if (prev && isAlive(prev.pid))
      throw new Error(`a ${version} node is already running (pid ${prev.pid}); run stop first`);
    const t0 = Date.now();
    const node = await startRealSeaTunnel({ version, log, detach: true, keepWorkDir: true });
    const state: NodeState = {
      pid: node.pid(),
      v1Url: node.v1Url,
      v2Url: node.v2Url,
      home: node.home,
      workDir: node.workDir,
      version: node.version,
      hasRestV2: node.hasRestV2,
      clusterName: node.clusterName,
    };
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    fs.writeFileSync(stateFile(version), `${JSON.stringify(state, null, 2)}\n`);
    log(
      `started in ${((Date.now() - t0) / 1000).toFixed(1)}s; state in ${path.relative(REPO_ROOT, stateFile(version))}`,
    );
    process.stdout.write(`${JSON.stringify(state, null, 2)}\n`);
  } else if (cmd === 'stop') {
    await cliStop(version, log);
  } else if (cmd === 'record') {
    const root = await recordFixtures(version, log);
    process.stdout.write(`${path.relative(REPO_ROOT, root)}\n`);
  } else if (cmd === 'assemble') {
    const d = await ensureDistribution(version, log);
    process.stdout.write(`${JSON.stringify(d, null, 2)}\n`);
  } else {
    process.stdout.write(
      'usage: npx tsx e2e/real/seatunnel-cluster.ts start|stop|record|assemble [version]\n',
    );
    if (cmd !== 'help') process.exitCode = 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    defaultLog(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  });
}
