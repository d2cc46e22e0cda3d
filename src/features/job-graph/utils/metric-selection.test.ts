import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MetricList } from '@/api/flink/schemas';
import { formatValue } from '@/components/charts';
import {
  aggregationsFor,
  initialPick,
  MAX_PICKED,
  metricFormat,
  metricNames,
  readPicked,
  storageKey,
  writePicked,
} from './metric-selection';

/** A recorded Flink 2.2.1 answer. */
const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(join(process.cwd(), 'e2e/fixtures/flink/2.2', `${name}.json`), 'utf8')) as T;

afterEach(() => localStorage.clear());

describe('metricNames', () => {
  it('lists what a real subtask reports, task metrics before operator ones', () => {
    const names = metricNames(
      fixture<MetricList>('jobs__jobid__vertices__vertexid__subtasks__subtaskindex__metrics'),
    );
    expect(names).toContain('numBytesOutPerSecond');
    expect(names).toContain('Parse.numBytesInPerSecond');
    expect(names.indexOf('numBytesOut')).toBeLessThan(names.indexOf('Parse.numBytesInPerSecond'));
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('picked metrics', () => {
  it('are remembered per job and vertex', () => {
    expect(readPicked('j1', 'v1')).toBeUndefined();
    writePicked('j1', 'v1', ['busyTimeMsPerSecond', 'numRecordsInPerSecond']);
    expect(readPicked('j1', 'v1')).toEqual(['busyTimeMsPerSecond', 'numRecordsInPerSecond']);
    expect(readPicked('j1', 'v2')).toBeUndefined();
    expect(readPicked('j2', 'v1')).toBeUndefined();
    // An empty pick is a choice too: it stays empty rather than falling back to the default.
    writePicked('j1', 'v2', []);
    expect(initialPick(readPicked('j1', 'v2'), ['numRecordsInPerSecond'])).toEqual([]);
  });

  it('survive garbage in storage and are capped', () => {
    localStorage.setItem(storageKey('j', 'v'), '{not json');
    expect(readPicked('j', 'v')).toBeUndefined();
    localStorage.setItem(storageKey('j', 'v'), JSON.stringify(['a', 3, 'b']));
    expect(readPicked('j', 'v')).toEqual(['a', 'b']);
    writePicked(
      'j',
      'v',
      Array.from({ length: 20 }, (_, i) => `m${i}`),
    );
    expect(readPicked('j', 'v')).toHaveLength(MAX_PICKED);
  });

  it('start with the record rates the vertex has', () => {
    expect(initialPick(undefined, ['numRecordsOutPerSecond', 'busyTimeMsPerSecond'])).toEqual([
      'numRecordsOutPerSecond',
    ]);
    expect(initialPick(['x'], ['numRecordsOutPerSecond'])).toEqual(['x']);
  });
});

describe('aggregationsFor', () => {
  it('sums throughput and counters, and keeps min/avg/max for gauges and time shares', () => {
    expect(aggregationsFor('numRecordsInPerSecond')).toEqual(['sum', 'max']);
    expect(aggregationsFor('Parse.numRecordsOut')).toEqual(['sum', 'max']);
    expect(aggregationsFor('busyTimeMsPerSecond')).toEqual(['min', 'avg', 'max']);
    expect(aggregationsFor('buffers.inPoolUsage')).toEqual(['min', 'avg', 'max']);
    expect(aggregationsFor('currentInputWatermark')).toEqual(['min', 'avg', 'max']);
  });
});

describe('metricFormat', () => {
  it('formats by unit read from the name', () => {
    expect(formatValue(2048, metricFormat('numBytesInPerSecond'))).toBe('2.00 KiB/s');
    expect(formatValue(990, metricFormat('busyTimeMsPerSecond'))).toBe('990 ms/s');
    expect(formatValue(1500, metricFormat('numRecordsOutPerSecond'))).toBe('1,500/s');
    expect(formatValue(0.5, metricFormat('buffers.outPoolUsage'))).toBe('50 %');
    expect(formatValue(2048, metricFormat('numBytesOut'))).toBe('2.00 KiB');
    expect(formatValue(1500, metricFormat('checkpointStartDelayMs'))).toBe('1.5 s');
    expect(formatValue(7, metricFormat('numRecordsIn'))).toBe('7');
  });
});
