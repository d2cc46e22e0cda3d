import { describe, expect, it } from 'vitest';
import { flinkVersionAtLeast } from './flink-version';

describe('flinkVersionAtLeast', () => {
  it('compares major, then minor, numerically', () => {
    expect(flinkVersionAtLeast('2.3.0', 2, 3)).toBe(true);
    expect(flinkVersionAtLeast('2.2.1', 2, 3)).toBe(false);
    expect(flinkVersionAtLeast('1.20.5', 2, 3)).toBe(false);
    expect(flinkVersionAtLeast('1.20.5', 1, 3)).toBe(true); // 20 > 3, not "2" < "3"
    expect(flinkVersionAtLeast('3.0.0', 2, 3)).toBe(true);
    expect(flinkVersionAtLeast('2.10-SNAPSHOT', 2, 3)).toBe(true);
  });

  it('takes an unparsable version as new (the cluster answers for itself)', () => {
    expect(flinkVersionAtLeast('', 2, 3)).toBe(true);
    expect(flinkVersionAtLeast('<unknown>', 2, 3)).toBe(true);
  });
});
