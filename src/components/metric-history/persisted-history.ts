/**
 * Keeps a MetricHistory (src/lib/metric-history.ts) across reloads: each history is stored under
 * its own key (e.g. cluster + task manager) in Web Storage, bounded three ways:
 *   - only points of the last `windowMs` are written and read back,
 *   - the ring buffer's capacity bounds the points per series,
 *   - at most `maxEntries` histories are kept; the least recently saved one is dropped first
 *     (also when the browser's storage quota is full).
 * Timestamps are stored as deltas, which keeps a 30-minute history of ~20 series near 50 kB.
 */
import type { MetricHistory, Point, SeriesSnapshot } from '@/lib/metric-history';

export interface PersistSettings {
  /** Points older than this (relative to now) are neither saved nor restored. */
  windowMs: number;
  /** How many histories (keys) are kept in the storage at most. */
  maxEntries: number;
}

export const DEFAULT_PERSIST: PersistSettings = { windowMs: 30 * 60_000, maxEntries: 12 };

const PREFIX = 'streamdash.metric-history:';
const INDEX_KEY = 'streamdash.metric-history.index';
const VERSION = 1;

interface Stored {
  v: number;
  s: { k: string; t: number[]; v: number[] }[];
}

/** The newest points within the window, in a compact form. */
export function encodeHistory(snapshots: readonly SeriesSnapshot[], now: number, windowMs: number): string {
  const from = now - windowMs;
  const s: Stored['s'] = [];
  for (const { key, points } of snapshots) {
    const kept = points.filter((p) => p.t >= from && p.t <= now + 60_000);
    if (kept.length === 0) continue;
    let last = 0;
    const t: number[] = [];
    const v: number[] = [];
    for (const p of kept) {
      const ms = Math.round(p.t);
      t.push(ms - last);
      last = ms;
      v.push(p.v);
    }
    s.push({ k: key, t, v });
  }
  return JSON.stringify({ v: VERSION, s } satisfies Stored);
}

/** Reads `encodeHistory` output back; anything malformed yields nothing rather than an error. */
export function decodeHistory(text: string | null, now: number, windowMs: number): SeriesSnapshot[] {
  if (!text) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const stored = parsed as Partial<Stored> | null;
  if (!stored || stored.v !== VERSION || !Array.isArray(stored.s)) return [];
  const from = now - windowMs;
  const out: SeriesSnapshot[] = [];
  for (const series of stored.s) {
    if (typeof series?.k !== 'string' || !Array.isArray(series.t) || !Array.isArray(series.v)) continue;
    const points: Point[] = [];
    let t = 0;
    for (let i = 0; i < series.t.length; i++) {
      const dt = series.t[i];
      const v = series.v[i];
      if (typeof dt !== 'number' || typeof v !== 'number' || !Number.isFinite(dt) || !Number.isFinite(v))
        break;
      t += dt;
      if (t >= from) points.push({ t, v });
    }
    if (points.length) out.push({ key: series.k, points });
  }
  return out;
}

interface IndexEntry {
  k: string;
  at: number;
}

function readIndex(storage: Storage): IndexEntry[] {
  try {
    const raw = JSON.parse(storage.getItem(INDEX_KEY) ?? '[]') as unknown;
    return Array.isArray(raw)
      ? raw.filter((e): e is IndexEntry => typeof e?.k === 'string' && typeof e?.at === 'number')
      : [];
  } catch {
    return [];
  }
}

function writeIndex(storage: Storage, index: IndexEntry[]) {
  storage.setItem(INDEX_KEY, JSON.stringify(index));
}

/** Saves the history under `key`; drops the oldest other histories beyond `maxEntries` or when full. */
export function saveHistory(
  storage: Storage,
  key: string,
  history: MetricHistory,
  now: number,
  settings: PersistSettings = DEFAULT_PERSIST,
): boolean {
  const text = encodeHistory(history.snapshot(), now, settings.windowMs);
  const all = readIndex(storage);
  const index = all.filter((e) => e.k !== key && now - e.at < settings.windowMs);
  // Histories saved longer ago than the window are worthless: forget them too.
  for (const stale of all) {
    if (stale.k !== key && !index.includes(stale)) storage.removeItem(PREFIX + stale.k);
  }
  index.sort((a, b) => b.at - a.at);
  while (index.length >= settings.maxEntries) {
    const drop = index.pop();
    if (drop) storage.removeItem(PREFIX + drop.k);
  }
  for (;;) {
    try {
      storage.setItem(PREFIX + key, text);
      writeIndex(storage, [{ k: key, at: now }, ...index]);
      return true;
    } catch {
      // Quota: make room by dropping the oldest other history, give up when none is left.
      const drop = index.pop();
      if (!drop) return false;
      storage.removeItem(PREFIX + drop.k);
      try {
        writeIndex(storage, index);
      } catch {
        /* the retry writes it */
      }
    }
  }
}

/** The stored points of `key` within the window (empty when none or unreadable). */
export function loadHistory(
  storage: Storage,
  key: string,
  now: number,
  settings: PersistSettings = DEFAULT_PERSIST,
): SeriesSnapshot[] {
  try {
    return decodeHistory(storage.getItem(PREFIX + key), now, settings.windowMs);
  } catch {
    return [];
  }
}

/** Removes one stored history (e.g. "Clear history"). */
export function forgetHistory(storage: Storage, key: string) {
  try {
    storage.removeItem(PREFIX + key);
    writeIndex(
      storage,
      readIndex(storage).filter((e) => e.k !== key),
    );
  } catch {
    /* storage unavailable: nothing to forget */
  }
}
