import { describe, expect, it } from 'vitest';
import { JsonInteger, toJsonText } from './json-text';

describe('toJsonText', () => {
  it('writes a 64-bit id as bare digits, everything else as JSON.stringify would', () => {
    const value = {
      jobId: new JsonInteger('733584788375666689'),
      isStopWithSavePoint: false,
      note: 'a"b',
      skip: undefined,
    };
    expect(toJsonText(value)).toBe('{"jobId":733584788375666689,"isStopWithSavePoint":false,"note":"a\\"b"}');
    expect(toJsonText([{ n: 1.5, x: null, l: [1, 'two'] }])).toBe(
      JSON.stringify([{ n: 1.5, x: null, l: [1, 'two'] }]),
    );
  });
  it('refuses what is not an integer or not JSON', () => {
    expect(() => new JsonInteger('7e3')).toThrow();
    expect(() => toJsonText({ n: Number.NaN })).toThrow();
    expect(() => toJsonText({ f: () => 1 })).toThrow();
  });
});
