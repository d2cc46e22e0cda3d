import type { ClusterInfo } from '@/api/dashboard/clusters';

type Nav = Pick<ClusterInfo, 'id' | 'name' | 'kind' | 'archive' | 'historyClusterId'>;

export interface SideNavModel<C extends Nav> {
  /** The cluster whose views are listed: the current one, else the first Flink cluster. */
  expanded: C | undefined;
  /** Every other configured cluster, one entry each, Flink first then SeaTunnel (config order). */
  others: { kind: ClusterInfo['kind']; clusters: C[] }[];
}

/**
 * What the side navigation lists: the views of one cluster, and every other cluster by its name
 * (two SeaTunnel clusters are two entries). A History Server linked from the expanded cluster is
 * reached by its own link there, so it is not listed again.
 */
export function sideNavModel<C extends Nav>(
  clusters: readonly C[],
  currentId: string | undefined,
): SideNavModel<C> {
  const expanded = clusters.find((c) => c.id === currentId) ?? clusters.find((c) => c.kind === 'flink');
  const rest = clusters.filter((c) => c !== expanded && c.id !== expanded?.historyClusterId);
  const others = (['flink', 'seatunnel'] as const)
    .map((kind) => ({ kind, clusters: rest.filter((c) => c.kind === kind) }))
    .filter((g) => g.clusters.length > 0);
  return { expanded, others };
}
