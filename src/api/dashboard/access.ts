import { SIGN_OUT_PATH } from '@/lib/sign-out';
import type * as z from 'zod/mini';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Role } from '@/lib/action-roles';
import { requestWithLazySchema } from '../http';
import type { auditEntrySchema, meSchema } from './access-schema';

export type Me = z.infer<typeof meSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export interface AuditFilter {
  cluster?: string | undefined;
  job?: string | undefined;
  user?: string | undefined;
  limit?: number | undefined;
}

export const accessKeys = {
  me: ['dashboard', 'me'] as const,
  audit: (f: AuditFilter) => ['dashboard', 'audit', f] as const,
};

export const meQuery = queryOptions({
  queryKey: accessKeys.me,
  // The header asks on every page: the schema loads alongside the answer, keeping zod off the first page.
  queryFn: ({ signal }) =>
    requestWithLazySchema({ base: '/api', path: '/me', signal }, () =>
      import('./access-schema').then((m) => m.meSchema),
    ),
  staleTime: 5 * 60_000,
});

export function useMe() {
  return useQuery(meQuery);
}

/** The user's role on a cluster; undefined until the server said (it enforces roles either way). */
export function useClusterRole(clusterId: string): Role | undefined {
  const me = useMe().data;
  return me ? (me.clusterRoles[clusterId] ?? me.role) : undefined;
}

export function auditQuery(filter: AuditFilter) {
  return queryOptions({
    queryKey: accessKeys.audit(filter),
    queryFn: ({ signal }) =>
      requestWithLazySchema(
        {
          base: '/api',
          path: '/audit',
          query: { cluster: filter.cluster, job: filter.job, user: filter.user, limit: filter.limit },
          signal,
        },
        () => import('./access-schema').then((m) => m.auditSchema),
      ).then((r) => r.entries),
  });
}

export function useAuditEntries(filter: AuditFilter, refetchInterval = 5000) {
  return useQuery({ ...auditQuery(filter), refetchInterval });
}

export function signOut(): void {
  window.location.assign(SIGN_OUT_PATH);
}
