import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonLossless } from '@/lib/lossless-json';
import {
  jobInfoSchema,
  jobListSchema,
  overviewSchema,
  systemMonitoringSchema,
} from '@/api/seatunnel/schemas';
import { toJob, toJobDetail, toOverview, type SeaTunnelJob } from '@/api/seatunnel/normalise';
import {
  countDifference,
  formatEngineTime,
  formatExactCount,
  formatPerSecond,
  parseEngineTime,
  parseMillis,
  parsePercent,
  parseSize,
} from './format';
import {
  countStates,
  defaultOrder,
  describeJobs,
  filterByState,
  isStoppable,
  mergeJobs,
  parseStates,
  searchJobs,
  toggleState,
} from './job-list';
import { overviewFigures } from './overview';
import { checkJson } from './json-check';
import { checkBatchText, checkConfigText, hoconProblems, jobIdProblem } from './job-config';
import { parseTags, tagsToText } from './tags';
import { nodeSamples, toNodeHealth, totalQueued } from './monitoring';
import { toGraph, vertexLabel } from './job-graph';
import { climbed, flowRows, metricSamples } from './job-metrics';
import { acceptsHocon, atLeast, hasLogEndpoints } from './engine-version';
import { EMPTY_DRAFT, loadDraft, saveDraft } from './draft';

const DIR = join(process.cwd(), 'e2e/fixtures/seatunnel/2.3.8/v1');
const raw = (file: string) => parseJsonLossless(readFileSync(join(DIR, file), 'utf8'));
const jobs = (file: string) => jobListSchema.parse(raw(file)).map(toJob);
const job = (file: string) => toJobDetail(jobInfoSchema.parse(raw(file))) as SeaTunnelJob;

describe('format', () => {
  it('shows counts digit-exact, also beyond 2^53', () => {
    expect(formatExactCount(1234567)).toBe('1,234,567');
    expect(formatExactCount('9007199254740993')).toBe('9,007,199,254,740,993');
    expect(formatExactCount(null)).toBe('—');
    expect(countDifference('9007199254740993', 1)).toBe('9007199254740992');
    expect(countDifference(10, 4)).toBe(6);
    expect(countDifference(null, 4)).toBeNull();
    expect(formatPerSecond(35.19159339377598, true)).toBe('35 B/s');
    expect(formatPerSecond(2048, true)).toBe('2.00 KiB/s');
    expect(formatPerSecond(0.5431535495084461)).toBe('0.54/s');
    expect(formatPerSecond(null)).toBe('—');
  });
  it('reads engine times as local time and shows them in the chosen zone', () => {
    const ms = parseEngineTime('2026-11-22 08:40:56');
    expect(ms).toBe(new Date(2026, 10, 22, 8, 40, 56).getTime());
    expect(formatEngineTime('2026-11-22 08:40:56', 'local')).toBe('2026-11-22 08:40:56');
    expect(formatEngineTime('2026-11-22 08:40:56', 'UTC')).toBe(
      `${new Date(ms ?? 0).toISOString().slice(0, 19).replace('T', ' ')} UTC`,
    );
    expect(parseEngineTime('')).toBeNull();
    expect(formatEngineTime('yesterday', 'local')).toBe('yesterday');
  });
  it('reads Hazelcast health values', () => {
    expect(parseSize('23.5G')).toBe(23.5 * 1024 ** 3);
    expect(parseSize('1024.0M')).toBe(1024 ** 3);
    expect(parseSize('0')).toBe(0);
    expect(parseSize('n/a')).toBeNull();
    expect(parsePercent('8.41%')).toBeCloseTo(0.0841);
    expect(parseMillis('349ms')).toBe(349);
  });
});

