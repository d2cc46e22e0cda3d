import { useMemo, useState } from 'react';
import {
  jobRoute,
  jobsRoute,
  Link,
  nodesRoute,
  overviewRoute,
  useNavigateSearch,
  useRouteSearch,
} from '@/app/router';
import {
  useSeaTunnelFinishedJobs,
  useSeaTunnelOverview,
  useSeaTunnelRunningJobs,
  useSeaTunnelSystemMonitoring,
} from '@/api/seatunnel/queries';
import { useSeaTunnelFlavour } from '@/api/seatunnel/detect-flavour';
import type { SeaTunnelJob } from '@/api/seatunnel/normalise';
import { PageHeader } from '@/components/page-header';
import { QueryError, StaleMark } from '@/components/query-state';
import { PageSkeleton } from '@/components/page-skeleton';
import { StatCard } from '@/components/stat-card';
import { StateBadge } from '@/components/state-badge';
import { TruncatedText } from '@/components/truncated-text';
import { formatPercent } from '@/lib/format';
import { useClusterId } from '@/hooks/use-cluster-id';
import { useNow } from '@/hooks/use-now';
import { useTimeZone } from '@/stores/preferences';
import { Count, Note, Section, inputClass } from './parts';
import { formatEngineTime, formatPerSecond } from './utils/format';
import { defaultOrder, mergeJobs } from './utils/job-list';
import { toNodeHealth } from './utils/monitoring';
import { overviewFigures, type Figure } from './utils/overview';
import { parseTags, tagsToText } from './utils/tags';
import { isSinkStalled } from './utils/job-metrics';

/**
 * The cluster at a glance: engine version and commit, workers and slots (optionally only those of
 * nodes with given tags; the filter lives in the URL as `?tags=k=v,k2=v2`), job counters, what runs
 * now and what ended last. Engines without /overview get the counts derived from the job lists.
 */
