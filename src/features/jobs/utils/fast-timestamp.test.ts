import { describe, expect, it } from 'vitest';
import { formatTimestamp } from '@/lib/format';
import { fastTimestamp } from './fast-timestamp';

describe('fastTimestamp', () => {
  it('writes exactly what formatTimestamp writes, in both zones', () => {
    const samples = [
      1,
      999,
      1795337424957,
      1767225599999,
      1767225600000,
      1711846800000,
      4102444800000,
      -1,
      0,
      NaN,
    ];
    for (let i = 0; i < 200; i++) samples.push(Math.floor(1.6e12 + i * 7_654_321_987));
    for (const ms of samples) {
      expect(fastTimestamp(ms, 'UTC')).toBe(formatTimestamp(ms, 'UTC'));
      expect(fastTimestamp(ms, 'local')).toBe(formatTimestamp(ms, 'local'));
    }
  });
});
