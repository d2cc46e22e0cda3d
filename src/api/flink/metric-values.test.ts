import { describe, expect, it } from 'vitest';
import { aggregatedValues, metricValues, parseMetricValue } from './metric-values';

describe('metric values', () => {
  it('parses numeric strings and leaves text and empty values undefined', () => {
    expect(parseMetricValue('12.5')).toBe(12.5);
    expect(parseMetricValue('-9223372036854775808')).toBe(-9223372036854775808);
    expect(parseMetricValue('NaN')).toBeUndefined();
    expect(parseMetricValue('RUNNING')).toBeUndefined();
    expect(parseMetricValue('')).toBeUndefined();
    expect(parseMetricValue(undefined)).toBeUndefined();
  });

  it('maps lists by id', () => {
    expect(metricValues([{ id: 'a', value: '1' }, { id: 'b' }])).toEqual({ a: 1, b: undefined });
    expect(
      aggregatedValues(
        [
          { id: 'a', max: 3, min: 1 },
          { id: 'b', max: Number.NaN },
        ],
        'max',
      ),
    ).toEqual({
      a: 3,
      b: undefined,
    });
  });
});
