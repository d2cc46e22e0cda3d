import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import type { QueryClient } from '@tanstack/react-query';
import { dashboardSettingsQuery, isArchiveCluster, useDashboardSettings } from '@/api/dashboard/clusters';
import { PageSkeleton } from '@/components/page-skeleton';
import {
  clusterRoute,
  homeRoute,
  hrefTo,
  jobBackPressureRoute,
  jobCheckpointsRoute,
  jobConfigurationRoute,
  jobExceptionsRoute,
  jobFlameGraphRoute,
  jobManagerRoute,
  jobRoute,
  jobsRoute,
  jobTimelineRoute,
  nodesRoute,
  overviewRoute,
  submitRoute,
  taskManagerRoute,
  taskManagersRoute,
  triageRoute,
  activityRoute,
  useRouteParams,
} from '../router';
import { ByClusterKind } from '../shell/by-cluster-kind';
import { ClusterLayout } from '../shell/cluster-layout';
import { NotFoundPage } from '../shell/not-found-page';
import { RouteErrorBoundary } from '../shell/route-error-boundary';
import { PreloadFlinkJobPage, PreloadFlinkOverview, preloadFlinkJobFromUrl, type CodeLoads } from './preload';

/*
 * Every view has a URL: /clusters/<id>/<view>. Pages are loaded lazily, so a heavy library
 * (graphs, charts, flame graphs) arrives only with the page that draws it. Flink and SeaTunnel
 * clusters share the view names; ByClusterKind picks the right page.
 *
 * The Switch lists every page, so an unknown address anywhere gets the 404 page. Pages of a
 * cluster share their frame (ClusterView), and job tabs the job page: React keeps a frame
 * mounted while only the page inside it changes.
 */

const lazyNamed = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const ClustersHomePage = lazyNamed(() => import('@/features/triage/clusters-home-page'), 'ClustersHomePage');
const TriagePage = lazyNamed(() => import('@/features/triage/triage-page'), 'TriagePage');
const ActivityPage = lazyNamed(() => import('@/features/activity/activity-page'), 'ActivityPage');
const OverviewPage = ByClusterKind({
  flink: lazyNamed(() => import('@/features/overview/cluster-overview-page'), 'ClusterOverviewPage'),
  seatunnel: lazyNamed(() => import('@/features/seatunnel/seatunnel-overview-page'), 'SeaTunnelOverviewPage'),
});
const JobsPage = ByClusterKind({
  flink: lazyNamed(() => import('@/features/jobs/jobs-page'), 'JobsPage'),
  seatunnel: lazyNamed(() => import('@/features/seatunnel/seatunnel-jobs-page'), 'SeaTunnelJobsPage'),
});
const loadFlinkJobPage = () =>
  Promise.all([import('@/features/job/job-layout'), import('@/features/job-actions/job-actions')]);
/** The job page frames its tab (children); a SeaTunnel job has one page and no tabs. */
const JobPage = ByClusterKind({
  // The job feature draws the page; the actions feature supplies its buttons (features stay independent).
  flink: lazy(() =>
    loadFlinkJobPage().then(([layout, actions]) => ({
      default: function FlinkJobPage({ children }: { children?: ReactNode }) {
        return <layout.JobLayout actions={<actions.JobActions />}>{children}</layout.JobLayout>;
      },
    })),
  ),
  seatunnel: lazyNamed(() => import('@/features/seatunnel/seatunnel-job-page'), 'SeaTunnelJobPage'),
});
/** The graph tab is the job page's default: its code and the graph's load with the page's. */
const loadJobGraphTab = () => import('@/features/job-graph/job-graph-tab');
const GRAPH_TAB_CODE: CodeLoads = [loadJobGraphTab, () => import('@/components/graph/dag-graph')];
const NO_CODE: CodeLoads = [];
const JobGraphTab = lazy(loadJobGraphTab);
const JobExceptionsTab = lazy(() => import('@/features/job/job-exceptions-tab'));
const JobTimelineTab = lazy(() => import('@/features/job/job-timeline-tab'));
const JobConfigurationTab = lazy(() => import('@/features/job/job-configuration-tab'));
const JobCheckpointsTab = lazy(() => import('@/features/checkpoints/checkpoints-tab'));
const JobBackPressureTab = lazy(() => import('@/features/backpressure/backpressure-tab'));
const JobFlameGraphTab = lazy(() => import('@/features/flame-graph/flame-graph-tab'));
const TaskManagersPage = lazyNamed(
  () => import('@/features/task-managers/task-managers-page'),
  'TaskManagersPage',
);
const TaskManagerPage = lazyNamed(
  () => import('@/features/task-managers/task-manager-page'),
  'TaskManagerPage',
);
const JobManagerPage = lazyNamed(() => import('@/features/job-manager/job-manager-page'), 'JobManagerPage');
const NodesPage = lazyNamed(() => import('@/features/seatunnel/seatunnel-nodes-page'), 'SeaTunnelNodesPage');
const SubmitPage = ByClusterKind({
  flink: lazyNamed(() => import('@/features/submit/submit-page'), 'SubmitPage'),
  seatunnel: lazyNamed(() => import('@/features/seatunnel/seatunnel-submit-page'), 'SeaTunnelSubmitPage'),
});

