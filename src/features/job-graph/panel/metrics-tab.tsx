import { useEffect, useId, useMemo, useState } from 'react';
import { useSubtasksMetrics } from '@/api/flink/queries';
import { useVertexMetricNames } from '@/api/flink/queries-job-graph';
import type { MetricAggregation } from '@/api/flink/schemas';
import { formatValue } from '@/components/charts';
import { QueryError, QueryState, StaleMark } from '@/components/query-state';
import { useTimeZone } from '@/stores/preferences';
import { historyKey, jobGraphHistory, useHistorySeries } from '../history';
import {
  aggregationsFor,
  initialPick,
  MAX_PICKED,
  metricFormat,
  metricNames,
  readPicked,
  writePicked,
} from '../utils/metric-selection';
import { ChartSlot, inputClass, TimeSeriesChart } from './parts';

const AGGS: readonly MetricAggregation[] = ['min', 'max', 'avg', 'sum'];
const AGG_LABEL: Record<MetricAggregation, string> = {
  min: 'min',
  max: 'max',
  avg: 'avg',
  sum: 'sum',
  skew: 'skew',
};
const AGG_COLOR: Partial<Record<MetricAggregation, string>> = {
  min: '#10b981',
  avg: '#0ea5e9',
  max: '#f97316',
  sum: '#8b5cf6',
};

const seriesKey = (jobId: string, vertexId: string, metric: string, agg: MetricAggregation) =>
  historyKey(jobId, vertexId, `metric:${metric}:${agg}`);

/**
 * Any metric of the vertex, charted over time: values are aggregated over all subtasks by the
 * cluster (`/subtasks/metrics?get=…&agg=…`, one request for every picked metric) and kept in memory
 * while the dashboard is open. The pick is remembered per job and vertex.
 */
export function MetricsTab({
  clusterId,
  jobId,
  vertexId,
}: {
  clusterId: string;
  jobId: string;
  vertexId: string;
}) {
  const names = useVertexMetricNames(clusterId, jobId, vertexId);
  const available = useMemo(() => metricNames(names.data), [names.data]);
  const [own, setOwn] = useState<string[] | undefined>(() => readPicked(jobId, vertexId));
  const picked = own ?? initialPick(undefined, available);
  const update = (next: string[]) => {
    setOwn(next);
    writePicked(jobId, vertexId, next);
  };
  return (
    <div data-testid="vertex-metrics">
      <QueryState
        query={names}
        skeletonRows={2}
        isEmpty={(d) => d.length === 0}
        empty={<p className="text-sm text-slate-500">This vertex reports no metrics (yet).</p>}
      >
        {() => (
          <MetricPicker
            available={available}
            picked={picked}
            onAdd={(name) => update([...picked.filter((p) => p !== name), name].slice(-MAX_PICKED))}
          />
        )}
      </QueryState>
      {picked.length > 0 ? (
        <MetricCharts
          clusterId={clusterId}
          jobId={jobId}
          vertexId={vertexId}
          picked={picked}
          onRemove={(name) => update(picked.filter((p) => p !== name))}
        />
      ) : names.data ? (
        <p className="mt-3 text-sm text-slate-500">Pick a metric to chart it.</p>
      ) : null}
    </div>
  );
}

function MetricPicker({
  available,
  picked,
  onAdd,
}: {
  available: readonly string[];
  picked: readonly string[];
  onAdd: (name: string) => void;
}) {
  const listId = useId();
  const [text, setText] = useState('');
  const choose = (value: string) => {
    if (!available.includes(value) || picked.includes(value)) return false;
    onAdd(value);
    setText('');
    return true;
  };
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const exact = available.find((n) => n === text.trim());
        const only = available.filter((n) => n.toLowerCase().includes(text.trim().toLowerCase()));
        choose(exact ?? (only.length === 1 ? (only[0] ?? '') : ''));
      }}
    >
      <input
        list={listId}
        value={text}
        onChange={(e) => {
          // Picking from the list (not typing) fills in a whole name: add it right away.
          const native = e.nativeEvent;
          const fromList = !(native instanceof InputEvent) || native.inputType === 'insertReplacementText';
          if (!(fromList && choose(e.target.value))) setText(e.target.value);
        }}
        placeholder={`Add a metric (${available.length} available)…`}
        aria-label="Add a metric"
        className={`${inputClass} w-80 max-w-full`}
      />
      <datalist id={listId}>
        {available
          .filter((n) => !picked.includes(n))
          .map((n) => (
            <option key={n} value={n} />
          ))}
      </datalist>
      <button
        type="submit"
        className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        Add
      </button>
      <span className="text-xs text-slate-500">
        {picked.length}/{MAX_PICKED} charted · aggregated over all subtasks
      </span>
    </form>
  );
}

