/**
 * Line index for big logs: one pass with indexOf('\n') storing where each line starts in a typed
 * array (4 bytes a line), so a 50 MB log never becomes half a million strings or DOM nodes.
 * Lines are sliced out only when shown. "\r\n" endings are handled; a final newline adds no line.
 */

export interface LineIndex {
  /** Offset of the first character of each line. */
  starts: Uint32Array;
  count: number;
  /** Length of the text the index was built for. */
  length: number;
}

export function buildLineIndex(text: string): LineIndex {
  if (text.length === 0) return { starts: new Uint32Array(0), count: 0, length: 0 };
  let starts = new Uint32Array(Math.max(1024, Math.ceil(text.length / 80)));
  let count = 1; // starts[0] = 0
  for (let pos = text.indexOf('\n'); pos !== -1; pos = text.indexOf('\n', pos + 1)) {
    if (count === starts.length) {
      const bigger = new Uint32Array(starts.length * 2);
      bigger.set(starts);
      starts = bigger;
    }
    starts[count++] = pos + 1;
  }
  if (count > 1 && starts[count - 1] === text.length) count--; // trailing newline
  return { starts: starts.subarray(0, count), count, length: text.length };
}

/** Line i without its line ending. */
export function lineAt(text: string, index: LineIndex, i: number): string {
  if (i < 0 || i >= index.count) return '';
  const start = index.starts[i] as number;
  let end = i + 1 < index.count ? (index.starts[i + 1] as number) - 1 : text.length;
  if (end > start && text.charCodeAt(end - 1) === 13 /* \r */) end--;
  if (i + 1 >= index.count && end > start && text.charCodeAt(end - 1) === 10 /* final \n */) {
    end--;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
  }
  return text.slice(start, end);
}

/** The line containing a text offset (binary search). */
export function lineOfOffset(index: LineIndex, offset: number): number {
  let lo = 0;
  let hi = index.count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((index.starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
