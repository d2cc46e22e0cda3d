import { useDashboardSettings, type ClusterInfo } from '@/api/dashboard/clusters';
import { useOptionalClusterId } from '@/hooks/use-cluster-id';
import {
  homeRoute,
  jobManagerRoute,
  jobsRoute,
  Link,
  nodesRoute,
  overviewRoute,
  submitRoute,
  taskManagersRoute,
  triageRoute,
  activityRoute,
  type AppRoute,
} from '../router';

type ClusterView = [AppRoute<`/clusters/:clusterId/${string}`, unknown>, string];
const FLINK_VIEWS: ClusterView[] = [
  [overviewRoute, 'Overview'],
  [jobsRoute, 'Jobs'],
  [taskManagersRoute, 'Task Managers'],
  [jobManagerRoute, 'Job Manager'],
  [submitRoute, 'Submit'],
];
/** A History Server serves archived jobs only (no overview, task managers or job manager). */
const ARCHIVE_VIEWS: ClusterView[] = [[jobsRoute, 'Archived jobs']];
const SEATUNNEL_VIEWS: ClusterView[] = [
  [overviewRoute, 'Overview'],
  [jobsRoute, 'Jobs'],
  [nodesRoute, 'Nodes'],
  [submitRoute, 'Submit'],
];

const itemClass =
  'block rounded px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800';
const activeClass = 'bg-slate-200 font-medium text-slate-950 dark:bg-slate-800 dark:text-white';

function ViewLinks({ cluster, views }: { cluster: ClusterInfo; views: ClusterView[] }) {
  return (
    <>
      {views.map(([route, label]) => (
        <Link
          key={route.path}
          to={route}
          params={{ clusterId: cluster.id }}
          className={itemClass}
          activeClassName={activeClass}
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
      <Link to={homeRoute} className={itemClass} activeClassName={activeClass} exact>
        All clusters
      </Link>
      <Link to={triageRoute} className={itemClass} activeClassName={activeClass}>
        Triage
      </Link>
      <Link to={activityRoute} className={itemClass} activeClassName={activeClass} data-testid="nav-activity">
        Activity
      </Link>
      {flinkCluster && current?.kind !== 'seatunnel' ? (
        <div className="mt-4">
          <div className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
            {flinkCluster.name}
          </div>
          <ViewLinks cluster={flinkCluster} views={flinkCluster.archive ? ARCHIVE_VIEWS : FLINK_VIEWS} />
          {flinkCluster.historyClusterId ? (
            <Link
              to={jobsRoute}
              params={{ clusterId: flinkCluster.historyClusterId }}
              className={itemClass}
              data-testid="nav-history"
            >
              History Server
            </Link>
          ) : null}
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
            <Link to={overviewRoute} params={{ clusterId: seatunnelCluster.id }} className={itemClass}>
              SeaTunnel
            </Link>
          )}
        </div>
      ) : null}
      {current?.kind === 'seatunnel' && flinkCluster ? (
        <div className="mt-4">
          <Link to={overviewRoute} params={{ clusterId: flinkCluster.id }} className={itemClass}>
            Flink
          </Link>
        </div>
      ) : null}
    </nav>
  );
}
