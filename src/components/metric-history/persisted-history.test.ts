import { beforeEach, describe, expect, it } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { MetricHistory } from '@/lib/metric-history';
import { decodeHistory, encodeHistory, forgetHistory, loadHistory, saveHistory } from './persisted-history';
import { usePersistedMetricHistory, useRecordMetrics } from './use-persisted-history';

const MIN = 60_000;
const settings = { windowMs: 30 * MIN, maxEntries: 3 };

function historyWith(points: Record<string, [number, number][]>) {
  const h = new MetricHistory({ capacity: 100 });
  for (const [key, list] of Object.entries(points)) for (const [t, v] of list) h.push(key, t, v);
  return h;
}

/** A Storage that refuses writes over `limit` characters in total, like a full browser quota. */
class TinyStorage implements Storage {
  private map = new Map<string, string>();
  constructor(private readonly limit = Infinity) {}
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  setItem(k: string, v: string) {
    const size =
      [...this.map.entries()].reduce((n, [key, val]) => n + (key === k ? 0 : val.length), 0) + v.length;
    if (size > this.limit) throw new DOMException('full', 'QuotaExceededError');
    this.map.set(k, v);
  }
  keys() {
    return [...this.map.keys()];
  }
}

describe('encodeHistory / decodeHistory', () => {
  it('round-trips the points inside the window and drops older ones', () => {
    const now = 100 * MIN;
    const h = historyWith({
      heap: [
        [now - 40 * MIN, 1],
        [now - 20 * MIN, 2],
        [now - 1000, 3.5],
      ],
      gc: [[now - 50 * MIN, 9]],
    });
    const text = encodeHistory(h.snapshot(), now, 30 * MIN);
    // Old points are not even written: the stored size stays bounded by the window.
    const stored = JSON.parse(text) as { s: { k: string; t: number[] }[] };
    expect(stored.s.map((x) => [x.k, x.t.length])).toEqual([['heap', 2]]);
    expect(decodeHistory(text, now, 30 * MIN)).toEqual([
      {
        key: 'heap',
        points: [
          { t: now - 20 * MIN, v: 2 },
          { t: now - 1000, v: 3.5 },
        ],
      },
    ]);
    // Read later: the window is applied again.
    expect(decodeHistory(text, now + 25 * MIN, 30 * MIN)).toEqual([
      { key: 'heap', points: [{ t: now - 1000, v: 3.5 }] },
    ]);
  });

  it('ignores garbage instead of failing', () => {
    expect(decodeHistory('not json', 0, MIN)).toEqual([]);
    expect(decodeHistory('{"v":99,"s":[]}', 0, MIN)).toEqual([]);
    expect(decodeHistory(null, 0, MIN)).toEqual([]);
    expect(decodeHistory('{"v":1,"s":[{"k":"a","t":[5,"x"],"v":[1,2]}]}', 5, MIN)).toEqual([
      { key: 'a', points: [{ t: 5, v: 1 }] },
    ]);
  });
});

describe('saveHistory / loadHistory', () => {
  it('restores what was saved under the same key only', () => {
    const store = new TinyStorage();
    const now = 10 * MIN;
    saveHistory(store, 'c1:tm1', historyWith({ heap: [[now - 5000, 7]] }), now, settings);
    expect(loadHistory(store, 'c1:tm1', now, settings)).toEqual([
      { key: 'heap', points: [{ t: now - 5000, v: 7 }] },
    ]);
    expect(loadHistory(store, 'c1:tm2', now, settings)).toEqual([]);
  });

  it('keeps at most maxEntries histories, dropping the least recently saved', () => {
    const store = new TinyStorage();
    for (let i = 1; i <= 5; i++)
      saveHistory(store, `tm${i}`, historyWith({ x: [[i * 1000, i]] }), i * 1000, settings);
    const kept = ['tm1', 'tm2', 'tm3', 'tm4', 'tm5'].filter(
      (k) => loadHistory(store, k, 5000, settings).length > 0,
    );
    expect(kept).toEqual(['tm3', 'tm4', 'tm5']);
    expect(store.keys().filter((k) => k.startsWith('streamdash.metric-history:'))).toHaveLength(3);
  });

  it('drops histories saved longer ago than the window', () => {
    const store = new TinyStorage();
    saveHistory(store, 'old', historyWith({ x: [[0, 1]] }), 0, settings);
    saveHistory(store, 'new', historyWith({ x: [[40 * MIN, 1]] }), 40 * MIN, settings);
    expect(store.getItem('streamdash.metric-history:old')).toBeNull();
  });

  it('makes room when the storage is full, and says so when it cannot', () => {
    const points = (v: number) => ({
      x: Array.from({ length: 40 }, (_, i) => [1000 + i * 10, v * 1000 + i] as [number, number]),
    });
    const one = encodeHistory(historyWith(points(1)).snapshot(), 2000, settings.windowMs).length;
    const store = new TinyStorage(one * 2 + 150); // two histories and the index fit, three do not
    expect(saveHistory(store, 'a', historyWith(points(1)), 2000, settings)).toBe(true);
    expect(saveHistory(store, 'b', historyWith(points(2)), 2000, settings)).toBe(true);
    expect(saveHistory(store, 'c', historyWith(points(3)), 2000, settings)).toBe(true);
    expect(loadHistory(store, 'c', 2000, settings)).toHaveLength(1);
    expect(loadHistory(store, 'b', 2000, settings)).toHaveLength(1);
    expect(loadHistory(store, 'a', 2000, settings)).toEqual([]);
    expect(saveHistory(new TinyStorage(10), 'z', historyWith(points(4)), 2000, settings)).toBe(false);
  });

  it('forgets one history', () => {
    const store = new TinyStorage();
    saveHistory(store, 'a', historyWith({ x: [[1000, 1]] }), 1000, settings);
    forgetHistory(store, 'a');
    expect(loadHistory(store, 'a', 1000, settings)).toEqual([]);
  });
});

describe('usePersistedMetricHistory', () => {
  beforeEach(() => localStorage.clear());

  it('records polled values and hands them to the next page load', () => {
    const now = Date.now();
    const first = renderHook(
      ({ values, at }) => {
        const h = usePersistedMetricHistory('flink:demo:tm:a');
        useRecordMetrics(h, values, at);
        return h;
      },
      { initialProps: { values: { heap: 10 } as Record<string, number | undefined>, at: now - 20_000 } },
    );
    first.rerender({ values: { heap: 12, unknown: undefined }, at: now - 10_000 });
    expect(first.result.current.get('heap').map((p) => p.v)).toEqual([10, 12]);
    act(() => first.unmount()); // a reload: the pending save is written on the way out

    const second = renderHook(() => usePersistedMetricHistory('flink:demo:tm:a'));
    expect(second.result.current.get('heap')).toEqual([
      { t: now - 20_000, v: 10 },
      { t: now - 10_000, v: 12 },
    ]);
    const other = renderHook(() => usePersistedMetricHistory('flink:demo:tm:b'));
    expect(other.result.current.keys()).toEqual([]);
  });
});
