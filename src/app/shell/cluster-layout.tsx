import type { ReactNode } from 'react';
import { useDashboardSettings } from '@/api/dashboard/clusters';
import { homeRoute, Link } from '../router';
import { useClusterId } from '@/hooks/use-cluster-id';
import { PageSkeleton } from '@/components/page-skeleton';
import { QueryError } from '@/components/query-state';
import { ConnectionBanner } from './connection-banner';

/** Everything under /clusters/:clusterId: checks the cluster exists, shows its outage banner. */
export function ClusterLayout({ children }: { children: ReactNode }) {
  const clusterId = useClusterId();
  const settings = useDashboardSettings();
  if (settings.isPending) return <PageSkeleton />;
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  const cluster = settings.data.clusters.find((c) => c.id === clusterId);
  if (!cluster) {
    return (
      <div className="mx-auto max-w-xl py-16 text-center">
        <h1 className="text-xl font-semibold">No cluster called “{clusterId}”</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">
          The dashboard only reaches clusters named in its configuration.
        </p>
        <Link to={homeRoute} className="mt-4 inline-block text-sky-700 underline dark:text-sky-400">
          See all clusters
        </Link>
      </div>
    );
  }
  return (
    <>
      <ConnectionBanner clusterId={clusterId} />
      {children}
    </>
  );
}
