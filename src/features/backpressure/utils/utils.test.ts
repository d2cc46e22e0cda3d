import { describe, expect, it } from 'vitest';
import type { AggregatedMetricList, BackPressure, JobDetails, MetricList } from '@/api/flink/schemas';
import { findBottleneck, focusVertex, hintText, type PressureNode } from './bottleneck';
import { averageShares, levelOfRatio, parseLevel, subtaskGroups, vertexPressure, worstLevel } from './levels';
import { skewOf, subtaskSkew } from './skew';
import {
  parseWatermark,
  STUCK_AFTER_MS,
  summarizeWatermarks,
  trackWatermarks,
  watermarksBySubtask,
} from './watermarks';
import { pressureNode, recordSkew, vertexInfos, vertexLoad } from './vertex-rows';
import { findingParts, findings } from './findings';

import realJob from '../../../../e2e/fixtures/flink/2.2/jobs__jobid--backpressure.json';
import realUpstream from '../../../../e2e/fixtures/flink/2.2/jobs__jobid__vertices__vertexid__backpressure.json';
import realSlow from '../../../../e2e/fixtures/flink/2.2/jobs__jobid__vertices__vertexid__backpressure--slow-operator.json';
import realFresh from '../../../../e2e/fixtures/flink/2.2/jobs__jobid__vertices__vertexid__backpressure--fresh-job-first-answer.json';
import realAggMax from '../../../../e2e/fixtures/flink/2.2/jobs__jobid__vertices__vertexid__subtasks__metrics--get-agg-max.json';
import realWatermarks from '../../../../e2e/fixtures/flink/2.2/jobs__jobid__vertices__vertexid__watermarks.json';
import realNoWatermarks from '../../../../e2e/fixtures/flink/2.2/jobs__jobid__vertices__vertexid__watermarks--no-watermarks.json';

const node = (id: string, inputs: string[], backPressured?: number, busy?: number): PressureNode => ({
  id,
  name: id.toUpperCase(),
  inputs,
  backPressured,
  busy,
});

describe('back-pressure levels', () => {
  it('maps ratios like Flink: OK up to 10 %, LOW up to 50 %, HIGH above', () => {
    expect(levelOfRatio(0)).toBe('ok');
    expect(levelOfRatio(0.1)).toBe('ok');
    expect(levelOfRatio(0.11)).toBe('low');
    expect(levelOfRatio(0.5)).toBe('low');
    expect(levelOfRatio(0.51)).toBe('high');
    expect(levelOfRatio(undefined)).toBeUndefined();
    expect(levelOfRatio(Number.NaN)).toBeUndefined();
    expect(parseLevel('HIGH')).toBe('high');
    expect(parseLevel('weird')).toBeUndefined();
    expect(worstLevel(['ok', undefined, 'low', 'ok'])).toBe('low');
  });

  it('reads the real answers: "deprecated" is sampling, levels and ratios per subtask', () => {
    expect(vertexPressure(realFresh as BackPressure)).toEqual({ kind: 'sampling' });
    const up = vertexPressure(realUpstream as BackPressure);
    expect(up.kind).toBe('sampled');
    if (up.kind !== 'sampled') return;
    expect(up.level).toBe('high');
    expect(up.endTimestamp).toBe(1795339139571);
    expect(up.subtasks).toEqual([
      { subtask: 0, level: 'low', backPressured: 0.358, idle: 0, busy: 0.642 },
      { subtask: 1, level: 'high', backPressured: 0.598, idle: 0.019, busy: 0.383 },
    ]);
    expect(averageShares(up.subtasks)?.backPressured).toBeCloseTo(0.478);
    // a level missing from the answer is derived from the worst subtask
    const bare = vertexPressure({
      status: 'ok',
      subtasks: [{ subtask: 0, 'backpressure-level': 'low', ratio: 0.3 }],
    });
    expect(bare.kind === 'sampled' && bare.level).toBe('low');
    expect(vertexPressure({ status: 'something-new' })).toEqual({ kind: 'other', status: 'something-new' });
  });

  it('groups thousands of subtasks into at most 64 bars', () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({
      subtask: i,
      level: i === 1999 ? ('high' as const) : ('ok' as const),
      backPressured: i === 1999 ? 1 : 0,
      idle: 0,
      busy: 0.5,
    }));
    const groups = subtaskGroups(many);
    expect(groups.length).toBeLessThanOrEqual(64);
    expect(groups[0]).toMatchObject({ first: 0, last: 31 });
    expect(groups.at(-1)).toMatchObject({ last: 1999, level: 'high' });
    expect(subtaskGroups(many.slice(0, 4))).toHaveLength(4);
  });
});

