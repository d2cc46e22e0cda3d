/** Pieces shared by the charts: palette, tooltip box, legend. No recharts imports here. */
import type { ReactNode } from 'react';

/** Distinct in light and dark mode (Tailwind 500 shades). */
export const PALETTE = [
  '#0ea5e9',
  '#8b5cf6',
  '#10b981',
  '#f59e0b',
  '#f43f5e',
  '#64748b',
  '#14b8a6',
  '#ec4899',
];

export type ChartTone = 'ok' | 'bad' | 'warn' | 'info' | 'muted';

export const CHART_TONE: Record<ChartTone, string> = {
  ok: '#10b981',
  bad: '#dc2626',
  warn: '#f59e0b',
  info: '#0ea5e9',
  muted: '#94a3b8',
};

export function TooltipBox({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <div className="max-w-xs rounded-md border border-slate-200 bg-white px-2 py-1.5 text-xs text-slate-900 shadow-md dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100">
      <div className="mb-1 font-medium">{title}</div>
      {children}
    </div>
  );
}

export function TooltipRow({
  color,
  label,
  value,
  exact,
}: {
  color: string;
  label: ReactNode;
  value: string;
  exact?: string;
}) {
  return (
    <div className="flex items-baseline gap-2">
      <span
        aria-hidden
        className="inline-block h-2 w-2 shrink-0 rounded-full"
        style={{ backgroundColor: color }}
      />
      <span className="min-w-0 truncate text-slate-600 dark:text-slate-300">{label}</span>
      <span className="ml-auto font-medium tabular-nums">{value}</span>
      {exact && exact !== value ? (
        <span className="font-mono text-[10px] text-slate-500">{exact}</span>
      ) : null}
    </div>
  );
}

export function ChartEmpty({ height, children }: { height: number; children?: ReactNode }) {
  return (
    <div
      style={{ height }}
      className="grid place-items-center rounded-lg border border-dashed border-slate-300 text-sm text-slate-500 dark:border-slate-700"
    >
      {children ?? 'No data yet.'}
    </div>
  );
}

/** Ticks a value axis of this height has room for (one per ~30 px of plot). */
export function ticksForHeight(height: number): number {
  return height >= 150 ? 5 : height >= 100 ? 4 : 3;
}

/**
 * The value axis's unit ("MiB", "%", "K/s"), above its tick labels: the ticks are bare numbers
 * (src/lib/axis-ticks.ts), so they never wrap. Nothing for plain numbers.
 */
export function AxisUnit({ unit, width }: { unit: string; width: number }) {
  if (!unit) return null;
  return (
    <span
      className="pointer-events-none absolute left-0 top-0 pr-2 text-right text-[11px] leading-none"
      style={{ width }}
      data-testid="axis-unit"
    >
      {unit}
    </span>
  );
}
