import { describe, expect, it } from 'vitest';
import { parseJsonLossless } from './lossless-json';

describe('lossless JSON', () => {
  it('keeps a 64-bit SeaTunnel job id exact', () => {
    const parsed = parseJsonLossless('{"jobId":733584788375666689,"n":12}') as { jobId: string; n: number };
    expect(parsed.jobId).toBe('733584788375666689');
    expect(parsed.n).toBe(12);
  });
  it('leaves numbers inside strings, decimals and safe integers alone', () => {
    const parsed = parseJsonLossless(
      '{"a":"x 733584788375666689 \\" 1","b":1.5e3,"c":-9007199254740991,"d":[12345678901234567890]}',
    );
    expect(parsed).toEqual({
      a: 'x 733584788375666689 " 1',
      b: 1500,
      c: -9007199254740991,
      d: ['12345678901234567890'],
    });
  });
});
