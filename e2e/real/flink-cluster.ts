/**
 * A real Apache Flink standalone session cluster (1.20, 2.2 or 2.3) for end-to-end tests and
 * fixture recording.
 *
 *   npx tsx e2e/real/flink-cluster.ts start [version]   # start cluster + test jobs, leave it running
 *   npx tsx e2e/real/flink-cluster.ts stop              # stop the cluster started by `start`
 *   npx tsx e2e/real/flink-cluster.ts record [version]  # start, record e2e/fixtures/flink/<minor>, stop
 *   npx tsx e2e/real/flink-cluster.ts install [version] # only install the distribution (timed)
 *
 * `version` is a full version (`1.20.5`) or a minor (`1.20`, see FLINK_VERSIONS); default FLINK_VERSION.
 * The official distribution comes from PyPI (apache-flink + apache-flink-libraries ship bin/, conf/
 * and lib/ of the Flink distribution inside the `pyflink` package) and is cached per version in
 * .cache/flink/<version>/. Our test workloads (e2e/real/jobs) are compiled with javac against that
 * version's lib/*.jar into .cache/flink/jobs/<version>/streamdash-jobs.jar and submitted through the
 * REST API like a user would.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort } from '../support/processes';

/** The newest patch release of each minor the suite proves (what this machine's PyPI mirror serves). */
export const FLINK_VERSIONS = { '1.20': '1.20.5', '2.2': '2.2.1', '2.3': '2.3.0' } as const;
export type FlinkMinor = keyof typeof FLINK_VERSIONS;
/** The default cluster: the one the full page suite runs on. */
export const FLINK_VERSION: string = FLINK_VERSIONS['2.3'];

/** `1.20` or `1.20.5` -> `1.20.5`; an unknown minor is taken as a full version. */
export function resolveFlinkVersion(v: string | undefined): string {
  if (!v) return FLINK_VERSION;
  return (FLINK_VERSIONS as Record<string, string>)[v] ?? v;
}

/** `1.20.5` -> `1.20` (the fixture folder and Playwright project suffix). */
export function flinkMinor(version: string): string {
  return version.split('.').slice(0, 2).join('.');
}

export interface RealFlink {
  /** The full Flink version (`2.2.1`). */
  version: string;
  url: string;
  restPort: number;
  flinkHome: string;
  workDir: string;
  /** Job ids of the test workloads. */
  jobs: { checkpointing: string; backpressure: string; failing: string; bounded: string };
  /** The compiled workload jar (for upload tests). */
  jarPath: string;
  /** Id of the jar as uploaded to the cluster (`/jars/:jarid`). */
  jarId: string;
  stop(): Promise<void>;
  killJobManager(): Promise<void>;
  startJobManager(): Promise<void>;
  killTaskManager(index: number): Promise<void>;
  /** Starts one more task manager; resolves with its index (for killTaskManager). */
  startTaskManager(): Promise<number>;
  /** Pids of the running JVMs (jobmanager, taskmanagers by index; 0 = not running). */
  pids(): { jobManager: number; taskManagers: number[] };
}

export interface StartOptions {
  log?: (s: string) => void;
  /** Submit the four test workloads and wait for them (default true). */
  jobs?: boolean;
  /** Number of task managers (default 2). */
  taskManagers?: number;
  /** Keep the JVMs running when this process exits (used by the `start` CLI command). */
  detach?: boolean;
  /** `jobmanager.scheduler` (default: Flink's default scheduler). Only the adaptive scheduler
   * serves /jobs/:jobid/resource-requirements (the default one answers 500). */
  scheduler?: 'default' | 'adaptive';
  /** Extra config.yaml entries. */
  config?: Record<string, string | number | boolean>;
  /** Keep the work dir (logs, checkpoints) after stop(). Also STREAMDASH_FLINK_KEEP=1. */
  keepWorkDir?: boolean;
  /** Flink version, full or minor (default FLINK_VERSION). */
  version?: string;
  /**
   * Run the workloads at a gentler pace: checkpoints every 5-10 s instead of 1-2 s, and the failing
   * job failing every ~30 s instead of every ~10 s. For clusters that only answer the contract and
   * smoke specs: three versions at full pace kept most of a 2-core machine busy while idle.
   */
  gentleJobs?: boolean;
}

/** Program arguments of the gentle pace (the jobs' own defaults are the full one). */
const GENTLE_ARGS: Record<'checkpointing' | 'backpressure' | 'failing', string[]> = {
  checkpointing: ['--interval', '5000'],
  backpressure: ['--interval', '10000'],
  failing: ['--every', '6000', '--interval', '5000'],
};

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE_DIR = path.join(REPO_ROOT, '.cache', 'flink');
/** Where 2.2.1 was installed before the version matrix (kept working: see distributionDir). */
const LEGACY_PKGS_DIR = path.join(CACHE_DIR, 'pkgs');
const STAMP_NAME = '.streamdash-installed';
const JOBS_SRC_DIR = path.join(REPO_ROOT, 'e2e', 'real', 'jobs', 'src', 'main', 'java');
/** The workload jar compiled against one version's lib/ (a jar per version: the APIs differ). */
export const jobsJarPath = (version: string) => path.join(CACHE_DIR, 'jobs', version, 'streamdash-jobs.jar');
const STATE_FILE = path.join(CACHE_DIR, 'cluster.json');
const IDENT = 'streamdash';
const JOB_PACKAGE = 'streamdash.jobs';

