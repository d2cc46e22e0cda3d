import { useDashboardSettings, type ClusterInfo } from '@/api/dashboard/clusters';
import { useOptionalClusterId } from '@/hooks/use-cluster-id';
import { TruncatedText } from '@/components/truncated-text';
import { ClusterHomeLink } from './cluster-home-link';
import { sideNavModel } from './side-nav-model';
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

const KIND_LABEL = { flink: 'Flink', seatunnel: 'SeaTunnel' } as const;
const headingClass = 'px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-500';

/** Navigation for the current cluster; every other configured cluster one click away, by name. */
export function SideNav() {
  const { data } = useDashboardSettings();
  const currentId = useOptionalClusterId();
  const { expanded, others } = sideNavModel(data?.clusters ?? [], currentId);
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
      {expanded ? (
        <div className="mt-4" data-testid="nav-current-cluster">
          <div className={`${headingClass} truncate`} title={expanded.name}>
            {expanded.name}
          </div>
          <ViewLinks
            cluster={expanded}
            views={
              expanded.kind === 'seatunnel' ? SEATUNNEL_VIEWS : expanded.archive ? ARCHIVE_VIEWS : FLINK_VIEWS
            }
          />
          {expanded.historyClusterId ? (
            <Link
              to={jobsRoute}
              params={{ clusterId: expanded.historyClusterId }}
              className={itemClass}
              data-testid="nav-history"
            >
              History Server
            </Link>
          ) : null}
        </div>
      ) : null}
      {others.map((group) => (
        <div className="mt-4" key={group.kind} data-testid={`nav-other-${group.kind}`}>
          <div className={headingClass}>{KIND_LABEL[group.kind]}</div>
          {group.clusters.map((c) => (
            <ClusterHomeLink key={c.id} cluster={c} className={`${itemClass} min-w-0`}>
              {/* names of one product often differ only at the end ("… 2.3.13 v2" / "… v1"): keep it */}
              <TruncatedText text={c.name} keepEnd={8} />
            </ClusterHomeLink>
          ))}
        </div>
      ))}
    </nav>
  );
}
