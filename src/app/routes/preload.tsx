import { useMemo } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useClusterInfo } from '@/api/dashboard/clusters';
import { base } from '@/api/flink/client-shared';
import { DEFAULT_TIMEOUT_MS, sendEarly } from '@/api/http';
import { clusterRoute, jobRoute, useRouteParams } from '../router';

/** Code a view will ask for once it renders (a tab, the graph it draws). */
export type CodeLoads = readonly (() => Promise<unknown>)[];

/*
 * Without these, a Flink page loads in steps, each waiting for the one before: the page's code,
 * then its tab's code, then the data, then the graph's code. The job page took twice as long as
 * Flink's own dashboard to show its graph. These start all of it at once when the route is
 * entered. (The modules they load are the ones the pages load anyway.)
 *
 * They start while rendering (useMemo, keyed by the page), before the page's own code is asked
 * for: the browser opens six connections per server, and the data's request must not queue behind
 * thirty chunks. Starting twice is harmless: imports are cached, ensureQueryData asks only for
 * what is not cached yet.
 */

function useIsFlink(clusterId: string): boolean {
  return useClusterInfo(clusterId)?.kind === 'flink';
}

export function PreloadFlinkOverview() {
  const { clusterId } = useRouteParams(clusterRoute);
  const queryClient = useQueryClient();
  const isFlink = useIsFlink(clusterId);
  useMemo(() => {
    if (isFlink)
      void import('@/api/flink/prefetch').then((m) => m.prefetchClusterOverview(queryClient, clusterId));
  }, [isFlink, queryClient, clusterId]);
  return null;
}

export function PreloadFlinkJobPage({ code }: { code: CodeLoads }) {
  const { clusterId, jobId } = useRouteParams(jobRoute);
  const queryClient = useQueryClient();
  const isFlink = useIsFlink(clusterId);
  useMemo(() => {
    if (isFlink) startJobPage(queryClient, clusterId, jobId, code);
  }, [isFlink, queryClient, clusterId, jobId, code]);
  return null;
}

/** A Flink job page's first answers and its code, all at once. */
function startJobPage(queryClient: QueryClient, clusterId: string, jobId: string, code: CodeLoads) {
  void import('@/api/flink/prefetch').then((m) => m.prefetchJobPage(queryClient, clusterId, jobId));
  for (const load of code) void load();
}

/** A Flink job's URL: its id is 32 hex digits (SeaTunnel's are numbers), with or without a tab. */
const FLINK_JOB_URL = /^\/clusters\/([^/]+)\/jobs\/([0-9a-f]{32})(\/[^/]+)?\/?$/;

/**
 * Called before the first render, while the cluster list is still on its way: a Flink job's URL
 * alone is enough to start the job's data, the page's code, and the graph's when the graph tab
 * (the default) is asked for. This takes the cluster list off the job page's critical path. The
 * data goes on the wire first, so it does not wait for a connection behind the code.
 */
export function preloadFlinkJobFromUrl(
  queryClient: QueryClient,
  pathname: string,
  code: { page: CodeLoads; defaultTab: CodeLoads },
) {
  const m = FLINK_JOB_URL.exec(pathname);
  if (!m?.[1] || !m[2]) return;
  const clusterId = decodeURIComponent(m[1]);
  const jobId = m[2];
  sendEarly(`${base(clusterId)}/config`, DEFAULT_TIMEOUT_MS);
  sendEarly(`${base(clusterId)}/jobs/${jobId}`, DEFAULT_TIMEOUT_MS);
  startJobPage(queryClient, clusterId, jobId, m[3] ? code.page : [...code.page, ...code.defaultTab]);
}
