/** Small statistics and formatting helpers for the benchmark report. */

export function median(values: readonly number[]): number | undefined {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return undefined;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
}

export function max(values: readonly number[]): number | undefined {
  const v = values.filter((x) => Number.isFinite(x));
  return v.length ? Math.max(...v) : undefined;
}

export const kb = (n: number | undefined) => (n === undefined ? '—' : `${(n / 1024).toFixed(1)} kB`);
export const mb = (n: number | undefined) => (n === undefined ? '—' : `${(n / 1024 / 1024).toFixed(2)} MB`);
export const ms = (n: number | undefined) => (n === undefined ? '—' : `${Math.round(n)} ms`);
export const num = (n: number | undefined, digits = 0) => (n === undefined ? '—' : n.toFixed(digits));
export const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || b === 0 ? undefined : a / b;

/** `median (min–max, n=…)` of a list of durations in ms. */
export function spread(values: readonly number[]): string {
  const v = values.filter((x) => Number.isFinite(x));
  if (v.length === 0) return '—';
  if (v.length === 1) return ms(v[0]);
  return `${ms(median(v))} (${Math.round(Math.min(...v))}–${Math.round(Math.max(...v))}, n=${v.length})`;
}

/** A plain-text table; also valid Markdown when `markdown` is set. */
export function table(headers: string[], rows: string[][], markdown = false): string {
  const esc = (c: string | undefined) => (markdown ? (c ?? '').replace(/\|/g, '\\|') : (c ?? ''));
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => esc(r[i]).length)));
  const line = (cells: string[]) =>
    markdown
      ? `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
      : cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  const sep = markdown
    ? `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`
    : widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(headers), sep, ...rows.map((r) => line(headers.map((_, i) => esc(r[i]))))].join('\n');
}
