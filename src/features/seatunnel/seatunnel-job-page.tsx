import { lazy, Suspense, useMemo } from 'react';
import { jobRoute, jobsRoute, Link, useNavigateSearch, useRouteParams, useRouteSearch } from '@/app/router';
import { useSeaTunnelJob, useSeaTunnelOverview } from '@/api/seatunnel/queries';
import type { SeaTunnelJob } from '@/api/seatunnel/normalise';
import { explainPending } from '@/api/seatunnel/pending';
import { TONE_LABEL } from '@/components/graph';
import { PageSkeleton } from '@/components/page-skeleton';
import { QueryError, StaleMark } from '@/components/query-state';
import { Tabs } from '@/components/tabs';
import { isTerminalState } from '@/api/polling';
import { JobConfiguration } from './job-config';
import { FlowCards, FlowCharts, FlowTable } from './job-flow';
import { JobError, JobHeader } from './job-header';
import { JobLogs } from './job-logs';
import { Card, Count, Facts, Note, Section, useMetricHistory, ToastScope } from './parts';
import { RestoreButton, StopJobButton } from './stop-job-button';
import { formatPerSecond } from './utils/format';
import { toGraph, vertexFlow, vertexLabel } from './utils/job-graph';
import { metricSamples } from './utils/job-metrics';

const DagGraph = lazy(() => import('@/components/graph/dag-graph'));
type Panel = 'overview' | 'configuration' | 'logs';
/** The job route's search params this page uses (a part of the job route's, app/router/routes.ts). */
type PageSearch = { panel?: string | undefined; vertex?: string | undefined; focus?: string | undefined };
const PANELS: Panel[] = ['overview', 'configuration', 'logs'];
const GRAPH_HEIGHT = 'clamp(260px, 38vh, 460px)';

/**
 * One SeaTunnel job: header (name, exact 64-bit id, state, times, stop), its error, the DAG on the
 * shared graph, flow totals and per-table metrics charted while the page is open, configuration
 * and logs. Tab (`panel`), selected vertex (`vertex`) and charted table (`focus`) are in the URL.
 */
export function SeaTunnelJobPage() {
  return (
    <ToastScope>
      <JobPageContent />
    </ToastScope>
  );
}

function JobPageContent() {
  const { clusterId, jobId } = useRouteParams(jobRoute);
  const job = useSeaTunnelJob(clusterId, jobId);

  if (job.isPending) return <PageSkeleton rows={8} />;
  if (job.data === undefined) return <QueryError error={job.error} onRetry={() => void job.refetch()} />;
  if (job.data === null) {
    return (
      <div className="mx-auto max-w-xl py-16 text-center" data-testid="job-not-found">
        <h1 className="text-xl font-semibold">Job not found</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">
          The engine knows no job <span className="font-mono">{jobId}</span>. Its history lives in memory, so
          jobs are forgotten when the engine restarts.
        </p>
        <Link
          to={jobsRoute}
          params={{ clusterId }}
          className="mt-4 inline-block text-sky-700 underline dark:text-sky-400"
        >
          Back to all jobs
        </Link>
      </div>
    );
  }
  return (
    <>
      {job.isError ? (
        <div className="mb-2 flex items-center text-xs text-amber-800 dark:text-amber-200">
          <StaleMark updatedAt={job.dataUpdatedAt} />
          <span className="ml-2 truncate">{job.error instanceof Error ? job.error.message : ''}</span>
        </div>
      ) : null}
      <JobView key={jobId} clusterId={clusterId} job={job.data} updatedAt={job.dataUpdatedAt} />
    </>
  );
}

