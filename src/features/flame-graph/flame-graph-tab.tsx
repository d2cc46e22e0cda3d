import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { jobRoute, type JobSearch, useNavigateSearch, useRouteParams, useRouteSearch } from '@/app/router';
import { useFlameGraph, useVerticesPressureMetrics } from '@/api/flink/queries-backpressure';
import { useJobPageDetails } from '@/api/flink/queries-job-page';
import type { FlameGraph, FlameGraphType, JobDetails } from '@/api/flink/schemas';
import { PageSkeleton } from '@/components/page-skeleton';
import { QueryError } from '@/components/query-state';
import { useNow } from '@/hooks/use-now';
import { formatAgo, formatCount, formatPercent, formatTimestamp } from '@/lib/format';
import { useTimeZone } from '@/stores/preferences';
import { EXPORT_CSS, FlameChart, type FlameChartHandle } from './flame-chart';
import { download, safeFileName, svgMarkup } from './utils/export';
import { prepareTree, searchTree } from './utils/flame-tree';
import {
  defaultVertex,
  FLAME_TYPES,
  flameStatus,
  flameTypeFromParam,
  paramFromFlameType,
  type FlameStatus,
} from './utils/params';

const NO_IDS: readonly string[] = [];
const MAX_ANNOTATED = 50;

type Patch = Partial<Pick<JobSearch, 'vertex' | 'subtask' | 'panel'>>;

function useUpdateSearch() {
  const navigate = useNavigateSearch(jobRoute);
  return useCallback(
    (patch: Patch, replace = false) => navigate((prev) => ({ ...prev, ...patch }), { replace }),
    [navigate],
  );
}

const button =
  'rounded border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800';
const field =
  'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100';

/**
 * Where a vertex spends its time: Flink's flame graph of the vertex (or one subtask), on-CPU,
 * off-CPU or both. Zoom by clicking a frame, search frames, export as SVG or JSON. The vertex,
 * type and subtask are in the URL (`vertex`, `panel`, `subtask`); without a vertex the likely
 * bottleneck (the busiest vertex that is not back-pressured) is chosen.
 */
