import { useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { timeTickFormatter } from '@/components/charts/time-format';
import { formatDuration, formatTimestamp, type TimeZoneChoice } from '@/lib/format';
import {
  percentOf,
  SUBTASK_STATES,
  timeTicks,
  type Segment,
  type Timeline,
  type TimelineRow,
} from './utils/timeline';

/** Bar colours per execution state (vertex status or subtask state). */
export const STATE_COLOURS: Record<string, string> = {
  CREATED: 'bg-slate-300 dark:bg-slate-600',
  SCHEDULED: 'bg-violet-400 dark:bg-violet-500',
  DEPLOYING: 'bg-amber-400 dark:bg-amber-500',
  INITIALIZING: 'bg-cyan-400 dark:bg-cyan-500',
  RUNNING: 'bg-sky-500 dark:bg-sky-500',
  FINISHED: 'bg-emerald-500 dark:bg-emerald-500',
  CANCELING: 'bg-orange-300 dark:bg-orange-400',
  CANCELED: 'bg-slate-400 dark:bg-slate-500',
  FAILED: 'bg-red-500 dark:bg-red-500',
  RECONCILING: 'bg-fuchsia-400 dark:bg-fuchsia-500',
  // job states and the dashboard's own observation (runs timeline)
  RESTARTING: 'bg-orange-500 dark:bg-orange-500',
  FAILING: 'bg-red-300 dark:bg-red-400',
  'NO ANSWER': 'bg-rose-200 dark:bg-rose-900',
};
export const stateColour = (state: string) =>
  STATE_COLOURS[state.toUpperCase()] ?? 'bg-violet-300 dark:bg-violet-600';

const AXIS_HEIGHT = 28;

interface Hover {
  row: TimelineRow;
  segment: Segment;
  x: number;
  y: number;
}

/**
 * A Gantt chart of plain divs: one row per item, coloured segments positioned in percent of the
 * time range (no measuring, no chart library), a time axis on top, a "now" line while something
 * is still running. Only visible rows are rendered, so 2,000 subtasks are fine. Hover or focus a
 * bar for its exact times.
 */
export function Gantt({
  label,
  timeline,
  zone,
  rowHeight = 28,
  labelWidth = 260,
  maxHeight = 480,
  selectedId,
  onRowClick,
  testId,
  range,
}: {
  label: string;
  timeline: Timeline;
  /** Show only this part of the time range (e.g. the start-up); bars are cut at its end. */
  range?: { start: number; end: number } | undefined;
  zone: TimeZoneChoice;
  rowHeight?: number;
  labelWidth?: number;
  maxHeight?: number;
  selectedId?: string | undefined;
  onRowClick?: (row: TimelineRow) => void;
  testId?: string;
}) {
  const { rows, now } = timeline;
  const start = range?.start ?? timeline.start;
  const end = range?.end ?? timeline.end;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- only this component reads the virtualizer
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    scrollMargin: AXIS_HEIGHT,
    initialRect: { width: 0, height: maxHeight },
  });
  const { ticks, step } = useMemo(() => timeTicks(start, end, 8), [start, end]);
  const tickLabel = useMemo(() => {
    if (step < 1000) return (t: number) => `+${formatDuration(t - start)}`;
    return timeTickFormatter(zone, end - start);
  }, [step, start, end, zone]);
  const anyOpen = now <= end && rows.some((r) => r.segments.some((s) => s.open));
  const nowPct = percentOf(now, start, end);
  const items = virtualizer.getVirtualItems();

  return (
    <div
      className="relative rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
      data-testid={testId}
    >
      <div ref={scrollRef} className="overflow-auto" style={{ maxHeight }} role="table" aria-label={label}>
        <div
          className="sticky top-0 z-10 flex border-b border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-800"
          style={{ height: AXIS_HEIGHT }}
        >
          <div
            className="shrink-0 px-3 text-xs font-medium uppercase leading-7 tracking-wide text-slate-500"
            style={{ width: labelWidth }}
          >
            {label}
          </div>
          <div className="relative mr-4 flex-1" aria-hidden data-testid="gantt-axis">
            {ticks.map((t) => (
              <span
                key={t}
                className="absolute top-0 -translate-x-1/2 whitespace-nowrap text-[10px] leading-7 tabular-nums text-slate-500"
                style={{ left: `${percentOf(t, start, end)}%` }}
              >
                {tickLabel(t)}
              </span>
            ))}
          </div>
        </div>
        <div className="relative" style={{ height: virtualizer.getTotalSize() }}>
          <div
            className="pointer-events-none absolute inset-y-0 right-4"
            style={{ left: labelWidth }}
            aria-hidden
          >
            {ticks.map((t) => (
              <div
                key={t}
                className="absolute inset-y-0 border-l border-slate-100 dark:border-slate-800"
                style={{ left: `${percentOf(t, start, end)}%` }}
              />
            ))}
            {anyOpen ? (
              <div
                className="absolute inset-y-0 border-l border-dashed border-sky-600 dark:border-sky-400"
                style={{ left: `${nowPct}%` }}
                title="now"
              />
            ) : null}
          </div>
          {items.map((item) => {
            const row = rows[item.index] as TimelineRow;
            const selected = row.id === selectedId;
            return (
              <div
                key={row.id}
                role="row"
                data-testid="gantt-row"
                data-row-id={row.id}
                data-selected={selected || undefined}
                className={`absolute left-0 right-0 flex items-center border-b border-slate-100 dark:border-slate-800/60 ${
                  selected
                    ? 'bg-sky-50 dark:bg-sky-950/50'
                    : onRowClick
                      ? 'hover:bg-slate-50 dark:hover:bg-slate-800/40'
                      : ''
                }`}
                style={{ height: rowHeight, transform: `translateY(${item.start - AXIS_HEIGHT}px)` }}
              >
                <div
                  role="rowheader"
                  className="shrink-0 truncate px-3 text-xs"
                  style={{ width: labelWidth }}
                >
                  {onRowClick ? (
                    <button
                      type="button"
                      onClick={() => onRowClick(row)}
                      aria-pressed={selected}
                      className="block w-full truncate text-left font-medium text-sky-700 hover:underline dark:text-sky-400"
                      title={row.label}
                    >
                      {row.label}
                    </button>
                  ) : (
                    <span className="font-medium" title={row.label}>
                      {row.label}
                    </span>
                  )}
                  {row.detail && rowHeight >= 28 ? (
                    <div className="truncate text-[10px] text-slate-500">{row.detail}</div>
                  ) : null}
                  {row.detail && rowHeight < 28 ? (
                    <span className="ml-1.5 text-[10px] text-slate-500">{row.detail}</span>
                  ) : null}
                </div>
                <div role="cell" className="relative mr-4 h-full flex-1">
                  {row.segments.map((s, i) => {
                    if (s.start > end || s.end < start) return null;
                    const left = percentOf(s.start, start, end);
                    const width = Math.max(percentOf(s.end, start, end) - left, 0);
                    return (
                      <div
                        key={i}
                        tabIndex={0}
                        data-testid="gantt-bar"
                        data-state={s.state}
                        aria-label={describe(row, s, zone)}
                        onMouseEnter={(e) => setHover({ row, segment: s, x: e.clientX, y: e.clientY })}
                        onMouseMove={(e) => setHover({ row, segment: s, x: e.clientX, y: e.clientY })}
                        onMouseLeave={() => setHover(null)}
                        onFocus={(e) => {
                          const r = e.currentTarget.getBoundingClientRect();
                          setHover({ row, segment: s, x: r.left, y: r.bottom });
                        }}
                        onBlur={() => setHover(null)}
                        onClick={onRowClick ? () => onRowClick(row) : undefined}
                        className={`absolute top-1/2 -translate-y-1/2 rounded-sm outline-none focus-visible:ring-2 focus-visible:ring-sky-600 ${stateColour(s.state)} ${onRowClick ? 'cursor-pointer' : ''}`}
                        style={{
                          left: `${left}%`,
                          width: `max(${width}%, 2px)`,
                          height: Math.max(6, rowHeight - 12),
                        }}
                      />
                    );
                  })}
                </div>
              </div>
            );
          })}
        </div>
      </div>
      {hover ? <Tooltip hover={hover} zone={zone} /> : null}
    </div>
  );
}