describe('bottleneck finder', () => {
  it('points at the first busy vertex downstream of a back-pressured chain', () => {
    // src (bp) -> parse (bp) -> enrich (busy) -> window -> sink; parse also feeds an archive sink
    const d = findBottleneck([
      node('src', [], 0.44, 0.22),
      node('parse', ['src'], 0.86, 0.11),
      node('enrich', ['parse'], 0, 0.985),
      node('window', ['enrich'], 0, 0.17),
      node('sink', ['window'], 0, 0.09),
      node('archive', ['parse'], 0, 0.28),
    ]);
    expect(d.kind).toBe('bottleneck');
    expect(focusVertex(d)?.id).toBe('enrich');
    expect(hintText(d)).toBe(
      'ENRICH is the likely bottleneck: it is 99 % busy and not back-pressured, while its upstream PARSE is back-pressured 86 % of the time.',
    );
  });

  it('ignores busy vertices that are not behind back-pressure, and names further bottlenecks', () => {
    const d = findBottleneck([
      node('a', [], 0.9, 0.1),
      node('b', ['a'], 0, 0.7),
      node('c', [], 0.6, 0.3),
      node('d', ['c'], 0.05, 0.95),
      node('lonely', [], 0, 1),
    ]);
    expect(d.kind === 'bottleneck' && d.main.vertex.id).toBe('d');
    expect(d.kind === 'bottleneck' && d.others.map((o) => o.vertex.id)).toEqual(['b']);
    expect(hintText(d)).toContain('Also busy behind back-pressure: B (70 % busy).');
  });

  it('says so when nothing downstream of the back-pressure is busy', () => {
    const d = findBottleneck([node('a', [], 0.8, 0.1), node('b', ['a'], 0, 0.2)]);
    expect(d.kind).toBe('unclear');
    expect(hintText(d)).toContain(
      'A is back-pressured 80 % of the time, but no vertex downstream of it is busy',
    );
    expect(focusVertex(d)?.id).toBe('b');
  });

  it('tells a healthy job from one at its capacity, and waits for data', () => {
    expect(findBottleneck([node('a', [], 0, 0.3), node('b', ['a'], 0, 0.4)]).kind).toBe('healthy');
    const sat = findBottleneck([node('a', [], 0, 0.97), node('b', ['a'], 0, 0.4)]);
    expect(sat.kind === 'saturated' && sat.vertex.id).toBe('a');
    expect(findBottleneck([node('a', []), node('b', ['a'])]).kind).toBe('unknown');
  });

  it('survives cycles and unknown inputs', () => {
    const d = findBottleneck([
      node('a', ['b', 'ghost'], 0.7, 0.2),
      node('b', ['a'], 0.7, 0.2),
      node('c', ['b'], 0, 0.8),
    ]);
    expect(d.kind === 'bottleneck' && d.main.vertex.id).toBe('c');
  });

  it('finds "Slow enrichment" in the recorded real job', () => {
    const job = realJob as unknown as JobDetails;
    const infos = vertexInfos(job);
    expect(infos.map((i) => i.inputs.length)).toEqual([0, 1, 1]);
    const [source, slow, sink] = infos;
    const nodes = [
      pressureNode(
        source!,
        vertexLoad(realAggMax as AggregatedMetricList, vertexPressure(realUpstream as BackPressure)),
      ),
      pressureNode(slow!, vertexLoad(undefined, vertexPressure(realSlow as BackPressure))),
      pressureNode(
        sink!,
        vertexLoad(
          [
            { id: 'busyTimeMsPerSecond', max: 20 },
            { id: 'backPressuredTimeMsPerSecond', max: 0 },
          ],
          undefined,
        ),
      ),
    ];
    expect(nodes[0]).toMatchObject({ backPressured: 0.793, busy: 0.333 });
    const d = findBottleneck(nodes);
    expect(hintText(d)).toBe(
      'Slow enrichment is the likely bottleneck: it is 99 % busy and not back-pressured, while its upstream Source: Fast source -> Parse is back-pressured 79 % of the time.',
    );
  });
});

describe('data skew', () => {
  it('flags more than 2x the mean, or an empty subtask', () => {
    expect(skewOf({ min: 90, max: 110, avg: 100 }, 4)).toEqual({
      factor: 1.1,
      emptySubtask: false,
      skewed: false,
    });
    expect(skewOf({ min: 10, max: 350, avg: 100 }, 4)?.skewed).toBe(true);
    expect(skewOf({ min: 0, max: 200, avg: 100 }, 2)).toEqual({
      factor: 2,
      emptySubtask: true,
      skewed: true,
    });
    expect(skewOf({ min: 0, max: 0, avg: 0 }, 4)).toBeUndefined();
    expect(skewOf({ min: 5, max: 5, avg: 5 }, 1)).toBeUndefined();
    const metrics: AggregatedMetricList = [
      { id: 'numRecordsIn', min: 0, max: 0, avg: 0 },
      { id: 'numRecordsOut', min: 100, max: 900, avg: 300 },
    ];
    expect(recordSkew(metrics, true, 3)?.factor).toBe(3);
    expect(recordSkew(metrics, false, 3)).toBeUndefined();
  });

  it('names the hot and the empty subtasks', () => {
    const s = subtaskSkew([100, 0, 100, 900, undefined]);
    expect(s.mean).toBe(275);
    expect([...s.hot]).toEqual([3]);
    expect([...s.empty]).toEqual([1]);
    expect(subtaskSkew([5]).hot.size).toBe(0);
  });
});