export default function FlameGraphTab() {
  const { clusterId, jobId } = useRouteParams(jobRoute);
  const search = useRouteSearch(jobRoute);
  const update = useUpdateSearch();
  const details = useJobPageDetails(clusterId, jobId);
  const job = details.data;

  const idsKey = job?.vertices.map((v) => v.id).join(',') ?? '';
  const ids = useMemo(() => (idsKey ? idsKey.split(',') : NO_IDS), [idsKey]);
  // Busy time per vertex: to pick the default vertex, and as a hint in the picker. A job with many
  // vertices asks only while the default is being chosen (the back-pressure tab shares the cache).
  const metrics = useVerticesPressureMetrics(
    clusterId,
    jobId,
    ids,
    !search.vertex || ids.length <= MAX_ANNOTATED,
  );
  const busy = useMemo(() => {
    const out: Record<string, { busy: number | undefined; backPressured: number | undefined }> = {};
    for (const id of ids) {
      const list = metrics[id]?.data;
      const max = (name: string) => {
        const v = list?.find((m) => m.id === name)?.max;
        return v !== undefined && Number.isFinite(v) ? Math.min(1, Math.max(0, v / 1000)) : undefined;
      };
      out[id] = { busy: max('busyTimeMsPerSecond'), backPressured: max('backPressuredTimeMsPerSecond') };
    }
    return out;
  }, [ids, metrics]);
  const metricsSettled =
    ids.length > 0 && ids.every((id) => metrics[id]?.data !== undefined || metrics[id]?.error);

  // No vertex chosen: pick the likely bottleneck once, and put it in the URL so it stays put.
  useEffect(() => {
    if (search.vertex || !metricsSettled) return;
    const pick = defaultVertex(ids.map((id) => ({ id, ...busy[id]! })));
    if (pick) update({ vertex: pick }, true);
  }, [search.vertex, metricsSettled, ids, busy, update]);

  if (details.isPending) return <PageSkeleton rows={4} />;
  if (!job) return <QueryError error={details.error} onRetry={() => void details.refetch()} />;

  const vertex = job.vertices.find((v) => v.id === search.vertex);
  const type = flameTypeFromParam(search.panel);
  return (
    <div className="space-y-3" data-testid="flamegraph-tab">
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-slate-500">
          Vertex
          <select
            className={`${field} max-w-md`}
            value={vertex?.id ?? ''}
            onChange={(e) => update({ vertex: e.target.value || undefined, subtask: undefined })}
            data-testid="flame-vertex"
          >
            {!vertex ? (
              <option value="">
                {search.vertex ? 'Unknown vertex — pick one' : 'Choosing the busiest vertex…'}
              </option>
            ) : null}
            {job.vertices.map((v) => {
              const b = busy[v.id]?.busy;
              return (
                <option key={v.id} value={v.id}>
                  {v.name}
                  {b !== undefined ? ` — ${formatPercent(b)} busy` : ''}
                </option>
              );
            })}
          </select>
        </label>
        <div className="flex flex-col gap-1 text-xs font-medium text-slate-500">
          <span id="flame-type-label">Threads</span>
          <div
            role="radiogroup"
            aria-labelledby="flame-type-label"
            className="inline-flex overflow-hidden rounded border border-slate-300 dark:border-slate-600"
          >
            {FLAME_TYPES.map((t) => {
              const on = t.type === type;
              return (
                <button
                  key={t.type}
                  type="button"
                  role="radio"
                  aria-checked={on}
                  title={t.hint}
                  onClick={() => update({ panel: paramFromFlameType(t.type) })}
                  data-testid={`flame-type-${t.param}`}
                  className={`px-2.5 py-1 text-sm ${
                    on
                      ? 'bg-sky-600 font-medium text-white dark:bg-sky-500'
                      : 'bg-white text-slate-700 hover:bg-slate-50 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800'
                  }`}
                >
                  {t.label}
                </button>
              );
            })}
          </div>
        </div>
        {vertex ? (
          <SubtaskPicker
            parallelism={vertex.parallelism}
            value={search.subtask}
            onChange={(subtask) => update({ subtask })}
          />
        ) : null}
      </div>
      {search.vertex && !vertex ? (
        <p className="text-sm text-amber-800 dark:text-amber-300" role="status">
          The vertex <code className="font-mono">{search.vertex}</code> is not part of this job. Pick one
          above.
        </p>
      ) : null}
      {vertex ? (
        <VertexFlameGraph
          key={`${vertex.id}/${type}/${search.subtask ?? 'all'}`}
          clusterId={clusterId}
          job={job}
          vertexId={vertex.id}
          vertexName={vertex.name}
          type={type}
          subtask={
            search.subtask !== undefined && search.subtask < vertex.parallelism ? search.subtask : undefined
          }
        />
      ) : null}
    </div>
  );
}

function SubtaskPicker({
  parallelism,
  value,
  onChange,
}: {
  parallelism: number;
  value: number | undefined;
  onChange: (subtask: number | undefined) => void;
}) {
  if (parallelism <= 1) return null;
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
      Subtask
      {parallelism <= 256 ? (
        <select
          className={field}
          value={value === undefined ? '' : String(value)}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
          data-testid="flame-subtask"
        >
          <option value="">All {parallelism} subtasks</option>
          {Array.from({ length: parallelism }, (_, i) => (
            <option key={i} value={i}>
              Subtask {i}
            </option>
          ))}
        </select>
      ) : (
        <input
          type="number"
          min={0}
          max={parallelism - 1}
          placeholder={`All ${parallelism}`}
          className={`${field} w-32`}
          value={value ?? ''}
          onChange={(e) =>
            onChange(
              e.target.value === ''
                ? undefined
                : Math.min(parallelism - 1, Math.max(0, Math.floor(Number(e.target.value)))),
            )
          }
          data-testid="flame-subtask"
        />
      )}
    </label>
  );
}

