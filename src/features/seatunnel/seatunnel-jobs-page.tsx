import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import {
  hrefTo,
  jobRoute,
  jobsRoute,
  Link,
  submitRoute,
  useNavigate,
  useNavigateSearch,
  useRouteParams,
  useRouteSearch,
} from '@/app/router';
import { useReadOnly } from '@/api/dashboard/clusters';
import { useSeaTunnelStopJobs } from '@/api/seatunnel/mutations';
import { useSeaTunnelFinishedJobs, useSeaTunnelRunningJobs } from '@/api/seatunnel/queries';
import { DataTable, type SortState } from '@/components/data-table';
import { ConfirmDialog } from '@/components/dialog';
import { PageHeader } from '@/components/page-header';
import { PageSkeleton } from '@/components/page-skeleton';
import { QueryError, StaleMark } from '@/components/query-state';
import { useToast } from '@/components/toast';
import { useNow } from '@/hooks/use-now';
import { useTimeZone } from '@/stores/preferences';
import { jobColumns } from './jobs-columns';
import { Chip, dangerButtonClass, inputClass, stateDot, ToastScope } from './parts';
import {
  countStates,
  defaultOrder,
  describeJobs,
  FINISHED_STATES,
  filterByState,
  isStoppable,
  mergeJobs,
  parseStates,
  searchFromSort,
  searchJobs,
  sortFromSearch,
  toggleState,
  type JobRow,
} from './utils/job-list';

const ALWAYS_SHOWN = ['RUNNING', ...FINISHED_STATES];

/**
 * Every job the engine knows: the running map and the finished history (FINISHED, CANCELED,
 * FAILED, UNKNOWABLE, SAVEPOINT_DONE) in one virtualised table. Search, state filter and sort
 * live in the URL; running jobs can be ticked and stopped together (/stop-jobs).
 */
export function SeaTunnelJobsPage() {
  return (
    <ToastScope>
      <JobsPageContent />
    </ToastScope>
  );
}

function JobsPageContent() {
  const { clusterId } = useRouteParams(jobsRoute);
  const search = useRouteSearch(jobsRoute);
  const navigate = useNavigateSearch(jobsRoute);
  const running = useSeaTunnelRunningJobs(clusterId);
  const finished = useSeaTunnelFinishedJobs(clusterId);
  const now = useNow(5000);

  const setSearch = useCallback(
    (patch: Partial<SearchState>) => navigate((prev) => ({ ...prev, ...patch }), { replace: true }),
    [navigate],
  );
  const rows = useMemo(
    () =>
      running.data || finished.data ? defaultOrder(mergeJobs(running.data, finished.data, now)) : undefined,
    [running.data, finished.data, now],
  );
  const runningCount = rows?.filter((r) => r.running).length ?? 0;

  return (
    <div className="flex flex-col">
      <PageHeader
        title="Jobs"
        subtitle={
          rows ? (
            <span>
              {rows.length} {rows.length === 1 ? 'job' : 'jobs'} · {runningCount} running
            </span>
          ) : undefined
        }
      />
      {[running, finished].map((q, i) =>
        q.isError ? (
          <div key={i} className="mb-2">
            {q.data === undefined ? (
              <QueryError error={q.error} onRetry={() => void q.refetch()} compact />
            ) : (
              <div className="flex items-center text-xs text-amber-800 dark:text-amber-200">
                <StaleMark updatedAt={q.dataUpdatedAt} />
                <span className="ml-2 truncate">{q.error instanceof Error ? q.error.message : ''}</span>
              </div>
            )}
          </div>
        ) : null,
      )}
      {rows === undefined ? (
        running.isPending || finished.isPending ? (
          <PageSkeleton rows={8} />
        ) : null
      ) : (
        <JobsList clusterId={clusterId} rows={rows} search={search} setSearch={setSearch} />
      )}
    </div>
  );
}

interface SearchState {
  q?: string | undefined;
  state?: string | undefined;
  sort?: string | undefined;
  desc?: boolean | undefined;
}

