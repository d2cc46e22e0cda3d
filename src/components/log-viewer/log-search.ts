/**
 * Plain-text search over a whole log with a single regex scan (no lowercased copy of 50 MB).
 * Matches come back as parallel typed arrays (line, column); `limit` caps work on queries like "e".
 * The scan can be done a slice at a time (startSearch, continueSearch) to keep the page responsive.
 */
import type { LineIndex } from './line-index';

export interface LogMatches {
  count: number;
  /** Line of each match, ascending. */
  lines: Uint32Array;
  /** Column where each match starts within its line. */
  cols: Uint32Array;
  /** Length of every match (a literal search, so all the same). */
  length: number;
  /** True when the limit cut the search short. */
  truncated: boolean;
}

export const NO_MATCHES: LogMatches = {
  count: 0,
  lines: new Uint32Array(0),
  cols: new Uint32Array(0),
  length: 0,
  truncated: false,
};

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A search in progress: resumable, so a 50 MB log can be searched a slice at a time. */
export interface LogSearch {
  re: RegExp;
  /** Where the scan continues; `done` once the text is searched (or the limit reached). */
  pos: number;
  line: number;
  lines: Uint32Array;
  cols: Uint32Array;
  count: number;
  length: number;
  limit: number;
  truncated: boolean;
  done: boolean;
}

/** A search for `query` (plain text), or null when there is nothing to search for. */
export function startSearch(
  query: string,
  { caseSensitive = false, limit = 100_000 }: { caseSensitive?: boolean; limit?: number } = {},
): LogSearch | null {
  if (!query || query.includes('\n')) return null;
  return {
    re: new RegExp(escapeRegExp(query), caseSensitive ? 'g' : 'gi'),
    pos: 0,
    line: 0,
    lines: new Uint32Array(256),
    cols: new Uint32Array(256),
    count: 0,
    length: query.length,
    limit,
    truncated: false,
    done: false,
  };
}

/** Scans about `chars` more characters (matches starting before the end of the slice). */
export function continueSearch(s: LogSearch, text: string, index: LineIndex, chars = Infinity): void {
  if (s.done) return;
  const end = Math.min(text.length, s.pos + chars);
  const { re } = s;
  re.lastIndex = s.pos;
  let m = re.exec(text);
  for (; m !== null && m.index < end; m = re.exec(text)) {
    if (s.count === s.limit) {
      s.truncated = true;
      s.done = true;
      return;
    }
    // Matches arrive in order, so the line pointer only moves forward.
    while (s.line + 1 < index.count && (index.starts[s.line + 1] as number) <= m.index) s.line++;
    if (s.count === s.lines.length) {
      const l = new Uint32Array(s.count * 2);
      const c = new Uint32Array(s.count * 2);
      l.set(s.lines);
      c.set(s.cols);
      s.lines = l;
      s.cols = c;
    }
    s.lines[s.count] = s.line;
    s.cols[s.count] = m.index - (index.starts[s.line] as number);
    s.count++;
    if (re.lastIndex === m.index) re.lastIndex++; // never for a non-empty query; no endless loop
    s.pos = re.lastIndex;
  }
  s.pos = Math.max(s.pos, end);
  if (m === null || s.pos >= text.length) s.done = true;
}

/** The matches found so far (views on the search's arrays, no copy). */
export function matchesOf(s: LogSearch | null): LogMatches {
  if (!s || s.count === 0) return s?.truncated ? { ...NO_MATCHES, truncated: true } : NO_MATCHES;
  return {
    count: s.count,
    lines: s.lines.subarray(0, s.count),
    cols: s.cols.subarray(0, s.count),
    length: s.length,
    truncated: s.truncated,
  };
}

export function findMatches(
  text: string,
  index: LineIndex,
  query: string,
  options: { caseSensitive?: boolean; limit?: number } = {},
): LogMatches {
  if (index.count === 0) return NO_MATCHES;
  const s = startSearch(query, options);
  if (s) continueSearch(s, text, index);
  return matchesOf(s);
}

/** Index of the first match on `line` or after it (binary search); `count` when there is none. */
export function firstMatchAtOrAfter(matches: LogMatches, line: number): number {
  let lo = 0;
  let hi = matches.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((matches.lines[mid] as number) < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
