/**
 * HistoryChart: series of a MetricHistory in the shared TimeSeriesChart (loaded lazily, so
 * recharts arrives only with a page that draws a chart).
 *
 *   const version = useHistoryVersion(history);
 *   <HistoryChart history={history} version={version} title="JVM heap" format="bytes"
 *     series={[{ key: 'Status.JVM.Memory.Heap.Used', label: 'Used' }]} timeZone={zone} />
 */
import { lazy, Suspense, useMemo } from 'react';
import type { MetricHistory } from '@/lib/metric-history';
import type { TimeZoneChoice } from '@/lib/format';
import type { ValueFormat } from '@/lib/value-format';
import { seriesPoints, type HistorySeries } from './rate';

const TimeSeriesChart = lazy(() => import('@/components/charts/time-series-chart'));

export interface HistoryChartProps {
  history: MetricHistory;
  /** The history's version (useHistoryVersion): the chart recomputes when it changes. */
  version: number;
  title: string;
  series: readonly HistorySeries[];
  format: ValueFormat;
  timeZone: TimeZoneChoice;
  yDomain?: [number | 'auto', number | 'auto'];
  height?: number;
  syncId?: string;
  testId?: string;
  /** The title is a metric's name: shown as the cluster spells it (case matters to Flink), in mono. */
  metricName?: boolean;
}

export function HistoryChart({
  history,
  version,
  title,
  series,
  format,
  timeZone,
  yDomain,
  height = 180,
  syncId,
  testId,
  metricName = false,
}: HistoryChartProps) {
  const data = useMemo(
    () => series.map((s) => ({ key: s.key, label: s.label, points: seriesPoints(history, s) })),
    // version changes with every new point of the history
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [history, series, version],
  );
  const latest = data.map((s) => s.points[s.points.length - 1]?.v);
  return (
    <section
      className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
      data-testid={testId}
      aria-label={title}
    >
      <h3
        className={`mb-1 text-xs font-semibold text-slate-600 dark:text-slate-300 ${metricName ? 'break-all pr-24 font-mono' : ''}`}
      >
        {title}
      </h3>
      <Suspense
        fallback={<div style={{ height }} className="animate-pulse rounded bg-slate-100 dark:bg-slate-800" />}
      >
        <TimeSeriesChart
          title={title}
          series={data}
          format={format}
          timeZone={timeZone}
          height={height}
          {...(yDomain ? { yDomain } : {})}
          {...(syncId ? { syncId } : {})}
          empty={
            latest.every((v) => v === undefined)
              ? series.some((s) => s.rate)
                ? 'A rate needs two refreshes of the counter (about 20 s)…'
                : 'Waiting for the first values…'
              : undefined
          }
        />
      </Suspense>
    </section>
  );
}
