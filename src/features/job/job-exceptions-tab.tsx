import { useState } from 'react';
import { jobRoute, Link, taskManagerRoute, useRouteParams } from '@/app/router';
import { useJobExceptionsPaged } from '@/api/flink/queries-job-page';
import type { ExceptionInfo, RootExceptionInfo } from '@/api/flink/schemas';
import { QueryState } from '@/components/query-state';
import { useNow } from '@/hooks/use-now';
import { formatAgo, formatTimestamp, isoTimestamp, type TimeZoneChoice } from '@/lib/format';
import { useTimeZone } from '@/stores/preferences';
import { StackTrace } from './stack-trace';
import {
  deepestCause,
  EXCEPTIONS_PAGE,
  exceptionHeadline,
  exceptionLocation,
  labelEntries,
} from './utils/exceptions';

/**
 * `/jobs/:jobid/exceptions`: the latest failure (the root cause of the current state) on top,
 * then the history, newest first. Every entry: when, what, where (task, host, task manager),
 * failure labels, concurrent failures, and the stack trace on demand. Text only, never HTML.
 */
export default function JobExceptionsTab() {
  const { clusterId, jobId } = useRouteParams(jobRoute);
  const [max, setMax] = useState(EXCEPTIONS_PAGE);
  const query = useJobExceptionsPaged(clusterId, jobId, { maxExceptions: max });
  return (
    <QueryState
      query={query}
      isEmpty={(d) => d.exceptionHistory.entries.length === 0}
      empty={
        <div
          className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500 dark:border-slate-700"
          data-testid="no-exceptions"
        >
          <p className="font-medium text-slate-700 dark:text-slate-300">No exceptions</p>
          <p className="mt-1">
            This job has not failed (or its failures were dropped from the cluster’s exception history).
          </p>
        </div>
      }
    >
      {(data) => {
        // A cluster may send more than asked for: show what was asked, the rest on "Load more".
        const all = data.exceptionHistory.entries;
        const [root, ...rest] = all.slice(0, max);
        const truncated = data.exceptionHistory.truncated || all.length > max;
        return (
          <div className="space-y-6" data-testid="exceptions">
            {root ? (
              <section aria-labelledby="root-cause-title">
                <h2
                  id="root-cause-title"
                  className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500"
                >
                  Root cause{' '}
                  <span className="font-normal normal-case tracking-normal">· the latest failure</span>
                </h2>
                <ExceptionEntry entry={root} clusterId={clusterId} root testId="root-exception" />
              </section>
            ) : null}
            {rest.length > 0 ? (
              <section aria-labelledby="history-title">
                <h2
                  id="history-title"
                  className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500"
                >
                  Earlier failures{' '}
                  <span className="font-normal">
                    ({rest.length}
                    {truncated ? '+' : ''})
                  </span>
                </h2>
                <ol className="space-y-2" data-testid="exception-history">
                  {rest.map((e, i) => (
                    <li key={`${e.timestamp}-${i}`}>
                      <ExceptionEntry entry={e} clusterId={clusterId} />
                    </li>
                  ))}
                </ol>
              </section>
            ) : null}
            {truncated ? (
              <div className="flex items-center gap-3">
                <button
                  type="button"
                  onClick={() => setMax((m) => m + EXCEPTIONS_PAGE)}
                  disabled={query.isPlaceholderData}
                  data-testid="load-more-exceptions"
                  className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
                >
                  {query.isPlaceholderData ? 'Loading…' : 'Load more'}
                </button>
                <span className="text-xs text-slate-500">
                  Showing the latest {Math.min(all.length, max)}; the cluster keeps more.
                </span>
              </div>
            ) : null}
          </div>
        );
      }}
    </QueryState>
  );
}

