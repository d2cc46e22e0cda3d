/**
 * TimeSeriesChart: polled metrics over time (recharts; import this file lazily so recharts stays
 * out of the first page).
 *
 *   <TimeSeriesChart title="Busy time" timeZone={useTimeZone()} format="percent" yDomain={[0, 1]}
 *     series={[{ key: 'busy', label: 'Busy', points: history.get('v1/busy') }]}
 *     markers={failed.map((c) => ({ t: c.triggerTime, v: c.duration, label: `#${c.id} failed` }))} />
 *
 * Series with different timestamps are merged on one time axis (gaps are bridged). Markers with a
 * `v` are drawn as dots (red by default), without one as a vertical line. Click a legend entry to
 * hide or show a series. The tooltip shows the rounded and the exact value.
 */
import { memo, useMemo, useState, type ReactNode } from 'react';
import {
  Area,
  AreaChart,
  CartesianGrid,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import { formatTimestamp, type TimeZoneChoice } from '@/lib/format';
import {
  AxisUnit,
  CHART_TONE,
  ChartEmpty,
  PALETTE,
  ticksForHeight,
  TooltipBox,
  TooltipRow,
  type ChartTone,
} from './chart-parts';
import { ChartDataTable } from './chart-data-table';
import { timeTickFormatter } from './time-format';
import { formatExactValue, formatValue, type ValueFormat } from '@/lib/value-format';
import { allIntegers, valueAxis, type ValueAxis } from '@/lib/axis-ticks';

export interface TimeSeries {
  key: string;
  label: string;
  points: readonly { t: number; v: number }[];
  color?: string;
}

export interface ChartMarker {
  t: number;
  /** With a value the marker is a dot on that value; without, a vertical line. */
  v?: number;
  label: string;
  tone?: ChartTone;
}

export interface TimeSeriesChartProps {
  series: readonly TimeSeries[];
  timeZone: TimeZoneChoice;
  /** y-axis and tooltip format; `percent` expects ratios 0..1. */
  format?: ValueFormat;
  kind?: 'line' | 'area';
  stacked?: boolean;
  markers?: readonly ChartMarker[];
  /** e.g. [0, 1] for ratios; default fits the data (from 0 for non-negative data). Ticks: src/lib/axis-ticks.ts. */
  yDomain?: [number | 'auto', number | 'auto'];
  height?: number;
  /** Fixed width in px; by default the chart fills its parent's width. */
  width?: number;
  /** Charts with the same syncId share the tooltip position. */
  syncId?: string;
  /** Accessible name of the chart. */
  title: string;
  empty?: ReactNode;
}

type Row = { t: number } & Record<string, number | undefined>;

/** One row per timestamp, series values under s0, s1, … (series keys may contain dots). */
function mergeSeries(series: readonly TimeSeries[]): Row[] {
  const rows = new Map<number, Row>();
  series.forEach((s, i) => {
    for (const p of s.points) {
      if (!Number.isFinite(p.t)) continue;
      let row = rows.get(p.t);
      if (!row) {
        row = { t: p.t } as Row;
        rows.set(p.t, row);
      }
      row[`s${i}`] = Number.isFinite(p.v) ? p.v : undefined;
    }
  });
  return [...rows.values()].sort((a, b) => a.t - b.t);
}

/** The value axis for what is drawn: shown series (summed when stacked) and the markers' values. */
function axisFor(
  rows: readonly Row[],
  shown: readonly number[],
  stacked: boolean,
  markers: readonly ChartMarker[],
  format: ValueFormat,
  yDomain: TimeSeriesChartProps['yDomain'],
  height: number,
): ValueAxis {
  const values: number[] = [];
  for (const r of rows) {
    const vs = shown.map((i) => r[`s${i}`]).filter((v): v is number => v !== undefined);
    if (stacked) values.push(vs.reduce((a, b) => a + b, 0));
    else values.push(...vs);
  }
  for (const m of markers) if (m.v !== undefined && Number.isFinite(m.v)) values.push(m.v);
  const known = values.length > 0;
  return valueAxis({
    min: known ? Math.min(...values) : undefined,
    max: known ? Math.max(...values) : undefined,
    format,
    integers: format === 'count' && allIntegers(values),
    maxTicks: ticksForHeight(height),
    ...(yDomain ? { domain: yDomain } : {}),
  });
}

function TimeSeriesChartView({
  series,
  timeZone,
  format = 'count',
  kind = 'line',
  stacked,
  markers = [],
  yDomain,
  height = 220,
  width,
  syncId,
  title,
  empty,
}: TimeSeriesChartProps) {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const rows = useMemo(() => mergeSeries(series), [series]);
  const tableRows = useMemo(
    () => rows.map((r) => ({ t: r.t, values: series.map((_, i) => r[`s${i}`]) })),
    [rows, series],
  );
  const colors = series.map((s, i) => s.color ?? PALETTE[i % PALETTE.length] ?? '#0ea5e9');
  const first = rows[0]?.t ?? 0;
  const last = rows[rows.length - 1]?.t ?? 0;
  const tickFormat = useMemo(() => timeTickFormatter(timeZone, last - first), [timeZone, first, last]);
  const axis = useMemo(() => {
    const shown = series.flatMap((s, i) => (hidden.has(s.key) ? [] : [i]));
    return axisFor(rows, shown, stacked === true, markers, format, yDomain, height);
  }, [rows, series, hidden, stacked, markers, format, yDomain, height]);

  if (rows.length === 0) return <ChartEmpty height={height}>{empty}</ChartEmpty>;

  const Chart = kind === 'area' ? AreaChart : LineChart;
  const sizing =
    width === undefined ? { responsive: true, style: { width: '100%', height } } : { width, height };
  const tooltip = (props: TooltipContentProps) => (
    <SeriesTooltip
      {...props}
      series={series}
      colors={colors}
      format={format}
      timeZone={timeZone}
      markers={markers}
    />
  );

  return (
    <figure
      className="relative text-slate-500"
      aria-label={title}
      data-testid="time-series-chart"
      data-y-unit={axis.unit}
    >
      <AxisUnit unit={axis.unit} width={axis.width} />
      <Chart
        {...sizing}
        data={rows}
        syncId={syncId}
        margin={{ top: axis.unit ? 18 : 8, right: 12, bottom: 0, left: 0 }}
        accessibilityLayer
        title={title}
      >
        <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={['dataMin', 'dataMax']}
          tickFormatter={tickFormat}
          tick={{ fill: 'currentColor', fontSize: 11 }}
          stroke="currentColor"
          strokeOpacity={0.3}
          minTickGap={24}
        />
        <YAxis
          tickFormatter={axis.label}
          ticks={axis.ticks}
          interval={0}
          tick={{ fill: 'currentColor', fontSize: 11 }}
          stroke="currentColor"
          strokeOpacity={0.3}
          width={axis.width}
          domain={axis.domain}
          allowDataOverflow
        />
        <Tooltip
          content={tooltip}
          cursor={{ stroke: 'currentColor', strokeOpacity: 0.3 }}
          isAnimationActive={false}
        />
        {/* Straight between samples: a smoothed curve invents values between polls (and across a
            long gap such as a count seeded from the job's start). */}
        {series.map((s, i) => {
          const common = {
            dataKey: `s${i}`,
            name: s.label,
            stroke: colors[i],
            strokeWidth: 1.5,
            // A lone point has no line to show it: draw it as a dot.
            dot: s.points.length === 1 ? { r: 2.5, fill: colors[i] } : false,
            connectNulls: true,
            isAnimationActive: false,
            hide: hidden.has(s.key),
            ...(stacked ? { stackId: 'stack' } : {}),
          };
          return kind === 'area' ? (
            <Area key={s.key} {...common} type="linear" fill={colors[i]} fillOpacity={0.15} />
          ) : (
            <Line key={s.key} {...common} type="linear" />
          );
        })}
        {markers.map((m, i) =>
          m.v === undefined ? (
            <ReferenceLine
              key={`m${i}`}
              x={m.t}
              stroke={CHART_TONE[m.tone ?? 'bad']}
              strokeDasharray="3 3"
              ifOverflow="hidden"
            />
          ) : (
            <ReferenceDot
              key={`m${i}`}
              x={m.t}
              y={m.v}
              r={4}
              fill={CHART_TONE[m.tone ?? 'bad']}
              stroke="white"
              ifOverflow="hidden"
            />
          ),
        )}
      </Chart>
      <ChartDataTable
        title={title}
        labels={series.map((s) => s.label)}
        rows={tableRows}
        format={format}
        timeZone={timeZone}
      />
      {series.length > 1 || markers.length > 0 ? (
        <figcaption className="mt-1 flex flex-wrap gap-x-3 gap-y-1 px-1 text-xs">
          {series.map((s, i) => (
            <button
              key={s.key}
              type="button"
              aria-pressed={!hidden.has(s.key)}
              onClick={() =>
                setHidden((prev) => {
                  const next = new Set(prev);
                  if (!next.delete(s.key)) next.add(s.key);
                  return next;
                })
              }
              className={`inline-flex items-center gap-1 hover:text-slate-900 dark:hover:text-white ${hidden.has(s.key) ? 'line-through opacity-50' : ''}`}
            >
              <span aria-hidden className="inline-block h-0.5 w-3" style={{ backgroundColor: colors[i] }} />
              {s.label}
            </button>
          ))}
          {markers.length > 0 ? (
            <span className="inline-flex items-center gap-1">
              <span
                aria-hidden
                className="inline-block h-2 w-2 rounded-full"
                style={{ backgroundColor: CHART_TONE.bad }}
              />
              {markers.length} marked
            </span>
          ) : null}
        </figcaption>
      ) : null}
    </figure>
  );
}

function SeriesTooltip({
  active,
  label,
  payload,
  series,
  colors,
  format,
  timeZone,
  markers,
}: TooltipContentProps & {
  series: readonly TimeSeries[];
  colors: string[];
  format: ValueFormat;
  timeZone: TimeZoneChoice;
  markers: readonly ChartMarker[];
}) {
  if (!active || typeof label !== 'number') return null;
  const row = payload[0]?.payload as Row | undefined;
  const here = markers.filter((m) => m.t === label);
  return (
    <TooltipBox title={formatTimestamp(label, timeZone)}>
      {series.map((s, i) => {
        const v = row?.[`s${i}`];
        if (v === undefined) return null;
        return (
          <TooltipRow
            key={s.key}
            color={colors[i] ?? '#0ea5e9'}
            label={s.label}
            value={formatValue(v, format)}
            exact={formatExactValue(v, format)}
          />
        );
      })}
      {here.map((m, i) => (
        <div key={i} className="mt-1 font-medium" style={{ color: CHART_TONE[m.tone ?? 'bad'] }}>
          {m.label}
        </div>
      ))}
    </TooltipBox>
  );
}

/**
 * Drawn again only when its props change: a page that re-renders on every poll of any cluster
 * (Triage) would otherwise redraw every chart it holds each time (recharts is the costliest part of
 * such a render). Callers keep series, markers and domains stable (useMemo, module constants).
 */
export const TimeSeriesChart = memo(TimeSeriesChartView);

export default TimeSeriesChart;
