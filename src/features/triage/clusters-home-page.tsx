import { Link, overviewRoute, triageRoute } from '@/app/router';
import { useDashboardSettings, type ClusterInfo } from '@/api/dashboard/clusters';
import { useConnectionStatus } from '@/api/connection-status';
import { useClusterOverview } from '@/api/flink/queries-cluster';
import { useSeaTunnelOverview } from '@/api/seatunnel/queries';
import { Abbr, ExactValue } from '@/components/exact-value';
import { PageHeader } from '@/components/page-header';
import { PageSkeleton } from '@/components/page-skeleton';
import { QueryError } from '@/components/query-state';
import { useNow } from '@/hooks/use-now';
import { formatAgo, formatDuration, formatTimestamp, UNKNOWN } from '@/lib/format';
import { useTimeZone } from '@/stores/preferences';
import { AppLink } from './components/app-link';
import { SeverityChip } from './components/severity';
import { SEVERITIES, type Problem } from './rules/types';
import { useTriage, type ClusterTriage } from './store/triage-store';

/** Every configured cluster at a glance: reachable, its size and jobs, and the worst problem found. */
export function ClustersHomePage() {
  const settings = useDashboardSettings();
  const triage = useTriage();
  if (settings.isPending) return <PageSkeleton />;
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  const clusters = settings.data.clusters.filter((c) => c.monitored);
  const unwatched = settings.data.clusters.filter((c) => !c.monitored);
  const counts = SEVERITIES.map(
    (s) => [s, triage.problems.filter((p) => p.severity === s).length] as const,
  ).filter(([, n]) => n > 0);
  return (
    <div>
      <PageHeader
        title="All clusters"
        subtitle={
          <span data-testid="home-summary">
            {clusters.length} configured ·{' '}
            {triage.problems.length === 0 ? (
              'no problems found'
            ) : (
              <Link to={triageRoute} className="text-sky-700 hover:underline dark:text-sky-400">
                {counts.map(([s, n]) => `${n} ${s}`).join(', ')}
              </Link>
            )}
          </span>
        }
      />
      <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
        {clusters.map((c) => (
          <ClusterCard
            key={c.id}
            cluster={c}
            triage={triage.byCluster[c.id]}
            problems={triage.problems.filter((p) => p.clusterId === c.id)}
          />
        ))}
      </div>
      {unwatched.length > 0 ? (
        <p className="mt-4 text-sm text-slate-500" data-testid="unwatched-clusters">
          Not watched by triage (<code className="font-mono">monitor: false</code> in the config):{' '}
          {unwatched.map((c, i) => (
            <span key={c.id}>
              {i > 0 ? ', ' : ''}
              <Link
                to={overviewRoute}
                params={{ clusterId: c.id }}
                className="text-sky-700 hover:underline dark:text-sky-400"
              >
                {c.name}
              </Link>
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}

function ClusterCard({
  cluster,
  triage,
  problems,
}: {
  cluster: ClusterInfo;
  triage: ClusterTriage | undefined;
  problems: Problem[];
}) {
  return (
    <section
      data-testid={`cluster-card-${cluster.id}`}
      aria-label={cluster.name}
      className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex items-center gap-2">
        <Link
          to={overviewRoute}
          params={{ clusterId: cluster.id }}
          className="truncate font-semibold hover:text-sky-700 hover:underline dark:hover:text-sky-400"
          data-testid="cluster-card-link"
          title={cluster.name}
        >
          {cluster.name}
        </Link>
        <span className="shrink-0 rounded bg-slate-100 px-1.5 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          {cluster.kind === 'flink' ? 'Flink' : 'SeaTunnel'}
        </span>
      </div>
      <Reachability clusterId={cluster.id} />
      <div className="mt-3 text-sm">
        {cluster.kind === 'flink' ? (
          <FlinkFigures cluster={cluster} />
        ) : (
          <SeaTunnelFigures cluster={cluster} />
        )}
      </div>
      <div className="mt-3 border-t border-slate-100 pt-3 dark:border-slate-800">
        <Health cluster={cluster} triage={triage} problems={problems} />
      </div>
    </section>
  );
}

function Reachability({ clusterId }: { clusterId: string }) {
  const status = useConnectionStatus(clusterId);
  const zone = useTimeZone();
  const now = useNow(1000);
  return (
    <span
      className="mt-0.5 block text-xs"
      data-testid="cluster-reachability"
      data-state={status.disconnectedSince ? 'down' : status.lastSuccessAt ? 'up' : 'pending'}
    >
      {status.disconnectedSince ? (
        <Abbr title={status.lastError ?? 'No answer'} className="text-red-700 dark:text-red-400">
          <span aria-hidden>● </span>unreachable since {formatTimestamp(status.disconnectedSince, zone)} (
          {formatDuration(now - status.disconnectedSince)})
        </Abbr>
      ) : status.lastSuccessAt ? (
        <Abbr
          title={`Last answer ${formatTimestamp(status.lastSuccessAt, zone)}`}
          className="text-emerald-700 dark:text-emerald-400"
        >
          <span aria-hidden>● </span>reachable · {formatAgo(status.lastSuccessAt, now)}
        </Abbr>
      ) : (
        <span className="text-slate-500">connecting…</span>
      )}
    </span>
  );
}

function Figure({ label, value, testId }: { label: string; value: React.ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="font-medium tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

const grid = 'grid grid-cols-3 gap-x-2 gap-y-2';

function FlinkFigures({ cluster }: { cluster: ClusterInfo }) {
  const overview = useClusterOverview(cluster.id);
  if (!overview.data)
    return overview.isError ? <QueryError error={overview.error} compact /> : <PageSkeleton rows={1} />;
  const o = overview.data;
  return (
    <dl className={grid}>
      <Figure label="Version" value={o['flink-version']} testId="figure-version" />
      <Figure label="Task managers" value={<ExactValue value={o.taskmanagers} />} testId="figure-workers" />
      <Figure
        label="Free slots"
        value={
          <span
            className={
              o['slots-available'] === 0 && o['slots-total'] > 0 ? 'text-amber-700 dark:text-amber-400' : ''
            }
          >
            {o['slots-available']} / {o['slots-total']}
          </span>
        }
        testId="figure-slots"
      />
      <Figure label="Running jobs" value={<ExactValue value={o['jobs-running']} />} testId="figure-running" />
      <Figure
        label="Failed jobs"
        value={
          <ExactValue
            value={o['jobs-failed']}
            className={o['jobs-failed'] > 0 ? 'text-red-700 dark:text-red-400' : ''}
          />
        }
        testId="figure-failed"
      />
    </dl>
  );
}

function SeaTunnelFigures({ cluster }: { cluster: ClusterInfo }) {
  const overview = useSeaTunnelOverview(cluster.id);
  if (!overview.data)
    return overview.isError ? <QueryError error={overview.error} compact /> : <PageSkeleton rows={1} />;
  const o = overview.data;
  return (
    <dl className={grid}>
      <Figure label="Version" value={o.projectVersion} testId="figure-version" />
      <Figure label="Workers" value={o.workers ?? UNKNOWN} testId="figure-workers" />
      <Figure label="Free slots" value={`${o.unassignedSlot} / ${o.totalSlot}`} testId="figure-slots" />
      <Figure label="Running jobs" value={<ExactValue value={o.runningJobs} />} testId="figure-running" />
      <Figure
        label="Failed jobs"
        value={
          <ExactValue
            value={o.failedJobs}
            className={o.failedJobs > 0 ? 'text-red-700 dark:text-red-400' : ''}
          />
        }
        testId="figure-failed"
      />
    </dl>
  );
}

function Health({
  cluster,
  triage,
  problems,
}: {
  cluster: ClusterInfo;
  triage: ClusterTriage | undefined;
  problems: Problem[];
}) {
  if (!triage) return <p className="text-sm text-slate-500">Checking for problems…</p>;
  const [worst] = problems;
  if (!worst) {
    return (
      <p className="text-sm text-emerald-700 dark:text-emerald-400" data-testid="cluster-healthy">
        <span aria-hidden>✓ </span>No problems found
      </p>
    );
  }
  return (
    <div data-testid="worst-problem" data-rule={worst.rule} data-severity={worst.severity}>
      <div className="flex items-start gap-2">
        <SeverityChip severity={worst.severity} />
        <AppLink
          href={worst.href}
          className="min-w-0 text-sm font-medium hover:text-sky-700 hover:underline dark:hover:text-sky-400"
          testId="worst-problem-link"
        >
          {worst.title}
          {worst.jobName ? (
            <span className="font-normal text-slate-600 dark:text-slate-400"> · {worst.jobName}</span>
          ) : null}
        </AppLink>
      </div>
      <p className="mt-1 line-clamp-2 text-xs text-slate-600 dark:text-slate-400" title={worst.explanation}>
        {worst.explanation}
      </p>
      {problems.length > 1 ? (
        <AppLink
          href={`/triage?cluster=${encodeURIComponent(cluster.id)}`}
          className="mt-1 inline-block text-xs text-sky-700 hover:underline dark:text-sky-400"
          testId="more-problems"
        >
          {problems.length - 1} more problem{problems.length === 2 ? '' : 's'} →
        </AppLink>
      ) : null}
    </div>
  );
}
