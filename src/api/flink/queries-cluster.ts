import { queryOptions, useQuery } from '@tanstack/react-query';
import { usePollInterval } from '../polling';
import { clusterApi } from './client-cluster';
import { flinkKeys } from './keys';

/*
 * Query options (reusable by the router, triage and tests) and the hooks pages use.
 * Every hook takes the cluster id first and polls by the shared policy; ids may be undefined
 * while a route loads (the query waits). Areas live in queries-*.ts, re-exported by queries.ts.
 */

export const clusterOverviewQuery = (c: string) =>
  queryOptions({
    queryKey: flinkKeys.overview(c),
    queryFn: ({ signal }) => clusterApi.getOverview(c, { signal }),
  });

export const dataSetsQuery = (c: string) =>
  queryOptions({
    queryKey: flinkKeys.dataSets(c),
    queryFn: ({ signal }) => clusterApi.getDataSets(c, { signal }),
  });

export function useClusterOverview(c: string) {
  return useQuery({ ...clusterOverviewQuery(c), refetchInterval: usePollInterval(c) });
}

export function useDataSets(c: string) {
  return useQuery({ ...dataSetsQuery(c), refetchInterval: usePollInterval(c) });
}
