import { queryOptions, useQuery } from '@tanstack/react-query';
import { usePollInterval } from '../polling';
import { flink } from './client';
import type { JarPlanRequest } from './client';
import { flinkKeys } from './keys';

export const jarsQuery = (c: string) =>
  queryOptions({ queryKey: flinkKeys.jarsList(c), queryFn: ({ signal }) => flink.getJars(c, { signal }) });

/** The plan a jar would run with: runs main() on the job manager, so it is cached until the inputs change. */
export const jarPlanQuery = (c: string, jarId: string, body: JarPlanRequest = {}) =>
  queryOptions({
    queryKey: flinkKeys.jarPlan(c, jarId, body),
    queryFn: ({ signal }) => flink.planJar(c, jarId, body, { signal }),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

/**
 * Polled like the rest of the cluster: teammates upload and delete jars too, and a refresh that
 * failed right after our own upload must not leave the list without the new jar.
 */
export function useJars(c: string) {
  return useQuery({ ...jarsQuery(c), refetchInterval: usePollInterval(c) });
}

export function useJarPlan(c: string, jarId: string | undefined, body: JarPlanRequest = {}) {
  return useQuery({ ...jarPlanQuery(c, jarId ?? '', body), enabled: !!jarId });
}
