import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { InvalidResponseError, isApiError, type ApiError } from '../errors';
import { useClusterInfo } from '../dashboard/clusters';
import type { SeaTunnelFlavour } from './client';
import { seatunnelV1 } from './client-v1';
import { seatunnelV2 } from './client-v2';
import { seatunnelKeys } from './keys';

/** What a cluster's config says: a flavour, or 'auto' (also when it says nothing). */
export type FlavourSetting = SeaTunnelFlavour | 'auto';

/*
 * A cluster's URL points either at the Jetty server (v2, `/overview`) or at the Hazelcast REST
 * port (v1, `/hazelcast/rest/maps/...`). Probing asks v2 first, then v1's overview (2.3.5+), then
 * v1's running-jobs (every engine). A flavour, once found, never changes for a cluster, so
 * answers are kept for the page's lifetime; failures are not kept, so the next call probes again.
 *
 * The real 2.3.8 Hazelcast port hangs up on `GET /overview` (the proxy turns that into a 504),
 * so an outage on the v2 probe is not the end: only when v1 is unreachable too is it an outage.
 */

const detected = new Map<string, Promise<SeaTunnelFlavour>>();

async function probe(clusterId: string): Promise<SeaTunnelFlavour> {
  const attempts: [SeaTunnelFlavour, () => Promise<unknown>][] = [
    ['v2', () => seatunnelV2.getOverview(clusterId)],
    ['v1', () => seatunnelV1.getOverview(clusterId)],
    ['v1', () => seatunnelV1.getRunningJobs(clusterId)],
  ];
  const failures: ApiError[] = [];
  for (const [flavour, attempt] of attempts) {
    try {
      await attempt();
      return flavour;
    } catch (e) {
      if (!isApiError(e)) throw e; // aborted, or a bug
      failures.push(e);
      // v1 unreachable as well: the cluster is down, asking further would only wait longer.
      if (flavour === 'v1' && e.isOutage) break;
    }
  }
  const outage = failures.find((e) => e.isOutage);
  if (outage) throw outage;
  throw new InvalidResponseError(
    'GET /overview',
    '',
    `neither SeaTunnel REST API v2 nor v1 answered (${failures.map((e) => e.message).join('; ')})`,
  );
}

/** The cluster's REST flavour, probing once per cluster when it is configured as 'auto'. */
export function detectFlavour(clusterId: string): Promise<SeaTunnelFlavour> {
  let found = detected.get(clusterId);
  if (!found) {
    found = probe(clusterId);
    detected.set(clusterId, found);
    found.catch(() => detected.delete(clusterId));
  }
  return found;
}

export function resolveFlavour(clusterId: string, setting: FlavourSetting): Promise<SeaTunnelFlavour> {
  return setting === 'auto' ? detectFlavour(clusterId) : Promise.resolve(setting);
}

/** For tests: forget what was detected. */
export function forgetDetectedFlavours() {
  detected.clear();
}

export const flavourQuery = (clusterId: string, setting: FlavourSetting | undefined) =>
  queryOptions({
    queryKey: seatunnelKeys.flavour(clusterId, setting),
    queryFn: setting === undefined ? skipToken : () => resolveFlavour(clusterId, setting),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });

/** The configured flavour of a SeaTunnel cluster, or undefined while the dashboard settings load. */
export function useFlavourSetting(clusterId: string): FlavourSetting | undefined {
  const cluster = useClusterInfo(clusterId);
  return cluster ? (cluster.flavour ?? 'auto') : undefined;
}

/** `data` is 'v1' or 'v2'; an error means neither API answered (or the cluster is down). */
export function useSeaTunnelFlavour(clusterId: string) {
  return useQuery(flavourQuery(clusterId, useFlavourSetting(clusterId)));
}
