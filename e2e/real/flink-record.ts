/**
 * Records real Flink 2.2 REST responses into e2e/fixtures/flink/2.2 (GET answers) and
 * e2e/fixtures/flink/2.2/mutations (POST/PATCH/PUT/DELETE request + answer).
 *
 * Used by `npx tsx e2e/real/flink-cluster.ts record`.
 *
 * Fixture names: the path template with `/` -> `__` and `:` dropped, plus `--variant` when one
 * endpoint is recorded more than once (other job, query parameters, error, first answer...).
 * `_index.json` lists every fixture with the real URL, status, content type and what was shortened;
 * `_schema-diff.json` compares each JSON answer with the schema of the reference docs.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  ENTRY_CLASSES,
  FLINK_VERSION,
  REPO_ROOT,
  flinkMinor,
  getJson,
  runJar,
  startRealFlink,
  uploadJar,
  type RealFlink,
  type RunJarRequest,
} from './flink-cluster.ts';
import { compareToSchema, parseEndpointList, parseReference, type SchemaDiff } from './flink-schema.ts';

/** e2e/fixtures/flink/<minor>: one folder per Flink version the suite proves. */
export const fixtureDir = (version: string) =>
  path.join(REPO_ROOT, 'e2e', 'fixtures', 'flink', flinkMinor(version));
let FIXTURE_DIR = fixtureDir(FLINK_VERSION);
/** Recording goes to a temporary sibling folder that replaces FIXTURE_DIR only when complete. */
let OUT_DIR = `${FIXTURE_DIR}.recording-${process.pid}`;
let MUTATION_DIR = path.join(OUT_DIR, 'mutations');
/** The version being recorded (set by recordFixtures from the cluster). */
let VERSION = FLINK_VERSION;

type Log = (s: string) => void;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const hex32 = () => randomBytes(16).toString('hex');

export interface IndexEntry {
  file: string;
  method: string;
  /** path template of the reference, e.g. /jobs/:jobid */
  template: string;
  /** real request path + query */
  url: string;
  status: number;
  contentType: string;
  /** size of the real body in bytes */
  bytes: number;
  /** what was shortened to keep the fixture small */
  shortened?: string[];
  note?: string;
  /** seconds since the recorder started polling, for answers that needed polling */
  waitedSeconds?: number;
}

interface ShrinkOptions {
  maxArray?: number;
  maxString?: number;
  /** keep arrays at these JSON paths complete */
  keepArrays?: string[];
}

/** Shortens long arrays/strings, keeping the real structure. Returns notes of what was cut. */
export function shrink(value: unknown, opts: ShrinkOptions = {}): { value: unknown; notes: string[] } {
  const maxArray = opts.maxArray ?? 10;
  const maxString = opts.maxString ?? 4000;
  const notes: string[] = [];
  const walk = (v: unknown, p: string): unknown => {
    if (typeof v === 'string') {
      if (v.length > maxString) {
        notes.push(`${p}: string cut from ${v.length} to ${maxString} chars`);
        return v.slice(0, maxString);
      }
      return v;
    }
    if (Array.isArray(v)) {
      const keep = opts.keepArrays?.includes(p) ? v.length : maxArray;
      if (v.length > keep) notes.push(`${p}: array cut from ${v.length} to ${keep} items`);
      return v.slice(0, keep).map((x, i) => walk(x, i === 0 ? `${p}[*]` : `${p}[*]`));
    }
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x, `${p}.${k}`);
      return out;
    }
    return v;
  };
  const value2 = walk(value, '$');
  return { value: value2, notes: [...new Set(notes)] };
}

interface FlameNode {
  name: string;
  value: number;
  children?: FlameNode[];
  [k: string]: unknown;
}

/** Keeps the `budget` heaviest nodes of a flame graph tree (a node only with its parent). */
export function pruneFlameGraph(root: FlameNode, budget = 150): { root: FlameNode; total: number } {
  let total = 0;
  const count = (n: FlameNode) => {
    total++;
    for (const c of n.children ?? []) count(c);
  };
  count(root);
  const copy = (n: FlameNode): FlameNode => {
    const { children, ...rest } = n;
    return children ? { ...rest, children: [] } : { ...rest };
  };
  const newRoot = copy(root);
  let kept = 1;
  const frontier: { node: FlameNode; parent: FlameNode }[] = (root.children ?? []).map((c) => ({
    node: c,
    parent: newRoot,
  }));
  while (kept < budget && frontier.length) {
    frontier.sort((a, b) => b.node.value - a.node.value);
    const { node, parent } = frontier.shift()!;
    const c = copy(node);
    parent.children!.push(c);
    kept++;
    for (const ch of node.children ?? []) frontier.push({ node: ch, parent: c });
  }
  return { root: newRoot, total };
}

const BIG = '__streamdash_bigint__';

/**
 * JSON.parse that keeps integers beyond Number.MAX_SAFE_INTEGER exact (Flink sends Long.MAX_VALUE,
 * e.g. the checkpoint interval of a job without checkpointing): they are parsed as marker strings
 * and written back as the original digits by `stringifyJson`.
 */
export function parseJson(text: string): unknown {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
      const tok = m?.[0] ?? ch;
      const isBig = !m?.[1] && !m?.[2] && !Number.isSafeInteger(Number(tok));
      out += isBig ? `"${BIG}${tok}"` : tok;
      i += tok.length;
    } else {
      out += ch;
      i++;
    }
  }
  return JSON.parse(out);
}

export function stringifyJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(new RegExp(`"${BIG}(-?\\d+)"`, 'g'), '$1');
}

