import { useDeferredValue, useMemo, useState } from 'react';
import { useJobManagerMetrics } from '@/api/flink/queries';
import { useJobManagerMetricNames } from '@/api/flink/queries-tm-extra';
import { metricValues } from '@/api/flink/metric-values';
import {
  HistoryChart,
  useHistoryVersion,
  usePersistedMetricHistory,
  useRecordMetrics,
} from '@/components/metric-history';
import { QueryError } from '@/components/query-state';
import { PageSkeleton } from '@/components/page-skeleton';
import { formatValue } from '@/lib/value-format';
import { useTimeZone } from '@/stores/preferences';
import {
  effectivePicks,
  formatFor,
  MAX_PICKS,
  readPicks,
  togglePick,
  writePicks,
} from './utils/metric-picks';

const storage = (): Storage | undefined => {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
};

/**
 * The job manager's metrics (`/jobmanager/metrics`): pick any from the list, see them charted
 * over time. Picks are remembered per cluster; the recorded history survives reloads (30 min).
 */
export function MetricsTab({ clusterId }: { clusterId: string }) {
  const names = useJobManagerMetricNames(clusterId);
  const [stored, setStored] = useState(() => readPicks(storage(), clusterId));
  const picks = useMemo(() => effectivePicks(stored, names.data), [stored, names.data]);
  const history = usePersistedMetricHistory(`flink:${clusterId}:jobmanager`);
  const values = useJobManagerMetrics(clusterId, { get: picks.length ? picks : ['Status.JVM.CPU.Load'] });
  const latest = useMemo(() => (values.data ? metricValues(values.data) : undefined), [values.data]);
  useRecordMetrics(history, latest, values.dataUpdatedAt);
  const version = useHistoryVersion(history);
  const zone = useTimeZone();
  const [query, setQuery] = useState('');
  const q = useDeferredValue(query.toLowerCase());

  const toggle = (metric: string) => {
    const next = togglePick(picks, metric);
    setStored(next);
    writePicks(storage(), clusterId, next);
  };

  return (
    <div className="flex flex-col gap-4 lg:flex-row" data-testid="jm-metrics">
      <aside className="shrink-0 lg:w-80" aria-label="Available metrics">
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Filter metrics…"
          aria-label="Filter metrics"
          className="mb-2 w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
        />
        {names.isPending ? (
          <PageSkeleton rows={6} />
        ) : names.data === undefined ? (
          <QueryError error={names.error} onRetry={() => void names.refetch()} compact />
        ) : (
          <>
            <p className="mb-1 text-xs text-slate-500">
              {picks.length} of {MAX_PICKS} charted · {names.data.length} metrics
            </p>
            <ul
              className="max-h-[calc(100vh-320px)] min-h-40 overflow-y-auto rounded-lg border border-slate-200 bg-white p-1 dark:border-slate-800 dark:bg-slate-900"
              data-testid="jm-metric-list"
            >
              {names.data
                .filter((n) => !q || n.toLowerCase().includes(q))
                .map((n) => (
                  <li key={n}>
                    <label className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-1 text-xs hover:bg-slate-50 dark:hover:bg-slate-800/60">
                      <input
                        type="checkbox"
                        checked={picks.includes(n)}
                        onChange={() => toggle(n)}
                        className="h-3.5 w-3.5 accent-sky-600"
                      />
                      <span className="break-all font-mono">{n}</span>
                      {latest?.[n] !== undefined ? (
                        <span className="ml-auto shrink-0 tabular-nums text-slate-500">
                          {formatValue(latest[n], formatFor(n))}
                        </span>
                      ) : null}
                    </label>
                  </li>
                ))}
            </ul>
          </>
        )}
      </aside>
      <div className="min-w-0 flex-1">
        {values.isError ? (
          <div className="mb-3">
            <QueryError error={values.error} compact />
          </div>
        ) : null}
        {picks.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500 dark:border-slate-700">
            Tick metrics on the left to chart them.
          </p>
        ) : (
          <div className="grid gap-3 xl:grid-cols-2" data-testid="jm-charts">
            {picks.map((m) => (
              <div key={m} className="relative">
                <HistoryChart
                  history={history}
                  version={version}
                  title={m}
                  series={[{ key: m, label: m }]}
                  format={formatFor(m)}
                  timeZone={zone}
                  syncId="jm-metrics"
                  testId="jm-chart"
                  metricName
                />
                <span className="absolute right-10 top-2.5 text-xs font-semibold tabular-nums">
                  {formatValue(latest?.[m], formatFor(m))}
                </span>
                <button
                  type="button"
                  onClick={() => toggle(m)}
                  aria-label={`Stop charting ${m}`}
                  title="Stop charting"
                  className="absolute right-2 top-2 rounded px-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700 dark:hover:bg-slate-800 dark:hover:text-slate-200"
                >
                  ×
                </button>
              </div>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
