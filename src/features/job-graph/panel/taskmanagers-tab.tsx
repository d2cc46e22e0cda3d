import { useMemo } from 'react';
import { useVertexTaskManagers } from '@/api/flink/queries';
import type { VertexTaskManagers } from '@/api/flink/schemas';
import { DataTable, type Column } from '@/components/data-table';
import { QueryState } from '@/components/query-state';
import { StateBadge } from '@/components/state-badge';
import { TaskCounts } from '@/components/task-counts';
import { formatDuration } from '@/lib/format';
import { InOut, TaskManagerLink, TotalCell } from '../cells';

type TmRow = VertexTaskManagers['taskmanagers'][number];

/** The vertex's subtasks grouped by task manager (`.../taskmanagers`): where the work runs. */
export function TaskManagersTab({
  clusterId,
  jobId,
  vertexId,
}: {
  clusterId: string;
  jobId: string;
  vertexId: string;
}) {
  const q = useVertexTaskManagers(clusterId, jobId, vertexId);
  const columns = useMemo(() => tmColumns(clusterId), [clusterId]);
  return (
    <div data-testid="vertex-taskmanagers">
      <QueryState query={q} skeletonRows={4}>
        {(d) => (
          <DataTable
            label="Task managers of the vertex"
            testId="vertex-taskmanagers-table"
            columns={columns}
            rows={d.taskmanagers}
            rowKey={(t) => t['taskmanager-id'] ?? t.endpoint}
            defaultSort={{ id: 'subtasks', desc: true }}
            rowHeight={44}
            maxHeight={560}
            empty="No task manager runs this vertex (yet)."
          />
        )}
      </QueryState>
    </div>
  );
}

function tmColumns(clusterId: string): Column<TmRow>[] {
  const subtasks = (t: TmRow) => Object.values(t['status-counts']).reduce((a, b) => a + b, 0);
  return [
    {
      id: 'tm',
      header: 'Task manager',
      cell: (t) => (
        <span className="flex min-w-0 flex-col leading-tight">
          <TaskManagerLink clusterId={clusterId} id={t['taskmanager-id']} endpoint={t.endpoint} />
          <span className="truncate font-mono text-[11px] text-slate-500">{t.endpoint}</span>
        </span>
      ),
      sortValue: (t) => t['taskmanager-id'] ?? t.endpoint,
    },
    {
      id: 'status',
      header: 'Status',
      width: 104,
      cell: (t) => (
        <span title={`Running for ${formatDuration(t.duration)}`}>
          <StateBadge state={t.status} />
        </span>
      ),
      sortValue: (t) => t.status,
    },
    {
      id: 'subtasks',
      header: 'Subtasks',
      width: 104,
      cell: (t) => (
        <span className="flex items-center gap-1">
          <span className="tabular-nums">{subtasks(t)}</span>
          <TaskCounts tasks={t['status-counts']} />
        </span>
      ),
      sortValue: subtasks,
      descFirst: true,
    },
    {
      id: 'records',
      header: 'Records',
      title: 'Records received (top) and sent (bottom) by the subtasks on this task manager',
      width: 96,
      align: 'right',
      cell: (t) => (
        <InOut
          top={
            <TotalCell
              n={t.metrics['read-records']}
              complete={t.metrics['read-records-complete']}
              kind="records"
            />
          }
          bottom={
            <TotalCell
              n={t.metrics['write-records']}
              complete={t.metrics['write-records-complete']}
              kind="records"
            />
          }
        />
      ),
      sortValue: (t) => t.metrics['read-records'],
      descFirst: true,
    },
    {
      id: 'bytes',
      header: 'Bytes',
      title: 'Bytes received (top) and sent (bottom) by the subtasks on this task manager',
      width: 96,
      align: 'right',
      cell: (t) => (
        <InOut
          top={
            <TotalCell n={t.metrics['read-bytes']} complete={t.metrics['read-bytes-complete']} kind="bytes" />
          }
          bottom={
            <TotalCell
              n={t.metrics['write-bytes']}
              complete={t.metrics['write-bytes-complete']}
              kind="bytes"
            />
          }
        />
      ),
      sortValue: (t) => t.metrics['read-bytes'],
      descFirst: true,
    },
  ];
}