function ExceptionEntry({
  entry,
  clusterId,
  root,
  testId,
}: {
  entry: RootExceptionInfo;
  clusterId: string;
  root?: boolean;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const concurrent = entry.concurrentExceptions ?? [];
  const expanded = root || open;
  return (
    <article
      data-testid={testId ?? 'exception-entry'}
      className={`rounded-lg border bg-white dark:bg-slate-900 ${
        root ? 'border-red-300 p-3 shadow-sm dark:border-red-900' : 'border-slate-200 dark:border-slate-800'
      }`}
    >
      {root ? null : <EntrySummary entry={entry} open={open} onToggle={() => setOpen((o) => !o)} />}
      {expanded ? (
        <div className={root ? '' : 'border-t border-slate-100 p-3 dark:border-slate-800'}>
          <ExceptionBody entry={entry} clusterId={clusterId} emphasise={root} />
          {concurrent.length > 0 ? (
            <details
              className="mt-3 rounded-md border border-slate-200 dark:border-slate-800"
              open={root && concurrent.length <= 3}
            >
              <summary className="cursor-pointer select-none px-3 py-1.5 text-xs font-medium text-slate-600 dark:text-slate-400">
                {concurrent.length} concurrent {concurrent.length === 1 ? 'exception' : 'exceptions'}
              </summary>
              <ul
                className="divide-y divide-slate-100 border-t border-slate-200 dark:divide-slate-800 dark:border-slate-800"
                data-testid="concurrent-exceptions"
              >
                {concurrent.map((c, i) => (
                  <li key={`${c.timestamp}-${i}`} className="p-3">
                    <ExceptionBody entry={c} clusterId={clusterId} />
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

/** One line per earlier failure: when, what, where; the details open on click. */
function EntrySummary({
  entry,
  open,
  onToggle,
}: {
  entry: RootExceptionInfo;
  open: boolean;
  onToggle: () => void;
}) {
  const zone = useTimeZone();
  const head = exceptionHeadline(entry);
  const concurrent = entry.concurrentExceptions?.length ?? 0;
  return (
    <button
      type="button"
      aria-expanded={open}
      onClick={onToggle}
      data-testid="exception-summary"
      className="flex w-full min-w-0 items-center gap-3 px-3 py-2 text-left text-xs hover:bg-slate-50 dark:hover:bg-slate-800/50"
    >
      <span aria-hidden className={`text-slate-400 transition-transform ${open ? 'rotate-90' : ''}`}>
        ▸
      </span>
      <time className="shrink-0 tabular-nums text-slate-500" dateTime={isoTimestamp(entry.timestamp)}>
        {formatTimestamp(entry.timestamp, zone)}
      </time>
      <span
        className="shrink-0 font-mono font-semibold text-red-800 dark:text-red-300"
        title={head.className}
      >
        {shortClass(head.className)}
      </span>
      <span className="min-w-0 flex-1 truncate text-slate-700 dark:text-slate-300" title={head.message}>
        {head.message}
      </span>
      {entry.taskName ? (
        <span
          className="hidden max-w-[30%] shrink-0 truncate text-slate-500 lg:inline"
          title={entry.taskName}
        >
          {entry.taskName}
        </span>
      ) : null}
      {concurrent > 0 ? <span className="shrink-0 text-slate-500">+{concurrent}</span> : null}
    </button>
  );
}

/** `java.sql.SQLException` → `SQLException`; the full name stays in the tooltip and the details. */
const shortClass = (name: string) => name.slice(name.lastIndexOf('.') + 1) || name;

function ExceptionBody({
  entry,
  clusterId,
  emphasise,
}: {
  entry: ExceptionInfo;
  clusterId: string;
  emphasise?: boolean;
}) {
  const zone = useTimeZone();
  const head = exceptionHeadline(entry);
  const cause = deepestCause(entry.stacktrace);
  const location = exceptionLocation(entry);
  const labels = labelEntries(entry.failureLabels);
  return (
    <div className="min-w-0">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span
          className={`break-all font-mono font-semibold text-red-800 dark:text-red-300 ${emphasise ? 'text-sm' : 'text-xs'}`}
          data-testid="exception-name"
        >
          {head.className}
        </span>
        <ExceptionTime at={entry.timestamp} zone={zone} />
      </div>
      {head.message ? (
        <p
          className={`mt-1 whitespace-pre-wrap break-words ${emphasise ? 'text-sm' : 'text-xs'}`}
          data-testid="exception-message"
        >
          {head.message}
        </p>
      ) : null}
      {cause ? (
        <p
          className="mt-1.5 rounded bg-red-50 px-2 py-1 text-xs text-red-900 dark:bg-red-950/50 dark:text-red-200"
          data-testid="exception-cause"
        >
          <span className="font-semibold">Caused by </span>
          <span className="break-all font-mono">{cause.className}</span>
          {cause.message ? <span className="break-words">: {cause.message}</span> : null}
        </p>
      ) : null}
      <dl className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-xs">
        {entry.taskName ? <Meta label="Task">{entry.taskName}</Meta> : null}
        {location ? (
          <Meta label="Location">
            <span className="font-mono">{location}</span>
          </Meta>
        ) : null}
        {entry.taskManagerId ? (
          <Meta label="Task manager">
            <Link
              to={taskManagerRoute}
              params={{ clusterId, taskManagerId: entry.taskManagerId }}
              className="font-mono text-sky-700 hover:underline dark:text-sky-400"
              data-testid="exception-tm-link"
            >
              {entry.taskManagerId}
            </Link>
          </Meta>
        ) : null}
        {!entry.taskName && !location && !entry.taskManagerId ? (
          <Meta label="Scope">global (not tied to a task)</Meta>
        ) : null}
      </dl>
      {labels.length > 0 ? (
        <ul className="mt-2 flex flex-wrap gap-1" aria-label="Failure labels" data-testid="failure-labels">
          {labels.map(([k, v]) => (
            <li
              key={k}
              className="rounded-full bg-violet-100 px-2 py-0.5 text-[11px] font-medium text-violet-900 dark:bg-violet-900/50 dark:text-violet-100"
            >
              {k}: {v}
            </li>
          ))}
        </ul>
      ) : null}
      <StackTrace text={entry.stacktrace} />
    </div>
  );
}

/** When it failed; the hover title says how long ago, counting on the shared clock. */
function ExceptionTime({ at, zone }: { at: number; zone: TimeZoneChoice }) {
  const now = useNow();
  return (
    <time
      dateTime={isoTimestamp(at)}
      className="ml-auto shrink-0 text-xs tabular-nums text-slate-500"
      title={formatAgo(at, now)}
      data-testid="exception-time"
    >
      {formatTimestamp(at, zone)}
    </time>
  );
}

function Meta({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex min-w-0 items-baseline gap-1">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 break-all">{children}</dd>
    </div>
  );
}