export const ENTRY_CLASSES = {
  checkpointing: `${JOB_PACKAGE}.CheckpointingJob`,
  backpressure: `${JOB_PACKAGE}.BackpressureJob`,
  failing: `${JOB_PACKAGE}.FailingJob`,
  bounded: `${JOB_PACKAGE}.BoundedJob`,
  /** Not started with the cluster: the benchmark's 10-vertex job (startWideJob). */
  wide: `${JOB_PACKAGE}.WideJob`,
} as const;

type Log = (s: string) => void;
const defaultLog: Log = (s) => process.stderr.write(`[flink] ${s}\n`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Distribution + Java
// ---------------------------------------------------------------------------------------------

function run(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  return { code: r.status ?? -1, out: `${r.stdout ?? ''}${r.stderr ?? ''}`, error: r.error };
}

/** A JDK 17 (preferred) or 11+ home: FLINK_JAVA_HOME, a JDK 17 in /usr/lib/jvm, JAVA_HOME, `javac` on PATH. */
export function findJavaHome(): string {
  const candidates: string[] = [];
  if (process.env.FLINK_JAVA_HOME) candidates.push(process.env.FLINK_JAVA_HOME);
  for (const d of [
    '/usr/lib/jvm/java-17-openjdk-amd64',
    '/usr/lib/jvm/java-17-openjdk-arm64',
    '/usr/lib/jvm/java-17-openjdk',
  ]) {
    candidates.push(d);
  }
  if (process.env.JAVA_HOME) candidates.push(process.env.JAVA_HOME);
  const which = run('bash', ['-c', 'readlink -f "$(command -v javac)"']);
  if (which.code === 0 && which.out.trim()) candidates.push(path.dirname(path.dirname(which.out.trim())));
  for (const c of candidates) {
    if (fs.existsSync(path.join(c, 'bin', 'java')) && fs.existsSync(path.join(c, 'bin', 'javac'))) return c;
  }
  throw new Error('No JDK found (need java + javac 11+, preferably 17). Set FLINK_JAVA_HOME.');
}

function isInstalled(dir: string, version: string): boolean {
  const stamp = path.join(dir, STAMP_NAME);
  return (
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, 'utf8').trim() === version &&
    fs.existsSync(path.join(dir, 'pyflink', 'lib', `flink-dist-${version}.jar`))
  );
}

/**
 * .cache/flink/<version>. A 2.2.1 installed by an earlier checkout in .cache/flink/pkgs (often a
 * symlink to a shared cache) is linked, not moved, so whoever else points at it keeps working.
 */
function distributionDir(version: string): string {
  const dir = path.join(CACHE_DIR, version);
  if (!fs.existsSync(dir) && isInstalled(LEGACY_PKGS_DIR, version)) {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    fs.symlinkSync('pkgs', dir);
  }
  return dir;
}

/**
 * The unpacked `apache-flink-libraries` source package holds the distribution's files (bin/, conf/,
 * lib/, opt/, ...) under `deps/`, and setup.py only copies them into `pyflink/`: doing the same copy
 * skips pip's wheel build of a ~230 MB package. Used where PyPI has no wheel (1.20.x).
 */
