// Small re-creations of JVM behaviour that shows through SeaTunnel's JSON:
// HashMap iteration order, Long parsing, Double.toString and date formats.

/** java.lang.String#hashCode over UTF-16 code units, as a signed int. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * Iteration order of a java.util.HashMap (default capacity 16, load factor
 * 0.75) after inserting `keys` in order. The engine builds its metrics maps
 * with HashMap, so the real JSON lists keys in this order, not insertion order.
 */
export function javaHashMapOrder(keys: readonly string[]): string[] {
  const unique = [...new Set(keys)];
  let capacity = 16;
  while (unique.length > capacity * 0.75) capacity *= 2;
  const bucketOf = (k: string): number => {
    const h = javaStringHash(k);
    return (h ^ (h >>> 16)) & (capacity - 1);
  };
  // Stable sort keeps insertion order inside a bucket, as HashMap's resize does.
  return unique
    .map((k, i) => ({ k, i, b: bucketOf(k) }))
    .sort((x, y) => x.b - y.b || x.i - y.i)
    .map((e) => e.k);
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

export class JavaNumberFormatError extends Error {
  readonly javaClass = 'NumberFormatException';
}

/** Long.parseLong: returns the canonical decimal text or throws like Java. */
export function parseJavaLong(text: string): string {
  if (/^[+-]?\d+$/.test(text)) {
    const v = BigInt(text);
    if (v >= LONG_MIN && v <= LONG_MAX) return v.toString();
  }
  throw new JavaNumberFormatError(`For input string: "${text}"`);
}

/** Double.toString for the plain-range values we emit (then BigDecimal#toPlainString). */
export function javaDouble(n: number): string {
  if (Number.isInteger(n)) return `${n}.0`;
  const s = String(n);
  return s.includes('e') ? n.toFixed(12).replace(/0+$/, '') : s;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** DateTimeUtils YYYY_MM_DD_HH_MM_SS in the JVM's (here: the process's) time zone. */
export function formatEngineTime(ms: number): string {
  const d = new Date(ms);
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  );
}

/** log4j2 `%d{yyyy-MM-dd HH:mm:ss,SSS}` as used by SeaTunnel's log layout. */
export function formatLogTime(ms: number): string {
  return `${formatEngineTime(ms)},${pad(new Date(ms).getMilliseconds(), 3)}`;
}

const UNITS = ['', 'K', 'M', 'G', 'T', 'P', 'E'];

/** Hazelcast HealthMonitor's numberToUnit: "16.0G", "135.7M", plain below 1K. */
export function hazelcastUnit(bytes: number): string {
  for (let i = 6; i > 0; i--) {
    const step = 1024 ** i;
    if (bytes > step) return `${(bytes / step).toFixed(1)}${UNITS[i]}`;
  }
  return String(Math.round(bytes));
}

export function percent(n: number): string {
  return `${n.toFixed(2)}%`;
}
