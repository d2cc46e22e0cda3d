import { describe, expect, it, vi } from 'vitest';
import { MetricHistory } from './metric-history';

describe('MetricHistory', () => {
  it('keeps only the newest points, oldest first', () => {
    const h = new MetricHistory({ capacity: 3 });
    for (let t = 1; t <= 5; t++) h.push('a', t, t * 10);
    expect(h.get('a')).toEqual([
      { t: 3, v: 30 },
      { t: 4, v: 40 },
      { t: 5, v: 50 },
    ]);
    expect(h.latest('a')).toEqual({ t: 5, v: 50 });
  });

  it('replaces a repeated timestamp and ignores out-of-order or unknown values', () => {
    const h = new MetricHistory();
    h.push('a', 10, 1);
    h.push('a', 10, 2);
    h.push('a', 5, 3);
    h.push('a', 11, NaN);
    expect(h.get('a')).toEqual([{ t: 10, v: 2 }]);
  });

  it('returns the same array until the series changes, and notifies once per batch', () => {
    const h = new MetricHistory();
    const listener = vi.fn();
    const unsubscribe = h.subscribe(listener);
    h.pushMany(1, { a: 1, b: 2, c: undefined });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(h.keys()).toEqual(['a', 'b']);
    const first = h.get('a');
    expect(h.get('a')).toBe(first);
    const version = h.getVersion();
    h.push('a', 2, 3);
    expect(h.get('a')).not.toBe(first);
    expect(h.getVersion()).toBeGreaterThan(version);
    unsubscribe();
    h.push('a', 3, 3);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('evicts the series written longest ago when there are too many', () => {
    const h = new MetricHistory({ maxSeries: 2 });
    h.push('a', 1, 1);
    h.push('b', 1, 1);
    h.push('a', 2, 1);
    h.push('c', 2, 1);
    expect(h.keys().sort()).toEqual(['a', 'c']);
  });

  it('round-trips through snapshot and restore, and deletes by prefix', () => {
    const h = new MetricHistory({ capacity: 2 });
    h.pushMany(1, { 'j1/busy': 0.1, 'j2/busy': 0.2 });
    h.pushMany(2, { 'j1/busy': 0.3 });
    const copy = new MetricHistory({ capacity: 2 });
    copy.restore(h.snapshot());
    expect(copy.get('j1/busy')).toEqual(h.get('j1/busy'));
    copy.deletePrefix('j1/');
    expect(copy.keys()).toEqual(['j2/busy']);
  });
});
