import { useMemo } from 'react';
import { jobFlameGraphRoute, jobRoute, Link } from '@/app/router';
import { useVertexDetails } from '@/api/flink/queries-vertices';
import type { VertexDetails } from '@/api/flink/schemas';
import { DataTable, type Column } from '@/components/data-table';
import { QueryError } from '@/components/query-state';
import {
  formatCount,
  formatDuration,
  formatPercent,
  formatTimestamp,
  type TimeZoneChoice,
} from '@/lib/format';
import { LevelBadge, Percent, RatioBar } from './parts';
import { BUSY_THRESHOLD } from './utils/bottleneck';
import { BACK_PRESSURE_LOW, type BackPressureLevel } from './utils/levels';
import { subtaskSkew } from './utils/skew';
import type { VertexRowModel } from './vertex-table';

interface SubtaskRow {
  subtask: number;
  level: BackPressureLevel | undefined;
  backPressured: number | undefined;
  busy: number | undefined;
  idle: number | undefined;
  records: number | undefined;
  endpoint: string | undefined;
  watermark: number | undefined;
  lagMs: number | undefined;
  stuckForMs: number | undefined;
  hot: boolean;
  empty: boolean;
}

function subtaskRows(row: VertexRowModel, details: VertexDetails | undefined): SubtaskRow[] {
  const sampled = row.pressure?.kind === 'sampled' ? row.pressure.subtasks : [];
  const bySubtask = new Map(sampled.map((s) => [s.subtask, s]));
  const wms = new Map((row.watermarks?.subtasks ?? []).map((w) => [w.subtask, w]));
  const attempts = new Map((details?.subtasks ?? []).map((s) => [s.subtask, s]));
  const count = Math.max(row.info.parallelism, sampled.length, details?.subtasks.length ?? 0);
  const records = Array.from({ length: count }, (_, i) => {
    const m = attempts.get(i)?.metrics;
    if (!m) return undefined;
    return row.info.isSource ? m['write-records'] : m['read-records'];
  });
  const skew = subtaskSkew(records);
  return Array.from({ length: count }, (_, i) => {
    const bp = bySubtask.get(i);
    const wm = wms.get(i);
    return {
      subtask: i,
      level: bp?.level,
      backPressured: bp?.backPressured,
      busy: bp?.busy,
      idle: bp?.idle,
      records: records[i],
      endpoint: attempts.get(i)?.endpoint,
      watermark: wm?.watermark,
      lagMs: wm?.lagMs,
      stuckForMs: wm?.stuckForMs,
      hot: skew.hot.has(i),
      empty: skew.empty.has(i),
    };
  });
}

const LEVEL_TEXT: Record<BackPressureLevel, string> = { ok: 'OK', low: 'LOW', high: 'HIGH' };
const LEVEL_TONE: Record<BackPressureLevel, string> = {
  ok: 'text-emerald-700 dark:text-emerald-400',
  low: 'text-amber-700 dark:text-amber-400',
  high: 'text-red-700 dark:text-red-400',
};

function columns(zone: TimeZoneChoice, isSource: boolean, hasWatermarks: boolean): Column<SubtaskRow>[] {
  const cols: Column<SubtaskRow>[] = [
    {
      id: 'subtask',
      header: '#',
      cell: (r) => <span className="tabular-nums">{r.subtask}</span>,
      sortValue: (r) => r.subtask,
      width: 56,
    },
    {
      id: 'level',
      header: 'Level',
      cell: (r) =>
        r.level ? (
          <span className={`text-xs font-semibold ${LEVEL_TONE[r.level]}`}>{LEVEL_TEXT[r.level]}</span>
        ) : (
          '—'
        ),
      sortValue: (r) => r.backPressured,
      descFirst: true,
      width: 84,
    },
    {
      id: 'bp',
      header: 'Back-pressured',
      cell: (r) => <Percent value={r.backPressured} warnAt={BACK_PRESSURE_LOW} tone="bp" />,
      sortValue: (r) => r.backPressured,
      descFirst: true,
      align: 'right',
      width: 150,
    },
    {
      id: 'busy',
      header: 'Busy',
      cell: (r) => <Percent value={r.busy} warnAt={BUSY_THRESHOLD} tone="busy" />,
      sortValue: (r) => r.busy,
      descFirst: true,
      align: 'right',
      width: 84,
    },
    {
      id: 'idle',
      header: 'Idle',
      cell: (r) => <span className="tabular-nums">{formatPercent(r.idle)}</span>,
      sortValue: (r) => r.idle,
      descFirst: true,
      align: 'right',
      width: 84,
    },
    {
      id: 'bar',
      header: 'Share of time',
      cell: (r) =>
        r.backPressured === undefined && r.busy === undefined ? (
          <span className="text-slate-400">—</span>
        ) : (
          <RatioBar
            shares={{ backPressured: r.backPressured ?? 0, busy: r.busy ?? 0, idle: r.idle ?? 0 }}
            label={`Subtask ${r.subtask}`}
          />
        ),
    },
    {
      id: 'records',
      header: isSource ? 'Records out' : 'Records in',
      title: isSource
        ? 'Records the subtask emitted since it started'
        : 'Records the subtask received since it started',
      cell: (r) => (
        <span className="inline-flex items-center justify-end gap-1">
          {r.hot ? (
            <span
              className="rounded bg-amber-100 px-1 text-[10px] font-semibold text-amber-900 dark:bg-amber-900/50 dark:text-amber-100"
              title="More than twice the mean of the subtasks: data skew"
            >
              hot
            </span>
          ) : null}
          {r.empty ? (
            <span
              className="rounded bg-sky-100 px-1 text-[10px] font-semibold text-sky-900 dark:bg-sky-900/60 dark:text-sky-100"
              title="No records while other subtasks have some: idle"
            >
              idle
            </span>
          ) : null}
          <span className="tabular-nums">{formatCount(r.records)}</span>
        </span>
      ),
      sortValue: (r) => r.records,
      descFirst: true,
      align: 'right',
      width: 150,
    },
  ];
  if (hasWatermarks) {
    cols.push({
      id: 'watermark',
      header: 'Watermark',
      cell: (r) =>
        r.watermark === undefined ? (
          <span className="text-xs text-slate-500">none</span>
        ) : (
          <span className="flex flex-col items-start leading-tight">
            <span className="text-xs tabular-nums">{formatTimestamp(r.watermark, zone)}</span>
            <span className="text-[11px] text-slate-500 tabular-nums">
              lag {formatDuration(r.lagMs)}
              {r.stuckForMs !== undefined ? (
                <span className="ml-1 font-semibold text-amber-700 dark:text-amber-400">
                  · not moving for {formatDuration(r.stuckForMs)}
                </span>
              ) : null}
            </span>
          </span>
        ),
      sortValue: (r) => r.watermark,
      width: 260,
    });
  }
  cols.push({
    id: 'endpoint',
    header: 'Task manager',
    cell: (r) => (
      <span className="truncate text-xs text-slate-600 dark:text-slate-300" title={r.endpoint}>
        {r.endpoint ?? '—'}
      </span>
    ),
    sortValue: (r) => r.endpoint,
    width: 150,
  });
  return cols;
}

