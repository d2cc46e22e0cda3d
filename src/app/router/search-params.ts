/*
 * The URL format of search params, kept from the first router (TanStack Router's default) so that
 * links shared before the switch still open the same view: each value is JSON when it reads as
 * JSON (`?subtask=3` is a number, `?desc=true` a boolean), and a string that would read as JSON
 * is written quoted (`?q=%22123%22` stays the string "123", not a number).
 */
import type { RawSearch } from '../search';

// A value can be JSON only if it starts like JSON; anything else is a plain string.
const JSON_START = /^(?:\s|["[{\d-]|fa|nu|tr)/;

const coerce = (text: string): unknown =>
  text === '' ? '' : text === 'true' ? true : text === 'false' ? false : numberOrText(text);

const numberOrText = (text: string): unknown => {
  const n = Number(text);
  return Number.isFinite(n) && String(n) === text ? n : text;
};

function fromJson(value: unknown): unknown {
  if (typeof value !== 'string' || !JSON_START.test(value)) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** `?a=1&b=x` → `{ a: 1, b: 'x' }`; a repeated key gives an array. */
export function parseSearch(searchStr: string): RawSearch {
  const out = Object.create(null) as RawSearch; // no prototype: `?__proto__=` is just a key
  for (const [key, text] of new URLSearchParams(searchStr)) {
    const value = fromJson(coerce(text));
    const before = out[key];
    out[key] = before === undefined ? value : Array.isArray(before) ? [...before, value] : [before, value];
  }
  return out;
}

function toText(value: unknown): string {
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'string' && fromJson(value) !== value) return JSON.stringify(value);
  return String(value);
}

/** `{ a: 1, b: undefined }` → `?a=1`; no params → ''. */
export function stringifySearch(search: RawSearch): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) if (value !== undefined) params.set(key, toText(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
