/** One log line with search matches wrapped in <mark>: plain text spans, never HTML. */
import type { ReactNode } from 'react';
import type { LogMatches } from './log-search';

/** Characters of one line put in the DOM; longer lines are cut (copy the line for all of it). */
export const MAX_LINE_CHARS = 10_000;

export function HighlightedLine({
  text,
  matches,
  from,
  to,
  current,
}: {
  text: string;
  matches: LogMatches;
  /** Range [from, to) of match indexes that fall on this line. */
  from: number;
  to: number;
  /** Index of the current match (may be on another line). */
  current: number;
}) {
  const shown = text.length > MAX_LINE_CHARS ? text.slice(0, MAX_LINE_CHARS) : text;
  const cut = text.length - shown.length;
  const parts: ReactNode[] = [];
  let pos = 0;
  for (let k = from; k < to; k++) {
    const start = matches.cols[k] as number;
    const end = Math.min(start + matches.length, shown.length);
    if (start >= shown.length) break;
    if (start > pos) parts.push(shown.slice(pos, start));
    const isCurrent = k === current;
    parts.push(
      <mark
        key={k}
        data-current-match={isCurrent || undefined}
        className={
          isCurrent
            ? 'rounded-sm bg-orange-400 text-slate-950 ring-1 ring-orange-600'
            : 'rounded-sm bg-yellow-200 text-slate-950 dark:bg-yellow-500/70'
        }
      >
        {shown.slice(start, end)}
      </mark>,
    );
    pos = end;
  }
  if (pos < shown.length) parts.push(shown.slice(pos));
  return (
    <>
      {parts}
      {cut > 0 ? (
        <span className="ml-2 rounded bg-slate-200 px-1 text-slate-600 dark:bg-slate-800 dark:text-slate-400">
          … {cut.toLocaleString('en')} more characters (copy the line to see them)
        </span>
      ) : null}
    </>
  );
}
