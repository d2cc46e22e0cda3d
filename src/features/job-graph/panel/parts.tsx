/** Layout pieces of the vertex panel. */
import { lazy, Suspense, type ReactNode } from 'react';

// recharts only loads when a chart is drawn.
export const TimeSeriesChart = lazy(() => import('@/components/charts/time-series-chart'));

export function ChartSlot({ height, children }: { height: number; children: ReactNode }) {
  return (
    <Suspense
      fallback={<div className="animate-pulse rounded bg-slate-100 dark:bg-slate-800" style={{ height }} />}
    >
      {children}
    </Suspense>
  );
}

export function Section({
  title,
  children,
  aside,
  testId,
}: {
  title: ReactNode;
  children: ReactNode;
  aside?: ReactNode;
  testId?: string;
}) {
  return (
    <section className="mt-4 first:mt-0" data-testid={testId}>
      <div className="mb-1.5 flex items-baseline gap-2">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
        {aside ? <div className="ml-auto text-xs text-slate-500">{aside}</div> : null}
      </div>
      {children}
    </section>
  );
}

/** Label/value pairs in two columns. */
export function Facts({ items }: { items: readonly (readonly [ReactNode, ReactNode] | null | false)[] }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      {items.map((item, i) =>
        item ? (
          <div key={i} className="contents">
            <dt className="text-slate-500">{item[0]}</dt>
            <dd className="min-w-0 break-words">{item[1]}</dd>
          </div>
        ) : null,
      )}
    </dl>
  );
}

/** A few figures side by side. */
export function Figures({
  items,
  columns = 3,
}: {
  items: readonly { label: string; value: ReactNode; hint?: ReactNode; testId?: string }[];
  columns?: 3 | 4;
}) {
  return (
    <div className={`grid grid-cols-2 gap-2 ${columns === 4 ? 'sm:grid-cols-4' : 'sm:grid-cols-3'}`}>
      {items.map((f) => (
        <div
          key={f.label}
          className="rounded-md border border-slate-200 px-2 py-1.5 dark:border-slate-800"
          data-testid={f.testId}
        >
          <div className="text-[11px] uppercase tracking-wide text-slate-500">{f.label}</div>
          <div className="text-base font-semibold tabular-nums">{f.value}</div>
          {f.hint ? <div className="text-[11px] text-slate-500">{f.hint}</div> : null}
        </div>
      ))}
    </div>
  );
}

export const inputClass =
  'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950';
