/**
 * LogViewer: JobManager/TaskManager/SeaTunnel logs up to ~50 MB, line by line and virtualised.
 * Search highlights every match (Enter / Shift+Enter step through them), Follow keeps the newest
 * line in view as text is appended (scrolling up turns it off), Wrap wraps long lines, each line
 * can be copied, and Download saves the whole text.
 *
 *   <LogViewer text={query.data ?? ''} fileName={`${tmId}.log`} defaultFollow height={600}
 *     toolbarExtra={<button onClick={refetch}>Reload</button>} />
 *
 * The text is indexed once per change (a typed array of line starts) and only visible lines are
 * sliced and rendered; matches are spans, the text is never treated as HTML.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { formatBytes } from '@/lib/format';
import { CopyButton } from '@/components/toast/copy-button';
import { HighlightedLine } from './highlighted-line';
import { buildLineIndex, lineAt } from './line-index';
import { firstMatchAtOrAfter, type LogMatches } from './log-search';
import { useLogSearch } from './use-log-search';

export interface LogViewerProps {
  text: string;
  /** Name for the Download button, e.g. "taskmanager-1.log". */
  fileName: string;
  /** Height of the scroll area (px or CSS); ignored with `fill`. Default 560 px. */
  height?: number | string;
  /** Fill the parent's height (the parent needs a definite height). */
  fill?: boolean;
  defaultFollow?: boolean;
  defaultWrap?: boolean;
  /** Extra controls at the end of the toolbar (reload, log file picker, …). */
  toolbarExtra?: ReactNode;
  empty?: ReactNode;
  testId?: string;
}

const ROW_HEIGHT = 18;
// Short: a search no longer blocks typing (it runs a slice at a time and restarts on each change).
const SEARCH_DELAY_MS = 60;

const button =
  'rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-40 dark:border-slate-700 dark:hover:bg-slate-800 aria-pressed:bg-sky-100 aria-pressed:text-sky-900 dark:aria-pressed:bg-sky-900/60 dark:aria-pressed:text-sky-100';

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** The match at (line, col), or the next one after it; -1 without matches. */
function matchIndexAt(matches: LogMatches, line: number, col: number): number {
  if (matches.count === 0) return -1;
  let k = firstMatchAtOrAfter(matches, line);
  while (k < matches.count && matches.lines[k] === line && (matches.cols[k] as number) < col) k++;
  return k < matches.count ? k : 0;
}

