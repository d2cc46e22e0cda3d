import { describe, expect, it } from 'vitest';
import { flinkDurationMs, metricFetchIntervalMs } from './queries-tm-extra';

describe('metric fetch interval', () => {
  it('reads metrics.fetcher.update-interval as Flink writes durations', () => {
    expect(flinkDurationMs('10 s')).toBe(10_000);
    expect(flinkDurationMs('10000')).toBe(10_000);
    expect(flinkDurationMs('2 min')).toBe(120_000);
    expect(flinkDurationMs('500ms')).toBe(500);
    expect(flinkDurationMs('soon')).toBeUndefined();
  });

  it("is Flink's 10 s default when the option is not set or unreadable", () => {
    expect(metricFetchIntervalMs([{ key: 'metrics.fetcher.update-interval', value: '3 s' }])).toBe(3_000);
    expect(metricFetchIntervalMs([{ key: 'rest.port', value: '8081' }])).toBe(10_000);
    expect(metricFetchIntervalMs([{ key: 'metrics.fetcher.update-interval', value: 'x' }])).toBe(10_000);
  });
});
