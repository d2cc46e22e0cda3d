import { useClusterInfo } from '@/api/dashboard/clusters';

/** Says where an archived job comes from and what that means: it never changes and takes no action. */
export function ArchivedBanner({ clusterId }: { clusterId: string }) {
  const name = useClusterInfo(clusterId)?.name ?? clusterId;
  return (
    <div
      role="note"
      className="mb-3 rounded-md border border-violet-300 bg-violet-50 px-4 py-2 text-sm text-violet-950 dark:border-violet-800 dark:bg-violet-950/40 dark:text-violet-100"
      data-testid="archived-banner"
    >
      <span className="font-semibold">Archived job</span>, served by {name}: what the JobManager archived when
      the job ended. It never changes, so it is asked once and not polled, and no action can reach it.
      Metrics, back-pressure and flame graphs are not archived.
    </div>
  );
}