function download(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start reading the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function LogViewer({
  text,
  fileName,
  height = 560,
  fill,
  defaultFollow = false,
  defaultWrap = false,
  toolbarExtra,
  empty,
  testId,
}: LogViewerProps) {
  const index = useMemo(() => buildLineIndex(text), [text]);
  const [query, setQuery] = useState('');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [wrap, setWrap] = useState(defaultWrap);
  const [follow, setFollow] = useState(defaultFollow);
  const searched = useDebounced(query, SEARCH_DELAY_MS);
  const searchKey = `${caseSensitive ? 'Aa' : 'aa'}:${searched}`;
  const { matches, done: searchDone } = useLogSearch(text, index, searched, caseSensitive);
  // The current match is remembered by position, so appended text does not move it.
  const [anchor, setAnchor] = useState<{ key: string; line: number; col: number } | null>(null);
  const current =
    anchor?.key === searchKey ? matchIndexAt(matches, anchor.line, anchor.col) : matches.count ? 0 : -1;
  const currentLine = current >= 0 ? (matches.lines[current] as number) : -1;
  const currentCol = current >= 0 ? (matches.cols[current] as number) : -1;

  const scrollRef = useRef<HTMLDivElement>(null);
  // The app does not use the React Compiler, so its warning about useVirtualizer does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: index.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
    initialRect: { width: 0, height: typeof height === 'number' ? height : 560 },
  });

  // Sizes measured while wrapped are wrong once unwrapped, and the other way round.
  useEffect(() => {
    virtualizer.measure();
  }, [wrap, virtualizer]);

  useEffect(() => {
    if (follow && index.count > 0) virtualizer.scrollToIndex(index.count - 1, { align: 'end' });
  }, [follow, index, virtualizer]);

  // Bring the current match into view, vertically and (for long lines) horizontally.
  useEffect(() => {
    if (currentLine < 0) return;
    virtualizer.scrollToIndex(currentLine, { align: 'center' });
    const frame = requestAnimationFrame(() => {
      const el = scrollRef.current;
      const mark = el?.querySelector<HTMLElement>('[data-current-match]');
      if (!el || !mark) return;
      const box = mark.getBoundingClientRect();
      const view = el.getBoundingClientRect();
      if (box.right > view.right || box.left < view.left + 64) {
        el.scrollLeft += box.left - view.left - view.width / 2;
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [searchKey, currentLine, currentCol, virtualizer]);

  const step = (delta: number) => {
    if (matches.count === 0) return;
    const k = (Math.max(current, 0) + delta + matches.count) % matches.count;
    setFollow(false);
    setAnchor({ key: searchKey, line: matches.lines[k] as number, col: matches.cols[k] as number });
  };

  // Only a move up away from the end turns Follow off: our own scrolls (to the end, or the
  // virtualiser's initial one) must not.
  const lastTop = useRef(0);
  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    const movedUp = el.scrollTop < lastTop.current - ROW_HEIGHT * 2;
    lastTop.current = el.scrollTop;
    const fromBottom = virtualizer.getTotalSize() - el.scrollTop - el.clientHeight;
    if (follow && movedUp && fromBottom > ROW_HEIGHT * 3) setFollow(false);
  };

  const items = virtualizer.getVirtualItems();
  const gutter = `${String(index.count).length + 1}ch`;

  return (
    <div
      data-testid={testId}
      className={`flex flex-col overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950 ${fill ? 'h-full min-h-0' : ''}`}
    >
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-slate-50 px-2 py-1.5 text-xs dark:border-slate-800 dark:bg-slate-900">
        <input
          type="search"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            if (e.target.value) setFollow(false); // searching means reading, not tailing
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              step(e.shiftKey ? -1 : 1);
            } else if (e.key === 'Escape') {
              setQuery('');
            }
          }}
          placeholder="Search log…"
          aria-label="Search log"
          className="w-56 rounded border border-slate-300 bg-white px-2 py-0.5 dark:border-slate-700 dark:bg-slate-950"
        />
        <span role="status" className="min-w-16 tabular-nums text-slate-500">
          {searched
            ? matches.count
              ? `${current + 1} / ${matches.count.toLocaleString('en')}${matches.truncated ? '+' : searchDone ? '' : '…'}`
              : searchDone
                ? 'No matches'
                : 'Searching…'
            : ''}
        </span>
        <button
          type="button"
          className={button}
          aria-label="Previous match"
          disabled={!matches.count}
          onClick={() => step(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className={button}
          aria-label="Next match"
          disabled={!matches.count}
          onClick={() => step(1)}
        >
          ↓
        </button>
        <button
          type="button"
          className={button}
          aria-pressed={caseSensitive}
          title="Match case"
          onClick={() => setCaseSensitive((v) => !v)}
        >
          Aa
        </button>
        <span className="mx-1 h-4 w-px bg-slate-300 dark:bg-slate-700" aria-hidden />
        <button type="button" className={button} aria-pressed={wrap} onClick={() => setWrap((v) => !v)}>
          Wrap
        </button>
        <button
          type="button"
          className={button}
          aria-pressed={follow}
          title="Keep the newest line in view"
          onClick={() => setFollow((v) => !v)}
        >
          Follow
        </button>
        <button type="button" className={button} disabled={!text} onClick={() => download(text, fileName)}>
          Download
        </button>
        {toolbarExtra}
        <span className="ml-auto text-slate-500">
          {index.count.toLocaleString('en')} lines · {formatBytes(text.length)}
        </span>
      </div>
      <div
        ref={scrollRef}
        onScroll={onScroll}
        role="log"
        aria-label={fileName}
        tabIndex={0}
        className={`relative overflow-auto font-mono text-xs leading-[18px] text-slate-800 outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-sky-500 dark:text-slate-200 ${fill ? 'min-h-0 flex-1' : ''}`}
        style={fill ? undefined : { height }}
      >
        {index.count === 0 ? (
          <div className="p-4 font-sans text-sm text-slate-500">{empty ?? 'The log is empty.'}</div>
        ) : (
          <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const i = item.index;
              const line = lineAt(text, index, i);
              const from = firstMatchAtOrAfter(matches, i);
              let to = from;
              while (to < matches.count && matches.lines[to] === i) to++;
              return (
                <div
                  key={item.key}
                  data-index={i}
                  data-testid="log-line"
                  ref={wrap ? virtualizer.measureElement : undefined}
                  className={`group absolute left-0 top-0 flex min-w-full ${wrap ? 'w-full' : 'w-max'} hover:bg-slate-100 dark:hover:bg-slate-800/60 ${i === currentLine ? 'bg-orange-50 dark:bg-orange-950/40' : ''}`}
                  style={{
                    transform: `translateY(${item.start}px)`,
                    ...(wrap ? {} : { height: ROW_HEIGHT }),
                  }}
                >
                  <span
                    className="sticky left-0 shrink-0 select-none border-r border-slate-200 bg-slate-50 pr-2 text-right text-slate-400 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-500"
                    style={{ width: gutter }}
                  >
                    {i + 1}
                  </span>
                  <span
                    className={`pl-2 ${wrap ? 'min-w-0 flex-1 whitespace-pre-wrap break-all' : 'whitespace-pre'}`}
                  >
                    <HighlightedLine text={line} matches={matches} from={from} to={to} current={current} />
                  </span>
                  <span className="sticky right-0 ml-auto shrink-0 pl-2 opacity-0 focus-within:opacity-100 group-hover:opacity-100">
                    <CopyButton text={line} label="Copy" ariaLabel={`Copy line ${i + 1}`} compact />
                  </span>
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}

export default LogViewer;
