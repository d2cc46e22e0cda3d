/**
 * How chart values are shown: a short human label for axes and an exact one for tooltips.
 * `percent` takes ratios (0.42 -> "42 %"), `duration` milliseconds, `bytes` bytes, `byte-rate` bytes per second.
 * A chart's axis shows them in one unit per axis: src/lib/axis-ticks.ts.
 * Pure, shared by charts, ExactValue and table cells.
 */
import { formatBytes, formatCount, formatDuration, formatExact, formatPercent, UNKNOWN } from '@/lib/format';

const percentExact = new Intl.NumberFormat('en', { maximumFractionDigits: 4 });

export type ValueFormat =
  'bytes' | 'byte-rate' | 'percent' | 'count' | 'duration' | 'rate' | ((v: number) => string);

export function formatValue(v: number | null | undefined, format: ValueFormat = 'count'): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return UNKNOWN;
  if (typeof format === 'function') return format(v);
  switch (format) {
    case 'bytes':
      return formatBytes(v);
    case 'byte-rate':
      return `${formatBytes(v)}/s`;
    case 'percent':
      return formatPercent(v, v !== 0 && Math.abs(v) < 0.1 ? 1 : 0);
    case 'duration':
      return formatDuration(v);
    case 'rate':
      return `${formatCount(v)}/s`;
    default:
      return v < 0 ? `-${formatCount(-v)}` : formatCount(v);
  }
}

/** The unrounded value with its unit, for a tooltip next to the human one. */
export function formatExactValue(v: number | null | undefined, format: ValueFormat = 'count'): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return UNKNOWN;
  if (typeof format === 'function') return String(v);
  const exact = v < 0 ? `-${formatExact(-v)}` : formatExact(v);
  switch (format) {
    case 'bytes':
      return `${exact} B`;
    case 'byte-rate':
      return `${exact} B/s`;
    case 'percent':
      return `${percentExact.format(v * 100)} %`;
    case 'duration':
      return `${exact} ms`;
    case 'rate':
      return `${exact}/s`;
    default:
      return exact;
  }
}
