import type { Severity } from '../rules/types';

export const SEVERITY_LABEL: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

export const SEVERITY_TONE: Record<Severity, string> = {
  critical: 'bg-red-600 text-white dark:bg-red-500 dark:text-white',
  high: 'bg-orange-100 text-orange-900 ring-1 ring-inset ring-orange-300 dark:bg-orange-900/50 dark:text-orange-100 dark:ring-orange-700',
  medium:
    'bg-amber-50 text-amber-900 ring-1 ring-inset ring-amber-300 dark:bg-amber-900/30 dark:text-amber-100 dark:ring-amber-700',
  low: 'bg-slate-100 text-slate-700 ring-1 ring-inset ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600',
};

/** The left edge of a problem row. */
export const SEVERITY_EDGE: Record<Severity, string> = {
  critical: 'border-l-red-600 dark:border-l-red-500',
  high: 'border-l-orange-500',
  medium: 'border-l-amber-400',
  low: 'border-l-slate-400',
};

export function SeverityChip({ severity }: { severity: Severity }) {
  return (
    <span
      data-testid="severity-chip"
      data-severity={severity}
      className={`inline-flex w-16 shrink-0 justify-center rounded px-1.5 py-0.5 text-[11px] font-semibold uppercase tracking-wide ${SEVERITY_TONE[severity]}`}
    >
      {SEVERITY_LABEL[severity]}
    </span>
  );
}
