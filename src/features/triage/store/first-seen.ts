/**
 * When each problem was first seen, kept across reloads. A problem that clears is forgotten; one
 * that comes back later starts again. Entries not confirmed for `STALE_MS` (the page was closed
 * meanwhile and the problem may have cleared and returned) are not trusted when loaded back.
 */
export interface SeenEntry {
  first: number;
  last: number;
}

export type SeenMap = Record<string, SeenEntry>;

export const STALE_MS = 5 * 60_000;

/** Updates the map for one cluster's current problem ids (others clusters' entries are kept). */
export function updateSeen(seen: SeenMap, clusterId: string, ids: readonly string[], now: number): SeenMap {
  const prefix = `${clusterId}:`;
  const current = new Set(ids);
  const out: SeenMap = {};
  for (const [id, entry] of Object.entries(seen)) {
    if (!id.startsWith(prefix)) out[id] = entry;
    else if (current.has(id)) out[id] = { first: entry.first, last: now };
  }
  for (const id of ids) out[id] ??= { first: now, last: now };
  return out;
}

/** Merges a stored map into the live one: a stored entry still fresh means the problem is older. */
export function mergeStored(live: SeenMap, stored: unknown, now: number): SeenMap {
  if (!stored || typeof stored !== 'object') return live;
  const out: SeenMap = { ...live };
  for (const [id, raw] of Object.entries(stored as Record<string, unknown>)) {
    const e = raw as Partial<SeenEntry> | null;
    if (!e || typeof e.first !== 'number' || typeof e.last !== 'number' || now - e.last > STALE_MS) continue;
    const mine = out[id];
    if (mine) out[id] = { first: Math.min(mine.first, e.first), last: mine.last };
    // Not seen on this page yet: keep it until the cluster's next evaluation confirms or drops it.
    else out[id] = { first: e.first, last: e.last };
  }
  return out;
}
