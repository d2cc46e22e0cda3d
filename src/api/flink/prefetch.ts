import type { QueryClient } from '@tanstack/react-query';
import { clusterOverviewQuery, flinkConfigQuery } from './queries-cluster';
import { jobDetailsQuery, jobsOverviewQuery } from './queries-jobs';

/*
 * A page's first requests, started when its route is entered while the page's code is still
 * loading, instead of after the page rendered: that waterfall was most of a page's load time.
 * The routes import this module lazily, so it costs the first page nothing.
 */

export function prefetchClusterOverview(queryClient: QueryClient, c: string) {
  void queryClient.prefetchQuery(flinkConfigQuery(c));
  void queryClient.prefetchQuery(clusterOverviewQuery(c));
  void queryClient.prefetchQuery(jobsOverviewQuery(c));
}

export function prefetchJobPage(queryClient: QueryClient, c: string, jobId: string) {
  void queryClient.prefetchQuery(flinkConfigQuery(c));
  void queryClient.prefetchQuery(jobDetailsQuery(c, jobId));
}
