import { useSubtasksAccumulators, useVertexAccumulators } from '@/api/flink/queries';
import { DataTable, type Column } from '@/components/data-table';
import { QueryState } from '@/components/query-state';
import { accumulatorRows, hostOf, type AccumulatorRow } from '../utils/subtasks';
import { Section } from './parts';

const SUBTASK_COLUMNS: Column<AccumulatorRow>[] = [
  {
    id: 'subtask',
    header: '#',
    title: 'Subtask',
    width: 64,
    align: 'right',
    cell: (r) => r.subtask,
    sortValue: (r) => r.subtask,
  },
  {
    id: 'attempt',
    header: 'Att.',
    title: 'Attempt',
    width: 64,
    align: 'right',
    cell: (r) => r.attempt,
    sortValue: (r) => r.attempt,
  },
  {
    id: 'host',
    header: 'Host',
    width: 130,
    cell: (r) => <span className="font-mono text-xs">{hostOf(r.endpoint)}</span>,
    sortValue: (r) => r.endpoint,
  },
  { id: 'name', header: 'Name', cell: (r) => <span title={r.type}>{r.name}</span>, sortValue: (r) => r.name },
  {
    id: 'value',
    header: 'Value',
    align: 'right',
    cell: (r) => (
      <span className="font-mono text-xs" title={r.value}>
        {r.value}
      </span>
    ),
    sortValue: (r) => numericOrText(r.value),
    descFirst: true,
  },
];

/** Numbers sort as numbers, anything else as text. */
function numericOrText(v: string): number | string {
  const n = Number(v);
  return v.trim() !== '' && Number.isFinite(n) ? n : v;
}

/** User accumulators of the vertex (`.../accumulators`) and of each subtask (`.../subtasks/accumulators`). */
export function AccumulatorsTab({
  clusterId,
  jobId,
  vertexId,
}: {
  clusterId: string;
  jobId: string;
  vertexId: string;
}) {
  const vertex = useVertexAccumulators(clusterId, jobId, vertexId);
  const subtasks = useSubtasksAccumulators(clusterId, jobId, vertexId);
  return (
    <div data-testid="vertex-accumulators">
      <Section title="Vertex">
        <QueryState
          query={vertex}
          skeletonRows={2}
          isEmpty={(d) => d['user-accumulators'].length === 0}
          empty={<p className="text-sm text-slate-500">This vertex has no user accumulators.</p>}
        >
          {(d) => (
            <table className="w-full text-sm" data-testid="vertex-accumulators-table">
              <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="py-1 pr-2">Name</th>
                  <th className="py-1 pr-2">Type</th>
                  <th className="py-1 text-right">Value</th>
                </tr>
              </thead>
              <tbody>
                {d['user-accumulators'].map((a) => (
                  <tr key={a.name} className="border-t border-slate-100 dark:border-slate-800">
                    <td className="py-1 pr-2 break-words">{a.name}</td>
                    <td className="py-1 pr-2 text-xs text-slate-500">{a.type}</td>
                    <td className="py-1 text-right font-mono text-xs break-all">{a.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryState>
      </Section>
      <Section title="Per subtask">
        <QueryState query={subtasks} skeletonRows={3}>
          {(d) => {
            const rows = accumulatorRows(d);
            return rows.length === 0 ? (
              <p className="text-sm text-slate-500">No subtask reports user accumulators.</p>
            ) : (
              <DataTable
                label="Accumulators per subtask"
                testId="subtask-accumulators-table"
                columns={SUBTASK_COLUMNS}
                rows={rows}
                rowKey={(r) => r.key}
                defaultSort={{ id: 'subtask', desc: false }}
                maxHeight={420}
              />
            );
          }}
        </QueryState>
      </Section>
    </div>
  );
}
