// The demo must answer with the shapes a real Flink 2.2 cluster answers with: every recorded
// real response (e2e/fixtures/flink/2.2) is compared, key by key and type by type, with the
// demo's answer to the same request on a job in the same situation.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_JOB_NAMES } from './index.ts';
import { startTestDemo, type TestDemo } from './test-helpers.ts';

const dir = fileURLToPath(new URL('../../e2e/fixtures/flink/2.2/', import.meta.url));
const haveFixtures = existsSync(`${dir}_index.json`);

interface Fixture {
  file: string;
  method: string;
  template: string;
  url: string;
  status: number;
  contentType: string;
}

type Shape = string | { [k: string]: Shape } | { array: Shape | null };

const HEX = /^[0-9a-f]{32}$/;

/** Objects whose keys are data (names chosen by the job), not a fixed schema. */
const MAPS = new Set([
  'serialized-user-task-accumulators',
  'user-config',
  'failureLabels',
  'extendedResources',
]);

function shapeOf(v: unknown, parent = ''): Shape {
  if (v === null) return 'null';
  if (Array.isArray(v))
    return { array: v.reduce<Shape | null>((acc, item) => merge(acc, shapeOf(item)), null) };
  if (typeof v === 'object') {
    const out: Record<string, Shape> = {};
    for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
      const key = HEX.test(k) ? '<id>' : MAPS.has(parent) ? '<key>' : k;
      out[key] = key in out ? merge(out[key] ?? null, shapeOf(val, k)) : shapeOf(val, k);
    }
    return out;
  }
  // Jackson writes NaN as a string where Flink has doubles
  if (v === 'NaN') return 'number';
  return typeof v;
}

function merge(a: Shape | null, b: Shape): Shape {
  if (a === null) return b;
  if (typeof a === 'object' && typeof b === 'object' && !('array' in a) && !('array' in b)) {
    const out: Record<string, Shape> = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = k in out ? merge(out[k] ?? null, v) : v;
    return out;
  }
  if (typeof a === 'object' && typeof b === 'object' && 'array' in a && 'array' in b)
    return { array: b.array === null ? a.array : merge(a.array, b.array) };
  return a;
}

/** What the real answer has that the demo's lacks or types differently ('null' matches anything). */
function missing(real: Shape, demo: Shape, path = '$'): string[] {
  if (real === 'null' || demo === 'null') return [];
  if (typeof real === 'string' || typeof demo === 'string')
    return real === demo ? [] : [`${path}: real ${JSON.stringify(real)}, demo ${JSON.stringify(demo)}`];
  if ('array' in real || 'array' in demo) {
    if (!('array' in real) || !('array' in demo)) return [`${path}: array vs object`];
    return real.array === null || demo.array === null ? [] : missing(real.array, demo.array, `${path}[]`);
  }
  const out: string[] = [];
  for (const [k, v] of Object.entries(real)) {
    const d = demo[k];
    if (d === undefined) out.push(`${path}.${k} missing`);
    else out.push(...missing(v, d, `${path}.${k}`));
  }
  return out;
}

// Variants that need a situation the demo shows differently (documented in the demo's README).
const SKIP = [
  'profiler', // rest.profiling.enabled is off in the demo (Flink's default)
  'default-scheduler', // the demo runs the adaptive scheduler
  'first-answer', // checked by the vertex tests
  'in-progress',
  '--unaligned',
  'datasets.json',
];

