import { useEffect, useState } from 'react';
import type { LineIndex } from './line-index';
import { continueSearch, matchesOf, NO_MATCHES, startSearch, type LogMatches } from './log-search';

/** Characters scanned between checks of the clock (about a millisecond's work). */
const CHUNK_CHARS = 256 * 1024;
/** Scanning time per task: the page stays responsive to typing while a 50 MB log is searched. */
const SLICE_MS = 12;
/** How often partial results are shown while the scan goes on. */
const PUBLISH_MS = 150;

export interface LogSearchState {
  matches: LogMatches;
  /** False while the text is still being scanned (the count can still grow). */
  done: boolean;
}

/**
 * The matches of `query` in `text`, found a slice at a time off the input's task: the first
 * matches show as soon as they are found, the count grows until the scan is done. A new query
 * (or text) drops the scan in progress.
 */
export function useLogSearch(
  text: string,
  index: LineIndex,
  query: string,
  caseSensitive: boolean,
): LogSearchState {
  const key = `${caseSensitive ? 'Aa' : 'aa'}:${query}`;
  const [state, setState] = useState<LogSearchState & { key: string }>({
    key: '',
    matches: NO_MATCHES,
    done: true,
  });

  useEffect(() => {
    const search = index.count === 0 ? null : startSearch(query, { caseSensitive });
    let timer: ReturnType<typeof setTimeout> | undefined;
    let published = 0;
    let shownAny = false;
    const step = () => {
      const start = performance.now();
      while (search && !search.done && performance.now() - start < SLICE_MS)
        continueSearch(search, text, index, CHUNK_CHARS);
      const done = !search || search.done;
      const now = performance.now();
      const firstFound = !shownAny && (search?.count ?? 0) > 0;
      if (done || firstFound || now - published >= PUBLISH_MS) {
        published = now;
        shownAny ||= firstFound;
        setState({ key, matches: matchesOf(search), done });
      }
      if (!done) timer = setTimeout(step, 0);
    };
    timer = setTimeout(step, 0);
    return () => clearTimeout(timer);
  }, [text, index, query, caseSensitive, key]);

  // Until the scan of this query starts nothing is known about it. New text (appended lines) keeps
  // the previous matches on screen until its own scan has some.
  return state.key === key ? state : { matches: NO_MATCHES, done: !query };
}
