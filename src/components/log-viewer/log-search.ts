/**
 * Plain-text search over a whole log with a single regex scan (no lowercased copy of 50 MB).
 * Matches come back as parallel typed arrays (line, column); `limit` caps work on queries like "e".
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

export function findMatches(
  text: string,
  index: LineIndex,
  query: string,
  { caseSensitive = false, limit = 100_000 }: { caseSensitive?: boolean; limit?: number } = {},
): LogMatches {
  if (!query || query.includes('\n') || index.count === 0) return NO_MATCHES;
  const re = new RegExp(escapeRegExp(query), caseSensitive ? 'g' : 'gi');
  let lines = new Uint32Array(256);
  let cols = new Uint32Array(256);
  let count = 0;
  let line = 0;
  let truncated = false;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (count === limit) {
      truncated = true;
      break;
    }
    // Matches arrive in order, so the line pointer only moves forward.
    while (line + 1 < index.count && (index.starts[line + 1] as number) <= m.index) line++;
    if (count === lines.length) {
      const l = new Uint32Array(count * 2);
      const c = new Uint32Array(count * 2);
      l.set(lines);
      c.set(cols);
      lines = l;
      cols = c;
    }
    lines[count] = line;
    cols[count] = m.index - (index.starts[line] as number);
    count++;
  }
  return {
    count,
    lines: lines.subarray(0, count),
    cols: cols.subarray(0, count),
    length: query.length,
    truncated,
  };
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
