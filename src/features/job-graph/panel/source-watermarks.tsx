import { useMemo } from 'react';
import { useVertexMetrics } from '@/api/flink/queries';
import { DataTable, type Column } from '@/components/data-table';
import { QueryState } from '@/components/query-state';
import { useNow } from '@/hooks/use-now';
import { formatDuration, formatPercent, formatTimestamp, type TimeZoneChoice } from '@/lib/format';
import { useTimeZone } from '@/stores/preferences';
import {
  sourceWatermarkMetricIds,
  sourceWatermarkRows,
  type SourceSubtaskRow,
} from '../utils/source-watermarks';
import { formatPerSecond } from '../utils/graph-model';
import { Figures } from './parts';

/**
 * The watermarks of a source vertex: what each subtask emits downstream (its output watermark) and
 * whether it emits at all. A source has no input watermark, so `/watermarks` says nothing here;
 * an idle subtask is what holds the job's watermark back.
 */
export function SourceWatermarks({
  clusterId,
  jobId,
  vertexId,
  parallelism,
}: {
  clusterId: string;
  jobId: string;
  vertexId: string;
  parallelism: number;
}) {
  const available = useVertexMetrics(clusterId, jobId, vertexId);
  const ids = useMemo(() => sourceWatermarkMetricIds(available.data), [available.data]);
  const values = useVertexMetrics(clusterId, ids.length ? jobId : undefined, vertexId, { get: ids });
  const zone = useTimeZone();
  const now = useNow(1000);
  const summary = useMemo(
    () => sourceWatermarkRows(values.data, parallelism, now),
    [values.data, parallelism, now],
  );
  const columns = useMemo(() => sourceColumns(zone), [zone]);
  return (
    <div data-testid="source-watermarks">
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        A source has no input watermark: below is what each subtask emits downstream (its output watermark)
        and whether it emits records at all. An idle subtask holds back the watermark of every vertex after
        it.
      </p>
      <QueryState query={available} skeletonRows={4}>
        {() =>
          ids.length === 0 ? (
            <p className="text-sm text-slate-500">This source reports no watermark or output metrics yet.</p>
          ) : (
            <QueryState query={values} skeletonRows={4}>
              {() => (
                <>
                  <Figures
                    items={[
                      {
                        label: 'Low output watermark',
                        value: <span className="text-sm">{formatTimestamp(summary.low, zone)}</span>,
                        hint: 'slowest subtask',
                        testId: 'source-low-watermark',
                      },
                      {
                        label: 'Max lag',
                        value: formatDuration(summary.maxLagMs),
                        hint: 'behind now',
                      },
                      {
                        label: 'Idle subtasks',
                        value: summary.idleSubtasks,
                        hint: `of ${summary.rows.length}, emit no records`,
                        testId: 'idle-subtasks',
                      },
                    ]}
                  />
                  <div className="mt-3">
                    <DataTable
                      label="Source subtasks"
                      testId="source-watermarks-table"
                      columns={columns}
                      rows={summary.rows}
                      rowKey={(r) => String(r.subtask)}
                      defaultSort={{ id: 'lag', desc: true }}
                      maxHeight={480}
                    />
                  </div>
                </>
              )}
            </QueryState>
          )
        }
      </QueryState>
    </div>
  );
}

function sourceColumns(zone: TimeZoneChoice): Column<SourceSubtaskRow>[] {
  return [
    {
      id: 'subtask',
      header: 'Subtask',
      width: 72,
      align: 'right',
      cell: (r) => r.subtask,
      sortValue: (r) => r.subtask,
    },
    {
      id: 'state',
      header: 'Emits',
      width: 68,
      cell: (r) =>
        r.isIdle ? (
          <span
            data-testid="idle-subtask"
            className="rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900 dark:bg-amber-900/50 dark:text-amber-100"
            title="No records out (numRecordsOutPerSecond = 0)"
          >
            idle
          </span>
        ) : r.recordsOutPerSecond === undefined ? (
          <span className="text-slate-500">—</span>
        ) : (
          'yes'
        ),
      sortValue: (r) => (r.isIdle ? 0 : 1),
    },
    {
      id: 'watermark',
      header: `Output watermark (${zone === 'UTC' ? 'UTC' : 'local time'})`,
      cell: (r) =>
        r.watermark === undefined ? (
          <span className="text-slate-500">none yet</span>
        ) : (
          <span
            className="tabular-nums"
            title={`${formatTimestamp(r.watermark, zone)} (${r.watermark} ms since epoch)`}
          >
            {formatTimestamp(r.watermark, zone)}
          </span>
        ),
      sortValue: (r) => r.watermark,
    },
    {
      id: 'lag',
      header: 'Lag',
      title: 'How far the output watermark is behind the current time',
      width: 76,
      align: 'right',
      cell: (r) => formatDuration(r.lagMs),
      sortValue: (r) => r.lagMs,
      descFirst: true,
    },
    {
      id: 'out',
      header: 'Out',
      title: 'Records sent per second (numRecordsOutPerSecond)',
      width: 68,
      align: 'right',
      cell: (r) => formatPerSecond(r.recordsOutPerSecond),
      sortValue: (r) => r.recordsOutPerSecond,
    },
    {
      id: 'idle',
      header: 'Idle',
      title: 'Share of time waiting for input (idleTimeMsPerSecond)',
      width: 64,
      align: 'right',
      cell: (r) => formatPercent(r.idle),
      sortValue: (r) => r.idle,
    },
  ];
}
