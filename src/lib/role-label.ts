import type { Role } from './action-roles';

/**
 * What the header says about the user's role. On a cluster's pages: the role there. Elsewhere:
 * the global role, plus where it is higher or lower, so an operator of one cluster is not shown
 * only as a "viewer" on the Activity page.
 */
export function roleLabel(
  me: { role: Role; clusterRoles: Record<string, Role> },
  clusterId: string | undefined,
): { text: string; title: string } {
  if (clusterId) {
    return { text: me.clusterRoles[clusterId] ?? me.role, title: `your role on ${clusterId}` };
  }
  const other = Object.entries(me.clusterRoles).filter(([, r]) => r !== me.role);
  const title = ['your role', ...other.map(([id, r]) => `${r} on ${id}`)].join('; ');
  const [only] = other;
  if (!only) return { text: me.role, title };
  if (other.length === 1) return { text: `${me.role} · ${only[1]} on ${only[0]}`, title };
  return { text: `${me.role} · other roles on ${other.length} clusters`, title };
}