function JobsList({
  clusterId,
  rows: allRows,
  search,
  setSearch,
}: {
  clusterId: string;
  rows: JobRow[];
  search: SearchState;
  setSearch: (patch: Partial<SearchState>) => void;
}) {
  const zone = useTimeZone();
  const readOnly = useReadOnly();
  const goTo = useNavigate();
  const [text, setText] = useSearchText(search.q, (q) => setSearch({ q: q || undefined }));
  const q = useDeferredValue(text);
  const states = useMemo(() => parseStates(search.state), [search.state]);
  const sort = sortFromSearch(search.sort, search.desc);
  const matching = useMemo(() => searchJobs(allRows, q), [allRows, q]);
  const counts = useMemo(() => countStates(matching, ALWAYS_SHOWN), [matching]);
  const rows = useMemo(() => filterByState(matching, states), [matching, states]);
  const columns = useMemo(() => jobColumns(clusterId, zone), [clusterId, zone]);
  const [selection, setSelection] = useState<Set<string>>(() => new Set());
  const [confirming, setConfirming] = useState(false);

  // Only jobs still listed and still stoppable stay ticked.
  const selected = useMemo(
    () => allRows.filter((r) => selection.has(r.job.jobId) && isStoppable(r.job)).map((r) => r.job),
    [allRows, selection],
  );
  const onSortChange = useCallback((s: SortState | null) => setSearch(searchFromSort(s)), [setSearch]);
  const openJob = useCallback(
    (r: JobRow) => goTo(hrefTo(jobRoute, { clusterId, jobId: r.job.jobId })),
    [goTo, clusterId],
  );
  const rowKey = useCallback((r: JobRow) => r.job.jobId, []);
  const selectable = useCallback((r: JobRow) => isStoppable(r.job), []);
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
              active={states.has(state)}
              title={`Show only ${state} jobs (Ctrl/⌘- or Shift-click adds to the filter)`}
              onClick={(e) =>
                setSearch({ state: toggleState(states, state, !(e.ctrlKey || e.metaKey || e.shiftKey)) })
              }
            />
          ))}
          {[...states]
            .filter((s) => !counts.some((c) => c.state === s))
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
        <div className="ml-auto flex items-center gap-3">
          {!readOnly ? (
            <button
              type="button"
              className={dangerButtonClass}
              disabled={selected.length === 0}
              data-testid="stop-selected"
              onClick={() => setConfirming(true)}
              title={selected.length === 0 ? 'Tick running jobs to stop them together' : undefined}
            >
              Stop selected{selected.length ? ` (${selected.length})` : ''}
            </button>
          ) : null}
          <span className="text-xs text-slate-500" data-testid="jobs-count" aria-live="polite">
            {filtered ? `${rows.length} of ${allRows.length} jobs` : `${allRows.length} jobs`}
          </span>
        </div>
      </div>
      <DataTable
        label="SeaTunnel jobs"
        testId="jobs-table"
        columns={columns}
        rows={rows}
        rowKey={rowKey}
        sort={sort}
        onSortChange={onSortChange}
        onRowClick={openJob}
        {...(readOnly ? {} : { selection, onSelectionChange: setSelection, isSelectable: selectable })}
        rowHeight={48}
        maxHeight="calc(100vh - 230px)"
        empty={
          allRows.length === 0 ? (
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
      <StopJobsDialog
        clusterId={clusterId}
        open={confirming}
        jobs={selected}
        onClose={() => setConfirming(false)}
        onDone={() => setSelection(new Set())}
      />
    </>
  );
}

function StopJobsDialog({
  clusterId,
  open,
  jobs,
  onClose,
  onDone,
}: {
  clusterId: string;
  open: boolean;
  jobs: { jobId: string; jobName: string }[];
  onClose: () => void;
  onDone: () => void;
}) {
  const stop = useSeaTunnelStopJobs(clusterId);
  const toast = useToast();
  const [savepoint, setSavepoint] = useState(false);
  const single = jobs.length === 1 ? jobs[0] : undefined;
  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      action={savepoint ? 'Stop with savepoint' : 'Stop'}
      target={single ? `${single.jobName || single.jobId}` : `${jobs.length} jobs`}
      confirmLabel={`Stop ${jobs.length === 1 ? 'job' : `${jobs.length} jobs`}`}
      description={
        <div className="space-y-2" data-testid="stop-jobs-dialog">
          <ul className="max-h-48 list-disc overflow-auto pl-5 font-mono text-xs">
            {describeJobs(jobs, 20).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              checked={savepoint}
              onChange={(e) => setSavepoint(e.target.checked)}
              className="mt-0.5"
            />
            <span>
              Take a savepoint first (jobs end as SAVEPOINT_DONE and can be started again from it with the
              same job id). Without it they are cancelled.
            </span>
          </label>
        </div>
      }
      onConfirm={async () => {
        const result = await stop.mutateAsync(
          jobs.map((j) => ({ jobId: j.jobId, withSavepoint: savepoint })),
        );
        toast.show({
          tone: 'success',
          message: `Stop requested for ${result.length} ${result.length === 1 ? 'job' : 'jobs'}: ${result.map((r) => r.jobId).join(', ')}`,
        });
        onDone();
      }}
    />
  );
}

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
      className={`${inputClass} w-72`}
    />
  );
}
