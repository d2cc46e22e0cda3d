import { describe, expect, it } from 'vitest';
import { parseSearch, stringifySearch } from './search-params';

// The format links shared before the router change were written in; they must still open the same view.
describe('search params', () => {
  it('reads numbers and booleans as such, anything else as text', () => {
    expect(parseSearch('?subtask=3&desc=true&vertex=0a448493b4782967&q=')).toEqual({
      subtask: 3,
      desc: true,
      vertex: '0a448493b4782967',
      q: '',
    });
  });

  it('keeps a 64-bit id exact: written quoted, read back as the same text', () => {
    const url = stringifySearch({ q: '1176804500431175681' });
    expect(url).toBe('?q=%221176804500431175681%22');
    expect(parseSearch(url)).toEqual({ q: '1176804500431175681' });
  });

  it('writes text that reads as JSON quoted, plain text as is', () => {
    expect(stringifySearch({ a: 'true', b: 'null', c: 'RUNNING,FAILED', d: 'x y' })).toBe(
      '?a=%22true%22&b=%22null%22&c=RUNNING%2CFAILED&d=x+y',
    );
  });

  it('leaves undefined values out and gives no "?" without params', () => {
    expect(stringifySearch({ vertex: undefined, subtask: 0 })).toBe('?subtask=0');
    expect(stringifySearch({ vertex: undefined })).toBe('');
  });

  it('reads what it writes', () => {
    const search = { q: '50%', n: 1.5, on: false, list: [1, 2], text: '[not json' };
    expect(parseSearch(stringifySearch(search))).toEqual(search);
  });

  it('treats Infinity and a key named __proto__ as text and a plain key', () => {
    const parsed = parseSearch('?n=Infinity&__proto__=x');
    expect(parsed.n).toBe('Infinity');
    expect(Object.keys(parsed)).toEqual(['n', '__proto__']);
  });
});
