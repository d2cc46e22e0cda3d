import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AggregatedMetricList, MetricList } from '@/api/flink/schemas';
import { maxOverSubtasks, minOverSubtasks, msPerSecondToRatio, perSubtask, vertexLoad } from './vertex-load';

/** A recorded Flink 2.2.1 answer. */
const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(join(process.cwd(), 'e2e/fixtures/flink/2.2', `${name}.json`), 'utf8')) as T;

describe('vertexLoad', () => {
  it('reads the worst subtask of a real back-pressured vertex (agg=max)', () => {
    // Source -> Parse of the recorded BackpressureJob, upstream of the slow operator.
    const list = fixture<AggregatedMetricList>(
      'jobs__jobid__vertices__vertexid__subtasks__metrics--get-agg-max',
    );
    const max = (id: string) => list.find((m) => m.id === id)?.max ?? NaN;
    const load = vertexLoad(list);
    expect(max('backPressuredTimeMsPerSecond')).toBeGreaterThan(500); // the recording is of a HIGH case
    expect(load?.backPressured).toBeCloseTo(max('backPressuredTimeMsPerSecond') / 1000);
    expect(load?.busy).toBeCloseTo(max('busyTimeMsPerSecond') / 1000);
    expect(load?.idle).toBeCloseTo(max('idleTimeMsPerSecond') / 1000);
    // Throughput was not asked for in that request: unknown, not 0.
    expect(load?.recordsIn).toBeUndefined();
  });

  it('takes max for time shares and sum for throughput', () => {
    const load = vertexLoad([
      { id: 'busyTimeMsPerSecond', max: 990.5, sum: 3931 },
      { id: 'backPressuredTimeMsPerSecond', max: 0, sum: 0 },
      { id: 'numRecordsInPerSecond', max: 5905.7, sum: 20610.9 },
      { id: 'numBytesOutPerSecond', max: 10, sum: 40 },
    ]);
    expect(load).toMatchObject({ busy: 0.9905, backPressured: 0, recordsIn: 20610.9, bytesOut: 40 });
    expect(load?.recordsOut).toBeUndefined();
  });

  it('is undefined before the vertex answered and ignores NaN', () => {
    expect(vertexLoad(undefined)).toBeUndefined();
    expect(vertexLoad([{ id: 'busyTimeMsPerSecond', max: NaN }])?.busy).toBeUndefined();
  });

  it('caps ms-per-second at 100 %', () => {
    expect(msPerSecondToRatio(1003)).toBe(1);
    expect(msPerSecondToRatio(-1)).toBeUndefined();
  });
});

describe('aggregation over subtasks', () => {
  it('max and min skip unknown values instead of treating them as 0', () => {
    expect(maxOverSubtasks([0.2, undefined, 0.9, NaN, 0.5])).toBe(0.9);
    expect(minOverSubtasks([0.2, undefined, 0.9])).toBe(0.2);
    expect(maxOverSubtasks([undefined])).toBeUndefined();
    expect(maxOverSubtasks([])).toBeUndefined();
  });

  it('splits per-subtask metric ids by subtask index', () => {
    const list = fixture<MetricList>('jobs__jobid__vertices__vertexid__watermarks');
    const values = perSubtask(list, 'currentInputWatermark');
    expect([...values.keys()]).toEqual([0, 1]);
    expect(values.get(1)).toBe(list.find((m) => m.id === '1.currentInputWatermark')?.value);
    expect(Number(values.get(1))).toBeGreaterThan(1.7e12);
    expect(
      perSubtask([{ id: '0.Parse.currentInputWatermark', value: '1' }], 'currentInputWatermark').size,
    ).toBe(0);
  });
});
