import { Suspense, type ComponentType } from 'react';
import { useClusterInfo } from '@/api/dashboard/clusters';
import { useClusterId } from '@/hooks/use-cluster-id';
import { PageSkeleton } from '@/components/page-skeleton';

/** One URL, two backends: renders the Flink or the SeaTunnel page of a view by the cluster's kind. */
export function ByClusterKind(pages: { flink: ComponentType; seatunnel: ComponentType }) {
  return function ClusterKindPage() {
    const cluster = useClusterInfo(useClusterId());
    if (!cluster) return <PageSkeleton />;
    const Page = pages[cluster.kind];
    return (
      <Suspense fallback={<PageSkeleton />}>
        <Page />
      </Suspense>
    );
  };
}