function installLibrariesFromSdist(python: string, version: string, target: string, log: Log) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'streamdash-flink-sdist-'));
  try {
    const dl = run(python, [
      '-m',
      'pip',
      'download',
      '--disable-pip-version-check',
      '--no-deps',
      '--no-binary=:all:',
      '-d',
      tmp,
      `apache-flink-libraries==${version}`,
    ]);
    const tarball = fs.readdirSync(tmp).find((f) => f.endsWith('.tar.gz'));
    if (!tarball)
      throw new Error(`pip download of apache-flink-libraries==${version} failed:\n${dl.out.slice(-3000)}`);
    const un = run('tar', ['-xzf', path.join(tmp, tarball), '-C', tmp]);
    if (un.code !== 0) throw new Error(`unpacking ${tarball} failed:\n${un.out}`);
    const root = path.join(tmp, tarball.replace(/\.tar\.gz$/, ''));
    const deps = path.join(root, 'deps');
    if (!fs.existsSync(path.join(deps, 'lib'))) throw new Error(`${tarball} has no deps/lib`);
    const home = path.join(target, 'pyflink');
    fs.mkdirSync(home, { recursive: true });
    for (const entry of fs.readdirSync(deps)) {
      fs.cpSync(path.join(deps, entry), path.join(home, entry), { recursive: true, verbatimSymlinks: true });
    }
    log(`apache-flink-libraries ${version}: distribution copied from the source package's deps/`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Installs (once) the official Flink distribution from PyPI into .cache/flink/<version> and returns
 * FLINK_HOME (the `pyflink` folder with bin/, conf/, lib/).
 */
export function ensureFlinkDistribution(log: Log = defaultLog, versionArg?: string): string {
  const version = resolveFlinkVersion(versionArg);
  const pkgsDir = distributionDir(version);
  const distHome = path.join(pkgsDir, 'pyflink');
  const distJar = path.join(distHome, 'lib', `flink-dist-${version}.jar`);
  if (!isInstalled(pkgsDir, version)) {
    const t0 = Date.now();
    log(`installing apache-flink==${version} from PyPI into ${path.relative(REPO_ROOT, pkgsDir)} (~340 MB)`);
    fs.rmSync(pkgsDir, { recursive: true, force: true });
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    const python = process.env.PYTHON ?? 'python3';
    const base = ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-deps', '--target', pkgsDir];
    const cp311 = [
      '--only-binary=:all:',
      '--implementation',
      'cp',
      '--python-version',
      '3.11',
      '--platform',
      'manylinux2014_x86_64',
    ];
    const install = (pkgs: string[]) => {
      let r = run(python, [...base, ...pkgs]);
      if (r.code !== 0) {
        // apache-flink is a CPython platform wheel: when the local Python has none, fetch the cp311 one.
        log(
          `pip install failed (${r.out.trim().split('\n').slice(-1)[0] ?? ''}); retrying with cp311 manylinux wheel`,
        );
        r = run(python, [...base, ...cp311, ...pkgs]);
      }
      return r;
    };
    // Is there a wheel of the libraries? (1.20.x has only a source package on PyPI.)
    const probe = run(python, [
      '-m',
      'pip',
      'download',
      '--disable-pip-version-check',
      '--no-deps',
      '--only-binary=:all:',
      '--dry-run',
      '-q',
      `apache-flink-libraries==${version}`,
    ]);
    const librariesWheel = probe.code === 0;
    const r = install(
      librariesWheel
        ? [`apache-flink==${version}`, `apache-flink-libraries==${version}`]
        : [`apache-flink==${version}`],
    );
    if (r.code === 0 && !librariesWheel) installLibrariesFromSdist(python, version, pkgsDir, log);
    if (r.code !== 0 || !fs.existsSync(distJar)) {
      throw new Error(`Installing Flink ${version} from PyPI failed:\n${r.out.slice(-4000)}`);
    }
    fs.writeFileSync(path.join(pkgsDir, STAMP_NAME), `${version}\n`);
    log(`installed Flink ${version} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  // wheels do not always keep the executable bit
  const bin = path.join(distHome, 'bin');
  for (const f of fs.readdirSync(bin)) {
    if (f.endsWith('.sh') || f === 'flink') {
      const p = path.join(bin, f);
      const mode = fs.statSync(p).mode;
      if ((mode & 0o111) !== 0o111) fs.chmodSync(p, mode | 0o755);
    }
  }
  return distHome;
}

function listJavaSources(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listJavaSources(p));
    else if (e.name.endsWith('.java')) out.push(p);
  }
  return out.sort();
}

/**
 * Compiles e2e/real/jobs against `version`'s lib/ into .cache/flink/jobs/<version>/streamdash-jobs.jar
 * when the sources changed.
 */
export function buildJobsJar(flinkHome: string, log: Log = defaultLog, versionArg?: string): string {
  const version = resolveFlinkVersion(versionArg);
  const JOBS_JAR = jobsJarPath(version);
  const JOBS_JAR_STAMP = `${JOBS_JAR}.sha256`;
  const sources = listJavaSources(JOBS_SRC_DIR);
  if (sources.length === 0) throw new Error(`no Java sources in ${JOBS_SRC_DIR}`);
  const hash = createHash('sha256');
  hash.update(`flink-${version}\n`);
  for (const s of sources) {
    hash.update(path.relative(JOBS_SRC_DIR, s));
    hash.update('\0');
    hash.update(fs.readFileSync(s));
    hash.update('\0');
  }
  const digest = hash.digest('hex');
  if (
    fs.existsSync(JOBS_JAR) &&
    fs.existsSync(JOBS_JAR_STAMP) &&
    fs.readFileSync(JOBS_JAR_STAMP, 'utf8').trim() === digest
  ) {
    return JOBS_JAR;
  }
  const t0 = Date.now();
  const javaHome = findJavaHome();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'streamdash-jobs-build-'));
  try {
    const classes = path.join(tmp, 'classes');
    fs.mkdirSync(classes);
    const cp = path.join(flinkHome, 'lib', '*');
    const javac = run(path.join(javaHome, 'bin', 'javac'), [
      '--release',
      '17',
      '-nowarn',
      '-cp',
      cp,
      '-d',
      classes,
      ...sources,
    ]);
    if (javac.code !== 0) throw new Error(`javac failed:\n${javac.out}`);
    const tmpJar = path.join(tmp, 'streamdash-jobs.jar');
    const jar = run(path.join(javaHome, 'bin', 'jar'), [
      '--create',
      '--file',
      tmpJar,
      '--main-class',
      ENTRY_CLASSES.checkpointing,
      '-C',
      classes,
      '.',
    ]);
    if (jar.code !== 0) throw new Error(`jar failed:\n${jar.out}`);
    fs.mkdirSync(path.dirname(JOBS_JAR), { recursive: true });
    fs.copyFileSync(tmpJar, `${JOBS_JAR}.tmp`);
    fs.renameSync(`${JOBS_JAR}.tmp`, JOBS_JAR);
    fs.writeFileSync(JOBS_JAR_STAMP, `${digest}\n`);
    log(`built ${path.relative(REPO_ROOT, JOBS_JAR)} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return JOBS_JAR;
}

// ---------------------------------------------------------------------------------------------
// Work dir + configuration
// ---------------------------------------------------------------------------------------------

/**
 * The default `env.java.opts.all` (the --add-opens list Flink needs on JDK 17) from the shipped
 * config: nested YAML in config.yaml (2.x), a flat key in 1.20's legacy flink-conf.yaml.
 */
function defaultJavaOpts(flinkHome: string): string {
  const conf = path.join(flinkHome, 'conf');
  const file = ['config.yaml', 'flink-conf.yaml']
    .map((f) => path.join(conf, f))
    .find((f) => fs.existsSync(f));
  const text = file ? fs.readFileSync(file, 'utf8') : '';
  const m = /^\s*(?:env\.java\.opts\.)?all:\s*(--.+)$/m.exec(text);
  return m?.[1]?.trim() ?? '';
}

function yamlString(s: string): string {
  return JSON.stringify(s); // JSON strings are valid YAML double-quoted scalars
}

function writeConfig(
  flinkHome: string,
  workDir: string,
  restPort: number,
  rpcPort: number,
  extra: Record<string, string | number | boolean>,
): string {
  const confDir = path.join(workDir, 'conf');
  fs.mkdirSync(confDir, { recursive: true });
  for (const f of fs.readdirSync(path.join(flinkHome, 'conf'))) {
    // ours is the only Flink configuration file (1.20 would read a copied legacy flink-conf.yaml too)
    if (f !== 'config.yaml' && f !== 'flink-conf.yaml')
      fs.copyFileSync(path.join(flinkHome, 'conf', f), path.join(confDir, f));
  }
  for (const d of ['log', 'pid', 'tmp', 'web', 'checkpoints', 'savepoints', 'profiler']) {
    fs.mkdirSync(path.join(workDir, d), { recursive: true });
  }
  const fileUri = (d: string) => pathToFileURL(path.join(workDir, d)).href;
  const conf: Record<string, string | number | boolean> = {
    'env.java.opts.all': defaultJavaOpts(flinkHome),
    'jobmanager.rpc.address': 'localhost',
    'jobmanager.rpc.port': rpcPort,
    'jobmanager.bind-host': 'localhost',
    'jobmanager.memory.process.size': '1024m',
    'jobmanager.execution.failover-strategy': 'region',
    'taskmanager.bind-host': 'localhost',
    'taskmanager.host': 'localhost',
    'taskmanager.numberOfTaskSlots': 4,
    'taskmanager.memory.process.size': '1280m',
    'taskmanager.memory.managed.fraction': 0.1,
    'taskmanager.load-balance.mode': 'SLOTS',
    'parallelism.default': 1,
    'rest.address': '127.0.0.1',
    'rest.bind-address': '127.0.0.1',
    'rest.port': restPort,
    'rest.flamegraph.enabled': true,
    'rest.profiling.enabled': true,
    'rest.profiling.dir': path.join(workDir, 'profiler'),
    'web.submit.enable': true,
    'web.cancel.enable': true,
    'web.rescale.enable': true,
    'web.tmpdir': path.join(workDir, 'web'),
    'web.upload.dir': path.join(workDir, 'web'),
    'io.tmp.dirs': path.join(workDir, 'tmp'),
    'state.backend.type': 'hashmap',
    'execution.checkpointing.storage': 'filesystem',
    'execution.checkpointing.dir': fileUri('checkpoints'),
    'execution.checkpointing.savepoint-dir': fileUri('savepoints'),
    'restart-strategy.type': 'fixed-delay',
    'restart-strategy.fixed-delay.attempts': 2147483647,
    'restart-strategy.fixed-delay.delay': '2 s',
    // faster detection of killed task managers than the 50 s default, still tolerant of GC pauses
    'heartbeat.interval': 2000,
    'heartbeat.timeout': 15000,
    // task managers retry a failed registration (e.g. job manager restarting) after 1 s, not 10 s
    'cluster.registration.error-delay': 1000,
    ...extra,
  };
  const yaml = Object.entries(conf)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? yamlString(v) : String(v)}`)
    .join('\n');
  fs.writeFileSync(path.join(confDir, 'config.yaml'), `# generated by e2e/real/flink-cluster.ts\n${yaml}\n`);
  fs.writeFileSync(path.join(confDir, 'workers'), 'localhost\nlocalhost\n');
  fs.writeFileSync(path.join(confDir, 'masters'), `localhost:${restPort}\n`);
  return confDir;
}

// ---------------------------------------------------------------------------------------------
// Processes
// ---------------------------------------------------------------------------------------------

interface ClusterState {
  url: string;
  restPort: number;
  flinkHome: string;
  workDir: string;
  confDir: string;
  javaHome: string;
  jmPid: number;
  tmPids: number[];
  jobs?: RealFlink['jobs'];
  jarPath?: string;
  jarId?: string;
  startedAt: string;
  ownerPid: number;
  keepWorkDir?: boolean;
}

function scriptEnv(s: Pick<ClusterState, 'workDir' | 'confDir' | 'javaHome'>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    JAVA_HOME: s.javaHome,
    PATH: `${path.join(s.javaHome, 'bin')}:${process.env.PATH ?? ''}`,
    FLINK_CONF_DIR: s.confDir,
    FLINK_LOG_DIR: path.join(s.workDir, 'log'),
    FLINK_PID_DIR: path.join(s.workDir, 'pid'),
    FLINK_IDENT_STRING: IDENT,
  };
}

/** Process groups of bin/ scripts still running, per cluster (a JVM shares its script's group). */
const runningScripts = new WeakMap<ClusterState, Set<number>>();

/** Runs a bin/ script in its own process group (so a terminal Ctrl-C does not hit the JVMs first). */
function runScript(s: ClusterState, script: string, args: string[], timeoutMs = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [path.join(s.flinkHome, 'bin', script), ...args], {
      env: scriptEnv(s),
      cwd: s.workDir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const group = child.pid;
    if (group) {
      if (!runningScripts.has(s)) runningScripts.set(s, new Set());
      runningScripts.get(s)!.add(group);
      child.on('exit', () => runningScripts.get(s)?.delete(group));
    }
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => {
      try {
        process.kill(child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
      reject(new Error(`${script} ${args.join(' ')} timed out:\n${out}`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${script} ${args.join(' ')} exited with ${code}:\n${out}`));
    });
  });
}

function pidFile(s: ClusterState, daemon: 'standalonesession' | 'taskexecutor'): string {
  return path.join(s.workDir, 'pid', `flink-${IDENT}-${daemon}.pid`);
}

function lastPid(file: string): number {
  if (!fs.existsSync(file)) return 0;
  const lines = fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean);
  return Number(lines[lines.length - 1] ?? 0);
}

export function isAlive(pid: number): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // a zombie is not alive
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return true;
  }
}

/** Pids of JVMs started with this cluster's --configDir (safety net in case a pid file was lost). */
function pidsUsingConfDir(confDir: string): number[] {
  const out: number[] = [];
  let entries: string[] = [];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return out;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const args = fs.readFileSync(`/proc/${e}/cmdline`, 'utf8').split('\0');
      const i = args.indexOf('--configDir');
      if (i >= 0 && args[i + 1] === confDir) out.push(Number(e));
    } catch {
      /* gone */
    }
  }
  return out;
}

async function waitUntilDead(pids: number[], timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (pids.every((p) => !isAlive(p))) return true;
    await sleep(100);
  }
  return pids.every((p) => !isAlive(p));
}

function killNow(pids: number[], signal: NodeJS.Signals = 'SIGKILL') {
  for (const p of pids) {
    try {
      if (p) process.kill(p, signal);
    } catch {
      /* already gone */
    }
  }
}

function killScriptGroups(s: ClusterState) {
  for (const g of runningScripts.get(s) ?? []) {
    try {
      process.kill(-g, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  runningScripts.get(s)?.clear();
}

function pidsInFile(file: string): number[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => Number(l.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
}

/**
 * Stops every JVM of a cluster. Does what `jobmanager.sh stop-all` / `taskmanager.sh stop-all` do
 * (SIGTERM to each pid of the pid files, SIGKILL after 10 s), but for all daemons at once: the
 * scripts handle one daemon after the other and spend ~3 s each parsing the configuration.
 * JVMs started with this cluster's --configDir are included, in case a pid file was lost.
 */
async function stopState(s: ClusterState, log: Log): Promise<void> {
  // a start script still running (stop during start-up) would launch its JVM after this: kill its
  // process group, which includes the JVM it may already have forked
  killScriptGroups(s);
  const files = [pidFile(s, 'standalonesession'), pidFile(s, 'taskexecutor')];
  const known = (): number[] =>
    [...new Set([s.jmPid, ...s.tmPids, ...files.flatMap(pidsInFile), ...pidsUsingConfDir(s.confDir)])].filter(
      (p) => p && isAlive(p),
    );
  let left = known();
  if (left.length) {
    killNow(left, 'SIGTERM');
    await waitUntilDead(left, 10_000);
    left = known();
  }
  if (left.length) {
    log(`JVMs ${left.join(', ')} did not stop within 10 s after SIGTERM; sending SIGKILL`);
    killNow(left, 'SIGKILL');
    await waitUntilDead(left, 5000);
    left = known();
  }
  if (left.length) throw new Error(`could not stop JVMs ${left.join(', ')}`);
  for (const f of files) fs.rmSync(f, { force: true });
}

// ---------------------------------------------------------------------------------------------
// REST helpers
// ---------------------------------------------------------------------------------------------

export async function getJson<T = unknown>(url: string, timeoutMs = 10_000): Promise<T> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  if (!res.ok) throw new Error(`GET ${url} -> ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined | false>,
  timeoutMs: number,
  intervalMs = 500,
  onTimeout?: () => string,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let lastErr: unknown;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      lastErr = e;
    }
    await sleep(intervalMs);
  }
  const extra = onTimeout ? `\n${onTimeout()}` : '';
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${what}${lastErr ? ` (last error: ${String(lastErr)})` : ''}${extra}`,
  );
}

function logTail(s: ClusterState, n = 40): string {
  const dir = path.join(s.workDir, 'log');
  if (!fs.existsSync(dir)) return '';
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.log') || f.endsWith('.out'))
    .map((f) => {
      const lines = fs.readFileSync(path.join(dir, f), 'utf8').trimEnd().split('\n');
      return `--- ${f}\n${lines.slice(-n).join('\n')}`;
    })
    .join('\n');
}

/** Uploads a jar through POST /jars/upload (multipart, field `jarfile`); returns the jar id. */
export async function uploadJar(url: string, jarPath: string): Promise<{ jarId: string; response: unknown }> {
  const form = new FormData();
  const blob = new Blob([fs.readFileSync(jarPath)], { type: 'application/x-java-archive' });
  form.append('jarfile', blob, path.basename(jarPath));
  const res = await fetch(`${url}/jars/upload`, { method: 'POST', body: form });
  const text = await res.text();
  if (!res.ok) throw new Error(`jar upload failed: ${res.status} ${text}`);
  const body = JSON.parse(text) as { filename: string; status: string };
  return { jarId: path.basename(body.filename), response: body };
}

export interface RunJarRequest {
  entryClass: string;
  programArgsList?: string[];
  parallelism?: number;
  savepointPath?: string;
  allowNonRestoredState?: boolean;
  jobId?: string;
  /** Job-level configuration (Flink 1.19+). */
  flinkConfiguration?: Record<string, string>;
}

/** Starts a job through POST /jars/:jarid/run; returns the job id. */
export async function runJar(url: string, jarId: string, req: RunJarRequest): Promise<string> {
  const res = await fetch(`${url}/jars/${encodeURIComponent(jarId)}/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(req),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`run ${req.entryClass} failed: ${res.status} ${text}`);
  return (JSON.parse(text) as { jobid: string }).jobid;
}

interface JobDetails {
  jid: string;
  name: string;
  state: string;
}
interface CheckpointStats {
  counts: { completed: number };
}

/** The benchmark's 10-vertex running job (issue #10 measures cluster load on one), started on demand. */
export async function startWideJob(url: string, jarId: string): Promise<string> {
  const jobId = await runJar(url, jarId, { entryClass: ENTRY_CLASSES.wide });
  await waitForJob(url, jobId, 'RUNNING', false, 120_000);
  return jobId;
}

async function waitForJob(
  url: string,
  jobId: string,
  want: 'RUNNING' | 'FINISHED',
  needCheckpoint: boolean,
  timeoutMs: number,
): Promise<void> {
  await waitFor(
    `job ${jobId} ${want}${needCheckpoint ? ' with a completed checkpoint' : ''}`,
    async () => {
      const job = await getJson<JobDetails>(`${url}/jobs/${jobId}`);
      if (job.state === 'FAILED' || job.state === 'CANCELED') throw new Error(`job ${jobId} is ${job.state}`);
      if (job.state !== want) return false;
      if (want === 'RUNNING') {
        // all tasks deployed, not only the job
        const d = await getJson<{ vertices: { status: string }[] }>(`${url}/jobs/${jobId}`);
        if (!d.vertices.every((v) => v.status === 'RUNNING')) return false;
      }
      if (!needCheckpoint) return true;
      const cp = await getJson<CheckpointStats>(`${url}/jobs/${jobId}/checkpoints`);
      return cp.counts.completed >= 1;
    },
    timeoutMs,
    500,
  );
}

// ---------------------------------------------------------------------------------------------
// Cluster
// ---------------------------------------------------------------------------------------------

async function startJobManagerProcess(s: ClusterState, log: Log): Promise<void> {
  const t0 = Date.now();
  await runScript(s, 'jobmanager.sh', ['start']);
  s.jmPid = lastPid(pidFile(s, 'standalonesession'));
  if (!isAlive(s.jmPid)) throw new Error(`jobmanager did not start:\n${logTail(s)}`);
  await waitFor(
    'REST endpoint',
    async () => {
      if (!isAlive(s.jmPid)) throw new Error(`jobmanager exited:\n${logTail(s)}`);
      const res = await fetch(`${s.url}/config`, { signal: AbortSignal.timeout(2000) });
      return res.ok;
    },
    // 76 s were measured at load average ~25 on 2 cores (HA JobManager restart, issue 15)
    180_000,
    250,
    () => logTail(s),
  );
  log(`jobmanager pid ${s.jmPid} up at ${s.url} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/** Starts `count` task managers in parallel (flink-daemon.sh serialises its pid file with flock). */
async function startTaskManagerProcesses(s: ClusterState, count: number): Promise<number[]> {
  const file = pidFile(s, 'taskexecutor');
  const before = new Set(pidsInFile(file));
  await Promise.all(Array.from({ length: count }, () => runScript(s, 'taskmanager.sh', ['start'])));
  const added = pidsInFile(file).filter((p) => !before.has(p));
  if (added.length !== count || !added.every(isAlive))
    throw new Error(`taskmanager did not start:\n${logTail(s)}`);
  const first = s.tmPids.length;
  s.tmPids.push(...added);
  return added.map((_, i) => first + i);
}

async function waitForTaskManagers(s: ClusterState, count: number, timeoutMs = 120_000): Promise<void> {
  await waitFor(
    `${count} registered taskmanagers`,
    async () => {
      if (!isAlive(s.jmPid)) throw new Error(`jobmanager exited:\n${logTail(s)}`);
      const o = await getJson<{ taskmanagers: number }>(`${s.url}/overview`, 3000);
      return o.taskmanagers === count;
    },
    timeoutMs,
    300,
    () => logTail(s),
  );
}

// exit hooks: JVMs of clusters started by this process die with it (unless detached)
const liveClusters = new Set<ClusterState>();
let hooksInstalled = false;
function installExitHooks(log: Log) {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => {
    for (const s of liveClusters) {
      killScriptGroups(s);
      killNow([s.jmPid, ...s.tmPids, ...pidsUsingConfDir(s.confDir)]);
    }
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      log(`${sig}: stopping Flink`);
      Promise.allSettled(
        [...liveClusters].map(async (s) => {
          await stopState(s, log);
          if (!s.keepWorkDir) fs.rmSync(s.workDir, { recursive: true, force: true });
        }),
      ).finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
    });
  }
}

export async function startRealFlink(opts: StartOptions = {}): Promise<RealFlink> {
  const log = opts.log ?? defaultLog;
  const wantJobs = opts.jobs ?? true;
  const tmCount = opts.taskManagers ?? 2;
  const timings: Record<string, number> = {};
  let t = Date.now();
  const lap = (name: string) => {
    const now = Date.now();
    timings[name] = (now - t) / 1000;
    t = now;
  };

  const version = resolveFlinkVersion(opts.version);
  const flinkHome = ensureFlinkDistribution(log, version);
  lap('install');
  const jarPath = buildJobsJar(flinkHome, log, version);
  lap('buildJar');
  const javaHome = findJavaHome();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'streamdash-flink-'));
  const restPort = await freePort();
  let rpcPort = await freePort();
  while (rpcPort === restPort) rpcPort = await freePort();
  const confDir = writeConfig(flinkHome, workDir, restPort, rpcPort, {
    ...(opts.scheduler === 'adaptive' ? { 'jobmanager.scheduler': 'adaptive' } : {}),
    ...opts.config,
  });
  const s: ClusterState = {
    url: `http://127.0.0.1:${restPort}`,
    restPort,
    flinkHome,
    workDir,
    confDir,
    javaHome,
    jmPid: 0,
    tmPids: [],
    startedAt: new Date().toISOString(),
    ownerPid: process.pid,
    keepWorkDir: opts.keepWorkDir || process.env.STREAMDASH_FLINK_KEEP === '1',
  };
  liveClusters.add(s);
  if (!opts.detach) installExitHooks(log);
  log(`work dir ${workDir}`);

  const keep = s.keepWorkDir;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await stopState(s, log);
    liveClusters.delete(s);
    if (!keep) fs.rmSync(workDir, { recursive: true, force: true });
  };

  try {
    // job manager first: task managers started alongside compete for the 2 cores and, when they
    // reach the resource manager before it is up, retry only after cluster.registration.error-delay
    await startJobManagerProcess(s, log);
    await startTaskManagerProcesses(s, tmCount);
    await waitForTaskManagers(s, tmCount);
    lap('startCluster');
    log(`${tmCount} taskmanagers registered (pids ${s.tmPids.join(', ')})`);

    let jobs: RealFlink['jobs'] = { checkpointing: '', backpressure: '', failing: '', bounded: '' };
    let jarId = '';
    const workload = (job: keyof typeof GENTLE_ARGS): RunJarRequest => ({
      entryClass: ENTRY_CLASSES[job],
      ...(opts.gentleJobs ? { programArgsList: GENTLE_ARGS[job] } : {}),
    });
    if (wantJobs) {
      jarId = (await uploadJar(s.url, jarPath)).jarId;
      jobs = {
        bounded: await runJar(s.url, jarId, { entryClass: ENTRY_CLASSES.bounded }),
        checkpointing: await runJar(s.url, jarId, workload('checkpointing')),
        backpressure: await runJar(s.url, jarId, workload('backpressure')),
        failing: await runJar(s.url, jarId, workload('failing')),
      };
      log(`submitted jobs ${JSON.stringify(jobs)}`);
      await Promise.all([
        waitForJob(s.url, jobs.bounded, 'FINISHED', false, 120_000),
        waitForJob(s.url, jobs.checkpointing, 'RUNNING', true, 120_000),
        waitForJob(s.url, jobs.backpressure, 'RUNNING', true, 120_000),
        waitForJob(s.url, jobs.failing, 'RUNNING', true, 120_000),
      ]);
      lap('startJobs');
      log('bounded job FINISHED; streaming jobs RUNNING with completed checkpoints');
    }
    s.jobs = jobs;
    s.jarPath = jarPath;
    s.jarId = jarId;
    log(`timings (s): ${JSON.stringify(timings)}`);

    const cluster: RealFlink & { timings: Record<string, number>; state: ClusterState } = {
      version,
      url: s.url,
      restPort,
      flinkHome,
      workDir,
      jobs,
      jarPath,
      jarId,
      timings,
      state: s,
      stop,
      pids: () => ({
        jobManager: isAlive(s.jmPid) ? s.jmPid : 0,
        taskManagers: s.tmPids.map((p) => (isAlive(p) ? p : 0)),
      }),
      async killJobManager() {
        killNow([s.jmPid]);
        await waitUntilDead([s.jmPid], 10_000);
      },
      async startJobManager() {
        if (isAlive(s.jmPid)) return;
        await startJobManagerProcess(s, log);
        await waitForTaskManagers(s, s.tmPids.filter(isAlive).length);
      },
      async killTaskManager(index: number) {
        const pid = s.tmPids[index];
        if (pid === undefined) throw new Error(`no taskmanager #${index} (have ${s.tmPids.length})`);
        killNow([pid]);
        await waitUntilDead([pid], 10_000);
      },
      async startTaskManager() {
        const [index] = await startTaskManagerProcesses(s, 1);
        // A JVM started while jobs restart on a loaded 2-core machine took 90 s to log its first line.
        await waitForTaskManagers(s, s.tmPids.filter(isAlive).length, 240_000);
        return index!;
      },
    };
    return cluster;
  } catch (e) {
    log(`start failed, stopping (logs: ${workDir}/log)`);
    stopped = true;
    await stopState(s, log).catch((err) => log(String(err)));
    liveClusters.delete(s);
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

function readState(): ClusterState | undefined {
  if (!fs.existsSync(STATE_FILE)) return undefined;
  return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as ClusterState;
}

async function cliStop(log: Log) {
  const s = readState();
  if (!s) {
    log('no cluster state file; nothing to stop');
    return;
  }
  await stopState(s, log);
  if (process.env.STREAMDASH_FLINK_KEEP !== '1') fs.rmSync(s.workDir, { recursive: true, force: true });
  fs.rmSync(STATE_FILE, { force: true });
  log(`stopped cluster at ${s.url}`);
}

async function main(argv: string[]) {
  const cmd = argv[0] ?? 'help';
  const version = resolveFlinkVersion(argv[1]);
  const log = defaultLog;
  const t0 = Date.now();
  if (cmd === 'start') {
    const prev = readState();
    if (prev && [prev.jmPid, ...prev.tmPids].some(isAlive)) {
      throw new Error(`a cluster started by 'start' is still running at ${prev.url}; run 'stop' first`);
    }
    const c = (await startRealFlink({ log, detach: true, version })) as RealFlink & { state: ClusterState };
    fs.writeFileSync(STATE_FILE, JSON.stringify(c.state, null, 2));
    process.stdout.write(
      `${JSON.stringify({ url: c.url, restPort: c.restPort, workDir: c.workDir, jobs: c.jobs, jarPath: c.jarPath, jarId: c.jarId, pids: c.pids() }, null, 2)}\n`,
    );
  } else if (cmd === 'stop') {
    await cliStop(log);
  } else if (cmd === 'record') {
    const { recordFixtures } = await import('./flink-record.ts');
    const c = await startRealFlink({ log, version });
    try {
      await recordFixtures(c, { log, stopBeforeAdaptive: true });
    } finally {
      await c.stop();
    }
  } else if (cmd === 'install') {
    const home = ensureFlinkDistribution(log, version);
    buildJobsJar(home, log, version);
  } else {
    process.stdout.write('usage: npx tsx e2e/real/flink-cluster.ts start|stop|record|install [version]\n');
    process.exitCode = cmd === 'help' ? 0 : 2;
    return;
  }
  log(`${cmd} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    () => process.exit(process.exitCode ?? 0),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
}
