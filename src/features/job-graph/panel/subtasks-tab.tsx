import { useDeferredValue, useMemo, useState } from 'react';
import { useVertexDetails } from '@/api/flink/queries';
import type { SubtaskAttempt } from '@/api/flink/schemas';
import { DataTable, filterRows, type Column } from '@/components/data-table';
import { QueryState } from '@/components/query-state';
import { StateBadge } from '@/components/state-badge';
import { TaskCounts } from '@/components/task-counts';
import { formatDuration, formatTimestamp, type TimeZoneChoice } from '@/lib/format';
import { useTimeZone } from '@/stores/preferences';
import { InOut, TaskManagerLink, TotalCell } from '../cells';
import { TruncatedText } from '@/components/truncated-text';
import { hostOf } from '../utils/subtasks';
import { SubtaskAttempts } from './subtask-attempts';
import { inputClass } from './parts';

/**
 * Every subtask of the vertex (`/jobs/:jobid/vertices/:vertexid`), virtualised: 2,000 rows scroll
 * smoothly. Clicking one puts it in the URL (`subtask=`) and shows its attempts below.
 */
export function SubtasksTab({
  clusterId,
  jobId,
  vertexId,
  subtask,
  onSubtask,
}: {
  clusterId: string;
  jobId: string;
  vertexId: string;
  subtask: number | undefined;
  onSubtask: (index: number | undefined) => void;
}) {
  const details = useVertexDetails(clusterId, jobId, vertexId);
  const zone = useTimeZone();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const columns = useMemo(() => subtaskColumns(clusterId, zone), [clusterId, zone]);
  return (
    <div data-testid="vertex-subtasks">
      <QueryState query={details} skeletonRows={6}>
        {(d) => {
          const rows = filterRows(d.subtasks, deferred, [
            (s) => s.subtask,
            'status',
            'endpoint',
            'taskmanager-id',
          ]);
          const counts: Record<string, number> = {};
          for (const s of d.subtasks) counts[s.status] = (counts[s.status] ?? 0) + 1;
          return (
            <>
              <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
                <input
                  type="search"
                  value={query}
                  onChange={(e) => setQuery(e.target.value)}
                  placeholder="Filter by index, status, host…"
                  aria-label="Filter subtasks"
                  className={`${inputClass} w-56`}
                />
                <span className="text-xs text-slate-500">
                  {rows.length === d.subtasks.length
                    ? `${d.subtasks.length} subtasks`
                    : `${rows.length} of ${d.subtasks.length}`}
                </span>
                <span className="ml-auto">
                  <TaskCounts tasks={counts} />
                </span>
              </div>
              <DataTable
                label="Subtasks"
                testId="subtasks-table"
                columns={columns}
                rows={rows}
                rowKey={(s) => String(s.subtask)}
                defaultSort={{ id: 'subtask', desc: false }}
                selectedKey={subtask === undefined ? null : String(subtask)}
                onRowClick={(s) => onSubtask(s.subtask === subtask ? undefined : s.subtask)}
                rowHeight={44}
                maxHeight={subtask === undefined ? 560 : 300}
                empty={d.subtasks.length ? 'No subtask matches the filter.' : 'No subtasks.'}
              />
              {subtask !== undefined ? (
                <SubtaskAttempts
                  clusterId={clusterId}
                  jobId={jobId}
                  vertexId={vertexId}
                  index={subtask}
                  onClose={() => onSubtask(undefined)}
                />
              ) : (
                <p className="mt-2 text-xs text-slate-500">Click a subtask to see its attempts.</p>
              )}
            </>
          );
        }}
      </QueryState>
    </div>
  );
}

function subtaskColumns(clusterId: string, zone: TimeZoneChoice): Column<SubtaskAttempt>[] {
  return [
    {
      id: 'subtask',
      header: '#',
      width: 56,
      align: 'right',
      cell: (s) => <span className="tabular-nums">{s.subtask}</span>,
      sortValue: (s) => s.subtask,
    },
    {
      id: 'attempt',
      header: 'Att.',
      title: 'Attempt number (0 = never restarted)',
      width: 64,
      align: 'right',
      cell: (s) => (
        <span className={s.attempt > 0 ? 'font-semibold text-orange-700 dark:text-orange-400' : ''}>
          {s.attempt}
        </span>
      ),
      sortValue: (s) => s.attempt,
      descFirst: true,
    },
    {
      id: 'status',
      header: 'Status',
      width: 108,
      cell: (s) => <StateBadge state={s.status} />,
      sortValue: (s) => s.status,
    },
    {
      id: 'host',
      header: 'Host / task manager',
      cell: (s) => (
        <span className="flex min-w-0 flex-col leading-tight">
          <TruncatedText text={hostOf(s.endpoint)} title={s.endpoint} className="font-mono text-xs" />
          <TaskManagerLink clusterId={clusterId} id={s['taskmanager-id']} endpoint={s.endpoint} />
        </span>
      ),
      sortValue: (s) => s.endpoint,
    },
    {
      id: 'duration',
      header: 'Duration',
      width: 88,
      align: 'right',
      cell: (s) => (
        <span title={`Started ${formatTimestamp(s['start-time'], zone)}`}>{formatDuration(s.duration)}</span>
      ),
      sortValue: (s) => s.duration,
      descFirst: true,
    },
    {
      id: 'io',
      header: 'In / out',
      title: 'Records and bytes received (top) and sent (bottom) since the attempt started',
      width: 144,
      align: 'right',
      cell: (s) => (
        <InOut
          top={
            <>
              <TotalCell
                n={s.metrics['read-records']}
                complete={s.metrics['read-records-complete']}
                kind="records"
              />{' '}
              ·{' '}
              <TotalCell
                n={s.metrics['read-bytes']}
                complete={s.metrics['read-bytes-complete']}
                kind="bytes"
              />
            </>
          }
          bottom={
            <>
              <TotalCell
                n={s.metrics['write-records']}
                complete={s.metrics['write-records-complete']}
                kind="records"
              />{' '}
              ·{' '}
              <TotalCell
                n={s.metrics['write-bytes']}
                complete={s.metrics['write-bytes-complete']}
                kind="bytes"
              />
            </>
          }
        />
      ),
      sortValue: (s) => s.metrics['read-records'],
      descFirst: true,
    },
  ];
}
