// Flink serialises with Jackson, which writes non-finite doubles as the strings "NaN",
// "Infinity" and "-Infinity"; JSON.stringify would write null instead.

export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) {
      if (Number.isNaN(v)) return 'NaN';
      return v > 0 ? 'Infinity' : '-Infinity';
    }
    return v;
  });
}
