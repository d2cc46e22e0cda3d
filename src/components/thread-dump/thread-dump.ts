/**
 * Thread dumps (`/jobmanager/thread-dump`, `/taskmanagers/:id/thread-dump`): each entry's
 * `stringifiedThreadInfo` is Java's ThreadInfo text:
 *
 *   "name" [daemon] [prio=5] Id=12 WAITING on java.lang.Object@1b2c [owned by "other" Id=3] [(suspended)] [(in native)]
 *   \tat java.base/java.lang.Object.wait(Native Method)
 *   \t-  waiting on java.lang.Object@1b2c
 *   \t...
 *
 * Pure helpers: parse, group by state, search, and turn back into one text for download.
 */

export interface ThreadEntry {
  threadName: string;
  stringifiedThreadInfo: string;
}

export interface ParsedThread {
  /** Position in the dump, a stable key (names repeat). */
  index: number;
  name: string;
  id: number | undefined;
  /** NEW, RUNNABLE, BLOCKED, WAITING, TIMED_WAITING, TERMINATED, or UNKNOWN when unreadable. */
  state: string;
  daemon: boolean;
  /** The monitor or condition the thread waits on / is blocked on. */
  lock: string | undefined;
  /** The thread holding that lock (BLOCKED threads). */
  lockOwner: string | undefined;
  inNative: boolean;
  /** Stack lines without the leading tab: `at …`, `-  waiting on …`, `- locked …`, `...`. */
  stack: string[];
  /** The text as the cluster sent it. */
  text: string;
}

/** Display order: the states worth looking at first come first. */
export const THREAD_STATE_ORDER = [
  'BLOCKED',
  'RUNNABLE',
  'WAITING',
  'TIMED_WAITING',
  'NEW',
  'TERMINATED',
] as const;

const HEADER =
  /^(?: daemon)?(?: prio=\d+)?(?: Id=(\d+))? ([A-Z_]+)(?: on (\S+))?(?: owned by "(.*)" Id=\d+)?((?: \([a-z ]+\))*)\s*$/;

/** Parses one thread; tolerant: anything unreadable keeps its text and gets state UNKNOWN. */
export function parseThread(entry: ThreadEntry, index = 0): ParsedThread {
  const text = entry.stringifiedThreadInfo;
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const first = lines[0] ?? '';
  const quoted = `"${entry.threadName}"`;
  // The name is known from `threadName`; parse what follows it (names may contain quotes).
  const rest = first.startsWith(quoted) ? first.slice(quoted.length) : first.replace(/^".*?"/, '');
  const m = HEADER.exec(rest);
  const stack = lines
    .slice(1)
    .map((l) => l.replace(/^\t/, '').trimEnd())
    .filter((l) => l.trim() !== '');
  return {
    index,
    name: entry.threadName,
    id: m?.[1] !== undefined ? Number(m[1]) : undefined,
    state: m?.[2] ?? 'UNKNOWN',
    daemon: / daemon\b/.test(rest.split(' Id=')[0] ?? ''),
    lock: m?.[3],
    lockOwner: m?.[4],
    inNative: m?.[5]?.includes('(in native)') ?? false,
    stack,
    text,
  };
}

export function parseThreadDump(entries: readonly ThreadEntry[]): ParsedThread[] {
  return entries.map((e, i) => parseThread(e, i));
}

export interface ThreadGroup {
  state: string;
  threads: ParsedThread[];
}

/** Groups by state in THREAD_STATE_ORDER (unknown states last); threads keep dump order. */
export function groupByState(threads: readonly ParsedThread[]): ThreadGroup[] {
  const groups = new Map<string, ParsedThread[]>();
  for (const t of threads) {
    const list = groups.get(t.state);
    if (list) list.push(t);
    else groups.set(t.state, [t]);
  }
  const rank = (s: string) => {
    const i = (THREAD_STATE_ORDER as readonly string[]).indexOf(s);
    return i < 0 ? THREAD_STATE_ORDER.length : i;
  };
  return [...groups.entries()]
    .map(([state, list]) => ({ state, threads: list }))
    .sort((a, b) => rank(a.state) - rank(b.state) || a.state.localeCompare(b.state));
}

/**
 * Threads whose name, state, lock or stack contain every whitespace-separated term of the query
 * (case-insensitive). A blank query keeps all.
 */
export function searchThreads(threads: readonly ParsedThread[], query: string): ParsedThread[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [...threads];
  return threads.filter((t) => {
    const hay =
      `${t.name}\n${t.state}\n${t.lock ?? ''}\n${t.lockOwner ?? ''}\n${t.stack.join('\n')}`.toLowerCase();
    return terms.every((term) => hay.includes(term));
  });
}

/** Threads sharing an identical stack, biggest group first: 40 threads parked in one place read as one. */
export function identicalStacks(
  threads: readonly ParsedThread[],
): { stack: string[]; threads: ParsedThread[] }[] {
  const byStack = new Map<string, ParsedThread[]>();
  for (const t of threads) {
    if (t.stack.length === 0) continue;
    // Lock addresses differ between otherwise identical waits: compare without them.
    const key = `${t.state}\n${t.stack.map((l) => l.replace(/@[0-9a-f]+/gi, '@…')).join('\n')}`;
    const list = byStack.get(key);
    if (list) list.push(t);
    else byStack.set(key, [t]);
  }
  return [...byStack.values()]
    .filter((list) => list.length > 1)
    .map((list) => ({ stack: (list[0] as ParsedThread).stack, threads: list }))
    .sort((a, b) => b.threads.length - a.threads.length);
}

/** The whole dump as one text file (what `jstack` users expect to read). */
export function threadDumpText(threads: readonly ParsedThread[], header?: string): string {
  const body = threads.map((t) => t.text.replace(/\n+$/, '')).join('\n\n');
  return header ? `${header}\n\n${body}\n` : `${body}\n`;
}
