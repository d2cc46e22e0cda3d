import { useMemo } from 'react';
import { useVertexWatermarks } from '@/api/flink/queries';
import { DataTable, type Column } from '@/components/data-table';
import { QueryState } from '@/components/query-state';
import { useNow } from '@/hooks/use-now';
import { formatDuration, formatTimestamp, type TimeZoneChoice } from '@/lib/format';
import { useTimeZone } from '@/stores/preferences';
import { watermarkRows, type WatermarkRow } from '../utils/watermarks';
import { Figures } from './parts';
import { SourceWatermarks } from './source-watermarks';

/**
 * The input watermark of every subtask (`.../watermarks`) in the user's time zone, with its lag
 * behind now. The vertex's low watermark is the slowest subtask: the one holding back windows.
 */
export function WatermarksTab({
  clusterId,
  jobId,
  vertexId,
  parallelism,
  isSource,
}: {
  clusterId: string;
  jobId: string;
  vertexId: string;
  parallelism: number;
  /** A source has no input watermark: its output watermarks and idle subtasks are shown instead. */
  isSource: boolean;
}) {
  if (isSource)
    return (
      <SourceWatermarks clusterId={clusterId} jobId={jobId} vertexId={vertexId} parallelism={parallelism} />
    );
  return (
    <InputWatermarks clusterId={clusterId} jobId={jobId} vertexId={vertexId} parallelism={parallelism} />
  );
}

function InputWatermarks({
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
  const q = useVertexWatermarks(clusterId, jobId, vertexId);
  const zone = useTimeZone();
  const now = useNow(1000);
  const summary = useMemo(() => watermarkRows(q.data, parallelism, now), [q.data, parallelism, now]);
  const columns = useMemo(() => watermarkColumns(zone), [zone]);
  return (
    <div data-testid="vertex-watermarks">
      <QueryState query={q} skeletonRows={4}>
        {() =>
          summary.withoutWatermark === summary.rows.length ? (
            <p className="text-sm text-slate-500" data-testid="no-watermarks">
              No subtask of this vertex has a watermark: it does not use event time, or no watermark arrived
              yet.
            </p>
          ) : (
            <>
              <Figures
                items={[
                  {
                    label: 'Low watermark',
                    value: <span className="text-sm">{formatTimestamp(summary.low, zone)}</span>,
                    hint: 'slowest subtask',
                    testId: 'low-watermark',
                  },
                  {
                    label: 'Max lag',
                    value: formatDuration(summary.maxLagMs),
                    hint: 'behind now',
                    testId: 'max-lag',
                  },
                  {
                    label: 'Without watermark',
                    value: summary.withoutWatermark,
                    hint: `of ${summary.rows.length} subtasks`,
                  },
                ]}
              />
              <div className="mt-3">
                <DataTable
                  label="Watermarks per subtask"
                  testId="watermarks-table"
                  columns={columns}
                  rows={summary.rows}
                  rowKey={(r) => String(r.subtask)}
                  defaultSort={{ id: 'lag', desc: true }}
                  maxHeight={480}
                />
              </div>
            </>
          )
        }
      </QueryState>
    </div>
  );
}

function watermarkColumns(zone: TimeZoneChoice): Column<WatermarkRow>[] {
  return [
    {
      id: 'subtask',
      header: 'Subtask',
      width: 100,
      align: 'right',
      cell: (r) => r.subtask,
      sortValue: (r) => r.subtask,
    },
    {
      id: 'watermark',
      header: `Watermark (${zone === 'UTC' ? 'UTC' : 'local time'})`,
      cell: (r) =>
        r.watermark === undefined ? (
          <span className="text-slate-500">{r.reported ? 'none yet' : 'not reported'}</span>
        ) : (
          <span className="tabular-nums" title={`${r.watermark} ms since epoch`}>
            {formatTimestamp(r.watermark, zone)}
          </span>
        ),
      sortValue: (r) => r.watermark,
    },
    {
      id: 'lag',
      header: 'Lag',
      title: 'How far the watermark is behind the current time',
      width: 110,
      align: 'right',
      cell: (r) => formatDuration(r.lagMs),
      sortValue: (r) => r.lagMs,
      descFirst: true,
    },
  ];
}
