import { problem } from './common';
import { links } from './links';
import type { ClusterInput, Problem } from './types';

/** The cluster stopped answering (from the real polls, see src/api/connection-status.ts). */
export function clusterUnreachableRule(input: ClusterInput): Problem[] {
  const since = input.connection.disconnectedSince;
  if (since === undefined) return [];
  return [
    problem(input, 'cluster-unreachable', 'cluster', {
      severity: 'critical',
      title: 'Cluster unreachable',
      explanation: input.connection.lastError
        ? `No answer from the cluster: ${input.connection.lastError}`
        : 'No answer from the cluster; the figures shown are from the last successful poll.',
      figure: { label: 'Down for', value: Math.max(0, input.now - since), format: 'duration' },
      href: links.overview(input.cluster.id),
      linkLabel: 'Overview',
      since,
    }),
  ];
}
