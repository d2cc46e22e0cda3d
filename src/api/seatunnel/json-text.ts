/**
 * JSON text for request bodies that carry 64-bit job ids. stop-job and stop-jobs need the id as a
 * JSON *number* (stop-jobs casts it to Long, so a string fails), and JSON.stringify cannot write a
 * number beyond 2^53 exactly; so ids stay strings in the app and are written here as bare digits.
 */

/** An integer to be written as a bare JSON number, digits untouched. */
export class JsonInteger {
  constructor(readonly digits: string) {
    if (!/^-?\d+$/.test(digits)) throw new Error(`not an integer: ${digits}`);
  }
}

/** Like JSON.stringify (no toJSON, no replacer), plus `JsonInteger` written as bare digits. */
export function toJsonText(value: unknown): string {
  if (value instanceof JsonInteger) return value.digits;
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('cannot write NaN or Infinity as JSON');
    return JSON.stringify(value);
  }
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : toJsonText(v))).join(',')}]`;
  if (typeof value === 'object') {
    const parts: string[] = [];
    for (const [key, v] of Object.entries(value)) {
      if (v !== undefined) parts.push(`${JSON.stringify(key)}:${toJsonText(v)}`);
    }
    return `{${parts.join(',')}}`;
  }
  throw new Error(`cannot write a ${typeof value} as JSON`);
}