describe.skipIf(!haveFixtures)('responses match the shapes of a real Flink 2.2', () => {
  let demo: TestDemo;
  let fixtures: Fixture[] = [];
  const jobs: Record<string, string> = {};
  beforeAll(async () => {
    demo = await startTestDemo();
    fixtures = (JSON.parse(readFileSync(`${dir}_index.json`, 'utf8')) as { fixtures: Fixture[] }).fixtures;
    for (const [k, name] of Object.entries(DEMO_JOB_NAMES)) jobs[k] = await demo.jobId(name);
  });
  afterAll(() => demo.close());

  const pickJob = (file: string): string => {
    const rules: [string, string][] = [
      ['not-found', ''],
      ['unknown-job', ''],
      ['bounded-finished', 'finished'],
      ['finished-job', 'finished'],
      ['no-checkpointing', 'finished'],
      ['stopped-with-savepoint', 'finished'],
      ['execution-result.json', 'finished'],
      ['--failed', 'failed'],
      ['--failing', 'restarting'],
      ['restarted', 'restarting'],
      ['prior-attempt', 'restarting'],
      ['--canceled', 'canceled'],
      ['backpressure', 'bottleneck'],
      ['slow-operator', 'bottleneck'],
    ];
    for (const [needle, key] of rules)
      if (file.includes(needle)) return key ? (jobs[key] ?? '') : '0'.repeat(32);
    return jobs.healthy ?? '';
  };

  async function demoUrl(f: Fixture): Promise<string | undefined> {
    let path = f.template;
    const query = f.url.includes('?') ? `?${f.url.split('?')[1]}` : '';
    if (path === '/unknown' || f.file.startsWith('overview--')) return f.url;
    if (f.file.includes('bad-id')) return '/jobs/not-a-job-id';
    const jobId = pickJob(f.file);
    path = path.replace(':jobid', jobId);
    let vertexId = '';
    if (path.includes(':vertexid')) {
      const details = await demo.get<{ vertices?: { id: string }[] }>(`/jobs/${jobId}`);
      const vs = details.body.vertices ?? [];
      vertexId = f.file.includes('unknown-vertex')
        ? '0'.repeat(32)
        : (vs[f.file.includes('slow-operator') ? 2 : f.file.includes('backpressure.json') ? 1 : 0]?.id ??
          '0'.repeat(32));
      path = path.replace(':vertexid', vertexId);
    }
    const tms = await demo.get<{ taskmanagers: { id: string }[] }>('/taskmanagers');
    const tm = tms.body.taskmanagers[0]?.id ?? '';
    path = path.replace(
      ':taskmanagerid',
      f.file.includes('not-found') ? '0'.repeat(32) : encodeURIComponent(tm),
    );
    if (path.includes(':checkpointid')) {
      const cps = await demo.get<{ history: { id: number; status: string }[] }>(`/jobs/${jobId}/checkpoints`);
      const done = cps.body.history.find((h) => h.status === 'COMPLETED');
      path = path.replace(':checkpointid', f.file.includes('unknown') ? '999999' : String(done?.id ?? 1));
    }
    if (path.includes(':attempt')) {
      const sub = await demo.get<{ attempt: number }>(`/jobs/${jobId}/vertices/${vertexId}/subtasks/0`);
      const attempt = f.file.includes('unknown')
        ? 99
        : f.file.includes('prior')
          ? Math.max(0, sub.body.attempt - 1)
          : sub.body.attempt;
      path = path.replace(':attempt', String(attempt));
    }
    path = path.replace(':subtaskindex', '0');
    if (path.includes(':jarid'))
      path = path.replace(
        ':jarid',
        (await demo.get<{ files: { id: string }[] }>('/jars')).body.files[0]?.id ?? '',
      );
    if (path.includes(':logname')) {
      const logs = path.startsWith('/jobmanager')
        ? await demo.get<{ logs: { name: string }[] }>('/jobmanager/logs')
        : await demo.get<{ logs: { name: string }[] }>(`/taskmanagers/${encodeURIComponent(tm)}/logs`);
      path = path.replace(':logname', logs.body.logs[0]?.name ?? '');
    }
    if (path.includes(':triggerid')) {
      if (!f.file.includes('unknown')) return undefined;
      path = path.replace(':triggerid', '0123456789abcdef0123456789abcdef');
    }
    return path + query;
  }

  it('answers every recorded GET with the same status and shape', async () => {
    const problems: string[] = [];
    let compared = 0;
    for (const f of fixtures) {
      if (f.method !== 'GET' || SKIP.some((s) => f.file.includes(s))) continue;
      const url = await demoUrl(f);
      if (!url) continue;
      // sampled endpoints answer after a first request and a short wait, like Flink
      if (url.includes('/backpressure') || url.includes('/flamegraph')) {
        await demo.get(url);
        demo.advance(2000);
      }
      const res = await fetch(demo.url + url);
      const text = await res.text();
      compared++;
      if (res.status !== f.status)
        problems.push(`${f.file}: status ${res.status}, real ${f.status} (${url})`);
      if ((res.headers.get('content-type') ?? '').split(';')[0] !== f.contentType.split(';')[0])
        problems.push(`${f.file}: content type ${res.headers.get('content-type')}`);
      if (!f.file.endsWith('.json') || !f.contentType.startsWith('application/json')) continue;
      const real: unknown = JSON.parse(readFileSync(dir + f.file, 'utf8'));
      const diffs = missing(shapeOf(real), shapeOf(JSON.parse(text)));
      if (diffs.length) problems.push(`${f.file} (${url}): ${diffs.slice(0, 5).join('; ')}`);
    }
    expect(compared).toBeGreaterThan(80);
    expect(problems).toEqual([]);
  }, 60_000);
});