function VertexFlameGraph({
  clusterId,
  job,
  vertexId,
  vertexName,
  type,
  subtask,
}: {
  clusterId: string;
  job: JobDetails;
  vertexId: string;
  vertexName: string;
  type: FlameGraphType;
  subtask: number | undefined;
}) {
  const q = useFlameGraph(clusterId, job.jid, vertexId, { type, subtaskIndex: subtask });
  const status: FlameStatus | undefined = q.data ? flameStatus(q.data) : undefined;
  return (
    <section
      aria-label="Flame graph"
      data-testid="flame-section"
      data-status={status?.kind ?? (q.isPending ? 'loading' : 'error')}
    >
      {q.error ? (
        <div className="mb-2">
          <QueryError error={q.error} onRetry={() => void q.refetch()} compact={!!q.data} />
        </div>
      ) : null}
      {q.isPending ? (
        <StatusBox tone="wait">Asking Flink for the flame graph of {vertexName}…</StatusBox>
      ) : null}
      {status?.kind === 'sampling' ? (
        <StatusBox tone="wait" testId="flame-sampling">
          <span className="font-medium">Sampling…</span> Flink is taking stack-trace samples of {vertexName}
          {subtask !== undefined ? ` (subtask ${subtask})` : ''}. The first request starts it; the graph
          appears in a few seconds.
        </StatusBox>
      ) : null}
      {status?.kind === 'finished' ? (
        <StatusBox tone="info" testId="flame-finished">
          No flame graph: the job is not running any more ({job.state}). Flink samples only running tasks.
        </StatusBox>
      ) : null}
      {status?.kind === 'disabled' ? (
        <StatusBox tone="warn" testId="flame-disabled">
          <span className="font-medium">Flame graphs are disabled on this cluster.</span> Flink samples stack
          traces only with <code className="font-mono text-[13px]">rest.flamegraph.enabled: true</code> in its
          configuration (<code className="font-mono text-[13px]">config.yaml</code>); set it and restart the
          JobManager.
        </StatusBox>
      ) : null}
      {status?.kind === 'empty' ? (
        <StatusBox tone="info">Flink sent no samples for this vertex.</StatusBox>
      ) : null}
      {status?.kind === 'data' && q.data?.data ? (
        <FlameView
          answer={q.data}
          root={q.data.data}
          endTimestamp={status.endTimestamp}
          vertexName={vertexName}
          type={type}
          subtask={subtask}
          refreshing={q.isFetching}
          onRefresh={() => void q.refetch()}
        />
      ) : null}
    </section>
  );
}

function StatusBox({
  tone,
  testId,
  children,
}: {
  tone: 'wait' | 'info' | 'warn';
  testId?: string;
  children: ReactNode;
}) {
  const cls =
    tone === 'warn'
      ? 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100'
      : 'border-slate-200 bg-white text-slate-700 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-200';
  return (
    <div
      role="status"
      data-testid={testId}
      className={`flex items-start gap-2 rounded-lg border p-4 text-sm ${cls}`}
    >
      {tone === 'wait' ? (
        <span
          aria-hidden
          className="mt-0.5 inline-block h-4 w-4 shrink-0 animate-spin rounded-full border-2 border-sky-500 border-t-transparent"
        />
      ) : null}
      <p>{children}</p>
    </div>
  );
}