export function SeaTunnelOverviewPage() {
  const clusterId = useClusterId();
  const [tagText, setTagText] = useTagsParam();
  const parsed = parseTags(tagText);
  const tags = parsed.ok ? parsed.tags : {};
  const overview = useSeaTunnelOverview(clusterId, tags);
  const running = useSeaTunnelRunningJobs(clusterId);
  const finished = useSeaTunnelFinishedJobs(clusterId);
  const monitoring = useSeaTunnelSystemMonitoring(clusterId);
  const flavour = useSeaTunnelFlavour(clusterId);

  const figures = overviewFigures({
    overview: overview.data,
    overviewError: overview.error instanceof Error ? overview.error.message : undefined,
    running: running.data,
    finished: finished.data,
    members: monitoring.data?.length,
  });
  const loading = overview.isPending && running.isPending;
  const version = figures.version.value;

  return (
    <div>
      <PageHeader
        title="SeaTunnel overview"
        subtitle={
          <span data-testid="st-engine">
            {version ? `SeaTunnel ${version}` : 'SeaTunnel (version not reported)'}
            {figures.commit.value ? ` · commit ${figures.commit.value}` : ''}
            {flavour.data ? ` · REST ${flavour.data}` : ''}
          </span>
        }
        actions={<TagFilter value={tagText} onChange={setTagText} error={parsed.ok ? null : parsed.error} />}
      />
      {overview.isError && overview.data === undefined && !overview.isPending ? (
        <div className="mb-3 space-y-2" data-testid="st-overview-missing">
          <QueryError error={overview.error} compact onRetry={() => void overview.refetch()} />
          <Note tone="warn">
            Job counts below are counted from the job lists; what they cannot tell is marked “not reported”.
          </Note>
        </div>
      ) : overview.isError ? (
        <div className="mb-2 text-xs">
          <StaleMark updatedAt={overview.dataUpdatedAt} />
        </div>
      ) : null}
      {loading ? (
        <PageSkeleton rows={6} />
      ) : (
        <>
          <div className="mb-2 grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="st-figures">
            <FigureCard
              label="Workers"
              figure={figures.workers}
              testId="st-workers"
              filtered={Object.keys(tags).length > 0}
            />
            <FigureCard
              label="Total slots"
              figure={figures.totalSlot}
              testId="st-total-slots"
              filtered={Object.keys(tags).length > 0}
            />
            <FigureCard
              label="Unassigned slots"
              figure={figures.unassignedSlot}
              testId="st-unassigned-slots"
              filtered={Object.keys(tags).length > 0}
            />
            <FigureCard label="Running jobs" figure={figures.running} testId="st-running" />
            <FigureCard label="Pending jobs" figure={figures.pending} testId="st-pending" />
            <FigureCard label="Finished jobs" figure={figures.finished} testId="st-finished" tone="good" />
            <FigureCard label="Failed jobs" figure={figures.failed} testId="st-failed" tone="bad" />
            <FigureCard label="Cancelled jobs" figure={figures.cancelled} testId="st-cancelled" />
          </div>
          <p className="mb-6 text-xs text-slate-500" data-testid="st-figures-note">
            {Object.keys(tags).length > 0
              ? `Workers and slots of nodes tagged ${tagsToText(tags)}; job counts are for the whole cluster.`
              : figures.unassignedSlot.value === 0 && (figures.totalSlot.value ?? 0) > 0
                ? 'With dynamic slots the engine reports the slots in use as its total, and none unassigned.'
                : null}
          </p>
        </>
      )}
      <div className="grid gap-6 xl:grid-cols-2">
        <Section
          title="Running now"
          testId="st-running-jobs"
          actions={
            <Link
              to={jobsRoute}
              params={{ clusterId }}
              className="text-xs text-sky-700 hover:underline dark:text-sky-400"
            >
              All jobs
            </Link>
          }
        >
          {running.data === undefined ? (
            running.isPending ? (
              <PageSkeleton rows={3} />
            ) : (
              <QueryError error={running.error} onRetry={() => void running.refetch()} />
            )
          ) : (
            <JobMiniTable clusterId={clusterId} jobs={running.data} empty="No job is running." />
          )}
        </Section>
        <Section title="Ended last" testId="st-finished-jobs">
          {finished.data === undefined ? (
            finished.isPending ? (
              <PageSkeleton rows={3} />
            ) : (
              <QueryError error={finished.error} onRetry={() => void finished.refetch()} />
            )
          ) : (
            <JobMiniTable
              clusterId={clusterId}
              jobs={finished.data.slice(0, 8)}
              empty="No job has ended yet."
              ended
            />
          )}
        </Section>
      </div>
      <Section
        title="Nodes"
        testId="st-nodes-summary"
        actions={
          <Link
            to={nodesRoute}
            params={{ clusterId }}
            className="text-xs text-sky-700 hover:underline dark:text-sky-400"
          >
            Node details
          </Link>
        }
      >
        {monitoring.data === undefined ? (
          monitoring.isPending ? (
            <PageSkeleton rows={2} />
          ) : (
            <QueryError error={monitoring.error} compact />
          )
        ) : (
          <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {monitoring.data.map((r, i) => {
              const n = toNodeHealth(r, i);
              return (
                <div
                  key={n.key}
                  className="flex items-center gap-3 rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm dark:border-slate-800 dark:bg-slate-900"
                >
                  <span className="truncate font-mono text-xs" title={n.key}>
                    {n.key}
                  </span>
                  {n.isMaster ? (
                    <span className="rounded bg-sky-100 px-1 text-[10px] font-semibold text-sky-900 dark:bg-sky-900/60 dark:text-sky-100">
                      MASTER
                    </span>
                  ) : null}
                  <span className="ml-auto text-xs text-slate-500 tabular-nums">
                    heap {formatPercent(n.heapUsedOfMax)} · load {formatPercent(n.loadProcess)}
                  </span>
                </div>
              );
            })}
          </div>
        )}
      </Section>
    </div>
  );
}

function FigureCard({
  label,
  figure,
  testId,
  tone,
  filtered,
}: {
  label: string;
  figure: Figure<number>;
  testId: string;
  tone?: 'good' | 'bad';
  filtered?: boolean;
}) {
  const value = figure.value;
  const hint =
    figure.source === 'missing'
      ? `not reported: ${figure.note ?? ''}`
      : figure.source === 'derived'
        ? figure.note
        : filtered
          ? 'tag filter applied'
          : undefined;
  return (
    <div data-source={figure.source} data-testid={`${testId}-card`}>
      <StatCard
        label={label}
        value={value === null ? '—' : value}
        hint={hint}
        testId={testId}
        {...(tone && value !== null && value > 0
          ? { tone: tone === 'bad' ? ('bad' as const) : ('good' as const) }
          : {})}
      />
    </div>
  );
}

