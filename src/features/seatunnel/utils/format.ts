import type { ExactCount } from '@/api/seatunnel/values';
import { formatBytes, formatCount, formatTimestamp, UNKNOWN, type TimeZoneChoice } from '@/lib/format';

/*
 * SeaTunnel values as people read them. Counts arrive as `ExactCount` (a number when safe, else
 * the exact digits); they are shown exactly (digit grouping on the digits, never via a JS number)
 * and only charts, which draw approximately anyway, turn them into numbers.
 */

const grouping = new Intl.NumberFormat('en');

/** "1,234,567" for any size of count, digit-exact; "—" when the engine sent nothing. */
export function formatExactCount(count: ExactCount | null | undefined): string {
  if (count === null || count === undefined) return UNKNOWN;
  if (typeof count === 'number') return grouping.format(count);
  const negative = count.startsWith('-');
  const digits = negative ? count.slice(1) : count;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return negative ? `-${grouped}` : grouped;
}

/** A number for charts and sorting (may round beyond 2^53, which a chart cannot show anyway). */
export function countToNumber(count: ExactCount | null | undefined): number | null {
  if (count === null || count === undefined) return null;
  const n = typeof count === 'number' ? count : Number(count);
  return Number.isFinite(n) ? n : null;
}

/** Short form: "12.3K"; exact below 10,000. */
export function formatShortCount(count: ExactCount | null | undefined): string {
  const n = countToNumber(count);
  return n === null ? UNKNOWN : formatCount(n);
}

export function formatCountBytes(count: ExactCount | null | undefined): string {
  return formatBytes(countToNumber(count));
}

/** Records or bytes per second, or "—". */
export function formatPerSecond(rate: number | null | undefined, bytes = false): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate) || rate < 0) return UNKNOWN;
  if (bytes && rate < 1024) return `${rate < 10 ? rate.toFixed(1) : Math.round(rate)} B/s`;
  return bytes ? `${formatBytes(rate)}/s` : `${formatCount(rate)}/s`;
}

/** `a - b` on exact counts; null when either is unknown. */
export function countDifference(a: ExactCount | null, b: ExactCount | null): ExactCount | null {
  if (a === null || b === null) return null;
  const d = BigInt(a) - BigInt(b);
  return Number.isSafeInteger(Number(d)) ? Number(d) : d.toString();
}

const ENGINE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,3}))?$/;

/**
 * Engine times ("2026-11-22 08:40:56") carry no zone: the engine prints its JVM's local time.
 * They are read as this browser's local time (the usual case: dashboard and engine in one zone),
 * so they can be shown in the user's chosen zone. Epoch milliseconds (digits) and ISO times with
 * a zone are read as such. Null when empty or unreadable.
 */
export function parseEngineTime(text: string | null | undefined): number | null {
  if (!text) return null;
  const t = text.trim();
  if (/^\d{11,14}$/.test(t)) return Number(t);
  const m = ENGINE_TIME.exec(t);
  if (m) {
    const [, y, mo, d, h, mi, s, ms] = m.map((x) => (x === undefined ? 0 : Number(x)));
    const date = new Date(y ?? 0, (mo ?? 1) - 1, d, h, mi, s, ms);
    return Number.isNaN(date.getTime()) ? null : date.getTime();
  }
  const iso = Date.parse(t);
  return Number.isNaN(iso) ? null : iso;
}

/** An engine time in the user's zone; the engine's own text when it cannot be read. */
export function formatEngineTime(text: string | null | undefined, zone: TimeZoneChoice): string {
  const ms = parseEngineTime(text);
  if (ms === null) return text ? text : UNKNOWN;
  return formatTimestamp(ms, zone);
}

export const ENGINE_TIME_NOTE =
  'The engine reports its local time without a time zone; read here as this browser’s zone.';

// ---- system-monitoring-information values ----------------------------------------------------

const SIZE = /^(-?\d+(?:\.\d+)?)\s*([KMGTPE])?B?$/i;
const UNIT_POWER: Record<string, number> = { K: 1, M: 2, G: 3, T: 4, P: 5, E: 6 };

/** Hazelcast's "23.5G" / "86.3M" / "512" (1024-based) → bytes. */
export function parseSize(text: string | undefined): number | null {
  const m = text === undefined ? null : SIZE.exec(text.trim());
  if (!m) return null;
  const power = m[2] ? (UNIT_POWER[m[2].toUpperCase()] ?? 0) : 0;
  return Number(m[1]) * 1024 ** power;
}

/** "8.41%" → 0.0841. */
export function parsePercent(text: string | undefined): number | null {
  const m = text === undefined ? null : /^(-?\d+(?:\.\d+)?)\s*%$/.exec(text.trim());
  return m ? Number(m[1]) / 100 : null;
}

/** "349ms" (or a bare number of ms) → 349. */
export function parseMillis(text: string | undefined): number | null {
  const m = text === undefined ? null : /^(-?\d+(?:\.\d+)?)\s*(ms)?$/.exec(text.trim());
  return m ? Number(m[1]) : null;
}

export function parsePlainNumber(text: string | undefined): number | null {
  if (text === undefined || !/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text.trim())) return null;
  return Number(text);
}