/** One view: its own error boundary and a skeleton while its code loads. */
function View({ children }: { children: ReactNode }) {
  return (
    <RouteErrorBoundary>
      <Suspense fallback={<PageSkeleton />}>{children}</Suspense>
    </RouteErrorBoundary>
  );
}

/**
 * A view of one cluster, inside the cluster's frame (checks the cluster exists, outage banner).
 * `preload` sits outside the view's Suspense: React runs no effect of a suspended subtree.
 */
function ClusterView({ children, preload }: { children: ReactNode; preload?: ReactNode }) {
  return (
    <RouteErrorBoundary>
      <ClusterLayout>
        {preload}
        <View>{children}</View>
      </ClusterLayout>
    </RouteErrorBoundary>
  );
}

/** A tab of a job, inside the job page (an element, not a component: the cluster frame stays mounted). */
const jobTab = (tab: ReactNode, code: CodeLoads = NO_CODE) => (
  <ClusterView preload={<PreloadFlinkJobPage code={code} />}>
    <JobPage>
      <View>{tab}</View>
    </JobPage>
  </ClusterView>
);

function RedirectToOverview() {
  const { clusterId } = useRouteParams(clusterRoute);
  // A History Server has no cluster overview: its page is the list of archived jobs.
  const { data: settings } = useDashboardSettings();
  if (!settings) return null;
  const archive = isArchiveCluster(settings, clusterId);
  const to = archive ? hrefTo(jobsRoute, { clusterId }) : hrefTo(overviewRoute, { clusterId });
  return <Redirect replace to={to} />;
}

export function AppRoutes() {
  return (
    <Switch>
      <Route path={homeRoute.path}>
        <View>
          <ClustersHomePage />
        </View>
      </Route>
      <Route path={triageRoute.path}>
        <View>
          <TriagePage />
        </View>
      </Route>
      <Route path={activityRoute.path}>
        <View>
          <ActivityPage />
        </View>
      </Route>
      <Route path={clusterRoute.path}>
        <RedirectToOverview />
      </Route>
      <Route path={overviewRoute.path}>
        <ClusterView preload={<PreloadFlinkOverview />}>
          <OverviewPage />
        </ClusterView>
      </Route>
      <Route path={jobsRoute.path}>
        <ClusterView>
          <JobsPage />
        </ClusterView>
      </Route>
      <Route path={jobRoute.path}>{jobTab(<JobGraphTab />, GRAPH_TAB_CODE)}</Route>
      <Route path={jobExceptionsRoute.path}>{jobTab(<JobExceptionsTab />)}</Route>
      <Route path={jobTimelineRoute.path}>{jobTab(<JobTimelineTab />)}</Route>
      <Route path={jobConfigurationRoute.path}>{jobTab(<JobConfigurationTab />)}</Route>
      <Route path={jobCheckpointsRoute.path}>{jobTab(<JobCheckpointsTab />)}</Route>
      <Route path={jobBackPressureRoute.path}>{jobTab(<JobBackPressureTab />)}</Route>
      <Route path={jobFlameGraphRoute.path}>{jobTab(<JobFlameGraphTab />)}</Route>
      <Route path={taskManagersRoute.path}>
        <ClusterView>
          <TaskManagersPage />
        </ClusterView>
      </Route>
      <Route path={taskManagerRoute.path}>
        <ClusterView>
          <TaskManagerPage />
        </ClusterView>
      </Route>
      <Route path={jobManagerRoute.path}>
        <ClusterView>
          <JobManagerPage />
        </ClusterView>
      </Route>
      <Route path={nodesRoute.path}>
        <ClusterView>
          <NodesPage />
        </ClusterView>
      </Route>
      <Route path={submitRoute.path}>
        <ClusterView>
          <SubmitPage />
        </ClusterView>
      </Route>
      <Route>
        <NotFoundPage />
      </Route>
    </Switch>
  );
}

/** Loads the cluster list before the first render so the shell never flashes "unknown cluster". */
export async function preloadSettings(queryClient: QueryClient) {
  await queryClient.ensureQueryData(dashboardSettingsQuery).catch(() => undefined);
}

/** What a page's URL alone lets start before the cluster list is in (see preload.tsx). */
export function preloadFromUrl(queryClient: QueryClient, pathname: string) {
  preloadFlinkJobFromUrl(queryClient, pathname, { page: [loadFlinkJobPage], defaultTab: GRAPH_TAB_CODE });
}