describe('job list', () => {
  const running = jobs('running-jobs.json');
  const finished = jobs('finished-jobs.json');
  const now = Date.now();

  it('merges running and finished jobs once per id, finished entries winning', () => {
    const stale = { ...running[0], jobStatus: 'RUNNING' } as SeaTunnelJob;
    const ended = { ...stale, jobStatus: 'CANCELED', finishTime: '2026-11-22 09:00:00' };
    const rows = mergeJobs([stale], [ended], now);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.job.jobStatus).toBe('CANCELED');
    const all = mergeJobs(running, finished, now);
    expect(new Set(all.map((r) => r.job.jobId)).size).toBe(all.length);
    expect(all.map((r) => r.job.jobId)).toContain('733584788375666689');
  });

  it('orders running jobs first, searches name and exact id, counts and filters states', () => {
    // The recorded history lists the streaming jobs as cancelled later on: keep one running.
    const live = { ...(running[0] as SeaTunnelJob), jobId: '42' };
    const rows = defaultOrder(mergeJobs([...running, live], finished, now));
    expect(rows[0]?.job.jobId).toBe('42');
    expect(rows.slice(1).every((r) => !r.running)).toBe(true);
    expect(searchJobs(rows, '733584788375666689').map((r) => r.job.jobId)).toEqual(['733584788375666689']);
    expect(searchJobs(rows, 'STREAMING-A').map((r) => r.job.jobName)).toEqual(['streamdash-streaming-a']);
    const counts = countStates(rows, ['RUNNING', 'UNKNOWABLE']);
    expect(counts[0]?.state).toBe('FAILED');
    expect(counts.find((c) => c.state === 'UNKNOWABLE')).toEqual({ state: 'UNKNOWABLE', count: 0 });
    const failed = filterByState(rows, parseStates('failed'));
    expect(failed.every((r) => r.job.jobStatus === 'FAILED')).toBe(true);
    expect(failed.length).toBeGreaterThan(0);
  });

  it('toggles state chips', () => {
    expect(toggleState(new Set(), 'FAILED', true)).toBe('FAILED');
    expect(toggleState(new Set(['FAILED']), 'FAILED', true)).toBeUndefined();
    expect(toggleState(new Set(['FAILED']), 'CANCELED', false)).toBe('FAILED,CANCELED');
  });

  it('only offers to stop jobs that still run', () => {
    expect(isStoppable({ jobStatus: 'RUNNING' })).toBe(true);
    expect(isStoppable({ jobStatus: 'PENDING' })).toBe(true);
    expect(isStoppable({ jobStatus: 'CANCELING' })).toBe(false);
    expect(isStoppable({ jobStatus: 'SAVEPOINT_DONE' })).toBe(false);
    expect(isStoppable({ jobStatus: 'FINISHED' })).toBe(false);
  });

  it('names every job in a confirmation, with exact ids', () => {
    const lines = describeJobs(running);
    expect(lines).toContain('streamdash-streaming (1176804500430782465)');
    expect(describeJobs(Array(10).fill(running[0]), 8).at(-1)).toBe('… and 2 more');
  });
});

describe('overview figures', () => {
  const overview = toOverview(overviewSchema.parse(raw('overview.json')));
  it('takes the engine’s figures when /overview answers, deriving pending jobs', () => {
    const f = overviewFigures({ overview, running: [], finished: [], members: 1 });
    expect(f.version).toEqual({ value: '2.3.8', source: 'engine' });
    expect(f.commit.value).toBe('8604631');
    expect(f.workers).toEqual({ value: 1, source: 'engine' });
    expect(f.failed.value).toBe(1);
    expect(f.cancelled.value).toBe(3);
    expect(f.pending.source).toBe('derived');
  });
  it('counts from the job lists when the engine has no /overview, and says what it cannot know', () => {
    const f = overviewFigures({
      overview: undefined,
      overviewError: 'HTTP 400',
      running: jobs('running-jobs.json'),
      finished: jobs('finished-jobs.json'),
      members: 1,
    });
    expect(f.running).toMatchObject({ value: 3, source: 'derived' });
    expect(f.failed).toMatchObject({ value: 1, source: 'derived' });
    expect(f.workers).toMatchObject({ value: 1, source: 'derived' });
    expect(f.version.source).toBe('missing');
    expect(f.version.note).toContain('no /overview');
    expect(f.totalSlot.value).toBeNull();
  });
});

describe('JSON check', () => {
  it('accepts valid JSON and points at the line and column of a mistake', () => {
    expect(checkJson('{"a": [1, 2.5e3, true, null, "x\\n"]}')).toBeNull();
    expect(checkJson('{\n  "a": 1,\n  "b": 2,\n}')).toMatchObject({
      line: 4,
      column: 1,
      message: 'trailing comma before “}”',
    });
    expect(checkJson('{\n  "env": {\n    job.mode: "BATCH"\n  }\n}')).toMatchObject({ line: 3, column: 5 });
    expect(checkJson('{"a": 1 "b": 2}')).toMatchObject({ line: 1, column: 9 });
    expect(checkJson('{"a": "x}')).toMatchObject({ line: 1, column: 7 });
    expect(checkJson('')).toMatchObject({ message: 'the text is empty' });
    expect(checkJson('{"a": 01}')?.message).toBe('malformed number');
    expect(checkJson("{'a': 1}")?.message).toContain('double quotes');
  });
});

