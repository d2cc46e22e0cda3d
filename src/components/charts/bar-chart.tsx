/**
 * BarChart: one bar per id (e.g. per checkpoint: duration or size), coloured per bar by tone.
 * Recharts lives in this file only, so import it lazily.
 *
 *   <BarChart title="Checkpoint duration" valueLabel="Duration" format="duration"
 *     data={checkpoints.map((c) => ({ id: String(c.id), value: c.duration, tone: c.failed ? 'bad' : 'ok' }))}
 *     selectedId={checkpointId} onSelect={openCheckpoint} />
 *
 * Bars without a value (null) leave a gap; the tooltip shows the rounded and the exact value.
 */
import type { ReactNode } from 'react';
import {
  Bar,
  BarChart as RechartsBarChart,
  CartesianGrid,
  Rectangle,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
  type TooltipContentProps,
} from 'recharts';
import {
  AxisUnit,
  CHART_TONE,
  ChartEmpty,
  ticksForHeight,
  TooltipBox,
  TooltipRow,
  type ChartTone,
} from './chart-parts';
import { formatExactValue, formatValue, type ValueFormat } from '@/lib/value-format';
import { allIntegers, valueAxis } from '@/lib/axis-ticks';

export interface BarDatum {
  id: string;
  value: number | null;
  tone?: ChartTone;
  /** Tooltip heading; defaults to "#id". */
  label?: string;
}

export interface BarChartProps {
  data: readonly BarDatum[];
  /** What the value is, e.g. "Duration". */
  valueLabel: string;
  format?: ValueFormat;
  selectedId?: string | null;
  onSelect?: (id: string) => void;
  height?: number;
  /** Fixed width in px; by default the chart fills its parent's width. */
  width?: number;
  /** Accessible name of the chart. */
  title: string;
  empty?: ReactNode;
}

export function BarChart({
  data,
  valueLabel,
  format = 'count',
  selectedId,
  onSelect,
  height = 200,
  width,
  title,
  empty,
}: BarChartProps) {
  if (data.length === 0) return <ChartEmpty height={height}>{empty}</ChartEmpty>;
  const values = data.flatMap((d) => (d.value !== null && Number.isFinite(d.value) ? [d.value] : []));
  const axis = valueAxis({
    min: values.length ? Math.min(...values) : undefined,
    max: values.length ? Math.max(...values) : undefined,
    format,
    integers: format === 'count' && allIntegers(values),
    maxTicks: ticksForHeight(height),
  });
  const sizing =
    width === undefined ? { responsive: true, style: { width: '100%', height } } : { width, height };
  const shape = (props: BarShapeProps) => {
    const datum = props.payload as BarDatum;
    const selected = datum.id === selectedId;
    return (
      <Rectangle
        {...props}
        fill={CHART_TONE[datum.tone ?? 'info']}
        fillOpacity={selectedId && !selected ? 0.45 : 1}
        stroke={selected ? 'currentColor' : 'none'}
        radius={[2, 2, 0, 0]}
        data-testid="bar"
        data-id={datum.id}
        data-tone={datum.tone ?? 'info'}
      />
    );
  };
  const tooltip = ({ active, payload }: TooltipContentProps) => {
    const datum = payload[0]?.payload as BarDatum | undefined;
    if (!active || !datum) return null;
    return (
      <TooltipBox title={datum.label ?? `#${datum.id}`}>
        <TooltipRow
          color={CHART_TONE[datum.tone ?? 'info']}
          label={valueLabel}
          value={formatValue(datum.value, format)}
          exact={formatExactValue(datum.value, format)}
        />
      </TooltipBox>
    );
  };
  return (
    <figure
      className="relative text-slate-500"
      aria-label={title}
      data-testid="bar-chart"
      data-y-unit={axis.unit}
    >
      <AxisUnit unit={axis.unit} width={axis.width} />
      <RechartsBarChart
        {...sizing}
        data={data as BarDatum[]}
        margin={{ top: axis.unit ? 18 : 8, right: 12, bottom: 0, left: 0 }}
        accessibilityLayer
        title={title}
      >
        <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} />
        <XAxis
          dataKey="id"
          tick={{ fill: 'currentColor', fontSize: 11 }}
          stroke="currentColor"
          strokeOpacity={0.3}
          minTickGap={8}
        />
        <YAxis
          tickFormatter={axis.label}
          ticks={axis.ticks}
          interval={0}
          domain={axis.domain}
          allowDataOverflow
          tick={{ fill: 'currentColor', fontSize: 11 }}
          stroke="currentColor"
          strokeOpacity={0.3}
          width={axis.width}
        />
        <Tooltip
          content={tooltip}
          cursor={{ fill: 'currentColor', fillOpacity: 0.08 }}
          isAnimationActive={false}
        />
        <Bar
          dataKey="value"
          name={valueLabel}
          shape={shape}
          isAnimationActive={false}
          cursor={onSelect ? 'pointer' : undefined}
          onClick={
            onSelect
              ? (entry: { payload?: BarDatum }) => entry.payload && onSelect(entry.payload.id)
              : undefined
          }
        />
      </RechartsBarChart>
    </figure>
  );
}

export default BarChart;
