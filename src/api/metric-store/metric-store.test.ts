import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import {
  MetricStore,
  fromStored,
  mergePoints,
  type MetricStoreSettings,
  type SeriesBackend,
  type StoredSeries,
} from './metric-store';
import { resetMetricStore, recordMetric, useMetricHistory } from './hooks';
import { indexedDbBackend } from './metric-store';
import { readValue, writeValue } from './kv';

const settings: MetricStoreSettings = { perSeries: 3, maxSeries: 2, retentionMs: 60_000, flushDelayMs: 10 };

/** A backend that keeps records in a Map, like the IndexedDB store does. */
function memoryBackend(initial: StoredSeries[] = []) {
  const records = new Map(initial.map((r) => [r.key, r]));
  const backend: SeriesBackend & { records: Map<string, StoredSeries> } = {
    records,
    load: async () => [...records.values()],
    save: async (puts, deletes) => {
      for (const d of deletes) records.delete(d);
      for (const p of puts) records.set(p.key, p);
      return true;
    },
  };
  return backend;
}

describe('MetricStore', () => {
  it('keeps at most perSeries points per series, dropping the oldest', async () => {
    const backend = memoryBackend();
    const store = new MetricStore(backend, settings, () => 10_000);
    await store.ready;
    for (let i = 1; i <= 5; i++) store.record('a', i, i * 1000);
    expect(store.get('a').map((p) => p.v)).toEqual([3, 4, 5]);
    await store.flush();
    expect(backend.records.get('a')?.v).toEqual([3, 4, 5]);
  });

  it('keeps at most maxSeries series, in memory and on disk', async () => {
    const backend = memoryBackend();
    const store = new MetricStore(backend, settings, () => 10_000);
    await store.ready;
    store.record('a', 1, 1000);
    store.record('b', 1, 1000);
    await store.flush();
    store.record('c', 1, 2000); // evicts 'a', the least recently written
    await store.flush();
    expect(store.history.keys().sort()).toEqual(['b', 'c']);
    expect([...backend.records.keys()].sort()).toEqual(['b', 'c']);
  });

  it('restores what a previous page stored, merged with points recorded while loading', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const backend = memoryBackend([{ key: 'a', t: [1000, 2000], v: [1, 2], at: 2000 }]);
    const slow: SeriesBackend = { load: async () => (await gate, backend.load()), save: backend.save };
    const store = new MetricStore(slow, { ...settings, perSeries: 10 }, () => 5000);
    store.record('a', 3, 3000);
    release();
    await store.ready;
    expect(store.get('a')).toEqual([
      { t: 1000, v: 1 },
      { t: 2000, v: 2 },
      { t: 3000, v: 3 },
    ]);
  });

  it('does not load points older than the retention, and forgets series beyond the cap', async () => {
    const now = 100_000;
    const backend = memoryBackend([
      { key: 'old', t: [1000], v: [1], at: 1000 },
      { key: 'x', t: [now - 1000], v: [1], at: now - 1000 },
      { key: 'y', t: [now - 2000], v: [2], at: now - 2000 },
      { key: 'z', t: [now - 3000], v: [3], at: now - 3000 },
    ]);
    const store = new MetricStore(backend, settings, () => now);
    await store.ready;
    expect(store.history.keys().sort()).toEqual(['x', 'y']);
    await store.flush();
    expect([...backend.records.keys()].sort()).toEqual(['x', 'y']);
  });

  it('retries a write the storage refused', async () => {
    const backend = memoryBackend();
    const save = vi.fn(backend.save).mockResolvedValueOnce(false);
    const store = new MetricStore({ load: backend.load, save }, settings, () => 1000);
    await store.ready;
    store.record('a', 1, 1000);
    await store.flush();
    expect(backend.records.size).toBe(0);
    store.record('b', 1, 1000);
    await store.flush();
    expect([...backend.records.keys()].sort()).toEqual(['a', 'b']);
  });
});

describe('fromStored / mergePoints', () => {
  it('skips malformed records and values', () => {
    const out = fromStored([null, { key: 1 }, { key: 'a', t: [1, 2, 'x'], v: [1, NaN, 3] }], 10, settings);
    expect(out).toEqual([{ key: 'a', points: [{ t: 1, v: 1 }] }]);
  });
  it('merges by timestamp', () => {
    expect(
      mergePoints(
        [
          { t: 1, v: 1 },
          { t: 2, v: 2 },
        ],
        [
          { t: 2, v: 20 },
          { t: 3, v: 3 },
        ],
      ),
    ).toEqual([
      { t: 1, v: 1 },
      { t: 2, v: 20 },
      { t: 3, v: 3 },
    ]);
  });
});

describe('IndexedDB persistence', () => {
  it('a history recorded on one page load is there on the next', async () => {
    const first = resetMetricStore(indexedDbBackend, { ...settings, perSeries: 100, retentionMs: Infinity });
    await first.ready;
    const now = Date.now();
    recordMetric('flink:demo:job:j1:throughput', 10, now - 2000);
    recordMetric('flink:demo:job:j1:throughput', 12, now - 1000);
    await first.flush();

    const second = resetMetricStore(indexedDbBackend, { ...settings, perSeries: 100, retentionMs: Infinity });
    const { result } = renderHook(() => useMetricHistory('flink:demo:job:j1:throughput'));
    await act(() => second.ready);
    expect(result.current.map((p) => p.v)).toEqual([10, 12]);
  });

  it('keeps small values under a key', async () => {
    await writeValue('triage.first-seen', { a: 1 });
    expect(await readValue('triage.first-seen')).toEqual({ a: 1 });
    expect(await readValue('nothing')).toBeUndefined();
  });
});