describe('job config checks', () => {
  it('takes the example and rejects configs the engine would refuse', () => {
    expect(checkConfigText(EMPTY_DRAFT.config).ok).toBe(true);
    const noSink = checkConfigText('{"env": {}, "source": [{"plugin_name": "FakeSource"}]}');
    expect(noSink.ok).toBe(false);
    expect(noSink.issues.map((i) => i.path)).toEqual(['sink']);
    const badPlugin = checkConfigText('{"env": {"job.mode": "sometimes"}, "source": [{}], "sink": {}}');
    expect(badPlugin.issues.map((i) => i.path)).toEqual(['env.job.mode', 'source[0]', 'sink']);
  });
  it('validates job ids as 64-bit integers, as text', () => {
    expect(jobIdProblem('')).toBeNull();
    expect(jobIdProblem('733584788375666689')).toBeNull();
    expect(jobIdProblem('9223372036854775807')).toBeNull();
    expect(jobIdProblem('9223372036854775808')).toContain('64-bit');
    expect(jobIdProblem('12a')).toContain('digits');
    expect(jobIdProblem('-5')).toContain('digits');
    expect(jobIdProblem('007')).toContain('leading zeros');
  });
  it('reads a batch with exact ids from params, bare or quoted', () => {
    const one = '{"env":{},"source":[{"plugin_name":"FakeSource"}],"sink":[{"plugin_name":"Console"}]}';
    const ok = checkBatchText(
      `[{"params":{"jobId":733584788375666689,"jobName":"a"},${one.slice(1)}, ${one}]`,
    );
    expect(ok.ok).toBe(true);
    if (ok.ok) {
      expect(ok.value[0]).toMatchObject({ jobId: '733584788375666689', jobName: 'a' });
      expect(ok.value[0]?.config).not.toHaveProperty('params');
      expect(ok.value[1]?.jobId).toBeUndefined();
    }
    expect(checkBatchText(one).issues[0]?.message).toContain('list');
    const dup = checkBatchText(
      `[{"params":{"jobId":"5"},${one.slice(1)}, {"params":{"jobId":"5"},${one.slice(1)}]`,
    );
    expect(dup.issues[0]?.message).toContain('used twice');
  });
  it('looks over HOCON text before it is sent as is', () => {
    expect(hoconProblems(EMPTY_DRAFT.config.replace(/"/g, ''))).toEqual([]);
    expect(hoconProblems('env {\n source {}\n sink {}').map((i) => i.message)).toEqual([
      '1 bracket(s) are not closed.',
    ]);
  });
});

describe('tags', () => {
  it('reads key=value lists and writes them back', () => {
    expect(parseTags('zone=eu-1, pool = cdc')).toEqual({ ok: true, tags: { zone: 'eu-1', pool: 'cdc' } });
    expect(parseTags('')).toEqual({ ok: true, tags: {} });
    expect(parseTags('zone')).toMatchObject({ ok: false });
    expect(parseTags('a=1,a=2')).toMatchObject({ ok: false });
    expect(tagsToText({ zone: 'eu-1', pool: 'cdc' })).toBe('zone=eu-1, pool=cdc');
  });
});

describe('system monitoring', () => {
  it('reads a recorded member into numbers', () => {
    const [first] = systemMonitoringSchema.parse(raw('system-monitoring-information.json'));
    const n = toNodeHealth(first ?? {}, 0);
    expect(n.key).toBe('127.0.0.1:43577');
    expect(n.isMaster).toBe(true);
    expect(n.processors).toBe(2);
    expect(n.heapMax).toBe(1024 ** 3);
    expect(n.heapUsedOfMax).toBeCloseTo(0.0841);
    expect(n.minorGcMs).toBe(349);
    expect(n.threads).toBe(124);
    expect(n.queues.map((q) => q.name)).toContain('operations');
    expect(totalQueued(n)).toBe(0);
    expect(nodeSamples([n])['127.0.0.1:43577/heapUsed']).toBeCloseTo(86.3 * 1024 ** 2);
  });
});

describe('job graph and metrics', () => {
  it('labels vertices by connector', () => {
    expect(vertexLabel({ name: 'Source[0]-FakeSource', type: 'source' })).toMatchObject({
      title: 'FakeSource',
      kind: 'source',
      index: '0',
    });
    expect(vertexLabel({ name: 'Sink[0]-console-MultiTableSink', type: 'sink' })).toMatchObject({
      title: 'console',
      multiTable: true,
    });
    expect(
      vertexLabel({ name: 'TransformChain[Transform[0]-sql, Transform[1]-filter]', type: 'transform' }).title,
    ).toBe('sql → filter');
  });
  it('draws a running 2.3.8 job with the job totals on its only source and sink', () => {
    const j = job('job-info-running.json');
    const g = toGraph(j);
    expect(g.nodes.map((n) => n.title)).toEqual(['FakeSource', 'Console']);
    expect(g.edges).toEqual([{ source: '1', target: '3' }]);
    expect(g.nodes[0]?.metrics?.[0]).toEqual({ label: 'Received', value: '10' });
    expect(g.nodes[1]?.metrics?.[0]).toEqual({ label: 'Written', value: '10' });
  });
  it('draws a finished multi-table job from its JobDAGInfo string', () => {
    const j = job('job-info-multi-table.json');
    const g = toGraph(j);
    expect(g.nodes.map((n) => n.id)).toEqual(['1', '2']);
    expect(g.nodes.every((n) => n.tone === 'idle')).toBe(true);
    // Over: the totals, no rate (a finished job's rate is 0 or stale).
    expect(g.nodes.map((n) => n.metrics?.map((m) => m.label))).toEqual([
      ['Received', 'Tables'],
      ['Written', 'Tables'],
    ]);
    expect(toGraph(job('job-info-running.json')).nodes[0]?.metrics?.map((m) => m.label)).toContain('Rate');
    const rows = flowRows(j.metrics, false);
    expect(rows.map((r) => r.table)).toEqual([null, 'shop.orders', 'shop.users']);
    expect(rows[1]?.lag).toBe(0);
    expect(metricSamples(j.metrics)['table/shop.users/sourceReceivedCount']).toBe(7);
  });
  it('flags a sink that writes nothing while its source reads', () => {
    const j = job('job-info-running.json');
    j.metrics.sinkWriteQPS = 0;
    const g = toGraph(j);
    expect(g.nodes[1]).toMatchObject({ tone: 'backpressured' });
    expect(g.nodes[1]?.badges).toContain('not writing');
    expect(flowRows(j.metrics, true)[0]?.stalled).toBe(true);
  });
  it('tells whether a counter went up', () => {
    const pts = [
      { t: 0, v: 10 },
      { t: 2000, v: 30 },
    ];
    expect(climbed(pts)).toBe(true);
    expect(climbed([pts[0]!, { t: 3000, v: 10 }])).toBe(false);
  });
});

describe('engine versions', () => {
  it('knows which versions have logs and HOCON submission', () => {
    expect(hasLogEndpoints('2.3.8')).toBe(false);
    expect(hasLogEndpoints('2.3.12')).toBe(true);
    expect(hasLogEndpoints('2.3.10-SNAPSHOT')).toBe(true);
    expect(hasLogEndpoints(undefined)).toBeNull();
    expect(atLeast('2.4', '2.3.9')).toBe(true);
    expect(acceptsHocon('v2', '2.3.12')).toBe(true);
    expect(acceptsHocon('v1', '2.3.12')).toBe(false);
    expect(acceptsHocon('v2', '2.3.8')).toBe(false);
  });
});

describe('draft', () => {
  it('keeps a draft per cluster and survives garbage', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    } as unknown as Storage;
    saveDraft('a', { ...EMPTY_DRAFT, jobId: '733584788375666689', config: '{ broken' }, storage);
    expect(loadDraft('a', storage)).toMatchObject({ jobId: '733584788375666689', config: '{ broken' });
    expect(loadDraft('b', storage)).toEqual(EMPTY_DRAFT);
    store.set('streamdash.seatunnel.submit-draft.c', 'not json');
    expect(loadDraft('c', storage)).toEqual(EMPTY_DRAFT);
  });
});
