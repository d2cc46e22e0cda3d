import { describe, expect, it } from 'vitest';
import { formatTimestamp } from './format';

describe('formatTimestamp', () => {
  it('writes year-month-day hours:minutes:seconds on a 24-hour clock, naming UTC', () => {
    expect(formatTimestamp(1795337424957, 'UTC')).toBe('2026-11-22 08:50:24 UTC');
    expect(formatTimestamp(1767225599999, 'UTC')).toBe('2025-12-31 23:59:59 UTC');
    expect(formatTimestamp(1767225600000, 'UTC')).toBe('2026-01-01 00:00:00 UTC');
  });

  it('writes the local zone without a zone name (the suite runs with TZ unset or set)', () => {
    const ms = 1711846800000;
    const d = new Date(ms);
    const two = (n: number) => String(n).padStart(2, '0');
    const local = `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
    expect(formatTimestamp(ms, 'local')).toBe(local);
    expect(formatTimestamp(ms)).toBe(local);
  });

  it('shows a dash for no time: 0, not a number, and beyond what a Date holds (Long.MAX_VALUE as a double is further still)', () => {
    for (const ms of [0, NaN, null, undefined, Number.MAX_SAFE_INTEGER])
      expect(formatTimestamp(ms, 'UTC')).toBe('—');
  });

  it('keeps each zone apart when both are used in turn (one cached formatter per zone)', () => {
    const ms = 1795337424957;
    const utc = formatTimestamp(ms, 'UTC');
    formatTimestamp(ms, 'local');
    expect(formatTimestamp(ms, 'UTC')).toBe(utc);
  });
});
