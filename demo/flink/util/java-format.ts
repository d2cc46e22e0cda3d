// Java renders numbers in ways JavaScript does not; Flink's metric values are Java strings.

export const LONG_MIN_VALUE = '-9223372036854775808';

/** Double.toString: "12.0", "0.5", "1.2345678E7", "NaN". */
export function javaDouble(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(x);
    return s.includes('.') || s.includes('e') ? s : `${s}.0`;
  }
  const [mantissa = '0', exponent = '0'] = x.toExponential().split('e');
  const m = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  return `${m}E${Number(exponent)}`;
}

/** Long.toString of a number we keep in a JS double (safe below 2^53). */
export function javaLong(x: number): string {
  return String(Math.trunc(x));
}
