import { lazy } from 'react';
import {
  createRootRouteWithContext,
  createRoute,
  lazyRouteComponent,
  redirect,
} from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { AppShell } from '../shell/app-shell';
import { NotFoundPage } from '../shell/not-found-page';
import { RouteErrorPage } from '../shell/route-error-page';
import { ClusterLayout } from '../shell/cluster-layout';
import { ByClusterKind } from '../shell/by-cluster-kind';
import { dashboardSettingsQuery } from '@/api/dashboard/clusters';
import { compact, optBoolean, optNumber, optString, type RawSearch } from '../search';

/*
 * Every view has a URL: /clusters/<id>/<view>. Pages are loaded lazily with their route, so a
 * heavy library (graphs, charts, flame graphs) arrives only with the page that draws it.
 * Flink and SeaTunnel clusters share the view names; ByClusterKind picks the right page.
 */

export const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: AppShell,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteErrorPage,
});

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: lazyRouteComponent(() => import('@/features/triage/clusters-home-page'), 'ClustersHomePage'),
});

const triageRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'triage',
  component: lazyRouteComponent(() => import('@/features/triage/triage-page'), 'TriagePage'),
});

export const clusterRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'clusters/$clusterId',
  component: ClusterLayout,
  errorComponent: RouteErrorPage,
});

const clusterIndexRoute = createRoute({
  getParentRoute: () => clusterRoute,
  path: '/',
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/clusters/$clusterId/overview', params });
  },
});

const overviewRoute = createRoute({
  getParentRoute: () => clusterRoute,
  path: 'overview',
  errorComponent: RouteErrorPage,
  component: ByClusterKind({
    flink: lazy(() =>
      import('@/features/overview/cluster-overview-page').then((m) => ({ default: m.ClusterOverviewPage })),
    ),
    seatunnel: lazy(() =>
      import('@/features/seatunnel/seatunnel-overview-page').then((m) => ({
        default: m.SeaTunnelOverviewPage,
      })),
    ),
  }),
});

export interface JobsSearch {
  q?: string | undefined;
  state?: string | undefined;
  sort?: string | undefined;
  desc?: boolean | undefined;
}

const jobsRoute = createRoute({
  getParentRoute: () => clusterRoute,
  path: 'jobs',
  errorComponent: RouteErrorPage,
  validateSearch: (s: RawSearch): JobsSearch =>
    compact({
      q: optString(s.q),
      state: optString(s.state),
      sort: optString(s.sort),
      desc: optBoolean(s.desc),
    }),
  component: ByClusterKind({
    flink: lazy(() => import('@/features/jobs/jobs-page').then((m) => ({ default: m.JobsPage }))),
    seatunnel: lazy(() =>
      import('@/features/seatunnel/seatunnel-jobs-page').then((m) => ({ default: m.SeaTunnelJobsPage })),
    ),
  }),
});

export interface JobSearch {
  /** Selected vertex (Flink) or pipeline vertex (SeaTunnel). */
  vertex?: string | undefined;
  /** Tab inside the vertex panel. */
  panel?: string | undefined;
  subtask?: number | undefined;
  checkpoint?: number | undefined;
  focus?: string | undefined;
}

export const jobRoute = createRoute({
  getParentRoute: () => clusterRoute,
  path: 'jobs/$jobId',
  errorComponent: RouteErrorPage,
  validateSearch: (s: RawSearch): JobSearch =>
    compact({
      vertex: optString(s.vertex),
      panel: optString(s.panel),
      subtask: optNumber(s.subtask),
      checkpoint: optNumber(s.checkpoint),
      focus: optString(s.focus),
    }),
  component: ByClusterKind({
    // The job feature draws the page; the actions feature supplies its buttons (features stay independent).
    flink: lazy(() =>
      Promise.all([import('@/features/job/job-layout'), import('@/features/job-actions/job-actions')]).then(
        ([layout, actions]) => ({
          default: function FlinkJobPage() {
            return <layout.JobLayout actions={<actions.JobActions />} />;
          },
        }),
      ),
    ),
    seatunnel: lazy(() =>
      import('@/features/seatunnel/seatunnel-job-page').then((m) => ({ default: m.SeaTunnelJobPage })),
    ),
  }),
});

