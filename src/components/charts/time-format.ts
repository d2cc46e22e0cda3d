/** Time-axis labels in the user's chosen zone: finer for short spans, with the date for long ones. */
import type { TimeZoneChoice } from '@/lib/format';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: TimeZoneChoice, parts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(parts)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      hourCycle: 'h23',
      ...parts,
      ...(zone === 'UTC' ? { timeZone: 'UTC' } : {}),
    });
    cache.set(key, f);
  }
  return f;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

export function timeTickFormatter(zone: TimeZoneChoice, spanMs: number): (t: number) => string {
  const opts: Intl.DateTimeFormatOptions =
    spanMs > 2 * DAY
      ? { month: 'short', day: 'numeric' }
      : spanMs > DAY / 2
        ? { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }
        : spanMs > 15 * MINUTE
          ? { hour: '2-digit', minute: '2-digit' }
          : { hour: '2-digit', minute: '2-digit', second: '2-digit' };
  const f = formatter(zone, opts);
  return (t) => f.format(t);
}
