import type { QueryClient } from '@tanstack/react-query';
import { clusterOverviewQuery } from './queries-cluster';
import { flinkConfigQuery } from './queries-config';
import { jobDetailsQuery, jobsOverviewQuery } from './queries-jobs';

/*
 * A page's first requests, started when its route is entered while the page's code is still
 * loading, instead of after the page rendered: that waterfall was most of a page's load time.
 * The routes import this module lazily, so it costs the first page nothing. Only what is not cached
 * yet is asked for: a route entered again leaves the page's own polling in charge.
 */
const quietly = (p: Promise<unknown>) => void p.catch(() => undefined); // the page shows the error

export function prefetchClusterOverview(queryClient: QueryClient, c: string) {
  quietly(queryClient.ensureQueryData(flinkConfigQuery(c)));
  quietly(queryClient.ensureQueryData(clusterOverviewQuery(c)));
  quietly(queryClient.ensureQueryData(jobsOverviewQuery(c)));
}

export function prefetchJobPage(queryClient: QueryClient, c: string, jobId: string) {
  quietly(queryClient.ensureQueryData(flinkConfigQuery(c)));
  quietly(queryClient.ensureQueryData(jobDetailsQuery(c, jobId)));
}
