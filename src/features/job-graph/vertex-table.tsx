import { memo, useMemo, type Ref } from 'react';
import { DataTable, type Column } from '@/components/data-table';
import { StateBadge } from '@/components/state-badge';
import { TaskCounts } from '@/components/task-counts';
import { formatDuration } from '@/lib/format';
import { TruncatedText } from '@/components/truncated-text';
import { FlowCell, InOut, RatioCell, ToneDot, TotalCell } from './cells';
import type { VertexRow } from './utils/graph-model';

/** The vertex list beside the graph: same colours, every number sortable, click to select. */
export const VertexTable = memo(function VertexTable({
  ref,
  rows,
  selectedId,
  onSelect,
  polledIds,
}: {
  ref: Ref<HTMLDivElement>;
  rows: readonly VertexRow[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  polledIds: ReadonlySet<string>;
}) {
  const over = rows[0]?.jobOver ?? false;
  const columns = useMemo(
    () => (over ? finishedVertexColumns() : vertexColumns(polledIds)),
    [over, polledIds],
  );
  return (
    <section aria-label="Vertices" ref={ref}>
      <DataTable
        label="Vertices"
        testId="vertex-table"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        selectedKey={selectedId ?? null}
        onRowClick={(r) => onSelect(r.id)}
        rowHeight={44}
        maxHeight={Math.min(44 * rows.length + 40, 480)}
        empty="The plan has no vertices."
      />
    </section>
  );
});

/** Vertex, status and parallelism: the same whether the job runs or is over. */
function identityColumns(): Column<VertexRow>[] {
  return [
    {
      id: 'name',
      header: 'Vertex',
      cell: (r) => (
        <span data-vertex-id={r.id} data-tone={r.tone} className="flex min-w-0 items-center gap-2">
          <ToneDot tone={r.tone} />
          <TruncatedText
            text={r.name}
            title={r.operators.length > 1 ? `${r.name}\n\n${r.operators.join('\n')}` : r.name}
            className="font-medium"
          />
        </span>
      ),
      sortValue: (r) => r.name.toLowerCase(),
    },
    {
      id: 'status',
      header: 'Status',
      width: 104,
      cell: (r) => (r.status ? <StateBadge state={r.status} /> : '—'),
      sortValue: (r) => r.status,
    },
    {
      id: 'parallelism',
      header: 'Par.',
      title: 'Parallelism',
      width: 68,
      align: 'right',
      cell: (r) => r.parallelism,
      sortValue: (r) => r.parallelism,
      descFirst: true,
    },
  ];
}

const durationColumn: Column<VertexRow> = {
  id: 'duration',
  header: 'Duration',
  // "14 m 32 s", "1 d 23 h" whole: the longest durations formatDuration writes
  width: 112,
  align: 'right',
  cell: (r) => <TruncatedText text={formatDuration(r.duration)} className="tabular-nums" />,
  sortValue: (r) => r.duration,
  descFirst: true,
};
const tasksColumn: Column<VertexRow> = {
  id: 'tasks',
  header: 'Tasks',
  width: 96,
  cell: (r) => <TaskCounts tasks={r.tasks} />,
};

/** Records (top) and bytes (bottom) a vertex read or wrote since it started: one column each way. */
function totalColumn(dir: 'read' | 'write', id: string, header: string): Column<VertexRow> {
  const verb = dir === 'read' ? 'received' : 'sent';
  return {
    id,
    header,
    title: `Records and bytes ${verb} since the vertex started (${dir}-records, ${dir}-bytes)`,
    width: 112,
    align: 'right',
    cell: (r) => (
      <InOut
        top={
          <TotalCell
            n={r.totals?.[`${dir}-records`]}
            complete={r.totals?.[`${dir}-records-complete`]}
            kind="records"
          />
        }
        bottom={
          <TotalCell
            n={r.totals?.[`${dir}-bytes`]}
            complete={r.totals?.[`${dir}-bytes-complete`]}
            kind="bytes"
          />
        }
      />
    ),
    sortValue: (r) => r.totals?.[`${dir}-records`],
    descFirst: true,
  };
}

/** A job that is over has no rates (all 0): what each vertex received and sent in total, as Flink's UI shows. */
function finishedVertexColumns(): Column<VertexRow>[] {
  return [
    ...identityColumns(),
    totalColumn('read', 'received', 'Received'),
    totalColumn('write', 'sent', 'Sent'),
    durationColumn,
    tasksColumn,
  ];
}

function vertexColumns(polled: ReadonlySet<string>): Column<VertexRow>[] {
  // Values of vertices that are off screen are their last answer: shown fainter.
  const faint = (r: VertexRow) => (polled.has(r.id) ? '' : 'opacity-60');
  return [
    ...identityColumns(),
    {
      id: 'busy',
      header: 'Busy',
      title: 'busyTimeMsPerSecond, max over subtasks',
      width: 84,
      align: 'right',
      cell: (r) => (
        <span className={faint(r)}>
          <RatioCell ratio={r.load?.busy} tone="busy" />
        </span>
      ),
      sortValue: (r) => r.load?.busy,
      descFirst: true,
    },
    {
      id: 'backPressured',
      header: 'Back-p.',
      title: 'backPressuredTimeMsPerSecond, max over subtasks',
      width: 92,
      align: 'right',
      cell: (r) => (
        <span className={faint(r)}>
          <RatioCell ratio={r.load?.backPressured} tone="backpressured" />
        </span>
      ),
      sortValue: (r) => r.load?.backPressured,
      descFirst: true,
    },
    {
      id: 'in',
      header: 'In',
      title:
        'Records and bytes received per second, all subtasks (numRecordsInPerSecond, numBytesInPerSecond)',
      width: 104,
      align: 'right',
      cell: (r) => (
        <span className={faint(r)}>
          <FlowCell
            records={r.load?.recordsIn}
            bytes={r.load?.bytesIn}
            totalRecords={r.totals?.['read-records']}
            totalBytes={r.totals?.['read-bytes']}
            complete={r.totals?.['read-records-complete']}
          />
        </span>
      ),
      sortValue: (r) => r.load?.recordsIn,
      descFirst: true,
    },
    {
      id: 'out',
      header: 'Out',
      title: 'Records and bytes sent per second, all subtasks (numRecordsOutPerSecond, numBytesOutPerSecond)',
      width: 104,
      align: 'right',
      cell: (r) => (
        <span className={faint(r)}>
          <FlowCell
            records={r.load?.recordsOut}
            bytes={r.load?.bytesOut}
            totalRecords={r.totals?.['write-records']}
            totalBytes={r.totals?.['write-bytes']}
            complete={r.totals?.['write-records-complete']}
          />
        </span>
      ),
      sortValue: (r) => r.load?.recordsOut,
      descFirst: true,
    },
    durationColumn,
    tasksColumn,
  ];
}
