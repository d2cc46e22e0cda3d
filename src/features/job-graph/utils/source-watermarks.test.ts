import { describe, expect, it } from 'vitest';
import { sourceWatermarkMetricIds, sourceWatermarkRows } from './source-watermarks';

const NONE = '-9223372036854775808'; // Long.MIN_VALUE: no watermark

describe('source watermarks', () => {
  it('asks for the output watermarks and the per-subtask idle and output rates only', () => {
    const available = [
      '0.Source__Orders.currentOutputWatermark',
      '0.Source__Orders.currentInputWatermark',
      '0.idleTimeMsPerSecond',
      '0.numRecordsOutPerSecond',
      '0.busyTimeMsPerSecond',
      '1.Source__Orders.split.3.watermark.currentWatermark',
      'numRecordsOutPerSecond',
    ].map((id) => ({ id }));
    expect(sourceWatermarkMetricIds(available)).toEqual([
      '0.Source__Orders.currentOutputWatermark',
      '0.idleTimeMsPerSecond',
      '0.numRecordsOutPerSecond',
    ]);
  });

  it('shows the idle subtask that emits nothing, with its stuck watermark', () => {
    const now = 1_800_000_000_000;
    const values = [
      { id: '0.Source__Orders.currentOutputWatermark', value: String(now - 2_000) },
      { id: '0.Map.currentOutputWatermark', value: String(now - 2_500) },
      { id: '0.numRecordsOutPerSecond', value: '311.7' },
      { id: '0.idleTimeMsPerSecond', value: '12' },
      { id: '1.Source__Orders.currentOutputWatermark', value: String(now - 3_600_000) },
      { id: '1.numRecordsOutPerSecond', value: '0.0' },
      { id: '1.idleTimeMsPerSecond', value: '1000' },
      { id: '2.Source__Orders.currentOutputWatermark', value: NONE },
    ];
    const s = sourceWatermarkRows(values, 3, now);
    expect(s.rows[0]).toMatchObject({ watermark: now - 2_500, recordsOutPerSecond: 311.7, isIdle: false });
    expect(s.rows[1]).toMatchObject({ lagMs: 3_600_000, idle: 1, isIdle: true });
    expect(s.rows[2]).toMatchObject({ watermark: undefined, recordsOutPerSecond: undefined, isIdle: false });
    expect(s).toMatchObject({ low: now - 3_600_000, maxLagMs: 3_600_000, idleSubtasks: 1 });
  });
});
