import type { ReactNode } from 'react';
import type { ClusterInfo } from '@/api/dashboard/clusters';
import { jobsRoute, Link, overviewRoute } from '../router';

/** A cluster's first page: its overview, or its archived jobs for a History Server (it has no overview). */
export function ClusterHomeLink({
  cluster,
  className,
  children,
}: {
  cluster: Pick<ClusterInfo, 'id' | 'archive' | 'name'>;
  className: string;
  children: ReactNode;
}) {
  const common = {
    params: { clusterId: cluster.id },
    className,
    title: cluster.name,
    'data-cluster': cluster.id,
  };
  return cluster.archive ? (
    <Link to={jobsRoute} {...common}>
      {children}
    </Link>
  ) : (
    <Link to={overviewRoute} {...common}>
      {children}
    </Link>
  );
}
