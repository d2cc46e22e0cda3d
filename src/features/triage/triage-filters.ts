/** The triage page's filters, kept in the URL: `/triage?cluster=<id>&severity=critical,high`. */
import { SEVERITIES, type Problem, type Severity } from './rules/types';

export interface TriageFilters {
  cluster?: string;
  severities: Severity[];
}

export function parseFilters(searchStr: string): TriageFilters {
  const params = new URLSearchParams(searchStr.startsWith('?') ? searchStr.slice(1) : searchStr);
  const unquote = (v: string | null) => (v ? v.replace(/^"(.*)"$/, '$1') : undefined);
  const cluster = unquote(params.get('cluster'));
  const severities = (unquote(params.get('severity')) ?? '')
    .split(',')
    .filter((s): s is Severity => (SEVERITIES as readonly string[]).includes(s));
  return { ...(cluster ? { cluster } : {}), severities };
}

export function filtersHref(f: TriageFilters): string {
  const params = new URLSearchParams();
  if (f.cluster) params.set('cluster', f.cluster);
  if (f.severities.length)
    params.set('severity', SEVERITIES.filter((s) => f.severities.includes(s)).join(','));
  const text = params.toString();
  return text ? `/triage?${text}` : '/triage';
}

export function applyFilters(problems: readonly Problem[], f: TriageFilters): Problem[] {
  return problems.filter(
    (p) =>
      (!f.cluster || p.clusterId === f.cluster) &&
      (f.severities.length === 0 || f.severities.includes(p.severity)),
  );
}
