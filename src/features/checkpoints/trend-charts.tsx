import { lazy, memo, Suspense, useMemo, type ReactNode } from 'react';
import { CHART_TONE } from '@/components/charts/chart-parts';
import { trendPoints, TREND_LIMIT, type CheckpointRow } from './utils/checkpoint-rows';

// recharts arrives with this tab only.
const BarChart = lazy(() => import('@/components/charts/bar-chart'));

/**
 * Duration and checkpointed size per checkpoint id over the retained history (the last 200 when
 * more are retained), failures in red, savepoints in blue. A click on a bar expands it.
 */
export const TrendCharts = memo(function TrendCharts({
  rows,
  selectedId,
  onSelect,
}: {
  rows: readonly CheckpointRow[];
  selectedId: number | undefined;
  onSelect: (id: number) => void;
}) {
  const duration = useMemo(() => trendPoints(rows, 'duration'), [rows]);
  const size = useMemo(() => trendPoints(rows, 'checkpointedSize'), [rows]);
  // Highlight only a checkpoint the charts show; otherwise every bar would be dimmed.
  const selected =
    selectedId !== undefined && duration.some((p) => p.id === String(selectedId)) ? String(selectedId) : null;
  const select = (id: string) => onSelect(Number(id));
  const capped = rows.length > TREND_LIMIT;
  return (
    <section
      aria-label="Checkpoint trends"
      className="grid gap-3 lg:grid-cols-2"
      data-testid="checkpoint-trends"
    >
      <ChartCard
        title="End-to-end duration"
        note={capped ? `last ${TREND_LIMIT} of ${rows.length}` : undefined}
      >
        <Suspense fallback={<div style={{ height: 180 }} />}>
          <BarChart
            title="End-to-end duration per checkpoint"
            valueLabel="Duration"
            format="duration"
            data={duration}
            selectedId={selected}
            onSelect={select}
            height={180}
            empty="No checkpoint yet."
          />
        </Suspense>
      </ChartCard>
      <ChartCard
        title="Checkpointed size"
        note={capped ? `last ${TREND_LIMIT} of ${rows.length}` : undefined}
      >
        <Suspense fallback={<div style={{ height: 180 }} />}>
          <BarChart
            title="Checkpointed data size per checkpoint"
            valueLabel="Checkpointed"
            format="bytes"
            data={size}
            selectedId={selected}
            onSelect={select}
            height={180}
            empty="No checkpoint yet."
          />
        </Suspense>
      </ChartCard>
    </section>
  );
});

function ChartCard({
  title,
  note,
  children,
}: {
  title: string;
  note: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
      <div className="mb-1 flex items-baseline gap-2">
        <h3 className="text-sm font-semibold">{title}</h3>
        <span className="text-xs text-slate-500">per checkpoint id{note ? ` · ${note}` : ''}</span>
        <Legend />
      </div>
      {children}
    </div>
  );
}

function Legend() {
  const item = (color: string, label: string) => (
    <span className="inline-flex items-center gap-1">
      <span aria-hidden className="inline-block h-2 w-2 rounded-sm" style={{ backgroundColor: color }} />
      {label}
    </span>
  );
  return (
    <span className="ml-auto flex gap-2 text-[11px] text-slate-500">
      {item(CHART_TONE.ok, 'completed')}
      {item(CHART_TONE.info, 'savepoint')}
      {item(CHART_TONE.bad, 'failed')}
      {item(CHART_TONE.warn, 'in progress')}
    </span>
  );
}
