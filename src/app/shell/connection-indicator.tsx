import { useConnectionStatus } from '@/api/connection-status';
import { formatAgo, formatTimestamp } from '@/lib/format';
import { useNow } from '@/hooks/use-now';
import { useTimeZone } from '@/stores/preferences';

/** A dot and a label: when the cluster last answered, or since when it is silent. */
export function ConnectionIndicator({ clusterId }: { clusterId: string }) {
  const status = useConnectionStatus(clusterId);
  const now = useNow(1000);
  const zone = useTimeZone();
  const down = Boolean(status.disconnectedSince);
  const label = down
    ? `disconnected since ${formatTimestamp(status.disconnectedSince, zone)}`
    : status.lastSuccessAt
      ? `updated ${formatAgo(status.lastSuccessAt, now)}`
      : 'connecting…';
  return (
    <span
      data-testid="connection-status"
      data-state={down ? 'down' : status.lastSuccessAt ? 'up' : 'pending'}
      title={
        status.lastSuccessAt
          ? `Last successful poll: ${formatTimestamp(status.lastSuccessAt, zone)}`
          : undefined
      }
      className="hidden items-center gap-1.5 text-xs text-slate-600 md:flex dark:text-slate-400"
    >
      <span
        className={`h-2 w-2 rounded-full ${down ? 'bg-red-500' : status.lastSuccessAt ? 'bg-emerald-500' : 'bg-slate-400'}`}
      />
      {label}
    </span>
  );
}