/*
 * Every bar carries its exact times (aria-label), re-rendered on each poll; state timestamps never
 * change, so their text is remembered (formatTimestamp builds an Intl formatter per call).
 */
const stamps = new Map<string, string>();
function stamp(ms: number, zone: TimeZoneChoice): string {
  const key = `${zone}|${ms}`;
  let text = stamps.get(key);
  if (text === undefined) {
    if (stamps.size > 20_000) stamps.clear();
    text = formatTimestamp(ms, zone);
    stamps.set(key, text);
  }
  return text;
}

function describe(row: TimelineRow, s: Segment, zone: TimeZoneChoice): string {
  const until = s.open ? 'still going' : stamp(s.end, zone);
  return `${row.label}: ${s.state} from ${stamp(s.start, zone)} until ${until} (${formatDuration(s.end - s.start)})`;
}

function Tooltip({ hover, zone }: { hover: Hover; zone: TimeZoneChoice }) {
  const { row, segment: s } = hover;
  const left = Math.min(hover.x + 14, window.innerWidth - 300);
  return (
    <div
      role="tooltip"
      data-testid="gantt-tooltip"
      className="pointer-events-none fixed z-50 w-72 rounded-md border border-slate-200 bg-white p-2 text-xs shadow-lg dark:border-slate-700 dark:bg-slate-900"
      style={{ left, top: hover.y + 14 }}
    >
      <div className="truncate font-semibold">{row.label}</div>
      <div className="mt-1 flex items-center gap-1.5">
        <span className={`inline-block h-2.5 w-2.5 rounded-sm ${stateColour(s.state)}`} />
        <span className="font-medium">{s.state}</span>
        <span className="ml-auto tabular-nums text-slate-500">{formatDuration(s.end - s.start)}</span>
      </div>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 tabular-nums">
        <dt className="text-slate-500">From</dt>
        <dd>
          {formatTimestamp(s.start, zone)}.{pad3(s.start)}
        </dd>
        <dt className="text-slate-500">Until</dt>
        <dd>{s.open ? 'still going' : `${formatTimestamp(s.end, zone)}.${pad3(s.end)}`}</dd>
      </dl>
      {row.detail ? <div className="mt-1 truncate text-slate-500">{row.detail}</div> : null}
    </div>
  );
}

const pad3 = (ms: number) => String(Math.floor(ms) % 1000).padStart(3, '0');

/** The colours of the states that occur in a timeline. */
export function GanttLegend({ timeline }: { timeline: Timeline }) {
  const states = useMemo(() => {
    const seen = new Set<string>();
    for (const r of timeline.rows) for (const s of r.segments) seen.add(s.state);
    const rank = (x: string) => {
      const i = (SUBTASK_STATES as readonly string[]).indexOf(x);
      return i < 0 ? SUBTASK_STATES.length : i;
    };
    return [...seen].sort((a, b) => rank(a) - rank(b));
  }, [timeline]);
  if (states.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-3 text-xs text-slate-600 dark:text-slate-400" aria-label="Legend">
      {states.map((s) => (
        <li key={s} className="inline-flex items-center gap-1">
          <span className={`inline-block h-2.5 w-2.5 rounded-sm ${stateColour(s)}`} />
          {s}
        </li>
      ))}
    </ul>
  );
}
