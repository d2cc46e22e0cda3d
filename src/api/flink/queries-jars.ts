import { queryOptions, useQuery } from '@tanstack/react-query';
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

/** Not polled: the list changes rarely; focus refetches and our own mutations invalidate it. */
export function useJars(c: string) {
  return useQuery(jarsQuery(c));
}

export function useJarPlan(c: string, jarId: string | undefined, body: JarPlanRequest = {}) {
  return useQuery({ ...jarPlanQuery(c, jarId ?? '', body), enabled: !!jarId });
}
