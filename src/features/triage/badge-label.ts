import { SEVERITY_RANK, type Problem } from './rules/types';

export interface BadgeCount {
  /** The number on the badge. */
  count: number;
  /** What it counts: critical and high problems when there are any, else every problem. */
  scope: 'urgent' | 'all' | 'none';
  /** The whole sentence, for the tooltip and screen readers. */
  label: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What the header's triage badge counts, said in words. */
export function badgeCount(problems: readonly Pick<Problem, 'severity'>[]): BadgeCount {
  const urgent = problems.filter((p) => SEVERITY_RANK[p.severity] >= SEVERITY_RANK.high).length;
  if (problems.length === 0) return { count: 0, scope: 'none', label: 'Triage: no problems found' };
  if (urgent > 0)
    return {
      count: urgent,
      scope: 'urgent',
      label: `Triage: ${plural(urgent, 'critical or high problem')} (${problems.length} in all)`,
    };
  return {
    count: problems.length,
    scope: 'all',
    label: `Triage: ${plural(problems.length, 'problem')}, none critical or high`,
  };
}
