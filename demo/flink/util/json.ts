// Flink serialises with Jackson, which writes non-finite doubles as the strings "NaN",
// "Infinity" and "-Infinity" (JSON.stringify would write null), and 64-bit longs exactly
// (a JS number cannot hold Long.MAX_VALUE): RawNumber carries such digits through.

export class RawNumber {
  constructor(readonly digits: string) {}

  toJSON(): string {
    return `\u0000RAW${this.digits}\u0000`;
  }
}

/** Long.MAX_VALUE, e.g. the checkpoint interval of a job without checkpointing. */
export const LONG_MAX = new RawNumber('9223372036854775807');

const RAW = /"\\u0000RAW(-?\d+)\\u0000"/g;

export function toJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) {
      if (Number.isNaN(v)) return 'NaN';
      return v > 0 ? 'Infinity' : '-Infinity';
    }
    return v;
  });
  return text.includes('\\u0000RAW') ? text.replace(RAW, '$1') : text;
}
