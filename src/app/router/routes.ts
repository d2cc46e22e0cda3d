/*
 * Every view's URL pattern and the search params it accepts. Pages, links and the route table
 * (routes/route-tree.tsx) all name a route by these objects, so a typo is a type error and each
 * page reads typed, validated search params. Components are not imported here: a page can import
 * its route without pulling in the others.
 */
import { compact, optBoolean, optNumber, optString, type RawSearch } from '../search';

export interface AppRoute<TPath extends string = string, TSearch = RawSearch> {
  path: TPath;
  /** Reads the URL's params into what the page expects; anything unexpected is dropped. */
  validateSearch: (raw: RawSearch) => TSearch;
}

const anySearch = (raw: RawSearch) => raw;

function route<TPath extends string>(path: TPath): AppRoute<TPath>;
function route<TPath extends string, TSearch>(
  path: TPath,
  validateSearch: (raw: RawSearch) => TSearch,
): AppRoute<TPath, TSearch>;
function route(path: string, validateSearch: (raw: RawSearch) => unknown = anySearch) {
  return { path, validateSearch };
}

export interface JobsSearch {
  q?: string | undefined;
  state?: string | undefined;
  sort?: string | undefined;
  desc?: boolean | undefined;
}

export interface JobSearch {
  /** Selected vertex (Flink) or pipeline vertex (SeaTunnel). */
  vertex?: string | undefined;
  /** Tab inside the vertex panel. */
  panel?: string | undefined;
  subtask?: number | undefined;
  checkpoint?: number | undefined;
  focus?: string | undefined;
}

export interface ListSearch {
  q?: string | undefined;
  sort?: string | undefined;
  desc?: boolean | undefined;
}

export interface DetailTabSearch {
  tab?: string | undefined;
  file?: string | undefined;
}

const jobsSearch = (s: RawSearch): JobsSearch =>
  compact({
    q: optString(s.q),
    state: optString(s.state),
    sort: optString(s.sort),
    desc: optBoolean(s.desc),
  });

const jobSearch = (s: RawSearch): JobSearch =>
  compact({
    vertex: optString(s.vertex),
    panel: optString(s.panel),
    subtask: optNumber(s.subtask),
    checkpoint: optNumber(s.checkpoint),
    focus: optString(s.focus),
  });

const listSearch = (s: RawSearch): ListSearch =>
  compact({ q: optString(s.q), sort: optString(s.sort), desc: optBoolean(s.desc) });

const detailTabSearch = (s: RawSearch): DetailTabSearch =>
  compact({ tab: optString(s.tab), file: optString(s.file) });

export const homeRoute = route('/');
export const triageRoute = route('/triage');

export interface ActivitySearch {
  cluster?: string | undefined;
  job?: string | undefined;
  user?: string | undefined;
}
const activitySearch = (s: RawSearch): ActivitySearch =>
  compact({ cluster: optString(s.cluster), job: optString(s.job), user: optString(s.user) });
/** The audit trail: every action taken (or refused) through the dashboard. */
export const activityRoute = route('/activity', activitySearch);
/** Only redirects to the overview; also the prefix every cluster view shares. */
export const clusterRoute = route('/clusters/:clusterId');
export const overviewRoute = route('/clusters/:clusterId/overview');
export const jobsRoute = route('/clusters/:clusterId/jobs', jobsSearch);
/** The job page; its tabs share its search params (a selected vertex survives a tab switch). */
export const jobRoute = route('/clusters/:clusterId/jobs/:jobId', jobSearch);
export const jobExceptionsRoute = route('/clusters/:clusterId/jobs/:jobId/exceptions', jobSearch);
export const jobTimelineRoute = route('/clusters/:clusterId/jobs/:jobId/timeline', jobSearch);
export const jobConfigurationRoute = route('/clusters/:clusterId/jobs/:jobId/configuration', jobSearch);
export const jobCheckpointsRoute = route('/clusters/:clusterId/jobs/:jobId/checkpoints', jobSearch);
export const jobBackPressureRoute = route('/clusters/:clusterId/jobs/:jobId/backpressure', jobSearch);
export const jobFlameGraphRoute = route('/clusters/:clusterId/jobs/:jobId/flamegraph', jobSearch);
export const taskManagersRoute = route('/clusters/:clusterId/task-managers', listSearch);
export const taskManagerRoute = route('/clusters/:clusterId/task-managers/:taskManagerId', detailTabSearch);
export const jobManagerRoute = route('/clusters/:clusterId/job-manager', detailTabSearch);
export const nodesRoute = route('/clusters/:clusterId/nodes');
export const submitRoute = route('/clusters/:clusterId/submit');
