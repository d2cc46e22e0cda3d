import { Link, triageRoute } from '@/app/router';
import { SEVERITY_RANK } from './rules/types';
import { useTriage } from './store/triage-store';

/** "Triage" in the header: how many critical/high problems there are, coloured by the worst. */
export function TriageBadge() {
  const { problems } = useTriage();
  const urgent = problems.filter((p) => SEVERITY_RANK[p.severity] >= SEVERITY_RANK.high);
  const worst = problems[0]?.severity;
  const tone =
    worst === 'critical'
      ? 'bg-red-600 text-white'
      : worst === 'high'
        ? 'bg-orange-500 text-white'
        : worst
          ? 'bg-amber-200 text-amber-950 dark:bg-amber-800 dark:text-amber-50'
          : 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100';
  const count = urgent.length || problems.length;
  return (
    <Link
      to={triageRoute}
      data-testid="triage-badge"
      data-severity={worst ?? 'none'}
      title={
        problems.length
          ? `${problems.length} problems, ${urgent.length} critical or high`
          : 'No problems found'
      }
      className="flex items-center gap-1.5 rounded px-1.5 py-0.5 text-xs hover:bg-slate-100 dark:hover:bg-slate-800"
    >
      <span className="hidden sm:inline">Triage</span>
      <span className={`min-w-5 rounded-full px-1.5 text-center font-semibold tabular-nums ${tone}`}>
        {problems.length ? count : '✓'}
      </span>
    </Link>
  );
}
