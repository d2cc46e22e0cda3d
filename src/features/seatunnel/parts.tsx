import {
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { useNavigate } from '@/app/router';
import { ToastProvider } from '@/components/toast';
import { ToastContext } from '@/components/toast/toast-context';
import { MetricHistory } from '@/lib/metric-history';
import type { ExactCount } from '@/api/seatunnel/values';
import { Abbr } from '@/components/exact-value';
import { formatExactCount, formatShortCount } from './utils/format';

/* Small pieces the SeaTunnel pages share. */

export function Section({
  title,
  actions,
  children,
  testId,
  className = '',
}: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
  className?: string;
}) {
  return (
    <section className={`mb-6 ${className}`} data-testid={testId}>
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">{title}</h2>
        {actions ? <div className="ml-auto flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

export function Card({ children, className = '' }: { children: ReactNode; className?: string }) {
  return (
    <div
      className={`rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900 ${className}`}
    >
      {children}
    </div>
  );
}

/** A definition list of label/value pairs, two columns on wide screens. */
export interface Fact {
  label: ReactNode;
  value: ReactNode;
  id?: string;
}

export function Facts({ items, testId }: { items: Fact[]; testId?: string }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5 text-sm" data-testid={testId}>
      {items.map(({ label, value, id }, i) => (
        <div key={i} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="min-w-0 break-words" data-testid={id}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A short count with the exact digits one hover away. */
export function Count({ value, testId }: { value: ExactCount | null | undefined; testId?: string }) {
  return (
    <span data-testid={testId} data-exact={value ?? ''} className="tabular-nums">
      <Abbr
        title={value === null || value === undefined ? 'Not reported by the engine' : formatExactCount(value)}
      >
        {formatShortCount(value)}
      </Abbr>
    </span>
  );
}

export const buttonClass =
  'inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800';
export const primaryButtonClass =
  'inline-flex items-center gap-1.5 rounded-md bg-sky-600 px-3 py-1 text-sm font-medium text-white hover:bg-sky-700 disabled:cursor-not-allowed disabled:opacity-50 dark:bg-sky-700 dark:hover:bg-sky-600';
export const dangerButtonClass =
  'inline-flex items-center gap-1.5 rounded-md border border-red-300 bg-white px-2.5 py-1 text-sm font-medium text-red-700 hover:bg-red-50 disabled:cursor-not-allowed disabled:opacity-50 dark:border-red-800 dark:bg-slate-900 dark:text-red-400 dark:hover:bg-red-950/50';
export const inputClass =
  'rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm placeholder:text-slate-400 focus:border-sky-500 focus:outline-none focus:ring-1 focus:ring-sky-500 dark:border-slate-700 dark:bg-slate-900';

/** An explanation in place of something the engine cannot do. */
export function Note({
  children,
  testId,
  tone = 'info',
}: {
  children: ReactNode;
  testId?: string;
  tone?: 'info' | 'warn';
}) {
  const cls =
    tone === 'warn'
      ? 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100'
      : 'border-slate-200 bg-slate-50 text-slate-700 dark:border-slate-800 dark:bg-slate-900/60 dark:text-slate-300';
  return (
    <div className={`rounded-md border px-3 py-2 text-sm ${cls}`} data-testid={testId}>
      {children}
    </div>
  );
}

export function Chip({
  label,
  count,
  active,
  dot,
  title,
  onClick,
}: {
  label: string;
  count: number;
  active: boolean;
  dot?: string;
  title?: string;
  onClick: (e: MouseEvent<HTMLButtonElement>) => void;
}) {
  return (
    <button
      type="button"
      aria-pressed={active}
      title={title}
      data-testid={`state-chip-${label}`}
      onClick={onClick}
      className={`inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-xs font-medium transition-colors ${
        active
          ? 'border-sky-600 bg-sky-600 text-white dark:border-sky-500 dark:bg-sky-600'
          : 'border-slate-300 bg-white text-slate-700 hover:border-slate-400 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300 dark:hover:border-slate-500'
      }`}
    >
      {dot ? <span aria-hidden className={`h-2 w-2 rounded-full ${dot}`} /> : null}
      <span>{label}</span>
      <span className={`tabular-nums ${active ? 'text-sky-100' : 'text-slate-500'}`} data-testid="chip-count">
        {count}
      </span>
    </button>
  );
}

const DOTS: Record<string, string> = {
  RUNNING: 'bg-sky-500',
  PENDING: 'bg-indigo-400',
  FINISHED: 'bg-emerald-500',
  SAVEPOINT_DONE: 'bg-emerald-300',
  FAILED: 'bg-red-500',
  FAILING: 'bg-red-500',
  CANCELED: 'bg-slate-400',
  CANCELING: 'bg-amber-500',
  DOING_SAVEPOINT: 'bg-amber-500',
  UNKNOWABLE: 'bg-violet-500',
};
export const stateDot = (state: string) => DOTS[state.toUpperCase()] ?? 'bg-violet-500';

/**
 * A metric history that lives as long as the component: each new poll (`at`, the query's
 * dataUpdatedAt) adds one point per series. Re-renders when it changes.
 */
export function useMetricHistory(samples: Record<string, number | null> | undefined, at: number) {
  const [history] = useState(() => new MetricHistory({ capacity: 720 }));
  useEffect(() => {
    if (samples && at > 0) history.pushMany(at, samples);
  }, [history, samples, at]);
  useSyncExternalStore(history.subscribe, history.getVersion, history.getVersion);
  return history;
}

/**
 * Toasts for SeaTunnel pages: the app's provider when the shell mounts one, else a provider of
 * their own (so a page never fails for want of one, and never shows two stacks).
 */
export function ToastScope({ children }: { children: ReactNode }) {
  const outer = useContext(ToastContext);
  const navigate = useNavigate();
  if (outer) return <>{children}</>;
  return <ToastProvider navigate={navigate}>{children}</ToastProvider>;
}
