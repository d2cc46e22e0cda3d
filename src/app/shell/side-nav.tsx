import { Link } from '@tanstack/react-router';
import { useDashboardSettings, type ClusterInfo } from '@/api/dashboard/clusters';
import { useOptionalClusterId } from '@/hooks/use-cluster-id';

type ClusterView = 'overview' | 'jobs' | 'task-managers' | 'job-manager' | 'submit' | 'nodes';
const FLINK_VIEWS: [ClusterView, string][] = [
  ['overview', 'Overview'],
  ['jobs', 'Jobs'],
  ['task-managers', 'Task Managers'],
  ['job-manager', 'Job Manager'],
  ['submit', 'Submit'],
];
const SEATUNNEL_VIEWS: [ClusterView, string][] = [
  ['overview', 'Overview'],
  ['jobs', 'Jobs'],
  ['nodes', 'Nodes'],
  ['submit', 'Submit'],
];

const itemClass =
  'block rounded px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800';
const activeClass = 'bg-slate-200 font-medium text-slate-950 dark:bg-slate-800 dark:text-white';

function ViewLinks({ cluster, views }: { cluster: ClusterInfo; views: [ClusterView, string][] }) {
  return (
    <>
      {views.map(([view, label]) => (
        <Link
          key={view}
          to={`/clusters/$clusterId/${view}`}
          params={{ clusterId: cluster.id }}
          className={itemClass}
          activeProps={{ className: activeClass }}
        >
          {label}
        </Link>
      ))}
    </>
  );
}

/** Navigation for the current cluster; the other backend is one click away. */
export function SideNav() {
  const { data } = useDashboardSettings();
  const currentId = useOptionalClusterId();
  const clusters = data?.clusters ?? [];
  const current = clusters.find((c) => c.id === currentId);
  const flinkCluster = current?.kind === 'flink' ? current : clusters.find((c) => c.kind === 'flink');
  const seatunnelCluster =
    current?.kind === 'seatunnel' ? current : clusters.find((c) => c.kind === 'seatunnel');
  return (
    <nav
      aria-label="Main"
      className="hidden w-52 shrink-0 border-r border-slate-200 p-3 md:block dark:border-slate-800"
      data-testid="side-nav"
    >
      <Link
        to="/"
        className={itemClass}
        activeProps={{ className: activeClass }}
        activeOptions={{ exact: true }}
      >
        All clusters
      </Link>
      <Link to="/triage" className={itemClass} activeProps={{ className: activeClass }}>
        Triage
      </Link>
      {flinkCluster && current?.kind !== 'seatunnel' ? (
        <div className="mt-4">
          <div className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
            {flinkCluster.name}
          </div>
          <ViewLinks cluster={flinkCluster} views={FLINK_VIEWS} />
        </div>
      ) : null}
      {seatunnelCluster ? (
        <div className="mt-4">
          <div className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
            SeaTunnel
          </div>
          {current?.kind === 'seatunnel' ? (
            <ViewLinks cluster={seatunnelCluster} views={SEATUNNEL_VIEWS} />
          ) : (
            <Link
              to="/clusters/$clusterId/overview"
              params={{ clusterId: seatunnelCluster.id }}
              className={itemClass}
            >
              SeaTunnel
            </Link>
          )}
        </div>
      ) : null}
      {current?.kind === 'seatunnel' && flinkCluster ? (
        <div className="mt-4">
          <Link
            to="/clusters/$clusterId/overview"
            params={{ clusterId: flinkCluster.id }}
            className={itemClass}
          >
            Flink
          </Link>
        </div>
      ) : null}
    </nav>
  );
}
