import { describe, expect, it } from 'vitest';
import { percentile, skew, summarize } from './stats';

describe('percentile', () => {
  it('interpolates linearly between the closest ranks', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(sorted, 0.5)).toBeCloseTo(5.5);
    expect(percentile(sorted, 0.9)).toBeCloseTo(9.1);
    expect(percentile(sorted, 0.99)).toBeCloseTo(9.91);
    expect(percentile(sorted, 0)).toBe(1);
    expect(percentile(sorted, 1)).toBe(10);
  });

  it('matches the R-7 definition on uneven data', () => {
    // numpy.percentile([15, 20, 35, 40, 50], [40, 90]) == [29, 46]
    expect(percentile([15, 20, 35, 40, 50], 0.4)).toBeCloseTo(29);
    expect(percentile([15, 20, 35, 40, 50], 0.9)).toBeCloseTo(46);
  });

  it('handles one value and none', () => {
    expect(percentile([42], 0.99)).toBe(42);
    expect(percentile([], 0.5)).toBeUndefined();
  });
});

describe('summarize', () => {
  it('gives min, avg, max and percentiles, ignoring unknown values', () => {
    const s = summarize([4, NaN, 1, undefined, 3, null, 2, Infinity]);
    expect(s).toMatchObject({ count: 4, sum: 10, min: 1, max: 4, avg: 2.5, p50: 2.5 });
    expect(s.p90).toBeCloseTo(3.7);
    expect(s.p99).toBeCloseTo(3.97);
  });

  it('sorts numerically, not as strings', () => {
    expect(summarize([10, 9, 100, 2]).p50).toBe(9.5);
  });

  it('is empty, not zero, without data', () => {
    expect(summarize([])).toEqual({
      count: 0,
      sum: 0,
      min: undefined,
      avg: undefined,
      max: undefined,
      p50: undefined,
      p90: undefined,
      p99: undefined,
    });
  });

  it('computes skew as max over average', () => {
    expect(skew(summarize([1, 1, 1, 5]))).toBe(2.5);
    expect(skew(summarize([0, 0]))).toBeUndefined();
  });
});