describe('watermarks', () => {
  it('reads Long.MIN_VALUE as "no watermark"', () => {
    expect(parseWatermark('-9223372036854775808')).toBeUndefined();
    expect(parseWatermark('1795339159975')).toBe(1795339159975);
    expect(parseWatermark('')).toBeUndefined();
    expect([...watermarksBySubtask(realNoWatermarks as MetricList).values()]).toEqual([undefined, undefined]);
    expect(watermarksBySubtask(realWatermarks as MetricList).get(1)).toBe(1795339159975);
  });

  it('computes the low watermark and its lag', () => {
    const tracks = trackWatermarks(
      undefined,
      new Map([
        [0, 10_000],
        [1, 7_000],
        [2, undefined],
      ]),
      0,
    );
    const s = summarizeWatermarks(tracks, 12_000, 0);
    expect(s.low).toBe(7_000);
    expect(s.lagMs).toBe(5_000);
    expect(s.none).toEqual([2]);
    expect(s.stuck).toEqual([]);
  });

  it('marks a watermark that does not move between polls as stuck', () => {
    let tracks = trackWatermarks(
      undefined,
      new Map([
        [0, 1000],
        [1, 500],
      ]),
      0,
    );
    tracks = trackWatermarks(
      tracks,
      new Map([
        [0, 11_000],
        [1, 500],
      ]),
      10_000,
    );
    expect(summarizeWatermarks(tracks, 10_000, 10_000).stuck).toEqual([]);
    tracks = trackWatermarks(
      tracks,
      new Map([
        [0, 21_000],
        [1, 500],
      ]),
      STUCK_AFTER_MS,
    );
    const s = summarizeWatermarks(tracks, 25_000, STUCK_AFTER_MS);
    expect(s.stuck).toEqual([1]);
    expect(s.subtasks[1]?.stuckForMs).toBe(STUCK_AFTER_MS);
    expect(s.lagMs).toBe(24_500);
    // it moves again: no longer stuck
    tracks = trackWatermarks(
      tracks,
      new Map([
        [0, 31_000],
        [1, 29_000],
      ]),
      30_000,
    );
    expect(summarizeWatermarks(tracks, 30_000, 30_000).stuck).toEqual([]);
  });
});

describe('findings', () => {
  const ref = (id: string, isSource = false) => ({ id, name: id.toUpperCase(), isSource });
  it('names the first stuck watermark, empty subtasks and skew', () => {
    const stuckWm = (forMs: number) => ({
      subtasks: [
        { subtask: 0, watermark: 5, lagMs: 90_000, stuckForMs: forMs },
        { subtask: 1, watermark: 5, lagMs: 90_000, stuckForMs: forMs },
      ],
      low: 5,
      lagMs: 90_000,
      none: [],
      stuck: [0, 1],
    });
    const list = findings([
      {
        info: ref('src-a', true),
        skew: { factor: 1, emptySubtask: false, skewed: false },
        watermarks: undefined,
      },
      {
        info: ref('src-b', true),
        skew: { factor: 2, emptySubtask: true, skewed: true },
        watermarks: undefined,
      },
      { info: ref('validate'), skew: undefined, watermarks: stuckWm(25_000) },
      {
        info: ref('window'),
        skew: { factor: 3.4, emptySubtask: false, skewed: true },
        watermarks: stuckWm(25_000),
      },
    ]);
    expect(list.map((f) => f.kind)).toEqual(['stuck-watermark', 'empty-subtask', 'skew']);
    const text = list.map((f) =>
      findingParts(f)
        .map((p) => p.text)
        .join(''),
    );
    expect(text[0]).toBe(
      'The watermark of VALIDATE has not moved for 25 s (lag 1 m 30 s; also stuck in 1 vertex downstream): event-time windows and timers wait. An input without data (an idle source subtask) holds it back unless the source declares idleness.',
    );
    expect(text[1]).toBe(
      'SRC-B: at least one subtask emitted no records while the others did (an idle partition or split).',
    );
    expect(text[2]).toBe('WINDOW: data skew, its busiest subtask got 3.4× the mean number of records.');
    expect(findings([{ info: ref('a'), skew: undefined, watermarks: undefined }])).toEqual([]);
  });
});
