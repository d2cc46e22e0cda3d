import { queryOptions, useQuery } from '@tanstack/react-query';
import { usePollInterval } from '../polling';
import { flink } from './client';
import { flinkKeys } from './keys';

/*
 * Query options (reusable by the router, triage and tests) and the hooks pages use.
 * Every hook takes the cluster id first and polls by the shared policy.
 */

export const flinkConfigQuery = (c: string) =>
  queryOptions({
    queryKey: flinkKeys.config(c),
    queryFn: ({ signal }) => flink.getConfig(c, { signal }),
    staleTime: 5 * 60_000,
  });

export const clusterOverviewQuery = (c: string) =>
  queryOptions({
    queryKey: flinkKeys.overview(c),
    queryFn: ({ signal }) => flink.getOverview(c, { signal }),
  });

export const jobsOverviewQuery = (c: string) =>
  queryOptions({
    queryKey: flinkKeys.jobsOverview(c),
    queryFn: ({ signal }) => flink.getJobsOverview(c, { signal }),
  });

export function useFlinkConfig(c: string) {
  return useQuery(flinkConfigQuery(c));
}

export function useClusterOverview(c: string) {
  return useQuery({ ...clusterOverviewQuery(c), refetchInterval: usePollInterval(c) });
}

export function useJobsOverview(c: string) {
  return useQuery({ ...jobsOverviewQuery(c), refetchInterval: usePollInterval(c) });
}
