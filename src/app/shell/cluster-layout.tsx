import type { ReactNode } from 'react';
import { useDashboardSettings, type ClusterInfo } from '@/api/dashboard/clusters';
import { homeRoute, Link } from '../router';
import { ClusterHomeLink } from './cluster-home-link';
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
  if (!cluster) return <UnknownCluster clusterId={clusterId} configured={settings.data.clusters} />;
  return (
    <>
      <ConnectionBanner clusterId={clusterId} />
      {children}
    </>
  );
}

/** An id in the URL that names no configured cluster: say so and offer the ones there are. */
function UnknownCluster({
  clusterId,
  configured,
}: {
  clusterId: string;
  configured: readonly ClusterInfo[];
}) {
  return (
    <div className="mx-auto max-w-xl py-16 text-center" data-testid="unknown-cluster">
      <h1 className="text-xl font-semibold break-words">No cluster named “{clusterId}”</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        The dashboard only reaches clusters named in its configuration
        {configured.length ? '. Configured:' : ', and none is configured.'}
      </p>
      {configured.length ? (
        <ul className="mt-3 space-y-1" aria-label="Configured clusters">
          {configured.map((c) => (
            <li key={c.id}>
              <ClusterHomeLink cluster={c} className="text-sky-700 underline dark:text-sky-400">
                {c.name}
              </ClusterHomeLink>{' '}
              <span className="font-mono text-xs text-slate-500">
                {c.id} · {c.kind === 'flink' ? (c.archive ? 'Flink History Server' : 'Flink') : 'SeaTunnel'}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <Link to={homeRoute} className="mt-4 inline-block text-sky-700 underline dark:text-sky-400">
        See all clusters
      </Link>
    </div>
  );
}
