import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { parseJsonLossless } from '@/lib/lossless-json';
import { countSchema, countToBigInt, jobIdSchema, rateSchema, smallIntSchema } from './values';

describe('jobIdSchema', () => {
  it('keeps a 64-bit id exact whether it came as a string or a bare number', () => {
    const parsed = parseJsonLossless('{"a":"733584788375666689","b":733584788375666689,"c":42}') as Record<
      string,
      unknown
    >;
    expect(z.parse(jobIdSchema, parsed.a)).toBe('733584788375666689');
    expect(z.parse(jobIdSchema, parsed.b)).toBe('733584788375666689');
    expect(z.parse(jobIdSchema, parsed.c)).toBe('42');
  });
  it('refuses an id that already lost precision, and non-ids', () => {
    expect(jobIdSchema.safeParse(Number('733584788375666689')).error?.issues[0]?.message).toMatch(
      /lost precision/,
    );
    expect(jobIdSchema.safeParse('12a').success).toBe(false);
    expect(jobIdSchema.safeParse(1.5).success).toBe(false);
    expect(jobIdSchema.safeParse(null).success).toBe(false);
  });
});

describe('countSchema', () => {
  it('gives a number when safe and the exact digits beyond 2^53', () => {
    expect(z.parse(countSchema, '10')).toBe(10);
    expect(z.parse(countSchema, 10)).toBe(10);
    expect(z.parse(countSchema, '9007199254740993')).toBe('9007199254740993');
    expect(z.parse(countSchema, '007')).toBe(7);
    expect(z.parse(countSchema, '12.0')).toBe(12);
  });
  it('reads nothing as null and rejects what is not a count', () => {
    expect(z.parse(countSchema, '')).toBeNull();
    expect(z.parse(countSchema, null)).toBeNull();
    expect(countSchema.safeParse('abc').success).toBe(false);
    expect(countSchema.safeParse('1.5').success).toBe(false);
    expect(countSchema.safeParse(true).success).toBe(false);
  });
  it('sums exactly through bigint', () => {
    expect(countToBigInt('9007199254740993') + countToBigInt(1)).toBe(9007199254740994n);
  });
});

describe('rateSchema and smallIntSchema', () => {
  it('read Java-formatted numbers', () => {
    expect(z.parse(rateSchema, '0.5420054200542005')).toBeCloseTo(0.542);
    expect(z.parse(rateSchema, '0.0')).toBe(0);
    expect(z.parse(rateSchema, 'NaN')).toBeNull();
    expect(rateSchema.safeParse('fast').success).toBe(false);
    expect(z.parse(smallIntSchema, '6')).toBe(6);
    expect(smallIntSchema.safeParse('6.5').success).toBe(false);
  });
});
