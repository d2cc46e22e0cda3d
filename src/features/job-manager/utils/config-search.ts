/** Searching the job manager's configuration and JVM environment. */
import type { ConfigEntries } from '@/api/flink/schemas';

/** Entries whose key or value contain every whitespace-separated term (case-insensitive), sorted by key. */
export function searchConfig(entries: ConfigEntries, query: string): ConfigEntries {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  return entries
    .filter((e) => {
      const hay = `${e.key}\n${e.value}`.toLowerCase();
      return terms.every((t) => hay.includes(t));
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Entries grouped by the first segment of the key (`taskmanager.memory.size` → `taskmanager`). */
export function groupByPrefix(entries: ConfigEntries): { prefix: string; entries: ConfigEntries }[] {
  const groups = new Map<string, ConfigEntries>();
  for (const e of entries) {
    const prefix = e.key.includes('.') ? (e.key.split('.')[0] as string) : e.key;
    const list = groups.get(prefix);
    if (list) list.push(e);
    else groups.set(prefix, [e]);
  }
  return [...groups.entries()]
    .map(([prefix, list]) => ({ prefix, entries: list }))
    .sort((a, b) => a.prefix.localeCompare(b.prefix));
}

/** Items (JVM options, classpath entries) containing every term. */
export function searchList(items: readonly string[], query: string): string[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  return items.filter((item) => terms.every((t) => item.toLowerCase().includes(t)));
}

/** Flink hides values of keys that look secret (password, secret, token, …) as "******". */
export const isHidden = (value: string) => /^\*{6}$/.test(value);
