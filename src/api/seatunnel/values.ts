import * as z from 'zod/mini';

/*
 * Scalar conventions for SeaTunnel answers, decided once here.
 *
 * SeaTunnel sends almost every number as a JSON string ("10", "0.54") and job ids as 64-bit
 * integers, sometimes as strings and sometimes as bare numbers. Every request therefore uses
 * `responseType: 'json-lossless'`, which turns integers beyond 2^53 into strings before JSON.parse
 * can round them; the schemas below then pick one representation per kind of value:
 *
 * - Job id → `string` of decimal digits, always. Never goes through a JS number.
 * - Count (records, bytes) → `ExactCount`: a JS number when it is a safe integer, otherwise the
 *   exact decimal digits as a string. Compare and add with `countToBigInt`.
 * - Rate (QPS, bytes/s) → `number`: a measurement, so float precision is fine.
 * - Small integer (slots, workers, job counters) → `number`.
 * - Missing / empty ("") → `null` for counts and rates, which the UI shows as "—".
 */

const DIGITS = /^-?\d+$/;
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** An exact integer: a number when it is safe, else its canonical decimal digits. */
export type ExactCount = number | string;

function canonicalDigits(text: string): string {
  const negative = text.startsWith('-');
  const body = (negative ? text.slice(1) : text).replace(/^0+(?=\d)/, '');
  return negative && body !== '0' ? `-${body}` : body;
}

/** Exact integer from a digit string: a number when safe, else the digits themselves. */
export function exactInteger(digits: string): ExactCount {
  const canonical = canonicalDigits(digits);
  const n = Number(canonical);
  return Number.isSafeInteger(n) ? n : canonical;
}

/** For sums and comparisons without losing digits. */
export function countToBigInt(count: ExactCount): bigint {
  return BigInt(count);
}

/** A 64-bit job id; numbers are only accepted when they are still exact (json-lossless keeps big ones as strings). */
export const jobIdSchema = z.pipe(
  z.unknown(),
  z.transform((value, ctx): string => {
    if (typeof value === 'string' && /^\d+$/.test(value)) return canonicalDigits(value);
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
    const message =
      typeof value === 'number' && Number.isInteger(value)
        ? 'job id lost precision (request it with responseType json-lossless)'
        : `expected a job id (digits), got ${describe(value)}`;
    ctx.issues.push({ code: 'custom', message, input: value });
    return z.NEVER;
  }),
);

/** Records or bytes: exact integer, `null` when the engine sends nothing. */
export const countSchema = z.pipe(
  z.unknown(),
  z.transform((value, ctx): ExactCount | null => {
    if (value === null || value === undefined || value === '') return null;
    if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
    if (typeof value === 'string' && DIGITS.test(value.trim())) return exactInteger(value.trim());
    // Some engines print whole counts as "12.0"; a fraction would not be a count.
    if (typeof value === 'string' && /^-?\d+\.0+$/.test(value.trim()))
      return exactInteger(value.trim().split('.')[0] ?? '');
    ctx.issues.push({
      code: 'custom',
      message: `expected an integer count, got ${describe(value)}`,
      input: value,
    });
    return z.NEVER;
  }),
);

/** Per-second rates and other measurements: a float, `null` when the engine sends nothing. */
export const rateSchema = z.pipe(
  z.unknown(),
  z.transform((value, ctx): number | null => {
    if (value === null || value === undefined || value === '') return null;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && DECIMAL.test(value.trim())) return Number(value);
    // Java prints Double.NaN / Infinity when a rate has no time base yet.
    if (typeof value === 'string' && /^-?(NaN|Infinity)$/.test(value.trim())) return null;
    ctx.issues.push({ code: 'custom', message: `expected a number, got ${describe(value)}`, input: value });
    return z.NEVER;
  }),
);

/** Slots, workers, job counters: always small, so a plain number. */
export const smallIntSchema = z.pipe(
  z.unknown(),
  z.transform((value, ctx): number => {
    const n = typeof value === 'string' && DIGITS.test(value.trim()) ? Number(value) : value;
    if (typeof n === 'number' && Number.isSafeInteger(n)) return n;
    ctx.issues.push({ code: 'custom', message: `expected an integer, got ${describe(value)}`, input: value });
    return z.NEVER;
  }),
);

/** Java's `Boolean.toString` or a real boolean (system monitoring sends "true"). */
export const boolishSchema = z.pipe(
  z.unknown(),
  z.transform((value, ctx): boolean => {
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    ctx.issues.push({ code: 'custom', message: `expected a boolean, got ${describe(value)}`, input: value });
    return z.NEVER;
  }),
);

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
