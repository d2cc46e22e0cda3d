import { queryOptions, useQuery } from '@tanstack/react-query';
import { usePollInterval } from '../polling';
import { flink } from './client';
import { flinkKeys } from './keys';

/*
 * Query options (reusable by the router, triage and tests) and the hooks pages use.
 * Every hook takes the cluster id first and polls by the shared policy; ids may be undefined
 * while a route loads (the query waits). Areas live in queries-*.ts, re-exported here.
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

export const dataSetsQuery = (c: string) =>
  queryOptions({
    queryKey: flinkKeys.dataSets(c),
    queryFn: ({ signal }) => flink.getDataSets(c, { signal }),
  });

export function useFlinkConfig(c: string) {
  return useQuery(flinkConfigQuery(c));
}

export function useClusterOverview(c: string) {
  return useQuery({ ...clusterOverviewQuery(c), refetchInterval: usePollInterval(c) });
}

export function useDataSets(c: string) {
  return useQuery({ ...dataSetsQuery(c), refetchInterval: usePollInterval(c) });
}

export * from './queries-jobs';
export * from './queries-checkpoints';
export * from './queries-vertices';
export * from './queries-taskmanagers';
export * from './queries-jobmanager';
export * from './queries-jars';
export * from './operations';
