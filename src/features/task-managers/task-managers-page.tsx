import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import {
  hrefTo,
  type ListSearch,
  taskManagerRoute,
  taskManagersRoute,
  useNavigate,
  useNavigateSearch,
  useRouteParams,
  useRouteSearch,
} from '@/app/router';
import { useTaskManagers } from '@/api/flink/queries';
import type { TaskManager } from '@/api/flink/schemas';
import { DataTable, type SortState } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { StatCard } from '@/components/stat-card';
import { formatBytes } from '@/lib/format';
import { taskManagerColumns } from './tm-columns';
import { searchFromSort, searchTaskManagers, sortFromSearch, summarise } from './utils/tm-list';

/**
 * Every task manager of the cluster (`/taskmanagers`): search by id or address, sort by any
 * column (both kept in the URL), open one for its memory, metrics, logs, threads and profiler.
 * Only the visible rows are rendered, so 1,000 task managers scroll smoothly.
 */
export function TaskManagersPage() {
  const { clusterId } = useRouteParams(taskManagersRoute);
  const search = useRouteSearch(taskManagersRoute);
  const navigate = useNavigateSearch(taskManagersRoute);
  const tms = useTaskManagers(clusterId);
  const setSearch = useCallback(
    (patch: Partial<ListSearch>) => navigate((prev) => ({ ...prev, ...patch }), { replace: true }),
    [navigate],
  );

  return (
    <div className="flex flex-col" data-testid="task-managers-page">
      <PageHeader
        title="Task managers"
        subtitle={
          tms.data
            ? `${tms.data.taskmanagers.length} registered with the job manager · click one for memory, metrics, logs and threads`
            : undefined
        }
      />
      <QueryState
        query={tms}
        skeletonRows={8}
        isEmpty={(d) => d.taskmanagers.length === 0}
        empty={
          <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500 dark:border-slate-700">
            No task manager is registered. Jobs cannot run until one starts and connects to the job manager.
          </p>
        }
      >
        {(data) => (
          <TaskManagerList
            clusterId={clusterId}
            tms={data.taskmanagers}
            search={search}
            setSearch={setSearch}
          />
        )}
      </QueryState>
    </div>
  );
}

function TaskManagerList({
  clusterId,
  tms,
  search,
  setSearch,
}: {
  clusterId: string;
  tms: TaskManager[];
  search: ListSearch;
  setSearch: (patch: Partial<ListSearch>) => void;
}) {
  const goTo = useNavigate();
  const [text, setText] = useUrlText(search.q, (q) => setSearch({ q: q || undefined }));
  const q = useDeferredValue(text);
  const rows = useMemo(() => searchTaskManagers(tms, q), [tms, q]);
  const summary = useMemo(() => summarise(tms), [tms]);
  const columns = useMemo(() => taskManagerColumns(clusterId), [clusterId]);
  const sort = sortFromSearch(search.sort, search.desc);
  const onSortChange = useCallback((s: SortState | null) => setSearch(searchFromSort(s)), [setSearch]);
  const rowKey = useCallback((tm: TaskManager) => tm.id, []);
  const open = useCallback(
    (tm: TaskManager) => goTo(hrefTo(taskManagerRoute, { clusterId, taskManagerId: tm.id })),
    [goTo, clusterId],
  );

  return (
    <>
      <div className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" data-testid="tm-summary">
        <StatCard
          testId="tm-count"
          label="Task managers"
          value={summary.count}
          hint={summary.blocked ? `${summary.blocked} blocked` : undefined}
        />
        <StatCard testId="tm-slots" label="Slots" value={summary.slots} />
        <StatCard
          testId="tm-free"
          label="Free slots"
          value={summary.freeSlots}
          tone={summary.freeSlots === 0 && summary.slots > 0 ? 'warn' : undefined}
        />
        <StatCard
          testId="tm-used"
          label="Slots in use"
          value={
            summary.slots
              ? `${Math.round(((summary.slots - summary.freeSlots) / summary.slots) * 100)} %`
              : '—'
          }
        />
        <StatCard testId="tm-cores" label="CPU cores" value={summary.cpuCores} />
        <StatCard testId="tm-memory" label="Physical memory" value={formatBytes(summary.physicalMemory)} />
      </div>
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <SearchBox value={text} onChange={setText} />
        <span className="ml-auto text-xs text-slate-500" aria-live="polite" data-testid="tm-count-label">
          {q.trim() ? `${rows.length} of ${tms.length} task managers` : `${tms.length} task managers`}
        </span>
      </div>
      <DataTable
        label="Task managers"
        testId="tm-table"
        columns={columns}
        rows={rows}
        rowKey={rowKey}
        sort={sort}
        onSortChange={onSortChange}
        onRowClick={open}
        rowHeight={48}
        maxHeight="calc(100vh - 320px)"
        empty={
          <span>
            No task manager matches “{q}”.{' '}
            <button
              type="button"
              className="text-sky-700 underline dark:text-sky-400"
              onClick={() => setText('')}
            >
              Clear search
            </button>
          </span>
        }
      />
    </>
  );
}

/** Local text for the search box, written to the URL as typed and re-read when the URL changes. */
function useUrlText(urlValue: string | undefined, write: (q: string) => void): [string, (q: string) => void] {
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
      placeholder="Search id or address   /"
      aria-label="Search task managers by id or address"
      data-testid="tm-search"
      className="w-72 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm placeholder:text-slate-400 focus:border-sky-500 focus:outline-none focus:ring-1 focus:ring-sky-500 dark:border-slate-700 dark:bg-slate-900"
    />
  );
}
