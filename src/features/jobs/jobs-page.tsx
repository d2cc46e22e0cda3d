import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import {
  hrefTo,
  jobRoute,
  jobsRoute,
  type JobsSearch,
  Link,
  submitRoute,
  useNavigate,
  useNavigateSearch,
  useRouteParams,
  useRouteSearch,
} from '@/app/router';
import { useClusterInfo } from '@/api/dashboard/clusters';
import { useLostJobs } from '@/api/flink/known-jobs-store';
import { lostJobRow, type KnownJob } from '@/api/flink/lost-jobs';
import { useJobsOverview } from '@/api/flink/queries';
import type { JobOverview } from '@/api/flink/schemas';
import { ArchivedMark } from '@/components/archived-mark';
import { DataTable, type SortState } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useTimeZone } from '@/stores/preferences';
import { jobColumns } from './jobs-columns';
import {
  countStates,
  defaultOrder,
  filterByState,
  parseStates,
  searchFromSort,
  searchJobs,
  sortFromSearch,
  toggleState,
} from './utils/job-list';

/**
 * Every job the cluster remembers (`/jobs/overview`): search by name or id, state chips with
 * counts, sortable columns. Search, states and sort live in the URL, so a view can be shared
 * and survives a reload. The table renders only visible rows: 5,000 jobs stay smooth.
 */
export function JobsPage() {
  const { clusterId } = useRouteParams(jobsRoute);
  const search = useRouteSearch(jobsRoute);
  const navigate = useNavigateSearch(jobsRoute);
  const jobs = useJobsOverview(clusterId);
  const lost = useLostJobs(clusterId);
  const cluster = useClusterInfo(clusterId);

  // Chips and sort add a history entry (Back undoes them); typing in the search box replaces it.
  const setSearch = useCallback(
    (patch: Partial<JobsSearch>, replace = false) => navigate((prev) => ({ ...prev, ...patch }), { replace }),
    [navigate],
  );

  return (
    <div className="flex flex-col">
      <PageHeader
        title={
          cluster?.archive ? (
            <span className="inline-flex items-center gap-2">
              Archived jobs <ArchivedMark />
            </span>
          ) : (
            'Jobs'
          )
        }
        subtitle={jobs.data ? <JobsSummary jobs={jobs.data.jobs} lost={lost.length} /> : undefined}
        actions={
          cluster?.historyClusterId ? (
            <Link
              to={jobsRoute}
              params={{ clusterId: cluster.historyClusterId }}
              className="text-sm text-sky-700 hover:underline dark:text-sky-400"
              data-testid="jobs-history-link"
            >
              Archived jobs (History Server)
            </Link>
          ) : undefined
        }
      />
      <QueryState query={jobs} skeletonRows={8}>
        {(data) => (
          <JobsList
            clusterId={clusterId}
            jobs={data.jobs}
            lost={lost}
            search={search}
            setSearch={setSearch}
          />
        )}
      </QueryState>
    </div>
  );
}

function JobsSummary({ jobs, lost }: { jobs: JobOverview[]; lost: number }) {
  const running = jobs.filter((j) => j.state === 'RUNNING').length;
  return (
    <span>
      {jobs.length} {jobs.length === 1 ? 'job' : 'jobs'} · {running} running
      {lost ? (
        <span className="font-medium text-red-700 dark:text-red-400" data-testid="jobs-lost-count">
          {' '}
          · {lost} lost
        </span>
      ) : null}
    </span>
  );
}

