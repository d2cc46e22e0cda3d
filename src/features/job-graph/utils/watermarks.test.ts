import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MetricList } from '@/api/flink/schemas';
import { parseWatermark, watermarkRows } from './watermarks';

/** A recorded Flink 2.2.1 answer. */
const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(join(process.cwd(), 'e2e/fixtures/flink/2.2', `${name}.json`), 'utf8')) as T;

describe('watermarkRows', () => {
  it('gives each subtask its watermark and lag, the low watermark being the slowest subtask', () => {
    const list: MetricList = [
      { id: '0.currentInputWatermark', value: '1000000' },
      { id: '1.currentInputWatermark', value: '990000' },
      { id: '2.currentInputWatermark', value: '-9223372036854775808' },
    ];
    const s = watermarkRows(list, 4, 1_005_000);
    expect(s.rows).toEqual([
      { subtask: 0, watermark: 1_000_000, lagMs: 5000, reported: true },
      { subtask: 1, watermark: 990_000, lagMs: 15_000, reported: true },
      { subtask: 2, watermark: undefined, lagMs: undefined, reported: true },
      { subtask: 3, watermark: undefined, lagMs: undefined, reported: false },
    ]);
    expect(s.low).toBe(990_000);
    expect(s.maxLagMs).toBe(15_000);
    expect(s.withoutWatermark).toBe(2);
  });

  it('reads a real event-time vertex', () => {
    const list = fixture<MetricList>('jobs__jobid__vertices__vertexid__watermarks');
    const wm = Number(list[0]?.value);
    const s = watermarkRows(list, 2, wm + 2500);
    expect(s.low).toBe(Math.min(...list.map((m) => Number(m.value))));
    expect(s.rows[0]?.lagMs).toBe(2500);
    expect(s.withoutWatermark).toBe(0);
  });

  it('treats Long.MIN_VALUE of a vertex without event time as "no watermark"', () => {
    const s = watermarkRows(
      fixture<MetricList>('jobs__jobid__vertices__vertexid__watermarks--no-watermarks'),
      2,
      Date.now(),
    );
    expect(s.withoutWatermark).toBe(2);
    expect(s.low).toBeUndefined();
    expect(s.maxLagMs).toBeUndefined();
  });

  it('never reports a negative lag (clock skew between cluster and browser)', () => {
    expect(watermarkRows([{ id: '0.currentInputWatermark', value: '2000' }], 1, 1000).rows[0]?.lagMs).toBe(0);
  });

  it('parses only real timestamps', () => {
    expect(parseWatermark('1795339159975')).toBe(1795339159975);
    expect(parseWatermark('')).toBeUndefined();
    expect(parseWatermark('abc')).toBeUndefined();
    expect(parseWatermark(undefined)).toBeUndefined();
  });
});
