/**
 * ThreadDumpView: a JVM thread dump grouped by thread state (BLOCKED first), searchable by
 * name, lock and stack frame, with identical stacks counted and the whole dump downloadable.
 *
 *   <ThreadDumpView threads={dump.threadInfos} fileName="tm-1-threads.txt" onReload={refetch} />
 *
 * Everything is rendered as text; nothing the cluster sends is treated as HTML.
 */
import { useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import { CopyButton } from '@/components/toast/copy-button';
import {
  groupByState,
  identicalStacks,
  parseThreadDump,
  searchThreads,
  threadDumpText,
  type ParsedThread,
  type ThreadEntry,
} from './thread-dump';

export interface ThreadDumpViewProps {
  threads: readonly ThreadEntry[];
  /** Name of the downloaded file, e.g. "taskmanager-1-thread-dump.txt". */
  fileName: string;
  /** First line of the downloaded file (what the dump is of, and when). */
  header?: string;
  onReload?: () => void;
  reloading?: boolean;
  /** Extra text in the toolbar, e.g. "taken 12:01:03". */
  meta?: ReactNode;
}

const STATE_TONE: Record<string, string> = {
  BLOCKED: 'bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-100',
  RUNNABLE: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100',
  WAITING: 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100',
  TIMED_WAITING: 'bg-sky-100 text-sky-900 dark:bg-sky-900/60 dark:text-sky-100',
};
const OTHER_TONE = 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100';
const tone = (state: string) => STATE_TONE[state] ?? OTHER_TONE;

const BUTTON =
  'rounded border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-40 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800';

function download(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ThreadDumpView({
  threads: entries,
  fileName,
  header,
  onReload,
  reloading,
  meta,
}: ThreadDumpViewProps) {
  const threads = useMemo(() => parseThreadDump(entries), [entries]);
  const [query, setQuery] = useState('');
  const q = useDeferredValue(query);
  const [hiddenStates, setHiddenStates] = useState<ReadonlySet<string>>(() => new Set());
  const [open, setOpen] = useState<ReadonlySet<number>>(() => new Set());

  const allGroups = useMemo(() => groupByState(threads), [threads]);
  const matching = useMemo(() => searchThreads(threads, q), [threads, q]);
  const groups = useMemo(
    () => groupByState(matching).filter((g) => !hiddenStates.has(g.state)),
    [matching, hiddenStates],
  );
  const shown = groups.reduce((n, g) => n + g.threads.length, 0);
  const same = useMemo(() => identicalStacks(threads).slice(0, 5), [threads]);

  const toggle = (index: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(index)) next.add(index);
      return next;
    });
  const toggleState = (state: string) =>
    setHiddenStates((prev) => {
      const next = new Set(prev);
      if (!next.delete(state)) next.add(state);
      return next;
    });

  return (
    <div data-testid="thread-dump" className="space-y-3">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setQuery('');
          }}
          placeholder="Search threads, locks, frames…"
          aria-label="Search threads"
          className="w-72 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
        />
        <div role="group" aria-label="Thread states" className="flex flex-wrap items-center gap-1.5">
          {allGroups.map((g) => {
            const on = !hiddenStates.has(g.state);
            return (
              <button
                key={g.state}
                type="button"
                aria-pressed={on}
                title={on ? `Hide ${g.state} threads` : `Show ${g.state} threads`}
                onClick={() => toggleState(g.state)}
                data-testid={`thread-state-chip-${g.state}`}
                className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 font-semibold ${tone(g.state)} ${on ? '' : 'opacity-40 line-through'}`}
              >
                {g.state}
                <span className="tabular-nums font-normal">{g.threads.length}</span>
              </button>
            );
          })}
        </div>
        <span className="text-slate-500" aria-live="polite" data-testid="thread-count">
          {shown === threads.length ? `${threads.length} threads` : `${shown} of ${threads.length} threads`}
        </span>
        <span className="ml-auto flex items-center gap-2">
          {meta ? <span className="text-slate-500">{meta}</span> : null}
          <button
            type="button"
            className={BUTTON}
            onClick={() => setOpen(new Set(groups.flatMap((g) => g.threads.map((t) => t.index))))}
          >
            Expand all
          </button>
          <button type="button" className={BUTTON} onClick={() => setOpen(new Set())}>
            Collapse all
          </button>
          <button
            type="button"
            className={BUTTON}
            onClick={() => download(threadDumpText(threads, header), fileName)}
          >
            Download
          </button>
          {onReload ? (
            <button type="button" className={BUTTON} onClick={onReload} disabled={reloading}>
              {reloading ? 'Taking…' : 'Take new dump'}
            </button>
          ) : null}
        </span>
      </div>

      {same.length > 0 && !q ? (
        <details className="rounded-lg border border-slate-200 bg-white p-2 text-xs dark:border-slate-800 dark:bg-slate-900">
          <summary className="cursor-pointer text-slate-600 dark:text-slate-300">
            {same.length} {same.length === 1 ? 'stack is' : 'stacks are'} shared by several threads (up to{' '}
            {same[0]?.threads.length} threads each)
          </summary>
          <ul className="mt-2 space-y-2">
            {same.map((s, i) => (
              <li key={i}>
                <div className="font-medium">
                  {s.threads.length} threads{' '}
                  <span className={`ml-1 rounded px-1 ${tone(s.threads[0]?.state ?? '')}`}>
                    {s.threads[0]?.state}
                  </span>
                  <span className="ml-2 font-normal text-slate-500">
                    {s.threads
                      .slice(0, 4)
                      .map((t) => t.name)
                      .join(', ')}
                    {s.threads.length > 4 ? ', …' : ''}
                  </span>
                </div>
                <pre className="mt-1 overflow-x-auto whitespace-pre font-mono text-[11px] text-slate-600 dark:text-slate-400">
                  {s.stack.slice(0, 6).join('\n')}
                  {s.stack.length > 6 ? '\n…' : ''}
                </pre>
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      {groups.length === 0 ? (
        <p className="rounded-lg border border-slate-200 p-6 text-center text-sm text-slate-500 dark:border-slate-800">
          {threads.length === 0 ? 'The dump has no threads.' : 'No thread matches.'}
        </p>
      ) : null}

      {groups.map((g) => (
        <section key={g.state} data-testid={`thread-group-${g.state}`} aria-label={`${g.state} threads`}>
          <h3 className="mb-1 flex items-center gap-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
            <span className={`rounded px-1.5 py-0.5 ${tone(g.state)}`}>{g.state}</span>
            <span className="tabular-nums" data-testid="thread-group-count">
              {g.threads.length}
            </span>
          </h3>
          <ul className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
            {g.threads.map((t) => (
              <ThreadRow key={t.index} thread={t} open={open.has(t.index)} onToggle={() => toggle(t.index)} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function ThreadRow({
  thread: t,
  open,
  onToggle,
}: {
  thread: ParsedThread;
  open: boolean;
  onToggle: () => void;
}) {
  const top = t.stack.find((l) => l.startsWith('at '));
  const waits = t.lock ? `${t.state === 'BLOCKED' ? 'blocked on' : 'on'} ${t.lock}` : '';
  return (
    <li data-testid="thread-row">
      <button
        type="button"
        aria-expanded={open}
        onClick={onToggle}
        className="flex w-full items-start gap-2 px-3 py-1.5 text-left text-sm hover:bg-slate-50 dark:hover:bg-slate-800/60"
      >
        <span aria-hidden className="mt-0.5 w-3 shrink-0 text-[10px] text-slate-400">
          {open ? '▼' : '▶'}
        </span>
        <span className="min-w-0 flex-1">
          <span className="flex min-w-0 items-center gap-2">
            <span className="truncate font-mono text-[13px]" title={t.name}>
              {t.name}
            </span>
            {t.id !== undefined ? (
              <span className="shrink-0 text-[11px] text-slate-500">Id={t.id}</span>
            ) : null}
            {t.daemon ? <span className="shrink-0 text-[11px] text-slate-500">daemon</span> : null}
            {t.inNative ? <span className="shrink-0 text-[11px] text-slate-500">in native</span> : null}
          </span>
          {waits || t.lockOwner || (!open && top) ? (
            <span className="block truncate font-mono text-[11px] text-slate-500">
              {waits}
              {t.lockOwner ? (
                <span className="text-red-700 dark:text-red-400"> owned by “{t.lockOwner}”</span>
              ) : null}
              {!waits && !t.lockOwner && !open ? top : null}
            </span>
          ) : null}
        </span>
      </button>
      {open ? (
        <div className="relative border-t border-slate-100 bg-slate-50 px-3 py-2 dark:border-slate-800 dark:bg-slate-950">
          <CopyButton
            text={t.text}
            compact
            className="absolute right-2 top-2"
            ariaLabel={`Copy stack of ${t.name}`}
          />
          <pre className="overflow-x-auto whitespace-pre font-mono text-[11px] leading-4 text-slate-700 dark:text-slate-300">
            {t.stack.length ? t.stack.join('\n') : '(no stack frames)'}
          </pre>
        </div>
      ) : null}
    </li>
  );
}