/** The selected vertex: its sample time, links, and one row per subtask (virtualised: 2,000 are fine). */
export function SubtaskPanel({
  row,
  clusterId,
  jobId,
  zone,
  selectedSubtask,
  onSelectSubtask,
  errors,
}: {
  row: VertexRowModel;
  clusterId: string;
  jobId: string;
  zone: TimeZoneChoice;
  selectedSubtask: number | undefined;
  onSelectSubtask: (subtask: number | undefined) => void;
  errors: Error[];
}) {
  const details = useVertexDetails(clusterId, jobId, row.info.id);
  const rows = useMemo(() => subtaskRows(row, details.data), [row, details.data]);
  const hasWatermarks = (row.watermarks?.subtasks.length ?? 0) > 0 && row.watermarks?.low !== undefined;
  const cols = useMemo(
    () => columns(zone, row.info.isSource, hasWatermarks),
    [zone, row.info.isSource, hasWatermarks],
  );
  const sampledAt = row.pressure?.kind === 'sampled' ? row.pressure.endTimestamp : undefined;
  const linkClass = 'text-xs font-medium text-sky-700 hover:underline dark:text-sky-300';
  return (
    <div className="space-y-2" data-testid="subtask-panel">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <span className="font-semibold">{row.info.name}</span>
        <LevelBadge pressure={row.pressure} />
        <span className="text-xs text-slate-500" data-testid="bp-sampled-at">
          {row.pressure?.kind === 'sampling'
            ? 'Flink is taking the first sample…'
            : sampledAt
              ? `Sampled at ${formatTimestamp(sampledAt, zone)}`
              : null}
        </span>
        {row.watermarks?.lagMs !== undefined ? (
          <span className="text-xs text-slate-500">
            Low watermark {formatTimestamp(row.watermarks.low, zone)} · lag{' '}
            {formatDuration(row.watermarks.lagMs)}
          </span>
        ) : null}
        <span className="ml-auto flex gap-3">
          <Link
            to={jobFlameGraphRoute}
            params={{ clusterId, jobId }}
            search={
              selectedSubtask !== undefined
                ? { vertex: row.info.id, subtask: selectedSubtask }
                : { vertex: row.info.id }
            }
            className={linkClass}
            data-testid="panel-flamegraph"
          >
            Flame graph{selectedSubtask !== undefined ? ` of subtask ${selectedSubtask}` : ''}
          </Link>
          <Link
            to={jobRoute}
            params={{ clusterId, jobId }}
            search={{ vertex: row.info.id }}
            className={linkClass}
          >
            Job graph
          </Link>
        </span>
      </div>
      {errors.map((e, i) => (
        <QueryError key={i} error={e} compact />
      ))}
      {details.error && !details.data ? (
        <QueryError error={details.error} compact onRetry={() => void details.refetch()} />
      ) : null}
      <DataTable
        label={`Subtasks of ${row.info.name}`}
        columns={cols}
        rows={rows}
        rowKey={(r) => String(r.subtask)}
        defaultSort={{ id: 'subtask', desc: false }}
        selectedKey={selectedSubtask !== undefined ? String(selectedSubtask) : null}
        onRowClick={(r) => onSelectSubtask(r.subtask === selectedSubtask ? undefined : r.subtask)}
        rowHeight={hasWatermarks ? 44 : 36}
        maxHeight={360}
        testId="subtask-table"
      />
    </div>
  );
}