function templateToName(template: string): string {
  const base = template.replace(/^\//, '').replace(/:/g, '').replace(/\//g, '__');
  return base || 'root';
}

interface Resp {
  status: number;
  contentType: string;
  text: string;
  json?: unknown;
}

async function http(url: string, init: RequestInit = {}): Promise<Resp> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  const contentType = res.headers.get('content-type') ?? '';
  let json: unknown;
  if (contentType.includes('json') || /^[[{]/.test(text.trim())) {
    try {
      json = parseJson(text);
    } catch {
      /* not JSON */
    }
  }
  return { status: res.status, contentType, text, json };
}

interface RecordOptions {
  log?: Log;
  /** also start a small adaptive-scheduler cluster for resource-requirements + DELETE /cluster */
  adaptive?: boolean;
  /** stop the main cluster before the adaptive one starts (faster on 2 cores) */
  stopBeforeAdaptive?: boolean;
}

class Recorder {
  readonly index: IndexEntry[] = [];
  readonly mutations: IndexEntry[] = [];
  readonly schemaInput: { file: string; method: string; template: string; status: number; body: unknown }[] =
    [];
  readonly t0 = Date.now();
  constructor(
    readonly base: string,
    readonly log: Log,
    readonly prefix = '',
  ) {}

  private fileName(template: string, variant?: string) {
    return `${this.prefix}${templateToName(template)}${variant ? `--${variant}` : ''}`;
  }

  private write(dir: string, name: string, ext: string, content: string): string {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}${ext}`);
    if (fs.existsSync(file)) throw new Error(`fixture ${file} recorded twice`);
    fs.writeFileSync(file, content);
    return path.relative(OUT_DIR, file);
  }

  /** GET and save. `url` is the real path (+query). Returns the parsed answer. */
  async get(
    template: string,
    url: string,
    o: {
      variant?: string;
      shrink?: ShrinkOptions;
      note?: string;
      textLimit?: number;
      transform?: (v: unknown) => { value: unknown; notes: string[] };
      waitedSeconds?: number;
    } = {},
  ): Promise<Resp> {
    const r = await http(`${this.base}${url}`);
    this.save(template, url, r, o);
    return r;
  }

  /** Save an answer obtained elsewhere (polling loops). */
  save(
    template: string,
    url: string,
    r: Resp,
    o: {
      variant?: string;
      shrink?: ShrinkOptions;
      note?: string;
      textLimit?: number;
      transform?: (v: unknown) => { value: unknown; notes: string[] };
      waitedSeconds?: number;
    } = {},
  ): void {
    const name = this.fileName(template, o.variant);
    const entry: IndexEntry = {
      file: '',
      method: 'GET',
      template,
      url,
      status: r.status,
      contentType: r.contentType,
      bytes: Buffer.byteLength(r.text),
    };
    if (r.json !== undefined) {
      let { value, notes } = o.transform ? o.transform(r.json) : { value: r.json, notes: [] as string[] };
      const s = shrink(value, o.shrink);
      value = s.value;
      notes = [...notes, ...s.notes];
      entry.file = this.write(OUT_DIR, name, '.json', `${stringifyJson(value)}\n`);
      if (notes.length) entry.shortened = notes;
      this.schemaInput.push({ file: entry.file, method: 'GET', template, status: r.status, body: r.json });
    } else {
      const limit = o.textLimit ?? 4096;
      let text = r.text;
      if (Buffer.byteLength(text) > limit) {
        text = Buffer.from(text).subarray(0, limit).toString('utf8');
        const nl = text.lastIndexOf('\n');
        if (nl > limit / 2) text = text.slice(0, nl + 1);
        entry.shortened = [
          `text cut from ${entry.bytes} to ${Buffer.byteLength(text)} bytes (at a line end)`,
        ];
      }
      // .txt also for the profiler's HTML flame graph, which is served as text/plain
      const ext = '.txt';
      entry.file = this.write(OUT_DIR, name, ext, text);
    }
    if (o.note) entry.note = o.note;
    if (o.waitedSeconds !== undefined) entry.waitedSeconds = o.waitedSeconds;
    this.index.push(entry);
    this.log(`  ${r.status} GET ${url} -> ${entry.file}`);
  }

  /** Sends a mutation and saves request + answer into mutations/. */
  async mutate(
    method: string,
    template: string,
    url: string,
    body?: unknown,
    o: { variant?: string; note?: string; form?: { field: string; file: string; contentType: string } } = {},
  ): Promise<Resp> {
    let init: RequestInit = { method };
    let requestRecord: unknown = body;
    const headers: Record<string, string> = {};
    if (o.form) {
      const form = new FormData();
      const blob = new Blob([fs.readFileSync(o.form.file)], { type: o.form.contentType });
      form.append(o.form.field, blob, path.basename(o.form.file));
      init = { method, body: form };
      headers['content-type'] = 'multipart/form-data; boundary=…';
      requestRecord = {
        multipart: {
          field: o.form.field,
          filename: path.basename(o.form.file),
          contentType: o.form.contentType,
        },
      };
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      init = { method, headers, body: JSON.stringify(body) };
    }
    const r = await http(`${this.base}${url}`, init);
    const name = this.fileName(template, o.variant);
    const s = shrink(r.json ?? r.text, { maxString: 8000 });
    const content = {
      request: { method, template, url, headers, body: requestRecord ?? null },
      response: { status: r.status, contentType: r.contentType, body: s.value },
      ...(o.note ? { note: o.note } : {}),
    };
    const file = this.write(MUTATION_DIR, name, '.json', `${stringifyJson(content)}\n`);
    const entry: IndexEntry = {
      file,
      method,
      template,
      url,
      status: r.status,
      contentType: r.contentType,
      bytes: Buffer.byteLength(r.text),
      ...(s.notes.length ? { shortened: s.notes } : {}),
      ...(o.note ? { note: o.note } : {}),
    };
    this.mutations.push(entry);
    if (r.json !== undefined)
      this.schemaInput.push({ file, method, template, status: r.status, body: r.json });
    this.log(`  ${r.status} ${method} ${url} -> ${file}`);
    return r;
  }

  /** Polls GET until `done` says so; saves the first answer as `firstVariant` (if given) and the final one. */
  async poll(
    template: string,
    url: string,
    done: (r: Resp) => boolean,
    o: {
      timeoutMs?: number;
      intervalMs?: number;
      variant?: string;
      firstVariant?: string;
      shrink?: ShrinkOptions;
      transform?: (v: unknown) => { value: unknown; notes: string[] };
      note?: string;
    } = {},
  ): Promise<Resp> {
    const t = Date.now();
    const end = t + (o.timeoutMs ?? 60_000);
    let first: Resp | undefined;
    let r: Resp;
    for (;;) {
      r = await http(`${this.base}${url}`);
      if (!first) {
        first = r;
        if (o.firstVariant && !done(r)) {
          this.save(template, url, r, {
            variant: o.firstVariant,
            note: 'first answer, before the data was ready',
          });
        }
      }
      if (done(r) || Date.now() > end) break;
      await sleep(o.intervalMs ?? 1000);
    }
    const waited = Math.round((Date.now() - t) / 100) / 10;
    this.save(template, url, r, {
      variant: o.variant,
      shrink: o.shrink,
      transform: o.transform,
      waitedSeconds: waited,
      note: done(r) ? o.note : `${o.note ? `${o.note}; ` : ''}TIMED OUT waiting for the expected answer`,
    });
    if (!done(r)) this.log(`  !! timed out waiting for ${url}`);
    return r;
  }
}

interface JobInfo {
  jid: string;
  name: string;
  state: string;
  vertices: { id: string; name: string; parallelism: number; status: string }[];
}

const asObj = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

async function waitState(
  base: string,
  jobId: string,
  states: string[],
  timeoutMs = 60_000,
): Promise<JobInfo> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const j = await getJson<JobInfo>(`${base}/jobs/${jobId}`);
    const allRunning = j.state !== 'RUNNING' || j.vertices.every((v) => v.status === 'RUNNING');
    if (states.includes(j.state) && allRunning) return j;
    if (Date.now() > end) throw new Error(`job ${jobId} is ${j.state}, wanted ${states.join('|')}`);
    await sleep(300);
  }
}

async function waitCheckpoint(base: string, jobId: string, min = 1, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const c = asObj(await getJson(`${base}/jobs/${jobId}/checkpoints`));
    if (Number(asObj(c.counts).completed ?? 0) >= min) return c;
    if (Date.now() > end) throw new Error(`no completed checkpoint for ${jobId}`);
    await sleep(500);
  }
}

const isCompleted = (r: Resp) => asObj(asObj(r.json).status).id === 'COMPLETED';

/** Metric ids from a metric list answer, preferring `wanted` (in that order). */
function pickMetrics(list: unknown, wanted: string[], fallback = 3): string[] {
  const ids = Array.isArray(list) ? list.map((m) => String(asObj(m).id)) : [];
  const picked = wanted.filter((w) => ids.includes(w));
  return picked.length ? picked : ids.slice(0, fallback);
}

const nonEmptyArray = (r: Resp) => r.status === 200 && Array.isArray(r.json) && r.json.length > 0;

export async function recordFixtures(
  c: RealFlink,
  opts: RecordOptions = {},
): Promise<{ fixtures: number; seconds: number }> {
  const log = opts.log ?? ((s: string) => process.stderr.write(`[record] ${s}\n`));
  const t0 = Date.now();
  VERSION = c.version;
  FIXTURE_DIR = fixtureDir(VERSION);
  OUT_DIR = `${FIXTURE_DIR}.recording-${process.pid}`;
  MUTATION_DIR = path.join(OUT_DIR, 'mutations');
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
  fs.mkdirSync(MUTATION_DIR, { recursive: true });
  const cleanup = () => fs.rmSync(OUT_DIR, { recursive: true, force: true });
  process.once('exit', cleanup);
  try {
    return await recordInto(c, opts, log, t0);
  } finally {
    process.removeListener('exit', cleanup);
    cleanup();
  }
}

async function recordInto(
  c: RealFlink,
  opts: RecordOptions,
  log: Log,
  t0: number,
): Promise<{ fixtures: number; seconds: number }> {
  const R = new Recorder(c.url, log);
  const base = c.url;
  const { checkpointing: C, backpressure: B, failing: F, bounded: D } = c.jobs;

  const jobC = await getJson<JobInfo>(`${base}/jobs/${C}`);
  const jobB = await getJson<JobInfo>(`${base}/jobs/${B}`);
  const jobD = await getJson<JobInfo>(`${base}/jobs/${D}`);
  const jobF = await getJson<JobInfo>(`${base}/jobs/${F}`);
  const vByName = (j: JobInfo, part: string) => {
    const v = j.vertices.find((x) => x.name.includes(part));
    if (!v) throw new Error(`no vertex '${part}' in ${j.name}: ${j.vertices.map((x) => x.name).join(', ')}`);
    return v.id;
  };
  const vBsrc = vByName(jobB, 'Parse'); // upstream of the slow operator: back-pressured
  const vBslow = vByName(jobB, 'Slow enrichment');
  const vCsrc = vByName(jobC, 'Orders source');
  const vCsum = vByName(jobC, 'Sum per key');
  const vFval = vByName(jobF, 'Validate');

  // ---- first answers: back-pressure + flame graph sampling start on the first request ----------
  log('back-pressure + flame graphs');
  const bpUrl = `/jobs/${B}/vertices/${vBsrc}/backpressure`;
  const bpT = '/jobs/:jobid/vertices/:vertexid/backpressure';
  const fgT = '/jobs/:jobid/vertices/:vertexid/flamegraph';
  const fgUrl = (type: string) => `/jobs/${B}/vertices/${vBslow}/flamegraph?type=${type}`;
  const flameReady = (r: Resp) => r.status === 200 && !!asObj(r.json).data;
  const flameTransform = (v: unknown) => {
    const o = asObj(v);
    if (!o.data) return { value: v, notes: [] };
    const { root, total } = pruneFlameGraph(o.data as FlameNode, 120);
    return {
      value: { ...o, data: root },
      notes: total > 120 ? [`$.data: kept the 120 heaviest of ${total} nodes`] : [],
    };
  };
  const fgFirst = await http(`${base}${fgUrl('off_cpu')}`);
  R.save(fgT, fgUrl('off_cpu'), fgFirst, {
    variant: 'first-answer',
    note: 'first request: sampling just started (endTimestamp -3 = waiting)',
  });
  await R.poll(
    bpT,
    bpUrl,
    (r) => asObj(r.json).status === 'ok' && asObj(r.json).backpressureLevel === 'high',
    {
      firstVariant: 'first-answer',
      timeoutMs: 90_000,
      note: 'upstream vertex (Fast source -> Parse) of the slow operator',
    },
  );
  await R.get(bpT, `/jobs/${B}/vertices/${vBslow}/backpressure`, { variant: 'slow-operator' });
  await R.poll(bpT, `/jobs/${C}/vertices/${vCsrc}/backpressure`, (r) => asObj(r.json).status === 'ok', {
    variant: 'checkpointing-source',
    timeoutMs: 60_000,
  });
  await R.poll(fgT, fgUrl('off_cpu'), flameReady, {
    variant: 'off_cpu',
    transform: flameTransform,
    timeoutMs: 120_000,
  });
  await R.poll(fgT, fgUrl('on_cpu'), flameReady, {
    variant: 'on_cpu',
    transform: flameTransform,
    timeoutMs: 120_000,
  });
  await R.poll(fgT, fgUrl('full'), flameReady, {
    transform: flameTransform,
    timeoutMs: 120_000,
    note: 'type=full',
  });
  await R.poll(fgT, `${fgUrl('full')}&subtaskindex=0`, flameReady, {
    variant: 'subtask0',
    transform: flameTransform,
    timeoutMs: 120_000,
  });

  // ---- cluster ----------------------------------------------------------------------------------
  log('cluster');
  await R.get('/config', '/config');
  await R.get('/overview', '/v1/overview', { variant: 'v1', note: 'versioned URL prefix' });
  await R.get('/datasets', '/datasets');
  await R.get('/jobmanager/config', '/jobmanager/config', { shrink: { maxArray: 200 } });
  await R.get('/jobmanager/environment', '/jobmanager/environment', {
    shrink: { maxArray: 60, maxString: 2000 },
  });
  const jmLogs = await R.get('/jobmanager/logs', '/jobmanager/logs');
  await R.get('/jobmanager/log', '/jobmanager/log', { note: 'text, not in the reference' });
  await R.get('/jobmanager/stdout', '/jobmanager/stdout', { note: 'text, not in the reference' });
  const jmLogName = ((asObj(jmLogs.json).logs as { name: string }[] | undefined) ?? []).find((l) =>
    l.name.includes('standalonesession'),
  )?.name;
  if (jmLogName) {
    await R.get('/jobmanager/logs/:logname', `/jobmanager/logs/${encodeURIComponent(jmLogName)}`, {
      note: 'text, not in the reference',
    });
  }
  await R.get('/jobmanager/thread-dump', '/jobmanager/thread-dump', { shrink: { maxArray: 4 } });
  const jmMetrics = await R.get('/jobmanager/metrics', '/jobmanager/metrics', { shrink: { maxArray: 30 } });
  const jmGet = pickMetrics(jmMetrics.json, [
    'numRegisteredTaskManagers',
    'taskSlotsAvailable',
    'taskSlotsTotal',
    'numRunningJobs',
    'Status.JVM.Memory.Heap.Used',
    'Status.JVM.CPU.Load',
  ]);
  await R.poll('/jobmanager/metrics', `/jobmanager/metrics?get=${jmGet.join(',')}`, nonEmptyArray, {
    variant: 'get',
  });

  const tms = asObj((await R.get('/taskmanagers', '/taskmanagers')).json).taskmanagers as { id: string }[];
  const tm = tms[0]!.id;
  await R.get('/taskmanagers/:taskmanagerid', `/taskmanagers/${tm}`);
  await R.get('/taskmanagers/:taskmanagerid', `/taskmanagers/${encodeURIComponent(tm)}`, {
    variant: 'url-encoded-id',
    note: 'task manager ids contain ":"; here it is sent percent-encoded',
  });
  const tmMetrics = await R.get('/taskmanagers/:taskmanagerid/metrics', `/taskmanagers/${tm}/metrics`, {
    shrink: { maxArray: 30 },
  });
  const tmGet = pickMetrics(tmMetrics.json, [
    'Status.JVM.Memory.Heap.Used',
    'Status.JVM.Memory.Heap.Max',
    'Status.JVM.CPU.Load',
    'Status.Shuffle.Netty.AvailableMemorySegments',
    'Status.Shuffle.Netty.TotalMemorySegments',
  ]);
  await R.poll(
    '/taskmanagers/:taskmanagerid/metrics',
    `/taskmanagers/${tm}/metrics?get=${tmGet.join(',')}`,
    nonEmptyArray,
    {
      variant: 'get',
    },
  );
  await R.get('/taskmanagers/metrics', '/taskmanagers/metrics', { shrink: { maxArray: 30 } });
  await R.poll(
    '/taskmanagers/metrics',
    `/taskmanagers/metrics?get=Status.JVM.Memory.Heap.Used,Status.JVM.CPU.Load&agg=min,max,avg,sum`,
    nonEmptyArray,
    { variant: 'get-agg' },
  );
  await R.get('/taskmanagers/metrics', `/taskmanagers/metrics?get=Status.JVM.Memory.Heap.Used&agg=skew`, {
    variant: 'agg-skew',
    note: 'skew is listed in the 2.2 reference but not in the flat endpoint list',
  });
  await R.get(
    '/taskmanagers/metrics',
    `/taskmanagers/metrics?get=Status.JVM.Memory.Heap.Used&agg=max&taskmanagers=${tm}`,
    {
      variant: 'one-taskmanager',
    },
  );
  const tmLogs = await R.get('/taskmanagers/:taskmanagerid/logs', `/taskmanagers/${tm}/logs`);
  await R.get('/taskmanagers/:taskmanagerid/log', `/taskmanagers/${tm}/log`, {
    note: 'text, not in the reference',
  });
  await R.get('/taskmanagers/:taskmanagerid/stdout', `/taskmanagers/${tm}/stdout`, {
    note: 'text, not in the reference',
  });
  const tmLogName = ((asObj(tmLogs.json).logs as { name: string }[] | undefined) ?? []).find((l) =>
    l.name.endsWith('.log'),
  )?.name;
  if (tmLogName) {
    await R.get(
      '/taskmanagers/:taskmanagerid/logs/:logname',
      `/taskmanagers/${tm}/logs/${encodeURIComponent(tmLogName)}`,
      {
        note: 'text, not in the reference',
      },
    );
  }
  await R.get('/taskmanagers/:taskmanagerid/thread-dump', `/taskmanagers/${tm}/thread-dump`, {
    shrink: { maxArray: 4 },
  });

  // ---- jars -----------------------------------------------------------------------------------
  log('jars');
  await R.get('/jars', '/jars');
  await R.get('/jars/:jarid/plan', `/jars/${c.jarId}/plan?entry-class=${ENTRY_CLASSES.checkpointing}`, {
    note: 'GET variant: only in the flat endpoint list, not in the 2.2 reference',
  });
  await R.mutate('POST', '/jars/:jarid/plan', `/jars/${c.jarId}/plan`, {
    entryClass: ENTRY_CLASSES.backpressure,
    parallelism: 2,
  });
  const up = await R.mutate('POST', '/jars/upload', '/jars/upload', undefined, {
    form: { field: 'jarfile', file: c.jarPath, contentType: 'application/x-java-archive' },
  });
  const jar2 = path.basename(String(asObj(up.json).filename));
  await R.mutate('DELETE', '/jars/:jarid', `/jars/${jar2}`);
  await R.mutate('DELETE', '/jars/:jarid', `/jars/${jar2}`, undefined, { variant: 'unknown' });

  // ---- jobs -----------------------------------------------------------------------------------
  log('jobs');
  const jobT = '/jobs/:jobid';
  await R.get(jobT, `/jobs/${C}`, { note: 'CheckpointingJob, RUNNING' });
  await R.get(jobT, `/jobs/${B}`, { variant: 'backpressure' });
  await R.get(jobT, `/jobs/${F}`, { variant: 'failing' });
  await R.get(jobT, `/jobs/${D}`, { variant: 'bounded-finished' });
  await R.get('/jobs/:jobid/status', `/jobs/${C}/status`);
  await R.get('/jobs/:jobid/config', `/jobs/${C}/config`);
  await R.get('/jobs/:jobid/plan', `/jobs/${C}/plan`);
  await R.get('/jobs/:jobid/plan', `/jobs/${B}/plan`, { variant: 'backpressure' });
  await R.get('/jobs/:jobid/accumulators', `/jobs/${C}/accumulators`);
  await R.get('/jobs/:jobid/accumulators', `/jobs/${C}/accumulators?includeSerializedValue=true`, {
    variant: 'serialized',
  });
  await R.get('/jobs/:jobid/accumulators', `/jobs/${D}/accumulators`, { variant: 'bounded-finished' });
  await R.get('/jobs/:jobid/execution-result', `/jobs/${D}/execution-result`, { note: 'finished job' });
  await R.get('/jobs/:jobid/execution-result', `/jobs/${C}/execution-result`, { variant: 'running' });
  await R.poll(
    '/jobs/:jobid/exceptions',
    `/jobs/${F}/exceptions`,
    (r) => {
      const h = asObj(asObj(r.json).exceptionHistory).entries;
      return Array.isArray(h) && h.length >= 2;
    },
    {
      timeoutMs: 60_000,
      shrink: { maxArray: 3, maxString: 3000 },
      note: 'FailingJob after several restarts',
    },
  );
  await R.get('/jobs/:jobid/exceptions', `/jobs/${F}/exceptions?maxExceptions=1`, {
    variant: 'max1',
    shrink: { maxString: 3000 },
  });
  await R.get('/jobs/:jobid/exceptions', `/jobs/${C}/exceptions`, { variant: 'none' });
  await R.get('/jobs/:jobid/jobmanager/config', `/jobs/${C}/jobmanager/config`, {
    shrink: { maxArray: 200 },
  });
  await R.get('/jobs/:jobid/jobmanager/environment', `/jobs/${C}/jobmanager/environment`, {
    shrink: { maxArray: 60, maxString: 2000 },
  });
  await R.get('/jobs/:jobid/jobmanager/log-url', `/jobs/${C}/jobmanager/log-url`, {
    note: 'no log url pattern configured',
  });
  await R.get('/jobs/:jobid/taskmanagers/:taskmanagerid/log-url', `/jobs/${C}/taskmanagers/${tm}/log-url`, {
    note: 'no log url pattern configured',
  });
  await R.get('/jobs/:jobid/resource-requirements', `/jobs/${C}/resource-requirements`, {
    variant: 'default-scheduler',
    shrink: { maxString: 20000 },
    note: 'the default scheduler does not support it; see adaptive--* fixtures',
  });
  // 1.20 and 2.2 have no such route (404); 2.3 answers the default scheduler with an error
  await R.get('/jobs/:jobid/rescales/overview', `/jobs/${C}/rescales/overview`, {
    variant: 'default-scheduler',
    shrink: { maxString: 20000 },
    note: 'rescale history: adaptive scheduler with web.adaptive-scheduler.rescale-history.size > 0 only',
  });

  // metrics
  const jobMetrics = await R.get('/jobs/:jobid/metrics', `/jobs/${F}/metrics`, { shrink: { maxArray: 40 } });
  const jobGet = pickMetrics(jobMetrics.json, [
    'numRestarts',
    'uptime',
    'numberOfCompletedCheckpoints',
    'numberOfFailedCheckpoints',
    'lastCheckpointDuration',
    'lastCheckpointSize',
  ]);
  await R.poll('/jobs/:jobid/metrics', `/jobs/${F}/metrics?get=${jobGet.join(',')}`, nonEmptyArray, {
    variant: 'get',
  });
  await R.get('/jobs/:jobid/metrics', `/jobs/${F}/metrics?get=doesNotExist`, { variant: 'get-unknown' });
  await R.get('/jobs/metrics', '/jobs/metrics', { shrink: { maxArray: 40 } });
  await R.poll('/jobs/metrics', `/jobs/metrics?get=numRestarts,uptime&agg=min,max,sum,avg`, nonEmptyArray, {
    variant: 'get-agg',
  });
  await R.poll('/jobs/metrics', `/jobs/metrics?get=numRestarts&agg=max&jobs=${F},${C}`, nonEmptyArray, {
    variant: 'two-jobs',
  });

  // vertices
  const vT = '/jobs/:jobid/vertices/:vertexid';
  await R.get(vT, `/jobs/${C}/vertices/${vCsrc}`);
  await R.get(vT, `/jobs/${B}/vertices/${vBslow}`, { variant: 'slow-operator' });
  await R.get(`${vT}/accumulators`, `/jobs/${C}/vertices/${vCsrc}/accumulators`);
  await R.get(`${vT}/subtasks/accumulators`, `/jobs/${C}/vertices/${vCsrc}/subtasks/accumulators`);
  await R.get(`${vT}/subtasktimes`, `/jobs/${C}/vertices/${vCsrc}/subtasktimes`);
  await R.get(`${vT}/taskmanagers`, `/jobs/${C}/vertices/${vCsrc}/taskmanagers`);
  await R.poll(`${vT}/watermarks`, `/jobs/${C}/vertices/${vCsum}/watermarks`, nonEmptyArray, {
    note: 'event-time vertex',
  });
  await R.get(`${vT}/watermarks`, `/jobs/${B}/vertices/${vBslow}/watermarks`, { variant: 'no-watermarks' });
  const sub0 = await R.get(`${vT}/subtasks/:subtaskindex`, `/jobs/${C}/vertices/${vCsrc}/subtasks/0`);
  const att = Number(asObj(sub0.json).attempt ?? 0);
  await R.get(
    `${vT}/subtasks/:subtaskindex/attempts/:attempt`,
    `/jobs/${C}/vertices/${vCsrc}/subtasks/0/attempts/${att}`,
  );
  await R.get(
    `${vT}/subtasks/:subtaskindex/attempts/:attempt/accumulators`,
    `/jobs/${C}/vertices/${vCsrc}/subtasks/0/attempts/${att}/accumulators`,
  );
  const subF = await R.get(`${vT}/subtasks/:subtaskindex`, `/jobs/${F}/vertices/${vFval}/subtasks/0`, {
    variant: 'restarted',
  });
  const attF = Number(asObj(subF.json).attempt ?? 0);
  if (attF > 0) {
    await R.get(
      `${vT}/subtasks/:subtaskindex/attempts/:attempt`,
      `/jobs/${F}/vertices/${vFval}/subtasks/0/attempts/0`,
      {
        variant: 'prior-attempt',
      },
    );
  }
  await R.get(
    `${vT}/subtasks/:subtaskindex/attempts/:attempt`,
    `/jobs/${C}/vertices/${vCsrc}/subtasks/0/attempts/99`,
    {
      variant: 'unknown-attempt',
    },
  );

  const vMetrics = await R.get(`${vT}/metrics`, `/jobs/${B}/vertices/${vBsrc}/metrics`, {
    shrink: { maxArray: 40 },
  });
  const vGet = pickMetrics(vMetrics.json, [
    '0.backPressuredTimeMsPerSecond',
    '0.busyTimeMsPerSecond',
    '0.idleTimeMsPerSecond',
    '0.numRecordsOutPerSecond',
    '1.backPressuredTimeMsPerSecond',
  ]);
  await R.poll(`${vT}/metrics`, `/jobs/${B}/vertices/${vBsrc}/metrics?get=${vGet.join(',')}`, nonEmptyArray, {
    variant: 'get',
  });
  await R.get(`${vT}/subtasks/metrics`, `/jobs/${B}/vertices/${vBsrc}/subtasks/metrics`, {
    shrink: { maxArray: 40 },
  });
  const aggIds = 'backPressuredTimeMsPerSecond,busyTimeMsPerSecond,idleTimeMsPerSecond';
  await R.poll(
    `${vT}/subtasks/metrics`,
    `/jobs/${B}/vertices/${vBsrc}/subtasks/metrics?get=${aggIds}&agg=max`,
    nonEmptyArray,
    {
      variant: 'get-agg-max',
    },
  );
  await R.poll(
    `${vT}/subtasks/metrics`,
    `/jobs/${B}/vertices/${vBsrc}/subtasks/metrics?get=${aggIds}&agg=min,max,sum,avg,skew&subtasks=0-1`,
    nonEmptyArray,
    { variant: 'get-all-aggs' },
  );
  await R.get(`${vT}/subtasks/:subtaskindex/metrics`, `/jobs/${B}/vertices/${vBsrc}/subtasks/0/metrics`, {
    shrink: { maxArray: 40 },
  });
  await R.poll(
    `${vT}/subtasks/:subtaskindex/metrics`,
    `/jobs/${B}/vertices/${vBsrc}/subtasks/0/metrics?get=${aggIds}`,
    nonEmptyArray,
    {
      variant: 'get',
    },
  );
  await R.get(`${vT}/jm-operator-metrics`, `/jobs/${C}/vertices/${vCsrc}/jm-operator-metrics`, {
    shrink: { maxArray: 40 },
  });

  // ---- checkpoints / savepoints (CheckpointingJob) -----------------------------------------------
  log('checkpoints + savepoints');
  await waitCheckpoint(base, C, 2);
  const cpTrig = await R.mutate('POST', '/jobs/:jobid/checkpoints', `/jobs/${C}/checkpoints`, {
    checkpointType: 'FULL',
  });
  const cpTrigId = String(asObj(cpTrig.json)['request-id']);
  await R.poll('/jobs/:jobid/checkpoints/:triggerid', `/jobs/${C}/checkpoints/${cpTrigId}`, isCompleted, {
    firstVariant: 'in-progress',
  });
  const spTrig = await R.mutate('POST', '/jobs/:jobid/savepoints', `/jobs/${C}/savepoints`, {
    'cancel-job': false,
    formatType: 'CANONICAL',
  });
  const spTrigId = String(asObj(spTrig.json)['request-id']);
  const sp = await R.poll(
    '/jobs/:jobid/savepoints/:triggerid',
    `/jobs/${C}/savepoints/${spTrigId}`,
    isCompleted,
    {
      firstVariant: 'in-progress',
    },
  );
  const spLocation = String(asObj(asObj(sp.json).operation).location ?? '');
  await R.get('/jobs/:jobid/savepoints/:triggerid', `/jobs/${C}/savepoints/${hex32()}`, {
    variant: 'unknown-trigger',
    shrink: { maxString: 20000 },
  });
  await R.mutate(
    'POST',
    '/jobs/:jobid/savepoints',
    `/jobs/${C}/savepoints`,
    { 'cancel-job': false, triggerId: spTrigId },
    {
      variant: 'same-trigger-id',
      note: 'retrying with the triggerId of a finished savepoint',
    },
  );

  await waitCheckpoint(base, C, 3);
  const cps = await R.get('/jobs/:jobid/checkpoints', `/jobs/${C}/checkpoints`, { shrink: { maxArray: 5 } });
  await R.get('/jobs/:jobid/checkpoints', `/jobs/${B}/checkpoints`, {
    variant: 'unaligned',
    shrink: { maxArray: 5 },
  });
  await R.get('/jobs/:jobid/checkpoints', `/jobs/${F}/checkpoints`, {
    variant: 'failing',
    shrink: { maxArray: 5 },
  });
  await R.get('/jobs/:jobid/checkpoints', `/jobs/${D}/checkpoints`, { variant: 'no-checkpointing' });
  await R.get('/jobs/:jobid/checkpoints/config', `/jobs/${C}/checkpoints/config`);
  await R.get('/jobs/:jobid/checkpoints/config', `/jobs/${B}/checkpoints/config`, { variant: 'unaligned' });
  await R.get('/jobs/:jobid/checkpoints/config', `/jobs/${D}/checkpoints/config`, {
    variant: 'no-checkpointing',
  });
  const latest = asObj(asObj(asObj(cps.json).latest).completed);
  const cpId = Number(latest.id);
  await R.get('/jobs/:jobid/checkpoints/details/:checkpointid', `/jobs/${C}/checkpoints/details/${cpId}`);
  const cpDetT = '/jobs/:jobid/checkpoints/details/:checkpointid/subtasks/:vertexid';
  await R.get(cpDetT, `/jobs/${C}/checkpoints/details/${cpId}/subtasks/${vCsrc}`);
  await R.get(cpDetT, `/jobs/${C}/checkpoints/details/${cpId}/subtasks/${vCsum}`, { variant: 'keyed-state' });
  const cpsB = asObj(await getJson(`${base}/jobs/${B}/checkpoints`));
  const cpIdB = Number(asObj(asObj(cpsB.latest).completed).id);
  if (cpIdB) {
    await R.get('/jobs/:jobid/checkpoints/details/:checkpointid', `/jobs/${B}/checkpoints/details/${cpIdB}`, {
      variant: 'unaligned',
    });
    await R.get(cpDetT, `/jobs/${B}/checkpoints/details/${cpIdB}/subtasks/${vBslow}`, {
      variant: 'unaligned',
    });
  }
  await R.get('/jobs/:jobid/checkpoints/details/:checkpointid', `/jobs/${C}/checkpoints/details/999999`, {
    variant: 'unknown',
  });

  if (spLocation) {
    const disp = await R.mutate('POST', '/savepoint-disposal', '/savepoint-disposal', {
      'savepoint-path': spLocation,
    });
    const dId = String(asObj(disp.json)['request-id']);
    await R.poll('/savepoint-disposal/:triggerid', `/savepoint-disposal/${dId}`, isCompleted, {
      firstVariant: 'in-progress',
    });
  }

  await R.mutate('PATCH', '/jobs/:jobid/clientHeartbeat', `/jobs/${C}/clientHeartbeat`, {
    expiredTimestamp: Date.now() + 60_000,
  });
  await R.mutate('PATCH', '/jobs/:jobid/rescaling', `/jobs/${C}/rescaling?parallelism=1`);
  await R.get('/jobs/:jobid/rescaling/:triggerid', `/jobs/${C}/rescaling/${hex32()}`, {
    variant: 'unknown-trigger',
    note: 'no real trigger id can be obtained: triggering is disabled',
  });
  await R.mutate(
    'PUT',
    '/jobs/:jobid/resource-requirements',
    `/jobs/${C}/resource-requirements`,
    Object.fromEntries(
      jobC.vertices.map((v) => [v.id, { parallelism: { lowerBound: 1, upperBound: v.parallelism } }]),
    ),
    { variant: 'default-scheduler' },
  );
  await R.mutate(
    'PUT',
    '/jobs/:jobid/resource-requirements',
    `/jobs/${C}/resource-requirements`,
    { [vCsrc]: { parallelism: { lowerBound: 1, upperBound: 1 } } },
    { variant: 'incomplete', note: 'only one of the two vertices' },
  );

  // datasets
  const dsDel = await R.mutate('DELETE', '/datasets/:datasetid', `/datasets/${hex32()}`, undefined, {
    note: 'unknown data set id',
  });
  const dsTrig = asObj(dsDel.json)['request-id'];
  if (dsTrig) {
    await R.poll('/datasets/delete/:triggerid', `/datasets/delete/${String(dsTrig)}`, isCompleted, {
      timeoutMs: 15_000,
      note: 'deleting an unknown data set',
    });
  }
  await R.get('/datasets/delete/:triggerid', `/datasets/delete/${hex32()}`, { variant: 'unknown-trigger' });

  // ---- extra jobs: run, cancel, stop-with-savepoint, terminal failure ---------------------------
  log('extra jobs (cancel / stop / failed)');
  await waitState(base, D, ['FINISHED']);
  const runReq: RunJarRequest = {
    entryClass: ENTRY_CLASSES.checkpointing,
    parallelism: 1,
    programArgsList: ['--parallelism', '1', '--name', 'streamdash cancel target'],
  };
  const run1 = await R.mutate('POST', '/jars/:jarid/run', `/jars/${c.jarId}/run`, runReq);
  const cancelId = String(asObj(run1.json).jobid);
  const cancelJob = await waitState(base, cancelId, ['RUNNING']);
  // the very first back-pressure request for a vertex of a fresh job: no task metrics yet
  const freshBp = `/jobs/${cancelId}/vertices/${cancelJob.vertices[0]!.id}/backpressure`;
  await R.poll(bpT, freshBp, (r) => asObj(r.json).status === 'ok', {
    variant: 'fresh-job',
    firstVariant: 'fresh-job-first-answer',
    timeoutMs: 60_000,
    note: 'vertex of a job that was just started',
  });
  await R.mutate('PATCH', '/jobs/:jobid', `/jobs/${cancelId}?mode=cancel`);
  await waitState(base, cancelId, ['CANCELED']);
  await R.get(jobT, `/jobs/${cancelId}`, { variant: 'canceled' });
  await R.mutate('PATCH', '/jobs/:jobid', `/jobs/${cancelId}?mode=cancel`, undefined, {
    variant: 'already-canceled',
  });
  await R.mutate('PATCH', '/jobs/:jobid', `/jobs/${cancelId}?mode=stop`, undefined, { variant: 'mode-stop' });

  const stopId = await runJar(base, c.jarId, {
    entryClass: ENTRY_CLASSES.checkpointing,
    parallelism: 1,
    programArgsList: ['--parallelism', '1', '--name', 'streamdash stop target'],
  });
  await waitState(base, stopId, ['RUNNING']);
  await waitCheckpoint(base, stopId, 1);
  const stop = await R.mutate('POST', '/jobs/:jobid/stop', `/jobs/${stopId}/stop`, { drain: false });
  const stopTrig = String(asObj(stop.json)['request-id']);
  await R.poll('/jobs/:jobid/savepoints/:triggerid', `/jobs/${stopId}/savepoints/${stopTrig}`, isCompleted, {
    variant: 'stop-with-savepoint',
    firstVariant: 'stop-with-savepoint-in-progress',
  });
  await waitState(base, stopId, ['FINISHED']);
  await R.get(jobT, `/jobs/${stopId}`, { variant: 'stopped-with-savepoint' });
  await R.get('/jobs/:jobid/checkpoints', `/jobs/${stopId}/checkpoints`, {
    variant: 'stopped-with-savepoint',
    shrink: { maxArray: 5 },
  });

  const failId = await runJar(base, c.jarId, {
    entryClass: ENTRY_CLASSES.failing,
    parallelism: 1,
    programArgsList: ['--parallelism', '1', '--every', '300', '--name', 'streamdash failed job'],
    flinkConfiguration: { 'restart-strategy.type': 'none' },
  });
  try {
    await waitState(base, failId, ['FAILED'], 90_000);
    await R.get(jobT, `/jobs/${failId}`, { variant: 'failed' });
    await R.get('/jobs/:jobid/exceptions', `/jobs/${failId}/exceptions`, {
      variant: 'failed',
      shrink: { maxString: 3000 },
    });
    await R.get('/jobs/:jobid/execution-result', `/jobs/${failId}/execution-result`, {
      variant: 'failed',
      shrink: { maxString: 3000 },
    });
  } catch (e) {
    log(`  !! failed-job scenario: ${String(e)}`);
    await fetch(`${base}/jobs/${failId}?mode=cancel`, { method: 'PATCH' });
  }

  // ---- errors ---------------------------------------------------------------------------------
  log('errors');
  const big = { maxString: 20000 };
  await R.get(jobT, `/jobs/${'0'.repeat(32)}`, { variant: 'not-found', shrink: big });
  await R.get(jobT, '/jobs/not-a-job-id', { variant: 'bad-id', shrink: big });
  await R.get(vT, `/jobs/${C}/vertices/${'0'.repeat(32)}`, { variant: 'unknown-vertex', shrink: big });
  await R.get('/taskmanagers/:taskmanagerid', `/taskmanagers/${'0'.repeat(32)}`, {
    variant: 'not-found',
    shrink: big,
  });
  await R.get('/unknown', '/this/path/does/not/exist', { variant: 'not-found' });
  await R.get('/overview', '/v2/overview', { variant: 'v2-not-found' });
  await R.get('/jobs/:jobid/metrics', `/jobs/${'0'.repeat(32)}/metrics`, { variant: 'unknown-job' });
  await R.get(jobT, `/jobs/${C}?mode=cancel`, {
    variant: 'ignored-query',
    note: 'GET with a query parameter it does not know',
  });

  // ---- profiler ---------------------------------------------------------------------------------
  log('profiler');
  await R.get('/jobmanager/profiler', '/jobmanager/profiler', { variant: 'empty' });
  const prof = await R.mutate('POST', '/jobmanager/profiler', '/jobmanager/profiler', {
    mode: 'ITIMER',
    duration: 3,
  });
  if (prof.status === 200) {
    const pr = await R.poll(
      '/jobmanager/profiler',
      '/jobmanager/profiler',
      (r) => {
        const l = asObj(r.json).profilingList;
        return Array.isArray(l) && l.length > 0 && asObj(l[0]).status !== 'RUNNING';
      },
      { timeoutMs: 30_000, firstVariant: 'running' },
    );
    const first = asObj((asObj(pr.json).profilingList as unknown[] | undefined)?.[0]);
    if (first.status === 'FINISHED' && first.outputFile) {
      await R.get(
        '/jobmanager/profiler/:filename',
        `/jobmanager/profiler/${encodeURIComponent(String(first.outputFile))}`,
        {
          textLimit: 4096,
        },
      );
    }
  }
  await R.mutate(
    'POST',
    '/jobmanager/profiler',
    '/jobmanager/profiler',
    { mode: 'ITIMER', duration: 99999 },
    { variant: 'too-long' },
  );
  const tprof = await R.mutate(
    'POST',
    '/taskmanagers/:taskmanagerid/profiler',
    `/taskmanagers/${tm}/profiler`,
    {
      mode: 'WALL',
      duration: 3,
    },
  );
  if (tprof.status === 200) {
    await R.poll(
      '/taskmanagers/:taskmanagerid/profiler',
      `/taskmanagers/${tm}/profiler`,
      (r) => {
        const l = asObj(r.json).profilingList;
        return Array.isArray(l) && l.length > 0 && asObj(l[0]).status !== 'RUNNING';
      },
      { timeoutMs: 30_000, firstVariant: 'running' },
    );
  }

  // ---- lists (last: they now include canceled/stopped/failed jobs) ----------------------------
  log('lists');
  await R.get('/overview', '/overview');
  await R.get('/jobs', '/jobs');
  await R.get('/jobs/overview', '/jobs/overview');
  await R.get(
    '/jobs/:jobid/vertices/:vertexid/backpressure',
    `/jobs/${D}/vertices/${jobD.vertices[0]!.id}/backpressure`,
    {
      variant: 'finished-job',
    },
  );
  await R.get(fgT, `/jobs/${D}/vertices/${jobD.vertices[0]!.id}/flamegraph`, { variant: 'finished-job' });

  // ---- adaptive scheduler cluster -----------------------------------------------------------------
  if (opts.adaptive ?? true) {
    if (opts.stopBeforeAdaptive) await c.stop();
    log('adaptive scheduler cluster (resource requirements, DELETE /cluster)');
    await recordAdaptive(R, log);
  }

  writeIndexAndDiff(R);
  await formatJsonFiles(OUT_DIR);
  fs.rmSync(FIXTURE_DIR, { recursive: true, force: true });
  fs.renameSync(OUT_DIR, FIXTURE_DIR);
  const seconds = (Date.now() - t0) / 1000;
  log(`recorded ${R.index.length} GET + ${R.mutations.length} mutation fixtures in ${seconds.toFixed(1)} s`);
  return { fixtures: R.index.length + R.mutations.length, seconds };
}

/** Flink 2.3 added the adaptive scheduler's rescale history to the REST API. */
export function hasRescaleHistory(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 2 || (major === 2 && minor >= 3);
}

/** The rescale history of a job the adaptive scheduler has rescaled once (PUT resource-requirements). */
async function recordRescales(R: Recorder, jobId: string) {
  await R.get('/jobs/:jobid/rescales/config', `/jobs/${jobId}/rescales/config`);
  await R.poll(
    '/jobs/:jobid/rescales/overview',
    `/jobs/${jobId}/rescales/overview`,
    (r) => Number(asObj(asObj(asObj(r.json).rescalesCounts)).completed ?? 0) >= 1,
    { timeoutMs: 60_000, note: 'after one completed rescale' },
  );
  await R.get('/jobs/:jobid/rescales/summary', `/jobs/${jobId}/rescales/summary`);
  const history = await R.get('/jobs/:jobid/rescales/history', `/jobs/${jobId}/rescales/history`);
  const list = Array.isArray(history.json) ? (history.json as { rescaleUuid?: string }[]) : [];
  const uuid = list.find((e) => e.rescaleUuid)?.rescaleUuid;
  if (uuid) {
    await R.get('/jobs/:jobid/rescales/details/:rescaleuuid', `/jobs/${jobId}/rescales/details/${uuid}`);
  }
  await R.get('/jobs/:jobid/rescales/details/:rescaleuuid', `/jobs/${jobId}/rescales/details/unknown-uuid`, {
    variant: 'unknown',
  });
}

async function recordAdaptive(main: Recorder, log: Log) {
  const a = await startRealFlink({
    log,
    jobs: false,
    taskManagers: 1,
    scheduler: 'adaptive',
    version: VERSION,
  });
  try {
    const R = new Recorder(a.url, log, 'adaptive--');
    const { jarId } = await uploadJar(a.url, a.jarPath);
    const jobId = await runJar(a.url, jarId, { entryClass: ENTRY_CLASSES.checkpointing });
    const job = await waitState(a.url, jobId, ['RUNNING'], 90_000);
    await R.get('/config', '/config', { note: 'web-rescale is only true with the adaptive scheduler' });
    await R.get('/jobs/:jobid', `/jobs/${jobId}`);
    await R.get('/jobs/:jobid/resource-requirements', `/jobs/${jobId}/resource-requirements`);
    const src = job.vertices[0]!.id;
    const reqs = asObj((await http(`${a.url}/jobs/${jobId}/resource-requirements`)).json);
    const newReqs: Record<string, unknown> = {};
    for (const [vid, r] of Object.entries(reqs)) {
      newReqs[vid] = {
        parallelism: {
          lowerBound: 1,
          upperBound: vid === src ? 1 : Number(asObj(asObj(r).parallelism).upperBound),
        },
      };
    }
    await R.mutate(
      'PUT',
      '/jobs/:jobid/resource-requirements',
      `/jobs/${jobId}/resource-requirements`,
      newReqs,
    );
    await R.poll(
      '/jobs/:jobid',
      `/jobs/${jobId}`,
      (r) => {
        const v =
          (asObj(r.json).vertices as { id: string; parallelism: number; status: string }[] | undefined) ?? [];
        return (
          asObj(r.json).state === 'RUNNING' &&
          v.some((x) => x.id === src && x.parallelism === 1) &&
          v.every((x) => x.status === 'RUNNING')
        );
      },
      {
        variant: 'after-rescale',
        timeoutMs: 90_000,
        note: 'after PUT resource-requirements (source upperBound 1)',
      },
    );
    await R.get('/jobs/:jobid/resource-requirements', `/jobs/${jobId}/resource-requirements`, {
      variant: 'after-rescale',
    });
    await R.get('/jobs/:jobid/exceptions', `/jobs/${jobId}/exceptions`, { variant: 'after-rescale' });
    if (hasRescaleHistory(VERSION)) await recordRescales(R, jobId);
    await R.mutate('PATCH', '/jobs/:jobid/rescaling', `/jobs/${jobId}/rescaling?parallelism=1`);
    await R.mutate('DELETE', '/cluster', '/cluster', undefined, {
      note: 'shuts the (adaptive) cluster down',
    });
    main.index.push(...R.index);
    main.mutations.push(...R.mutations);
    main.schemaInput.push(...R.schemaInput);
  } finally {
    await a.stop();
  }
}

/** Formats the JSON fixtures the way the repository's prettier check expects (whitespace only). */
async function formatJsonFiles(dir: string) {
  const prettier = await import('prettier');
  const config = (await prettier.resolveConfig(path.join(FIXTURE_DIR, 'x.json'))) ?? {};
  const walk = (d: string): string[] =>
    fs
      .readdirSync(d, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  for (const f of walk(dir).filter((x) => x.endsWith('.json'))) {
    fs.writeFileSync(f, await prettier.format(fs.readFileSync(f, 'utf8'), { ...config, parser: 'json' }));
  }
}

function writeIndexAndDiff(R: Recorder) {
  const reference = parseReference();
  const list = parseEndpointList();
  const key = (m: string, t: string) => `${m} ${t}`;
  const refKeys = new Set(reference.map((e) => key(e.method, e.path)));
  const recorded = [...R.index, ...R.mutations];
  const recordedKeys = new Set(recorded.map((e) => key(e.method, e.template)));

  const diffs: Record<string, { template: string; method: string; status: number; diffs: SchemaDiff[] }> = {};
  for (const s of R.schemaInput) {
    if (s.status >= 400) continue; // errors have their own shape ({"errors": [...]})
    const ref = reference.find((e) => e.method === s.method && e.path === s.template);
    if (!ref?.response) continue;
    const d = compareToSchema(s.body, ref.response);
    if (d.length) diffs[s.file] = { template: s.template, method: s.method, status: s.status, diffs: d };
  }
  const statusMismatch = recorded
    .filter((e) => e.status < 400)
    .map((e) => {
      const ref = reference.find((r) => r.method === e.method && r.path === e.template);
      return ref && ref.status !== e.status
        ? { file: e.file, method: e.method, template: e.template, documented: ref.status, real: e.status }
        : undefined;
    })
    .filter(Boolean);

  const index = {
    flinkVersion: VERSION,
    recordedAt: new Date().toISOString(),
    note: `Real answers of a Flink ${VERSION} standalone session cluster (2 TMs x 4 slots) recorded by e2e/real/flink-record.ts. Ids in bodies are real ids of that run.`,
    fixtures: R.index.sort((a, b) => a.file.localeCompare(b.file)),
    mutations: R.mutations.sort((a, b) => a.file.localeCompare(b.file)),
    notRecorded: reference
      .filter((e) => !recordedKeys.has(key(e.method, e.path)))
      .map((e) => key(e.method, e.path)),
    notInReference: [...recordedKeys].filter((k) => !refKeys.has(k)).sort(),
    inFlatListOnly: list.filter((e) => !refKeys.has(key(e.method, e.path))).map((e) => key(e.method, e.path)),
  };
  fs.writeFileSync(path.join(OUT_DIR, '_index.json'), `${JSON.stringify(index, null, 2)}\n`);
  fs.writeFileSync(
    path.join(OUT_DIR, '_schema-diff.json'),
    `${JSON.stringify({ note: 'real JSON answers (2xx) compared with the response schema of the 2.2 reference docs', statusMismatch, diffs }, null, 2)}\n`,
  );
}