function JobMiniTable({
  clusterId,
  jobs,
  empty,
  ended,
}: {
  clusterId: string;
  jobs: readonly SeaTunnelJob[];
  empty: string;
  ended?: boolean;
}) {
  const zone = useTimeZone();
  const now = useNow(10_000);
  const rows = useMemo(
    () => (ended ? mergeJobs([], jobs, now) : defaultOrder(mergeJobs(jobs, [], now))),
    [jobs, ended, now],
  );
  if (rows.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="w-full table-fixed text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500 dark:bg-slate-800 dark:text-slate-400">
          <tr>
            <th className="px-3 py-1.5 font-medium">Job</th>
            <th className="w-36 px-3 py-1.5 font-medium">State</th>
            {ended ? (
              <th className="w-44 px-3 py-1.5 font-medium">Ended</th>
            ) : (
              <>
                <th className="w-24 px-3 py-1.5 text-right font-medium">Received</th>
                <th className="w-24 px-3 py-1.5 text-right font-medium">Rate</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ job }) => (
            <tr
              key={job.jobId}
              className="border-t border-slate-100 bg-white dark:border-slate-800 dark:bg-slate-900"
            >
              <td className="px-3 py-1.5">
                <div className="flex min-w-0 items-center gap-2">
                  <Link
                    to={jobRoute}
                    params={{ clusterId, jobId: job.jobId }}
                    className="min-w-0 font-medium text-sky-700 hover:underline dark:text-sky-400"
                  >
                    <TruncatedText text={job.jobName || job.jobId} title={`${job.jobName} (${job.jobId})`} />
                  </Link>
                  {!ended && job.jobStatus.toUpperCase() === 'RUNNING' && isSinkStalled(job.metrics) ? (
                    <span
                      className="shrink-0 rounded bg-red-100 px-1 text-[10px] font-semibold text-red-900 dark:bg-red-900/60 dark:text-red-100"
                      data-testid="stalled-mark"
                      title="The source reads but the sink writes nothing"
                    >
                      SINK STALLED
                    </span>
                  ) : null}
                </div>
                <TruncatedText text={job.jobId} className="font-mono text-[11px] text-slate-500" />
              </td>
              <td className="px-3 py-1.5">
                <StateBadge state={job.jobStatus} />
              </td>
              {ended ? (
                <td className="px-3 py-1.5 tabular-nums text-xs">{formatEngineTime(job.finishTime, zone)}</td>
              ) : (
                <>
                  <td className="px-3 py-1.5 text-right">
                    <Count value={job.metrics.sourceReceivedCount} />
                  </td>
                  <td className="px-3 py-1.5 text-right tabular-nums">
                    {formatPerSecond(job.metrics.sourceReceivedQPS)}
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The `tags` search param (the route declares none, so it is read from the location). */
function useTagsParam(): [string, (text: string) => void] {
  const search = useRouteSearch(overviewRoute);
  const navigate = useNavigateSearch(overviewRoute);
  const raw = search.tags;
  const value = typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : '';
  const set = (text: string) => {
    const parsed = parseTags(text);
    const canonical = parsed.ok ? tagsToText(parsed.tags).replace(/, /g, ',') : text;
    navigate((prev) => ({ ...prev, tags: canonical || undefined }), { replace: true });
  };
  return [value, set];
}

function TagFilter({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error: string | null;
}) {
  const [text, setText] = useState(value);
  // Follow the URL when it changes for another reason (back button, a shared link).
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setText(value);
  }
  return (
    <form
      className="flex items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onChange(text);
      }}
    >
      <label className="text-xs text-slate-500" htmlFor="st-tag-filter">
        Node tags
      </label>
      <input
        id="st-tag-filter"
        data-testid="st-tag-filter"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => text !== value && onChange(text)}
        placeholder="zone=eu-1, pool=cdc"
        aria-invalid={error !== null}
        title={error ?? 'Count only workers and slots of nodes with all these tags (Enter applies)'}
        className={`${inputClass} w-56 ${error ? 'border-red-500' : ''}`}
      />
      {error ? <span className="text-xs text-red-600 dark:text-red-400">{error}</span> : null}
    </form>
  );
}
