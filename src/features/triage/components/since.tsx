import { Abbr } from '@/components/exact-value';
import { formatDuration, formatTimestamp } from '@/lib/format';
import { useTimeZone } from '@/stores/preferences';
import type { Problem } from '../rules/types';

/**
 * How long the problem has held: "for 12 m 3 s" when the cluster's data dates it, "seen for 2 s"
 * when only this dashboard's watching does (the condition may be older). Start time on hover.
 */
export function Since({
  since,
  basis,
  now,
}: {
  since: number | undefined;
  basis: Problem['sinceBasis'];
  now: number;
}) {
  const zone = useTimeZone();
  if (since === undefined || !Number.isFinite(since)) return <span className="text-slate-400">—</span>;
  const seen = basis === 'seen';
  const at = formatTimestamp(since, zone);
  return (
    <Abbr
      title={
        seen
          ? `First seen by this dashboard at ${at}; the cluster's data does not tell when it began, so it may be older`
          : `Since ${at}, from the cluster's data`
      }
      className="whitespace-nowrap tabular-nums"
    >
      <span data-testid="problem-since" data-basis={seen ? 'seen' : 'data'}>
        {seen ? 'seen for' : 'for'} {formatDuration(Math.max(0, now - since))}
      </span>
    </Abbr>
  );
}
