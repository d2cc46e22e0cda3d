import { Abbr } from '@/components/exact-value';
import { formatDuration, formatTimestamp } from '@/lib/format';
import { useTimeZone } from '@/stores/preferences';

/** "for 12 m 3 s" with the start time (in the chosen zone) on hover. */
export function Since({ since, now }: { since: number | undefined; now: number }) {
  const zone = useTimeZone();
  if (since === undefined || !Number.isFinite(since)) return <span className="text-slate-400">—</span>;
  return (
    <Abbr title={`Since ${formatTimestamp(since, zone)}`} className="whitespace-nowrap tabular-nums">
      <span data-testid="problem-since">for {formatDuration(Math.max(0, now - since))}</span>
    </Abbr>
  );
}
