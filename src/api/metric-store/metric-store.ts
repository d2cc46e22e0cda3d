/**
 * A rolling history of metric values kept in the browser, so charts survive reloads.
 *
 * In memory it is a MetricHistory (src/lib/metric-history.ts: one ring buffer per series, so the
 * size is fixed); on disk (IndexedDB, see idb.ts) each series is one record. Bounded three ways:
 *   - per series: `perSeries` points (the oldest dropped),
 *   - globally: `maxSeries` series (the least recently written series dropped, also on disk),
 *   - by age: points older than `retentionMs` are not loaded back.
 * Writes are batched: changed series are saved `flushDelayMs` after the first change and when the
 * page is hidden or closed.
 */
import { MetricHistory, type Point, type SeriesSnapshot } from '@/lib/metric-history';
import { SERIES_STORE, getAll, writeBatch } from './idb';

export interface MetricStoreSettings {
  perSeries: number;
  maxSeries: number;
  retentionMs: number;
  flushDelayMs: number;
}

/** Two hours at one point per 10 s, 300 series: ~3.5 MB in memory at most. */
export const DEFAULT_STORE_SETTINGS: MetricStoreSettings = {
  perSeries: 720,
  maxSeries: 300,
  retentionMs: 24 * 60 * 60_000,
  flushDelayMs: 3000,
};

/** One series as stored: parallel arrays of times (ms) and values, and when it was last written. */
export interface StoredSeries {
  key: string;
  t: number[];
  v: number[];
  at: number;
}

/** Where series are persisted; IndexedDB in the browser, memory in tests. */
export interface SeriesBackend {
  load(): Promise<StoredSeries[]>;
  save(puts: StoredSeries[], deletes: string[]): Promise<boolean>;
}

export const indexedDbBackend: SeriesBackend = {
  load: () => getAll<StoredSeries>(SERIES_STORE),
  save: (puts, deletes) => writeBatch(SERIES_STORE, puts, deletes),
};

export function toStored(key: string, points: readonly Point[], at: number): StoredSeries {
  return { key, t: points.map((p) => p.t), v: points.map((p) => p.v), at };
}

/** Stored records back to snapshots: malformed records skipped, old points dropped, newest series first. */
export function fromStored(
  records: readonly unknown[],
  now: number,
  settings: MetricStoreSettings,
): SeriesSnapshot[] {
  const from = now - settings.retentionMs;
  const valid: { snap: SeriesSnapshot; at: number }[] = [];
  for (const r of records) {
    const s = r as Partial<StoredSeries> | null;
    if (!s || typeof s.key !== 'string' || !Array.isArray(s.t) || !Array.isArray(s.v)) continue;
    const points: Point[] = [];
    for (let i = 0; i < s.t.length; i++) {
      const t = s.t[i];
      const v = s.v[i];
      if (
        typeof t === 'number' &&
        typeof v === 'number' &&
        Number.isFinite(t) &&
        Number.isFinite(v) &&
        t >= from
      ) {
        points.push({ t, v });
      }
    }
    if (points.length) valid.push({ snap: { key: s.key, points }, at: typeof s.at === 'number' ? s.at : 0 });
  }
  valid.sort((a, b) => b.at - a.at);
  return valid.slice(0, settings.maxSeries).map((x) => x.snap);
}

/** Two sorted point lists as one, one point per timestamp (the second list wins). */
export function mergePoints(a: readonly Point[], b: readonly Point[]): Point[] {
  const byT = new Map<number, number>();
  for (const p of a) byT.set(p.t, p.v);
  for (const p of b) byT.set(p.t, p.v);
  return [...byT.entries()].sort((x, y) => x[0] - y[0]).map(([t, v]) => ({ t, v }));
}

export class MetricStore {
  readonly history: MetricHistory;
  /** Resolves once what was stored has been loaded (or failed to load). */
  readonly ready: Promise<void>;
  private readonly dirty = new Set<string>();
  private readonly onDisk = new Set<string>();
  private readonly lastWrite = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly backend: SeriesBackend,
    private readonly settings: MetricStoreSettings = DEFAULT_STORE_SETTINGS,
    private readonly clock: () => number = Date.now,
  ) {
    this.history = new MetricHistory({ capacity: settings.perSeries, maxSeries: settings.maxSeries });
    this.ready = this.load();
  }

  private async load() {
    let records: unknown[] = [];
    try {
      records = await this.backend.load();
    } catch {
      records = [];
    }
    const stored = fromStored(records, this.clock(), this.settings);
    for (const s of records as Partial<StoredSeries>[])
      if (typeof s?.key === 'string') this.onDisk.add(s.key);
    if (stored.length === 0) return;
    // Points recorded while loading are kept; stored series restored oldest-written first, so the
    // capacity keeps the freshest ones.
    const live = new Map(this.history.snapshot().map((s) => [s.key, s.points]));
    const merged: SeriesSnapshot[] = [...stored].reverse().map((s) => ({
      key: s.key,
      points: mergePoints(s.points, live.get(s.key) ?? []),
    }));
    const restoredKeys = new Set(merged.map((s) => s.key));
    for (const [key, points] of live) if (!restoredKeys.has(key)) merged.push({ key, points });
    this.history.restore(merged);
    // Stored series beyond the cap or too old: removed from disk with the next flush.
    for (const key of this.onDisk) if (!restoredKeys.has(key)) this.dirty.add(key);
    if (this.dirty.size) this.schedule();
  }

  /** One point; non-finite values (unknown metrics) are skipped. */
  record(key: string, value: number | null | undefined, t: number = this.clock()) {
    if (typeof value !== 'number' || !Number.isFinite(value)) return;
    this.history.push(key, t, value);
    this.touch(key, t);
  }

  /** One poll's values for many series, with a single notification. */
  recordMany(values: Record<string, number | null | undefined>, t: number = this.clock()) {
    this.history.pushMany(t, values);
    for (const [key, v] of Object.entries(values))
      if (typeof v === 'number' && Number.isFinite(v)) this.touch(key, t);
  }

  get(key: string): Point[] {
    return this.history.get(key);
  }

  private touch(key: string, t: number) {
    this.dirty.add(key);
    this.lastWrite.set(key, t);
    this.schedule();
  }

  private schedule() {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.settings.flushDelayMs);
  }

  /** Writes the changed series now; series dropped from memory are deleted from disk. */
  async flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    await this.flushing;
    if (this.dirty.size === 0) return;
    const keys = [...this.dirty];
    this.dirty.clear();
    const inMemory = new Set(this.history.keys());
    const puts: StoredSeries[] = [];
    const deletes: string[] = [];
    for (const key of keys) {
      const points = this.history.get(key);
      if (inMemory.has(key) && points.length)
        puts.push(toStored(key, points, this.lastWrite.get(key) ?? this.clock()));
    }
    // Evicted by the series cap (or never restored): gone from disk too.
    for (const key of this.onDisk) if (!inMemory.has(key)) deletes.push(key);
    this.flushing = this.backend.save(puts, deletes).then(
      (ok) => {
        if (ok) {
          for (const p of puts) this.onDisk.add(p.key);
          for (const d of deletes) this.onDisk.delete(d);
        } else {
          for (const p of puts) this.dirty.add(p.key); // try again with the next change
        }
      },
      () => undefined,
    );
    await this.flushing;
  }
}
