import { Link, triageRoute } from '@/app/router';
import { badgeCount } from './badge-label';
import { useTriage } from './store/triage-store';

/** "Triage" in the header: how many critical/high problems there are (said so), coloured by the worst. */
export function TriageBadge() {
  const { problems } = useTriage();
  const { count, scope, label } = badgeCount(problems);
  const worst = problems[0]?.severity;
  const tone =
    worst === 'critical'
      ? 'bg-red-600 text-white'
      : worst === 'high'
        ? 'bg-orange-500 text-white'
        : worst
          ? 'bg-amber-200 text-amber-950 dark:bg-amber-800 dark:text-amber-50'
          : 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100';
  return (
    <Link
      to={triageRoute}
      data-testid="triage-badge"
      data-severity={worst ?? 'none'}
      data-scope={scope}
      aria-label={label}
      title={label}
      className="flex items-center gap-1.5 rounded px-1.5 py-0.5 text-xs hover:bg-slate-100 dark:hover:bg-slate-800"
    >
      <span aria-hidden className="hidden sm:inline">
        Triage
      </span>
      <span
        aria-hidden
        className={`min-w-5 rounded-full px-1.5 text-center font-semibold tabular-nums ${tone}`}
      >
        {scope === 'none' ? '✓' : count}
      </span>
      {scope === 'urgent' ? (
        <span aria-hidden className="hidden text-slate-500 min-[1400px]:inline dark:text-slate-400">
          critical/high
        </span>
      ) : null}
    </Link>
  );
}
