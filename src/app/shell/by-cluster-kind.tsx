import { Suspense, type ComponentType, type ReactNode } from 'react';
import { useClusterInfo } from '@/api/dashboard/clusters';
import { useClusterId } from '@/hooks/use-cluster-id';
import { PageSkeleton } from '@/components/page-skeleton';

type Page = ComponentType<{ children?: ReactNode }>;

/**
 * One URL, two backends: renders the Flink or the SeaTunnel page of a view by the cluster's kind.
 * Children (a job page's tab) are passed on to the page.
 */
export function ByClusterKind(pages: { flink: Page; seatunnel: Page }) {
  return function ClusterKindPage({ children }: { children?: ReactNode }) {
    const cluster = useClusterInfo(useClusterId());
    if (!cluster) return <PageSkeleton />;
    const Page = pages[cluster.kind];
    return (
      <Suspense fallback={<PageSkeleton />}>
        <Page>{children}</Page>
      </Suspense>
    );
  };
}