function FlameView({
  answer,
  root,
  endTimestamp,
  vertexName,
  type,
  subtask,
  refreshing,
  onRefresh,
}: {
  answer: FlameGraph;
  root: NonNullable<FlameGraph['data']>;
  endTimestamp: number;
  vertexName: string;
  type: FlameGraphType;
  subtask: number | undefined;
  refreshing: boolean;
  onRefresh: () => void;
}) {
  const zone = useTimeZone();
  const now = useNow(5000);
  const chart = useRef<FlameChartHandle>(null);
  const tree = useMemo(() => prepareTree(root), [root]);
  const [term, setTerm] = useState('');
  const deferred = useDeferredValue(term);
  const found = useMemo(
    () => (deferred.trim() ? searchTree(tree.root, deferred) : undefined),
    [tree, deferred],
  );
  const [zoom, setZoom] = useState<{ tree: unknown; name: string } | undefined>(undefined);
  const zoomed = zoom && zoom.tree === tree ? zoom.name : undefined;
  const offCpuAll = type === 'OFF_CPU';
  const base = safeFileName(
    'flamegraph',
    vertexName,
    type.toLowerCase(),
    subtask !== undefined ? `subtask-${subtask}` : '',
    endTimestamp,
  );

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-xs text-slate-500">
        <span data-testid="flame-sampled-at">
          Sampled at{' '}
          <span className="font-medium text-slate-700 dark:text-slate-200">
            {formatTimestamp(endTimestamp, zone)}
          </span>{' '}
          ({formatAgo(endTimestamp, now)})
        </span>
        <span>
          {formatCount(tree.total)} samples · {formatCount(tree.nodes)} frames
        </span>
        <span className="flex items-center gap-2" data-testid="flame-legend">
          {offCpuAll || tree.offCpuFrames > 0 ? (
            <>
              {offCpuAll ? null : (
                <>
                  <span
                    aria-hidden
                    className="inline-block h-2.5 w-4 rounded-sm"
                    style={{ background: 'linear-gradient(90deg,#f97316,#facc15)' }}
                  />
                  <span>on-CPU</span>
                </>
              )}
              <span
                aria-hidden
                className="inline-block h-2.5 w-4 rounded-sm"
                style={{ background: 'linear-gradient(90deg,#38bdf8,#2563eb)' }}
              />
              {offCpuAll ? 'off-CPU (threads waiting: sleep, locks, I/O)' : 'off-CPU'}
            </>
          ) : type === 'FULL' ? (
            <span title="Off-CPU shows only the threads that waited">
              running and waiting threads together
            </span>
          ) : (
            <span>threads that were running</span>
          )}
        </span>
        <span className="ml-auto flex flex-wrap gap-2">
          <button
            type="button"
            className={button}
            onClick={onRefresh}
            disabled={refreshing}
            title="Ask Flink again. It keeps a sample for rest.flamegraph.refresh-interval (1 min by default), then takes a new one."
            data-testid="flame-refresh"
          >
            {refreshing ? 'Refreshing…' : 'Refresh'}
          </button>
          <button
            type="button"
            className={button}
            onClick={() => {
              const svg = chart.current?.svg();
              if (svg) download(`${base}.svg`, 'image/svg+xml', svgMarkup(svg, EXPORT_CSS));
            }}
            data-testid="flame-export-svg"
          >
            Export SVG
          </button>
          <button
            type="button"
            className={button}
            onClick={() => download(`${base}.json`, 'application/json', JSON.stringify(answer))}
            data-testid="flame-export-json"
          >
            Export JSON
          </button>
        </span>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <input
          type="search"
          value={term}
          onChange={(e) => setTerm(e.target.value)}
          placeholder="Search frames, e.g. sleep"
          aria-label="Search frames"
          className={`${field} w-80 max-w-full`}
          data-testid="flame-search"
        />
        <span
          className="text-xs text-slate-600 dark:text-slate-300"
          data-testid="flame-match-count"
          aria-live="polite"
        >
          {found
            ? found.frames === 0
              ? 'No frame matches'
              : `${formatCount(found.frames)} ${found.frames === 1 ? 'frame matches' : 'frames match'} · ${formatPercent(
                  tree.total > 0 ? found.samples / tree.total : undefined,
                  1,
                )} of samples`
            : null}
        </span>
        <span className="ml-auto flex items-center gap-2 text-xs text-slate-500">
          {zoomed ? (
            <span className="max-w-lg truncate" title={zoomed} data-testid="flame-zoomed">
              Zoomed into <span className="font-mono text-slate-700 dark:text-slate-200">{zoomed}</span>
            </span>
          ) : (
            <span>Click a frame to zoom in.</span>
          )}
          <button
            type="button"
            className={button}
            disabled={!zoomed}
            onClick={() => {
              chart.current?.resetZoom();
              setZoom(undefined);
            }}
            data-testid="flame-reset-zoom"
          >
            Reset zoom
          </button>
        </span>
      </div>
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white p-2 dark:border-slate-800 dark:bg-slate-900">
        <FlameChart
          ref={chart}
          tree={tree}
          offCpuAll={offCpuAll}
          search={deferred}
          onZoom={(f) => setZoom(f ? { tree, name: f.name } : undefined)}
        />
      </div>
    </div>
  );
}
