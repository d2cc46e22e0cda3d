import { useDashboardSettings, type ClusterInfo } from '@/api/dashboard/clusters';
import { useNavigate, useRawUrl } from '@/app/router';
import { PageHeader } from '@/components/page-header';
import { PageSkeleton } from '@/components/page-skeleton';
import { QueryError } from '@/components/query-state';
import { useNow } from '@/hooks/use-now';
import { formatAgo } from '@/lib/format';
import { SeriesChart, type ChartSpec } from './charts/series-chart';
import { flinkKey } from './collect/samples';
import { NotificationsToggle } from './components/notifications-toggle';
import { ProblemList } from './components/problem-list';
import { SEVERITY_LABEL, SEVERITY_TONE } from './components/severity';
import { SEVERITIES, type Problem } from './rules/types';
import { useTriage } from './store/triage-store';
import { applyFilters, filtersHref, parseFilters, type TriageFilters } from './triage-filters';

/** Every problem of every cluster, worst first, with the evidence one click away. */
export function TriagePage() {
  const settings = useDashboardSettings();
  const triage = useTriage();
  const now = useNow(1000);
  const navigate = useNavigate();
  const filters = parseFilters(useRawUrl().search);
  const setFilters = (f: TriageFilters) => navigate(filtersHref(f), { replace: true });

  if (settings.isPending) return <PageSkeleton />;
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  const clusters = settings.data.clusters.filter((c) => c.monitored);
  const evaluated = clusters.filter((c) => triage.byCluster[c.id]);
  const inCluster = triage.problems.filter((p) => !filters.cluster || p.clusterId === filters.cluster);
  const shown = applyFilters(triage.problems, filters);
  const lastEvaluation = Math.max(0, ...evaluated.map((c) => triage.byCluster[c.id]?.evaluatedAt ?? 0));

  return (
    <div className="space-y-4">
      <PageHeader
        title="Triage"
        subtitle={
          <span data-testid="triage-summary">
            {triage.problems.length === 0
              ? 'No problems'
              : `${triage.problems.length} problem${triage.problems.length === 1 ? '' : 's'}`}{' '}
            across {clusters.length} cluster{clusters.length === 1 ? '' : 's'}
            {evaluated.length < clusters.length ? ` · checking ${clusters.length - evaluated.length}…` : ''}
            {lastEvaluation ? ` · checked ${formatAgo(lastEvaluation, now)}` : ''}
          </span>
        }
        actions={<NotificationsToggle />}
      />
      <FilterBar clusters={clusters} problems={inCluster} filters={filters} onChange={setFilters} />
      {evaluated.length === 0 ? (
        <PageSkeleton rows={4} />
      ) : shown.length === 0 ? (
        <div
          className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400"
          data-testid="triage-empty"
        >
          <div className="text-2xl text-emerald-600" aria-hidden>
            ✓
          </div>
          {triage.problems.length === 0
            ? 'Nothing wrong right now on the clusters checked.'
            : 'No problem matches the filters.'}
        </div>
      ) : (
        <ProblemList problems={shown} clusters={clusters} now={now} showCluster={!filters.cluster} />
      )}
      <Trends
        clusters={clusters.filter(
          (c) => c.kind === 'flink' && (!filters.cluster || c.id === filters.cluster),
        )}
      />
    </div>
  );
}

const chip = 'rounded-full px-2.5 py-0.5 text-xs font-medium';

function FilterBar({
  clusters,
  problems,
  filters,
  onChange,
}: {
  clusters: readonly ClusterInfo[];
  problems: readonly Problem[];
  filters: TriageFilters;
  onChange: (f: TriageFilters) => void;
}) {
  const counts = Object.fromEntries(
    SEVERITIES.map((s) => [s, problems.filter((p) => p.severity === s).length]),
  );
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="triage-filters">
      <label className="flex items-center gap-2 text-sm">
        <span className="text-slate-500">Cluster</span>
        <select
          data-testid="triage-cluster-filter"
          value={filters.cluster ?? ''}
          onChange={(e) => onChange({ ...filters, ...{ cluster: e.target.value || undefined } })}
          className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-800"
        >
          <option value="">All clusters</option>
          {clusters.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Severity">
        {SEVERITIES.map((s) => {
          const on = filters.severities.includes(s);
          return (
            <button
              key={s}
              type="button"
              aria-pressed={on}
              data-testid={`severity-filter-${s}`}
              onClick={() =>
                onChange({
                  ...filters,
                  severities: on ? filters.severities.filter((x) => x !== s) : [...filters.severities, s],
                })
              }
              className={`${chip} ${on ? SEVERITY_TONE[s] : 'border border-slate-300 text-slate-600 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800'}`}
            >
              {SEVERITY_LABEL[s]} <span className="tabular-nums opacity-80">{counts[s]}</span>
            </button>
          );
        })}
        {filters.severities.length || filters.cluster ? (
          <button
            type="button"
            className="px-2 text-xs text-sky-700 underline dark:text-sky-400"
            onClick={() => onChange({ severities: [] })}
          >
            Clear filters
          </button>
        ) : null}
      </div>
    </div>
  );
}

const TREND_SPECS = (c: string): ChartSpec[] => [
  { key: flinkKey(c, 'records-in'), label: 'Records in per second', format: 'rate' },
  { key: flinkKey(c, 'heap-max'), label: 'Heap used (fullest task manager)', format: 'bytes' },
  { key: flinkKey(c, 'taskmanagers'), label: 'Task managers', format: 'count' },
];

/** Cluster-wide history: from Prometheus where configured, else recorded in this browser. */
function Trends({ clusters }: { clusters: readonly ClusterInfo[] }) {
  if (clusters.length === 0) return null;
  return (
    <section aria-label="Cluster trends" data-testid="trends">
      <h2 className="mb-2 mt-6 text-sm font-semibold uppercase tracking-wide text-slate-500">
        Cluster trends
      </h2>
      <div className="space-y-3">
        {clusters.map((c) => (
          <div
            key={c.id}
            className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
            data-testid={`trends-${c.id}`}
          >
            <div className="mb-2 text-sm font-medium">{c.name}</div>
            <div className="grid gap-4 md:grid-cols-3">
              {TREND_SPECS(c.id).map((spec) => (
                <SeriesChart
                  key={spec.key}
                  cluster={c}
                  spec={spec}
                  testId={`trend-${spec.key.split(':').pop() ?? ''}`}
                />
              ))}
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}