function JobView({ clusterId, job, updatedAt }: { clusterId: string; job: SeaTunnelJob; updatedAt: number }) {
  const search = useRouteSearch(jobRoute);
  const navigate = useNavigateSearch(jobRoute);
  const overview = useSeaTunnelOverview(clusterId);
  const panel: Panel = PANELS.includes(search.panel as Panel) ? (search.panel as Panel) : 'overview';
  const running = !isTerminalState(job.jobStatus);
  const samples = useMemo(() => metricSamples(job.metrics), [job.metrics]);
  const history = useMetricHistory(samples, updatedAt);
  const tables = useMemo(() => job.metrics.tables.map((t) => t.table), [job.metrics.tables]);
  const focus = search.focus && tables.includes(search.focus) ? search.focus : null;

  const setSearch = (patch: Partial<PageSearch>) =>
    navigate((prev) => ({ ...prev, ...patch }), { replace: true });

  return (
    <div>
      <JobHeader
        job={job}
        actions={
          <>
            <RestoreButton clusterId={clusterId} job={job} />
            <StopJobButton clusterId={clusterId} job={job} />
          </>
        }
      />
      {job.errorMsg ? (
        <JobError message={job.errorMsg} failed={job.jobStatus.toUpperCase() === 'FAILED'} />
      ) : null}
      {job.jobStatus.toUpperCase() === 'PENDING' ? (
        <div className="mb-4">
          <Note tone="warn" testId="pending-explanation">
            <span className="font-semibold">Pending since {job.createTime ?? '—'}.</span>{' '}
            {explainPending(job, overview.data).text}
          </Note>
        </div>
      ) : null}
      <FlowCards job={job} running={running} />
      <Tabs
        label="Job"
        value={panel}
        onChange={(p) => setSearch({ panel: p === 'overview' ? undefined : p })}
        tabs={[
          { value: 'overview', label: 'Graph & metrics' },
          { value: 'configuration', label: 'Configuration' },
          { value: 'logs', label: 'Logs' },
        ]}
      >
        {panel === 'overview' ? (
          <>
            <JobGraph
              job={job}
              selected={search.vertex ?? null}
              onSelect={(id) => setSearch({ vertex: search.vertex === id ? undefined : id })}
            />
            <Section title="Metrics" testId="job-metrics">
              <FlowTable
                job={job}
                running={running}
                focus={focus}
                onFocus={(t) => setSearch({ focus: t ?? undefined })}
              />
              <div className="mt-3">
                <FlowCharts job={job} history={history} focus={focus} tables={tables} />
              </div>
            </Section>
          </>
        ) : panel === 'configuration' ? (
          <JobConfiguration job={job} />
        ) : (
          <JobLogs clusterId={clusterId} jobId={job.jobId} version={overview.data?.projectVersion ?? null} />
        )}
      </Tabs>
    </div>
  );
}

function JobGraph({
  job,
  selected,
  onSelect,
}: {
  job: SeaTunnelJob;
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const graph = useMemo(() => toGraph(job), [job]);
  const vertex = job.dag.vertices.find((v) => v.id === selected) ?? null;
  const stalled = graph.nodes.filter((n) => n.tone === 'backpressured').length;
  return (
    <Section
      title={
        <>
          DAG <span className="font-normal">({job.dag.vertices.length} vertices)</span>
        </>
      }
      testId="job-dag"
      actions={
        stalled ? (
          <span className="text-xs font-medium text-violet-700 dark:text-violet-400">
            {stalled} {TONE_LABEL.backpressured.toLowerCase()}: sink not writing
          </span>
        ) : null
      }
    >
      {job.dag.vertices.length === 0 ? (
        <Note>The engine sent no DAG for this job.</Note>
      ) : (
        <div className="grid gap-3 xl:grid-cols-[1fr_320px]">
          <Suspense
            fallback={
              <div
                className="animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800"
                style={{ height: GRAPH_HEIGHT }}
              />
            }
          >
            <DagGraph
              testId="job-graph"
              nodes={graph.nodes}
              edges={graph.edges}
              selectedId={selected}
              onSelect={onSelect}
              height={GRAPH_HEIGHT}
            />
          </Suspense>
          <Card className="text-sm">
            {vertex ? (
              <VertexDetail job={job} vertexId={vertex.id} />
            ) : (
              <p className="text-slate-500">
                Select a vertex to see its tables and flow. The engine counts per job and per table, so a
                vertex shows its tables’ sums.
              </p>
            )}
          </Card>
        </div>
      )}
    </Section>
  );
}

function VertexDetail({ job, vertexId }: { job: SeaTunnelJob; vertexId: string }) {
  const v = job.dag.vertices.find((x) => x.id === vertexId);
  if (!v) return null;
  const label = vertexLabel(v);
  const flow = vertexFlow(job, v);
  return (
    <div data-testid="vertex-detail">
      <div className="mb-2 font-semibold">{label.title}</div>
      <Facts
        items={[
          { label: 'Vertex', value: <span className="font-mono text-xs">{v.name}</span> },
          { label: 'Type', value: label.multiTable ? `${label.kind} (multi-table)` : label.kind },
          { label: 'Id', value: v.id },
          { label: 'Pipeline', value: v.pipelineId ?? '—' },
          { label: 'Parallelism', value: v.parallelism ?? '—' },
          ...(flow
            ? [
                { label: v.type === 'source' ? 'Received' : 'Written', value: <Count value={flow.count} /> },
                ...(isTerminalState(job.jobStatus)
                  ? []
                  : [{ label: 'Rate', value: formatPerSecond(flow.qps) }]),
              ]
            : []),
        ]}
      />
      <div className="mt-3 text-xs font-medium uppercase tracking-wide text-slate-500">Tables</div>
      <ul className="mt-1 max-h-48 overflow-auto font-mono text-xs">
        {(v.tablePaths.length ? v.tablePaths : (flow?.tables ?? [])).map((t) => (
          <li key={t} className="truncate" title={t}>
            {t}
          </li>
        ))}
        {v.tablePaths.length === 0 && !flow?.tables.length ? (
          <li className="text-slate-500">not reported</li>
        ) : null}
      </ul>
    </div>
  );
}
