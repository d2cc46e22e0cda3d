import type { ReactNode } from 'react';

export function StatCard({
  label,
  value,
  hint,
  tone,
  testId,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  tone?: 'bad' | 'warn' | 'good';
  testId?: string;
}) {
  const toneClass =
    tone === 'bad'
      ? 'text-red-700 dark:text-red-400'
      : tone === 'warn'
        ? 'text-amber-700 dark:text-amber-400'
        : tone === 'good'
          ? 'text-emerald-700 dark:text-emerald-400'
          : '';
  return (
    <div
      className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
      data-testid={testId}
    >
      <div className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</div>
      <div
        className={`mt-1 text-2xl font-semibold ${toneClass}`}
        data-testid={testId ? `${testId}-value` : undefined}
      >
        {value}
      </div>
      {hint ? <div className="mt-0.5 text-xs text-slate-500">{hint}</div> : null}
    </div>
  );
}
