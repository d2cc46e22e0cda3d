import { describe, expect, it } from 'vitest';
import { JsonNumber, JsonObject, obj, parseJson, stringifyJson } from './json-text.ts';

describe('lossless JSON', () => {
  it('keeps 64-bit numbers as their digits through parse and print', () => {
    const text = '{"jobId":733584788375666689,"ids":[881432421482889220,-1,1.5e3]}';
    const parsed = parseJson(text);
    expect(parsed).toBeInstanceOf(JsonObject);
    expect((parsed as JsonObject).get('jobId')).toEqual(new JsonNumber('733584788375666689'));
    expect(stringifyJson(parsed)).toBe(text);
  });

  it('keeps key order, including integer-like keys JS objects would hoist', () => {
    const o = obj([
      ['b', 1],
      ['2', 'x'],
      ['1', null],
    ]);
    expect(stringifyJson(o)).toBe('{"b":1,"2":"x","1":null}');
  });

  it('rejects malformed input', () => {
    for (const bad of ['{', '{"a":}', '[1,]', '{"a":1} x', "{'a':1}", '01']) {
      expect(() => parseJson(bad), bad).toThrow();
    }
  });
});
