import { useConnectionStatus } from '@/api/connection-status';
import { formatAgo, formatTimestamp } from '@/lib/format';
import { useNow } from '@/hooks/use-now';
import { useTimeZone } from '@/stores/preferences';

/** Says loudly when the cluster stopped answering; the data below stays visible but is stale. */
export function ConnectionBanner({ clusterId }: { clusterId: string }) {
  const status = useConnectionStatus(clusterId);
  const zone = useTimeZone();
  const now = useNow(1000);
  if (!status.disconnectedSince) return null;
  return (
    <div
      role="alert"
      data-testid="disconnected-banner"
      className="mb-4 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <strong>Disconnected since {formatTimestamp(status.disconnectedSince, zone)}</strong> (
      {formatAgo(status.disconnectedSince, now)}). The figures below are from the last successful poll
      {status.lastSuccessAt ? ` (${formatAgo(status.lastSuccessAt, now)})` : ''} and may be out of date.
      {status.lastError ? (
        <span className="mt-1 block font-mono text-xs opacity-80">{status.lastError}</span>
      ) : null}
    </div>
  );
}
