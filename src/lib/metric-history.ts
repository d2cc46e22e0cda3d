/**
 * A bounded in-memory history of polled metric values, for charts that outlive one poll.
 *
 *   const history = new MetricHistory({ capacity: 600 });         // 600 points per series
 *   history.pushMany(Date.now(), { 'job1/busy': 0.4, 'job1/bp': 0.1 });
 *   history.get('job1/busy')  // [{ t, v }, …] oldest first; same array until the series changes
 *
 * Each series is a ring buffer (two Float64Arrays), so memory stays fixed however long the tab
 * is open. React: `useSyncExternalStore(history.subscribe, history.getVersion)` then `get(key)`.
 * `snapshot()` / `restore()` give plain data for persisting (e.g. to IndexedDB) later.
 */

export interface Point {
  t: number;
  v: number;
}

export interface SeriesSnapshot {
  key: string;
  points: Point[];
}

const EMPTY: Point[] = [];

class Ring {
  readonly t: Float64Array;
  readonly v: Float64Array;
  head = 0; // index of the oldest point
  size = 0;
  touched = 0; // last write, for evicting the stalest series
  cache: Point[] | undefined;

  constructor(capacity: number) {
    this.t = new Float64Array(capacity);
    this.v = new Float64Array(capacity);
  }

  private slot(i: number): number {
    return (this.head + i) % this.t.length;
  }

  lastT(): number | undefined {
    return this.size ? this.t[this.slot(this.size - 1)] : undefined;
  }

  push(t: number, v: number): void {
    const last = this.lastT();
    if (last !== undefined && t < last) return; // out-of-order poll answer: keep the series monotonic
    if (last === t) {
      // The same sample polled twice: keep one point, with the newest value.
      this.v[this.slot(this.size - 1)] = v;
    } else if (this.size < this.t.length) {
      const s = this.slot(this.size);
      this.t[s] = t;
      this.v[s] = v;
      this.size++;
    } else {
      this.t[this.head] = t;
      this.v[this.head] = v;
      this.head = (this.head + 1) % this.t.length;
    }
    this.cache = undefined;
  }

  points(): Point[] {
    if (!this.cache) {
      const out = new Array<Point>(this.size);
      for (let i = 0; i < this.size; i++) {
        const s = this.slot(i);
        out[i] = { t: this.t[s] as number, v: this.v[s] as number };
      }
      this.cache = out;
    }
    return this.cache;
  }
}

export class MetricHistory {
  private readonly capacity: number;
  private readonly maxSeries: number;
  private readonly series = new Map<string, Ring>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private clock = 0;

  constructor({ capacity = 600, maxSeries = 500 }: { capacity?: number; maxSeries?: number } = {}) {
    this.capacity = Math.max(1, Math.floor(capacity));
    this.maxSeries = Math.max(1, Math.floor(maxSeries));
  }

  /** Adds one point; non-finite values (unknown metrics) are skipped rather than drawn as 0. */
  push(key: string, t: number, v: number): void {
    if (this.write(key, t, v)) this.changed();
  }

  /** Adds one poll's values for many series with a single notification. */
  pushMany(t: number, values: Record<string, number | null | undefined>): void {
    let any = false;
    for (const [key, v] of Object.entries(values)) {
      if (typeof v === 'number' && this.write(key, t, v)) any = true;
    }
    if (any) this.changed();
  }

  get(key: string): Point[] {
    return this.series.get(key)?.points() ?? EMPTY;
  }

  latest(key: string): Point | undefined {
    const points = this.get(key);
    return points[points.length - 1];
  }

  keys(): string[] {
    return [...this.series.keys()];
  }

  delete(key: string): void {
    if (this.series.delete(key)) this.changed();
  }

  /** Drops every series whose key starts with the prefix, e.g. a finished job's `jobId/`. */
  deletePrefix(prefix: string): void {
    let any = false;
    for (const key of [...this.series.keys()]) {
      if (key.startsWith(prefix)) any = this.series.delete(key) || any;
    }
    if (any) this.changed();
  }

  clear(): void {
    if (this.series.size === 0) return;
    this.series.clear();
    this.changed();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Changes on every write; a cheap snapshot value for useSyncExternalStore. */
  getVersion = (): number => this.version;

  snapshot(): SeriesSnapshot[] {
    return [...this.series.entries()].map(([key, ring]) => ({ key, points: ring.points().slice() }));
  }

  /** Replaces the content with persisted data (the newest `capacity` points of each series). */
  restore(snapshots: readonly SeriesSnapshot[]): void {
    this.series.clear();
    for (const { key, points } of snapshots) {
      for (const p of points) this.write(key, p.t, p.v);
    }
    this.changed();
  }

  private write(key: string, t: number, v: number): boolean {
    if (!Number.isFinite(t) || !Number.isFinite(v)) return false;
    let ring = this.series.get(key);
    if (!ring) {
      if (this.series.size >= this.maxSeries) this.evictStalest();
      ring = new Ring(this.capacity);
      this.series.set(key, ring);
    }
    ring.touched = ++this.clock;
    ring.push(t, v);
    return true;
  }

  private evictStalest(): void {
    let stalestKey: string | undefined;
    let stalest = Infinity;
    for (const [key, ring] of this.series) {
      if (ring.touched < stalest) {
        stalest = ring.touched;
        stalestKey = key;
      }
    }
    if (stalestKey !== undefined) this.series.delete(stalestKey);
  }

  private changed(): void {
    this.version++;
    this.listeners.forEach((l) => l());
  }
}
