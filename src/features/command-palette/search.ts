/** What the command palette can jump to, and how a query ranks it. Pure. */

export type ItemKind = 'page' | 'cluster' | 'view' | 'job' | 'vertex' | 'taskmanager';

export interface PaletteItem {
  /** Unique, e.g. `job:demo:<jid>`. */
  id: string;
  kind: ItemKind;
  label: string;
  /** Second line: cluster, state, id. */
  detail?: string;
  /** Searched besides the label (ids, cluster name). */
  keywords?: readonly string[];
  href: string;
}

export const KIND_LABEL: Record<ItemKind, string> = {
  page: 'Page',
  cluster: 'Cluster',
  view: 'View',
  job: 'Job',
  vertex: 'Vertex',
  taskmanager: 'Task manager',
};

/** How well `text` matches `q` (both lower case): 0 = no match, higher is better. */
export function matchScore(text: string, q: string): number {
  if (!q) return 1;
  if (!text) return 0;
  if (text === q) return 100;
  if (text.startsWith(q)) return 80;
  const at = text.indexOf(q);
  if (at > 0) {
    const before = text[at - 1] ?? '';
    return /[\s\-_:./>()[\]]/.test(before) ? 70 : 50;
  }
  // Letters in order ("clksess" → "clickstream sessionization"); only for short-ish queries.
  if (q.length > 12) return 0;
  let i = 0;
  let gaps = 0;
  for (let k = 0; k < text.length && i < q.length; k++) {
    if (text[k] === q[i]) i++;
    else if (i > 0) gaps++;
  }
  return i === q.length ? Math.max(5, 30 - gaps) : 0;
}

const KIND_BONUS: Record<ItemKind, number> = {
  page: 3,
  cluster: 4,
  view: 2,
  job: 5,
  vertex: 1,
  taskmanager: 1,
};

/**
 * Items matching every word of the query (in the label or a keyword), best first; without a
 * query, the first `limit` items in their given order.
 */
export function searchItems(items: readonly PaletteItem[], query: string, limit = 50): PaletteItem[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return items.slice(0, limit);
  const scored: { item: PaletteItem; score: number; index: number }[] = [];
  items.forEach((item, index) => {
    const fields = [item.label, ...(item.keywords ?? [])].map((f) => f.toLowerCase());
    let total = 0;
    for (const w of words) {
      let best = 0;
      fields.forEach((f, i) => {
        // The label counts more than a keyword.
        const s = matchScore(f, w) * (i === 0 ? 1 : 0.9);
        if (s > best) best = s;
      });
      if (best === 0) return;
      total += best;
    }
    scored.push({ item, score: total + KIND_BONUS[item.kind], index });
  });
  return scored
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map((s) => s.item);
}