const jobTab = <TPath extends string>(path: TPath, load: () => Promise<{ default: React.ComponentType }>) =>
  createRoute({
    getParentRoute: () => jobRoute,
    path,
    errorComponent: RouteErrorPage,
    component: lazyRouteComponent(load),
  });

const jobGraphRoute = jobTab('/', () => import('@/features/job-graph/job-graph-tab'));
const jobExceptionsRoute = jobTab('exceptions', () => import('@/features/job/job-exceptions-tab'));
const jobTimelineRoute = jobTab('timeline', () => import('@/features/job/job-timeline-tab'));
const jobConfigurationRoute = jobTab('configuration', () => import('@/features/job/job-configuration-tab'));
const jobCheckpointsRoute = jobTab('checkpoints', () => import('@/features/checkpoints/checkpoints-tab'));
const jobBackPressureRoute = jobTab('backpressure', () => import('@/features/backpressure/backpressure-tab'));
const jobFlameGraphRoute = jobTab('flamegraph', () => import('@/features/flame-graph/flame-graph-tab'));

const taskManagersRoute = createRoute({
  getParentRoute: () => clusterRoute,
  path: 'task-managers',
  errorComponent: RouteErrorPage,
  validateSearch: (s: RawSearch): JobsSearch =>
    compact({ q: optString(s.q), sort: optString(s.sort), desc: optBoolean(s.desc) }),
  component: lazyRouteComponent(
    () => import('@/features/task-managers/task-managers-page'),
    'TaskManagersPage',
  ),
});

export interface DetailTabSearch {
  tab?: string | undefined;
  file?: string | undefined;
}
const detailTabSearch = (s: RawSearch): DetailTabSearch =>
  compact({ tab: optString(s.tab), file: optString(s.file) });

const taskManagerRoute = createRoute({
  getParentRoute: () => clusterRoute,
  path: 'task-managers/$taskManagerId',
  errorComponent: RouteErrorPage,
  validateSearch: detailTabSearch,
  component: lazyRouteComponent(
    () => import('@/features/task-managers/task-manager-page'),
    'TaskManagerPage',
  ),
});

const jobManagerRoute = createRoute({
  getParentRoute: () => clusterRoute,
  path: 'job-manager',
  errorComponent: RouteErrorPage,
  validateSearch: detailTabSearch,
  component: lazyRouteComponent(() => import('@/features/job-manager/job-manager-page'), 'JobManagerPage'),
});

const nodesRoute = createRoute({
  getParentRoute: () => clusterRoute,
  path: 'nodes',
  errorComponent: RouteErrorPage,
  component: lazyRouteComponent(
    () => import('@/features/seatunnel/seatunnel-nodes-page'),
    'SeaTunnelNodesPage',
  ),
});

const submitRoute = createRoute({
  getParentRoute: () => clusterRoute,
  path: 'submit',
  errorComponent: RouteErrorPage,
  component: ByClusterKind({
    flink: lazy(() => import('@/features/submit/submit-page').then((m) => ({ default: m.SubmitPage }))),
    seatunnel: lazy(() =>
      import('@/features/seatunnel/seatunnel-submit-page').then((m) => ({ default: m.SeaTunnelSubmitPage })),
    ),
  }),
});

export const routeTree = rootRoute.addChildren([
  homeRoute,
  triageRoute,
  clusterRoute.addChildren([
    clusterIndexRoute,
    overviewRoute,
    jobsRoute,
    jobRoute.addChildren([
      jobGraphRoute,
      jobExceptionsRoute,
      jobTimelineRoute,
      jobConfigurationRoute,
      jobCheckpointsRoute,
      jobBackPressureRoute,
      jobFlameGraphRoute,
    ]),
    taskManagersRoute,
    taskManagerRoute,
    jobManagerRoute,
    nodesRoute,
    submitRoute,
  ]),
]);

/** Loads the cluster list before the first render so the shell never flashes "unknown cluster". */
export async function preloadSettings(queryClient: QueryClient) {
  await queryClient.ensureQueryData(dashboardSettingsQuery).catch(() => undefined);
}
