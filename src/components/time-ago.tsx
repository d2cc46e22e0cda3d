import { useNow } from '@/hooks/use-now';
import { formatAgo } from '@/lib/format';

/** "5 s ago", counting on the shared clock: only this text re-renders every second. */
export function TimeAgo({ at }: { at: number | undefined }) {
  const now = useNow();
  return <>{formatAgo(at, now)}</>;
}
