import { Fragment, useEffect, useRef, type ReactNode } from 'react';
import { formatDuration, formatTimestamp, type TimeZoneChoice } from '@/lib/format';
import { LevelBadge, Percent, SubtaskStrip } from './parts';
import type { VertexPressure } from './utils/levels';
import { BACK_PRESSURE_LOW } from './utils/levels';
import { BUSY_THRESHOLD } from './utils/bottleneck';
import type { Skew } from './utils/skew';
import type { VertexInfo, VertexLoad } from './utils/vertex-rows';
import type { VertexWatermarks } from './utils/watermarks';

export interface VertexRowModel {
  info: VertexInfo;
  pressure: VertexPressure | undefined;
  load: VertexLoad;
  skew: Skew | undefined;
  watermarks: VertexWatermarks | undefined;
  /** First failed request of this row (back-pressure, metrics or watermarks). */
  error: Error | null;
  isBottleneck: boolean;
}

const th =
  'px-2 py-2 text-left text-[11px] font-semibold uppercase tracking-wide text-slate-500 whitespace-nowrap';
const td = 'px-2 py-2 align-middle';

export function VertexTable({
  rows,
  selected,
  onSelect,
  observe,
  zone,
  renderDetail,
}: {
  rows: readonly VertexRowModel[];
  selected: string | undefined;
  onSelect: (id: string | undefined) => void;
  observe: (id: string) => (el: Element | null) => void;
  zone: TimeZoneChoice;
  renderDetail: (row: VertexRowModel) => ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  // A vertex picked elsewhere (the hint, a shared link) scrolls into view.
  useEffect(() => {
    if (!selected) return;
    const tr = box.current?.querySelector(`tr[data-vertex="${CSS.escape(selected)}"]`);
    tr?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [selected]);
  return (
    <div
      ref={box}
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <table
        className="w-full border-collapse text-sm"
        style={{ minWidth: 860 }}
        aria-label="Back-pressure per vertex"
        data-testid="bp-table"
      >
        <thead className="border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900/60">
          <tr>
            <th className={th}>Vertex</th>
            <th className={th}>Level</th>
            <th
              className={`${th} text-right`}
              title="Back-pressured time of the worst subtask (backPressuredTimeMsPerSecond, max)"
            >
              Back-pressured
            </th>
            <th
              className={`${th} text-right`}
              title="Busy time of the worst subtask (busyTimeMsPerSecond, max)"
            >
              Busy
            </th>
            <th
              className={th}
              title="Each subtask: back-pressured, busy and idle share of time (last sample)"
            >
              Subtasks
            </th>
            <th
              className={`${th} text-right`}
              title="Records in per subtask: the busiest subtask vs. the mean (records out for sources)"
            >
              Skew
            </th>
            <th className={th} title="Lowest input watermark over the subtasks, and how far it is behind now">
              Low watermark
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const open = r.info.id === selected;
            return (
              <Fragment key={r.info.id}>
                <tr
                  ref={observe(r.info.id)}
                  data-testid="bp-row"
                  data-vertex={r.info.id}
                  aria-selected={open}
                  onClick={() => onSelect(open ? undefined : r.info.id)}
                  className={`cursor-pointer border-b border-slate-100 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/50 ${
                    open ? 'bg-sky-50 dark:bg-sky-950/40' : ''
                  }`}
                >
                  <td className={td} style={{ maxWidth: 360 }}>
                    <button
                      type="button"
                      aria-expanded={open}
                      className="flex w-full min-w-0 items-center gap-2 text-left"
                      onClick={(e) => {
                        e.stopPropagation();
                        onSelect(open ? undefined : r.info.id);
                      }}
                    >
                      <span
                        aria-hidden
                        className={`inline-block text-[10px] text-slate-400 transition-transform ${open ? 'rotate-90' : ''}`}
                      >
                        ▶
                      </span>
                      <span className="truncate font-medium" title={r.info.name} data-testid="bp-vertex-name">
                        {r.info.name}
                      </span>
                      <span className="shrink-0 text-[11px] text-slate-500" title="Parallelism">
                        ×{r.info.parallelism}
                      </span>
                      {r.isBottleneck ? (
                        <span
                          className="shrink-0 rounded bg-red-600 px-1.5 py-0.5 text-[10px] font-semibold uppercase tracking-wide text-white"
                          data-testid="bottleneck-badge"
                        >
                          bottleneck
                        </span>
                      ) : null}
                    </button>
                  </td>
                  <td className={td}>
                    <span className="inline-flex items-center gap-1">
                      <LevelBadge pressure={r.pressure} />
                      {r.error ? (
                        <span
                          className="text-xs text-amber-700 dark:text-amber-400"
                          title={r.error.message}
                          data-testid="bp-row-error"
                        >
                          ⚠
                        </span>
                      ) : null}
                    </span>
                  </td>
                  <td className={`${td} text-right`}>
                    <Percent value={r.load.backPressured} warnAt={BACK_PRESSURE_LOW} tone="bp" />
                  </td>
                  <td className={`${td} text-right`}>
                    <Percent value={r.load.busy} warnAt={BUSY_THRESHOLD} tone="busy" />
                  </td>
                  <td className={td} style={{ width: 180 }}>
                    <SubtaskStrip subtasks={r.pressure?.kind === 'sampled' ? r.pressure.subtasks : []} />
                  </td>
                  <td className={`${td} text-right`}>
                    <SkewCell skew={r.skew} />
                  </td>
                  <td className={td}>
                    <WatermarkCell wm={r.watermarks} zone={zone} />
                  </td>
                </tr>
                {open ? (
                  <tr className="border-b border-slate-200 bg-slate-50/60 dark:border-slate-800 dark:bg-slate-950/40">
                    <td colSpan={7} className="p-3">
                      {renderDetail(r)}
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function SkewCell({ skew }: { skew: Skew | undefined }) {
  if (!skew || skew.factor === undefined) return <span className="text-slate-400">—</span>;
  const text = `${skew.factor.toFixed(1)}×`;
  if (!skew.skewed) {
    return (
      <span
        className="tabular-nums text-slate-600 dark:text-slate-300"
        title="Records of the busiest subtask vs. the mean"
      >
        {text}
      </span>
    );
  }
  return (
    <span
      data-testid="skew-flag"
      className="inline-flex items-center gap-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900 tabular-nums dark:bg-amber-900/50 dark:text-amber-100"
      title={
        skew.emptySubtask
          ? 'At least one subtask received no records while others did (idle partition or unused keys).'
          : 'The busiest subtask got more than twice the mean number of records: data skew.'
      }
    >
      {skew.emptySubtask ? 'empty subtask' : `skew ${text}`}
    </span>
  );
}

function WatermarkCell({ wm, zone }: { wm: VertexWatermarks | undefined; zone: TimeZoneChoice }) {
  if (!wm) return <span className="text-slate-400">—</span>;
  if (wm.low === undefined) {
    return (
      <span
        className="text-xs text-slate-500"
        title="Long.MIN_VALUE: the subtasks have no input watermark (sources, or no event time)"
      >
        no watermark
      </span>
    );
  }
  return (
    <span className="flex flex-col leading-tight" data-testid="watermark-cell">
      <span className="tabular-nums text-xs">{formatTimestamp(wm.low, zone)}</span>
      <span className="text-[11px] text-slate-500 tabular-nums">
        lag {formatDuration(wm.lagMs)}
        {wm.stuck.length > 0 ? (
          <span
            className="ml-1 font-semibold text-amber-700 dark:text-amber-400"
            data-testid="watermark-stuck"
          >
            · stuck ({wm.stuck.length === 1 ? `subtask ${wm.stuck[0]}` : `${wm.stuck.length} subtasks`})
          </span>
        ) : null}
        {wm.none.length > 0 ? <span className="ml-1">· {wm.none.length} without</span> : null}
      </span>
    </span>
  );
}
