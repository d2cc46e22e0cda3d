import { Link } from '@tanstack/react-router';
import { useDashboardSettings, type ClusterInfo } from '@/api/dashboard/clusters';
import { useClusterOverview } from '@/api/flink/queries';
import { useConnectionStatus } from '@/api/connection-status';
import { PageHeader } from '@/components/page-header';
import { QueryError } from '@/components/query-state';
import { PageSkeleton } from '@/components/page-skeleton';
import { formatAgo, formatTimestamp } from '@/lib/format';
import { useTimeZone } from '@/stores/preferences';

/** Every configured cluster at a glance. */
export function ClustersHomePage() {
  const settings = useDashboardSettings();
  if (settings.isPending) return <PageSkeleton />;
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <div>
      <PageHeader title="All clusters" subtitle={`${settings.data.clusters.length} configured`} />
      <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
        {settings.data.clusters.map((c) => (c.kind === 'flink' ? <FlinkClusterCard key={c.id} cluster={c} /> : <ClusterCardFrame key={c.id} cluster={c} />))}
      </div>
    </div>
  );
}

function ClusterCardFrame({ cluster, children }: { cluster: ClusterInfo; children?: React.ReactNode }) {
  const status = useConnectionStatus(cluster.id);
  const zone = useTimeZone();
  return (
    <Link
      to="/clusters/$clusterId/overview"
      params={{ clusterId: cluster.id }}
      data-testid={`cluster-card-${cluster.id}`}
      className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-sky-400 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex items-center gap-2">
        <span className="font-semibold">{cluster.name}</span>
        <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          {cluster.kind === 'flink' ? 'Flink' : 'SeaTunnel'}
        </span>
        <span className="ml-auto text-xs" data-testid="cluster-reachability">
          {status.disconnectedSince ? (
            <span className="text-red-600 dark:text-red-400">unreachable since {formatTimestamp(status.disconnectedSince, zone)}</span>
          ) : status.lastSuccessAt ? (
            <span className="text-emerald-700 dark:text-emerald-400">reachable · {formatAgo(status.lastSuccessAt)}</span>
          ) : null}
        </span>
      </div>
      <div className="mt-3 text-sm">{children}</div>
    </Link>
  );
}

function FlinkClusterCard({ cluster }: { cluster: ClusterInfo }) {
  const overview = useClusterOverview(cluster.id);
  return (
    <ClusterCardFrame cluster={cluster}>
      {overview.data ? (
        <dl className="grid grid-cols-3 gap-2">
          <Figure label="Version" value={overview.data['flink-version']} />
          <Figure label="Task managers" value={overview.data.taskmanagers} />
          <Figure label="Free slots" value={`${overview.data['slots-available']} / ${overview.data['slots-total']}`} />
          <Figure label="Running" value={overview.data['jobs-running']} />
          <Figure label="Failed" value={overview.data['jobs-failed']} />
        </dl>
      ) : overview.isError ? (
        <QueryError error={overview.error} compact />
      ) : (
        <PageSkeleton rows={1} />
      )}
    </ClusterCardFrame>
  );
}

function Figure({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="font-medium">{value}</dd>
    </div>
  );
}
