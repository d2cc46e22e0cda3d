/** Formatting for what users read: sizes, durations, rates, times. Unknown values become "—". */

export const UNKNOWN = '—';

/** Flink says "unknown" with -1 or by leaving a field out; NaN and Infinity are not values either. */
export function isKnown(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0;
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

export function formatBytes(n: number | null | undefined): string {
  if (!isKnown(n)) return UNKNOWN;
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2)} ${BYTE_UNITS[unit]}`;
}

/** 3 d 4 h, 2 h 5 m, 4 m 3 s, 1.2 s, 35 ms */
export function formatDuration(ms: number | null | undefined): string {
  if (!isKnown(ms)) return UNKNOWN;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} m`;
  return `${m} m ${sec} s`;
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const exact = new Intl.NumberFormat('en');

export function formatCount(n: number | null | undefined): string {
  if (!isKnown(n)) return UNKNOWN;
  return n < 10_000 ? exact.format(Math.round(n * 100) / 100) : compact.format(n);
}

export function formatExact(n: number | null | undefined): string {
  return isKnown(n) ? exact.format(n) : UNKNOWN;
}

export function formatRate(perSecond: number | null | undefined, unit = '/s'): string {
  if (!isKnown(perSecond)) return UNKNOWN;
  return `${formatCount(perSecond)}${unit}`;
}

export function formatPercent(ratio: number | null | undefined, digits = 0): string {
  if (!isKnown(ratio)) return UNKNOWN;
  return `${(ratio * 100).toFixed(digits)} %`;
}

export type TimeZoneChoice = 'local' | 'UTC';

const MAX_DATE_MS = 8.64e15;

/*
 * One formatter per zone: building an Intl.DateTimeFormat costs 20 µs to several ms on a busy
 * machine, and tables and chart data format hundreds of timestamps per render.
 */
const timestampFormats = new Map<TimeZoneChoice, Intl.DateTimeFormat>();

function timestampFormat(zone: TimeZoneChoice): Intl.DateTimeFormat {
  let f = timestampFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      ...(zone === 'UTC' ? { timeZone: 'UTC' } : {}),
    });
    timestampFormats.set(zone, f);
  }
  return f;
}

/** 2026-11-22 08:31:16 in the chosen zone; the zone name is added for UTC so nobody misreads it. */
export function formatTimestamp(ms: number | null | undefined, zone: TimeZoneChoice = 'local'): string {
  // Beyond ±8.64e15 ms a Date is invalid and formatting it throws (Long.MAX_VALUE means "never").
  if (!isKnown(ms) || ms === 0 || ms > MAX_DATE_MS) return UNKNOWN;
  const p: Record<string, string> = {};
  for (const part of timestampFormat(zone).formatToParts(new Date(ms))) p[part.type] = part.value;
  const text = `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
  return zone === 'UTC' ? `${text} UTC` : text;
}

/** ISO 8601 for `dateTime` and `title` attributes; undefined when the value is no date. */
export function isoTimestamp(ms: number | null | undefined): string | undefined {
  return isKnown(ms) && ms <= MAX_DATE_MS ? new Date(ms).toISOString() : undefined;
}

/** "5 s ago", "3 m ago" — for freshness labels. */
export function formatAgo(ms: number | undefined, now = Date.now()): string {
  if (ms === undefined) return 'never';
  const diff = Math.max(0, now - ms);
  if (diff < 1500) return 'just now';
  return `${formatDuration(diff).replace(/\.\d/, '')} ago`;
}
