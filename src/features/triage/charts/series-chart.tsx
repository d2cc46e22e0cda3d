/**
 * One metric over time: from the cluster's Prometheus when it has one configured (history from
 * before the page was opened), otherwise from the browser's metric store (recorded while the
 * dashboard was open, kept across reloads). recharts arrives lazily with the first chart.
 */
import { lazy, Suspense, useMemo } from 'react';
import type { ClusterInfo } from '@/api/dashboard/clusters';
import { useMetricHistory } from '@/api/metric-store';
import { usePrometheusRange } from '@/api/prometheus';
import { QueryError } from '@/components/query-state';
import { useTimeZone } from '@/stores/preferences';
import type { FigureFormat } from '../rules/types';
import { promqlForSeries } from './promql';

const TimeSeriesChart = lazy(() => import('@/components/charts/time-series-chart'));

export interface ChartSpec {
  key: string;
  label: string;
  format: FigureFormat;
  /** Ratios drawn on 0..1. */
  ratio?: boolean;
}

const RATIO_DOMAIN: [number, number] = [0, 1];

interface Drawn {
  series: { key: string; label: string; points: readonly { t: number; v: number }[] }[];
  source: 'prometheus' | 'browser';
}

export function SeriesChart({
  cluster,
  spec,
  height = 140,
  testId,
}: {
  cluster: ClusterInfo;
  spec: ChartSpec;
  height?: number;
  testId?: string;
}) {
  const zone = useTimeZone();
  const promql = cluster.hasPrometheus ? promqlForSeries(cluster.id, spec.key) : undefined;
  const prom = usePrometheusRange(cluster.id, promql);
  const local = useMetricHistory(spec.key);
  const drawn: Drawn = useMemo(() => {
    if (promql && prom.data) {
      return {
        source: 'prometheus',
        series: prom.data.map((s, i) => ({
          key: s.key || String(i),
          label: prom.data.length > 1 ? s.key : spec.label,
          points: s.points,
        })),
      };
    }
    return { source: 'browser', series: [{ key: spec.key, label: spec.label, points: local }] };
  }, [promql, prom.data, local, spec.key, spec.label]);
  const points = drawn.series.reduce((n, s) => n + s.points.length, 0);
  const first = Math.min(...drawn.series.map((s) => s.points[0]?.t ?? Infinity));
  return (
    <figure
      className="min-w-0"
      data-testid={testId ?? 'series-chart'}
      data-source={drawn.source}
      data-points={points}
      data-first-t={Number.isFinite(first) ? first : ''}
      aria-label={spec.label}
    >
      <figcaption className="mb-1 flex items-baseline gap-2 text-xs">
        <span className="font-medium text-slate-700 dark:text-slate-200">{spec.label}</span>
        <span className="text-slate-500">
          {drawn.source === 'prometheus' ? 'Prometheus, last hour' : 'recorded in this browser'}
        </span>
      </figcaption>
      {promql && prom.isError && !prom.data ? <QueryError error={prom.error} compact /> : null}
      <Suspense
        fallback={<div style={{ height }} className="animate-pulse rounded bg-slate-100 dark:bg-slate-800" />}
      >
        <TimeSeriesChart
          title={spec.label}
          series={drawn.series}
          format={spec.format}
          timeZone={zone}
          height={height}
          kind="area"
          {...(spec.ratio ? { yDomain: RATIO_DOMAIN } : {})}
          empty={
            promql && prom.isPending
              ? 'Asking Prometheus…'
              : 'No values yet: they are recorded while the dashboard is open.'
          }
        />
      </Suspense>
    </figure>
  );
}