function MetricCharts({
  clusterId,
  jobId,
  vertexId,
  picked,
  onRemove,
}: {
  clusterId: string;
  jobId: string;
  vertexId: string;
  picked: readonly string[];
  onRemove: (name: string) => void;
}) {
  const q = useSubtasksMetrics(clusterId, jobId, vertexId, { get: picked, agg: AGGS });
  const zone = useTimeZone();

  // Every answer adds one point per metric and aggregation to the in-memory history.
  useEffect(() => {
    if (!q.data || !q.dataUpdatedAt) return;
    const values: Record<string, number | undefined> = {};
    for (const m of q.data) for (const agg of AGGS) values[seriesKey(jobId, vertexId, m.id, agg)] = m[agg];
    jobGraphHistory.pushMany(q.dataUpdatedAt, values);
  }, [q.data, q.dataUpdatedAt, jobId, vertexId]);

  const keys = picked.flatMap((name) =>
    aggregationsFor(name).map((agg) => seriesKey(jobId, vertexId, name, agg)),
  );
  const points = useHistorySeries(keys);
  const byKey = new Map(keys.map((k, i) => [k, points[i] ?? []]));

  return (
    <div className="mt-3 space-y-4">
      {q.isError && !q.data ? <QueryError error={q.error} compact onRetry={() => void q.refetch()} /> : null}
      {q.isError && q.data ? <StaleMark updatedAt={q.dataUpdatedAt} /> : null}
      {picked.map((name) => {
        const aggs = aggregationsFor(name);
        const format = metricFormat(name);
        const latest = q.data?.find((m) => m.id === name);
        const missing = q.data !== undefined && latest === undefined;
        return (
          <section
            key={name}
            data-testid="metric-chart"
            data-metric={name}
            className="rounded-lg border border-slate-200 p-2 dark:border-slate-800"
          >
            <div className="mb-1 flex items-center gap-2">
              <h3 className="min-w-0 truncate font-mono text-xs font-semibold" title={name}>
                {name}
              </h3>
              <span className="ml-auto flex shrink-0 gap-2 text-xs tabular-nums text-slate-500">
                {aggs.map((agg) => (
                  <span key={agg}>
                    {AGG_LABEL[agg]}{' '}
                    <span className="font-medium text-slate-900 dark:text-slate-100">
                      {formatValue(latest?.[agg], format)}
                    </span>
                  </span>
                ))}
              </span>
              <button
                type="button"
                onClick={() => onRemove(name)}
                aria-label={`Remove ${name}`}
                className="rounded px-1.5 text-xs text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800"
              >
                ✕
              </button>
            </div>
            {missing ? (
              <p className="text-xs text-amber-700 dark:text-amber-400">
                The cluster did not return this metric for the vertex.
              </p>
            ) : (
              <ChartSlot height={150}>
                <TimeSeriesChart
                  title={name}
                  timeZone={zone}
                  format={format}
                  height={150}
                  series={aggs.map((agg) => ({
                    key: agg,
                    label: `${AGG_LABEL[agg]} over subtasks`,
                    points: byKey.get(seriesKey(jobId, vertexId, name, agg)) ?? [],
                    color: AGG_COLOR[agg],
                  }))}
                  empty="Collecting: a point every 10 s while this tab is open."
                />
              </ChartSlot>
            )}
          </section>
        );
      })}
    </div>
  );
}