function JobsList({
  clusterId,
  jobs: listed,
  lost,
  search,
  setSearch,
}: {
  clusterId: string;
  jobs: JobOverview[];
  /** Jobs seen alive that the cluster no longer lists: shown as LOST rows with their last known data. */
  lost: readonly KnownJob[];
  search: JobsSearch;
  setSearch: (patch: Partial<JobsSearch>, replace?: boolean) => void;
}) {
  const zone = useTimeZone();
  const goTo = useNavigate();
  const jobs = useMemo(() => {
    const ids = new Set(listed.map((j) => j.jid));
    const rows = lost.filter((l) => !ids.has(l.job.jid)).map(lostJobRow);
    return rows.length ? [...rows, ...listed] : listed;
  }, [listed, lost]);
  const lostById = useMemo(() => new Map(lost.map((l) => [l.job.jid, l])), [lost]);
  const [text, setText] = useSearchText(search.q, (q) => setSearch({ q: q || undefined }, true));
  const q = useDeferredValue(text);
  const states = useMemo(() => parseStates(search.state), [search.state]);
  const sort = sortFromSearch(search.sort, search.desc);

  const ordered = useMemo(() => defaultOrder(jobs), [jobs]);
  const matching = useMemo(() => searchJobs(ordered, q), [ordered, q]);
  const counts = useMemo(() => countStates(matching), [matching]);
  const rows = useMemo(() => filterByState(matching, states), [matching, states]);
  const columns = useMemo(() => jobColumns(clusterId, zone, lostById), [clusterId, zone, lostById]);

  const onSortChange = useCallback((s: SortState | null) => setSearch(searchFromSort(s)), [setSearch]);
  const openJob = useCallback(
    (j: JobOverview) => goTo(hrefTo(jobRoute, { clusterId, jobId: j.jid })),
    [goTo, clusterId],
  );
  const rowKey = useCallback((j: JobOverview) => j.jid, []);
  const filtered = states.size > 0 || q.trim() !== '';

  return (
    <>
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <SearchBox value={text} onChange={setText} />
        <div
          className="flex flex-wrap items-center gap-1.5"
          role="group"
          aria-label="Filter by state"
          data-testid="state-chips"
        >
          <Chip
            label="All"
            count={matching.length}
            active={states.size === 0}
            onClick={() => setSearch({ state: undefined })}
          />
          {counts.map(({ state, count }) => (
            <Chip
              key={state}
              label={state}
              count={count}
              dot={stateDot(state)}
              active={states.has(state.toUpperCase())}
              title={`Show only ${state} jobs (Ctrl/⌘-click or Shift-click to add to the selection)`}
              onClick={(e) =>
                setSearch({
                  state: toggleState(states, state.toUpperCase(), !(e.ctrlKey || e.metaKey || e.shiftKey)),
                })
              }
            />
          ))}
          {[...states]
            .filter((s) => !counts.some((c) => c.state.toUpperCase() === s))
            .map((s) => (
              <Chip
                key={s}
                label={s}
                count={0}
                active
                onClick={() => setSearch({ state: toggleState(states, s, false) })}
              />
            ))}
        </div>
        <span className="ml-auto text-xs text-slate-500" data-testid="jobs-count" aria-live="polite">
          {filtered ? `${rows.length} of ${jobs.length} jobs` : `${jobs.length} jobs`}
        </span>
      </div>
      <DataTable
        label="Jobs"
        testId="jobs-table"
        columns={columns}
        rows={rows}
        rowKey={rowKey}
        sort={sort}
        onSortChange={onSortChange}
        onRowClick={openJob}
        rowHeight={48}
        maxHeight="calc(100vh - 230px)"
        empty={
          jobs.length === 0 ? (
            <span>
              No jobs on this cluster yet.{' '}
              <Link
                to={submitRoute}
                params={{ clusterId }}
                className="text-sky-700 underline dark:text-sky-400"
              >
                Submit one
              </Link>
            </span>
          ) : (
            <span>
              No job matches these filters.{' '}
              <button
                type="button"
                className="text-sky-700 underline dark:text-sky-400"
                onClick={() => {
                  setText('');
                  setSearch({ q: undefined, state: undefined });
                }}
              >
                Clear filters
              </button>
            </span>
          )
        }
      />
    </>
  );
}

/**
 * The search box's own text, written to the URL as the user types (replace, no history entry)
 * and taken from the URL when it changes for another reason (back button, a link).
 */
function useSearchText(
  urlValue: string | undefined,
  write: (q: string) => void,
): [string, (q: string) => void] {
  const [text, setText] = useState(urlValue ?? '');
  const written = useRef(urlValue ?? '');
  useEffect(() => {
    const v = urlValue ?? '';
    if (v !== written.current) {
      written.current = v;
      setText(v);
    }
  }, [urlValue]);
  const update = useCallback(
    (q: string) => {
      setText(q);
      written.current = q;
      write(q);
    },
    [write],
  );
  return [text, update];
}

function SearchBox({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // "/" focuses the search, as on most dashboards.
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
      e.preventDefault();
      ref.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="relative">
      <input
        ref={ref}
        type="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value) {
            e.preventDefault();
            onChange('');
          }
        }}
        placeholder="Search name or id   /"
        aria-label="Search jobs by name or id"
        data-testid="jobs-search"
        className="w-72 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm placeholder:text-slate-400 focus:border-sky-500 focus:outline-none focus:ring-1 focus:ring-sky-500 dark:border-slate-700 dark:bg-slate-900"
      />
    </div>
  );
}

function Chip({
  label,
  count,
  active,
  dot,
  title,
  onClick,
}: {
  label: string;
  count: number;
  active: boolean;
  dot?: string;
  title?: string;
  onClick: (e: MouseEvent<HTMLButtonElement>) => void;
}) {
  return (
    <button
      type="button"
      aria-pressed={active}
      title={title}
      data-testid={`state-chip-${label}`}
      onClick={onClick}
      className={`inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-xs font-medium transition-colors ${
        active
          ? 'border-sky-600 bg-sky-600 text-white dark:border-sky-500 dark:bg-sky-600'
          : 'border-slate-300 bg-white text-slate-700 hover:border-slate-400 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300 dark:hover:border-slate-500'
      }`}
    >
      {dot ? <span aria-hidden className={`h-2 w-2 rounded-full ${dot}`} /> : null}
      <span>{label}</span>
      <span className={`tabular-nums ${active ? 'text-sky-100' : 'text-slate-500'}`} data-testid="chip-count">
        {count}
      </span>
    </button>
  );
}

const DOTS: Record<string, string> = {
  RUNNING: 'bg-sky-500',
  FINISHED: 'bg-emerald-500',
  FAILED: 'bg-red-500',
  FAILING: 'bg-red-500',
  RESTARTING: 'bg-orange-500',
  CANCELED: 'bg-slate-400',
  CANCELLING: 'bg-amber-500',
};

function stateDot(state: string): string {
  return DOTS[state.toUpperCase()] ?? 'bg-violet-500';
}
