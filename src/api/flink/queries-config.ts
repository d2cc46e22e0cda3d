import { queryOptions, useQuery } from '@tanstack/react-query';
import { getFlinkConfig } from './client-config';
import { flinkKeys } from './keys';

/*
 * The cluster's web UI config, in a file of its own: the shell's polling policy (refresh
 * interval) imports it on the first page, which must not pull in the other endpoints' schemas.
 */

export const flinkConfigQuery = (c: string) =>
  queryOptions({
    queryKey: flinkKeys.config(c),
    queryFn: ({ signal }) => getFlinkConfig(c, { signal }),
    staleTime: 5 * 60_000,
  });

export function useFlinkConfig(c: string) {
  return useQuery(flinkConfigQuery(c));
}
