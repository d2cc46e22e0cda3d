import { Fragment, useMemo, type ReactNode } from 'react';
import { HttpError } from '@/api/errors';
import { useCheckpointDetails, useCheckpointSubtasks } from '@/api/flink/queries';
import type {
  CheckpointStatistics,
  StatsSummary,
  SubtaskCheckpoint,
  TaskCheckpointDetails,
} from '@/api/flink/schemas';
import { ExactValue } from '@/components/exact-value';
import { DataTable, type Column } from '@/components/data-table';
import { PageSkeleton } from '@/components/page-skeleton';
import { QueryError, StaleMark } from '@/components/query-state';
import { StateBadge } from '@/components/state-badge';
import { CopyButton } from '@/components/toast';
import { formatBytes, formatDuration, formatTimestamp, type TimeZoneChoice } from '@/lib/format';
import { useTimeZone } from '@/stores/preferences';
import { toCheckpointRow } from './utils/checkpoint-rows';

export interface VertexInfo {
  id: string;
  name: string;
  parallelism: number;
}

/**
 * One expanded checkpoint (`?checkpoint=<id>`): its figures, the failure message in full, and
 * each vertex; a vertex expands (`&vertex=<id>`) into every subtask's sync/async duration,
 * alignment and start delay. A checkpoint that is still in progress is polled until it ends.
 */
export function CheckpointDetail({
  clusterId,
  jobId,
  checkpointId,
  vertices,
  openVertex,
  onVertex,
  onClose,
}: {
  clusterId: string;
  jobId: string;
  checkpointId: number;
  vertices: readonly VertexInfo[];
  openVertex: string | undefined;
  onVertex: (vertexId: string | undefined) => void;
  onClose: () => void;
}) {
  const details = useCheckpointDetails(clusterId, jobId, checkpointId);
  return (
    <section
      aria-label={`Checkpoint ${checkpointId}`}
      data-testid="checkpoint-detail"
      className="rounded-lg border border-sky-200 bg-white p-3 dark:border-sky-900 dark:bg-slate-900"
    >
      <div className="mb-2 flex items-center gap-2">
        <h2 className="text-base font-semibold">
          Checkpoint <span className="font-mono">#{checkpointId}</span>
        </h2>
        {details.data ? <StateBadge state={details.data.status} /> : null}
        {details.isError && details.data ? <StaleMark updatedAt={details.dataUpdatedAt} /> : null}
        <button
          type="button"
          onClick={onClose}
          aria-label="Close checkpoint details"
          className="ml-auto rounded px-2 py-0.5 text-sm text-slate-500 hover:bg-slate-100 hover:text-slate-900 dark:hover:bg-slate-800 dark:hover:text-white"
        >
          Close ×
        </button>
      </div>
      {details.isPending ? (
        <PageSkeleton rows={3} />
      ) : !details.data ? (
        details.error instanceof HttpError && details.error.status === 404 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="checkpoint-not-retained">
            Flink no longer holds statistics for checkpoint #{checkpointId}: only the most recent ones are
            kept (<code className="font-mono text-xs">web.checkpoints.history</code>, 10 by default).
          </p>
        ) : (
          <QueryError error={details.error} onRetry={() => void details.refetch()} compact />
        )
      ) : (
        <DetailBody
          clusterId={clusterId}
          jobId={jobId}
          checkpoint={details.data}
          vertices={vertices}
          openVertex={openVertex}
          onVertex={onVertex}
        />
      )}
    </section>
  );
}

function DetailBody({
  clusterId,
  jobId,
  checkpoint,
  vertices,
  openVertex,
  onVertex,
}: {
  clusterId: string;
  jobId: string;
  checkpoint: CheckpointStatistics;
  vertices: readonly VertexInfo[];
  openVertex: string | undefined;
  onVertex: (vertexId: string | undefined) => void;
}) {
  const zone = useTimeZone();
  const row = toCheckpointRow(checkpoint);
  // Vertices in plan order, then any the job details do not name (should not happen).
  const taskIds = Object.keys(checkpoint.tasks);
  const ordered = [
    ...vertices.filter((v) => taskIds.includes(v.id)),
    ...taskIds
      .filter((id) => !vertices.some((v) => v.id === id))
      .map((id) => ({ id, name: id, parallelism: 0 })),
  ];
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-3 lg:grid-cols-6">
        <Fact label="Type">
          {row.typeLabel}
          {row.savepointFormat ? ` · ${row.savepointFormat}` : ''}
        </Fact>
        <Fact label="Triggered">{formatTimestamp(row.triggerTime, zone)}</Fact>
        <Fact label="Latest ack">{formatTimestamp(row.latestAck, zone)}</Fact>
        <Fact label="End-to-end">
          <ExactValue value={row.duration} format="duration" />
        </Fact>
        <Fact label="Checkpointed / full">
          <ExactValue value={row.checkpointedSize} format="bytes" /> /{' '}
          <ExactValue value={row.fullSize} format="bytes" />
        </Fact>
        <Fact label="Processed / persisted">
          <ExactValue value={row.processedData} format="bytes" /> /{' '}
          <ExactValue value={row.persistedData} format="bytes" />
        </Fact>
        <Fact label="Acknowledged">
          {row.acknowledged}/{row.total} subtasks
        </Fact>
        {row.failureTime !== undefined ? (
          <Fact label="Failed at">{formatTimestamp(row.failureTime, zone)}</Fact>
        ) : null}
      </dl>
      {row.status === 'FAILED' ? (
        <div
          role="note"
          className="rounded-md border border-red-200 bg-red-50 p-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100"
        >
          <div className="text-xs font-semibold uppercase tracking-wide">Failure message</div>
          <p className="mt-0.5 whitespace-pre-wrap break-words" data-testid="checkpoint-detail-failure">
            {row.failureMessage ?? 'Flink gave no failure message.'}
          </p>
        </div>
      ) : null}
      {row.externalPath ? (
        <div className="flex min-w-0 items-center gap-2 text-sm">
          <span className="text-xs uppercase tracking-wide text-slate-500">Path</span>
          <code className="min-w-0 truncate font-mono text-xs" title={row.externalPath}>
            {row.externalPath}
          </code>
          {row.discarded ? <span className="text-xs text-slate-500">(discarded)</span> : null}
          <CopyButton text={row.externalPath} compact ariaLabel="Copy checkpoint path" />
        </div>
      ) : null}
      <VertexTable
        clusterId={clusterId}
        jobId={jobId}
        checkpoint={checkpoint}
        vertices={ordered}
        openVertex={openVertex}
        onVertex={onVertex}
        zone={zone}
      />
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="truncate tabular-nums">{children}</dd>
    </div>
  );
}

const TH = 'px-2 py-1.5 text-left text-xs font-medium uppercase tracking-wide text-slate-500';
const THR = `${TH} text-right`;
const TD = 'px-2 py-1.5 align-middle';
const TDR = `${TD} text-right tabular-nums`;

function VertexTable({
  clusterId,
  jobId,
  checkpoint,
  vertices,
  openVertex,
  onVertex,
  zone,
}: {
  clusterId: string;
  jobId: string;
  checkpoint: CheckpointStatistics;
  vertices: readonly VertexInfo[];
  openVertex: string | undefined;
  onVertex: (vertexId: string | undefined) => void;
  zone: TimeZoneChoice;
}) {
  if (vertices.length === 0) {
    return <p className="text-sm text-slate-500">Flink reports no vertex for this checkpoint.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-800">
      <table
        className="w-full min-w-[60rem] table-fixed border-collapse text-sm"
        aria-label="Vertices in this checkpoint"
        data-testid="checkpoint-vertices"
      >
        <colgroup>
          <col />
          <col style={{ width: 124 }} />
          <col style={{ width: 72 }} />
          <col style={{ width: 100 }} />
          <col style={{ width: 104 }} />
          <col style={{ width: 112 }} />
          <col style={{ width: 100 }} />
          <col style={{ width: 100 }} />
          <col style={{ width: 100 }} />
        </colgroup>
        <thead className="bg-slate-50 dark:bg-slate-800">
          <tr>
            <th scope="col" className={TH}>
              Vertex
            </th>
            <th scope="col" className={TH}>
              Status
            </th>
            <th scope="col" className={THR}>
              Acks
            </th>
            <th scope="col" className={TH}>
              Latest ack
            </th>
            <th scope="col" className={THR}>
              End-to-end
            </th>
            <th scope="col" className={THR}>
              Checkpointed
            </th>
            <th scope="col" className={THR}>
              Full size
            </th>
            <th scope="col" className={THR}>
              Processed
            </th>
            <th scope="col" className={THR}>
              Persisted
            </th>
          </tr>
        </thead>
        <tbody>
          {vertices.map((v) => {
            const t = checkpoint.tasks[v.id];
            if (!t) return null;
            const open = v.id === openVertex;
            return (
              <Fragment key={v.id}>
                <tr
                  className={`cursor-pointer border-t border-slate-100 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/60 ${open ? 'bg-sky-50 dark:bg-sky-950/50' : ''}`}
                  onClick={() => onVertex(open ? undefined : v.id)}
                  data-testid="checkpoint-vertex-row"
                  data-vertex-id={v.id}
                >
                  <td className={`${TD} min-w-0`}>
                    <button
                      type="button"
                      aria-expanded={open}
                      onClick={(e) => {
                        e.stopPropagation();
                        onVertex(open ? undefined : v.id);
                      }}
                      className="flex w-full min-w-0 items-center gap-1.5 text-left"
                      title={v.name}
                    >
                      <span
                        aria-hidden
                        className={`inline-block text-xs text-slate-500 transition-transform ${open ? 'rotate-90' : ''}`}
                      >
                        ▸
                      </span>
                      <span className="truncate font-medium">{v.name}</span>
                    </button>
                  </td>
                  <td className={TD}>
                    <StateBadge state={t.status} />
                  </td>
                  <td className={TDR}>
                    {t.num_acknowledged_subtasks}/{t.num_subtasks}
                  </td>
                  <td className={`${TD} tabular-nums`}>
                    {formatTimestamp(t.latest_ack_timestamp, zone).slice(11) || '—'}
                  </td>
                  <td className={TDR}>
                    <ExactValue value={t.end_to_end_duration} format="duration" />
                  </td>
                  <td className={TDR}>
                    <ExactValue value={t.checkpointed_size} format="bytes" />
                  </td>
                  <td className={TDR}>
                    <ExactValue value={t.state_size} format="bytes" />
                  </td>
                  <td className={TDR}>
                    <ExactValue value={t.processed_data} format="bytes" />
                  </td>
                  <td className={TDR}>
                    <ExactValue value={t.persisted_data} format="bytes" />
                  </td>
                </tr>
                {open ? (
                  <tr>
                    <td
                      colSpan={9}
                      className="border-t border-slate-100 bg-slate-50/60 p-2 dark:border-slate-800 dark:bg-slate-950/40"
                    >
                      <SubtaskPanel
                        clusterId={clusterId}
                        jobId={jobId}
                        checkpointId={checkpoint.id}
                        vertex={v}
                        zone={zone}
                      />
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

function SubtaskPanel({
  clusterId,
  jobId,
  checkpointId,
  vertex,
  zone,
}: {
  clusterId: string;
  jobId: string;
  checkpointId: number;
  vertex: VertexInfo;
  zone: TimeZoneChoice;
}) {
  const q = useCheckpointSubtasks(clusterId, jobId, checkpointId, vertex.id);
  if (q.isPending) return <PageSkeleton rows={2} />;
  if (!q.data) return <QueryError error={q.error} onRetry={() => void q.refetch()} compact />;
  return (
    <div className="space-y-2" data-testid="checkpoint-subtasks">
      {q.isError ? <StaleMark updatedAt={q.dataUpdatedAt} /> : null}
      <SubtaskSummary details={q.data} />
      <SubtaskTable subtasks={q.data.subtasks} zone={zone} vertexName={vertex.name} />
    </div>
  );
}

const SUMMARY_ROWS: {
  label: string;
  pick: (s: TaskCheckpointDetails['summary']) => StatsSummary | undefined;
  bytes?: boolean;
}[] = [
  { label: 'End-to-end duration', pick: (s) => s.end_to_end_duration },
  { label: 'Checkpointed size', pick: (s) => s.checkpointed_size, bytes: true },
  { label: 'Full size', pick: (s) => s.state_size, bytes: true },
  { label: 'Sync duration', pick: (s) => s.checkpoint_duration.sync },
  { label: 'Async duration', pick: (s) => s.checkpoint_duration.async },
  { label: 'Alignment duration', pick: (s) => s.alignment.duration },
  { label: 'Alignment buffered', pick: (s) => s.alignment.buffered, bytes: true },
  { label: 'Alignment processed', pick: (s) => s.alignment.processed, bytes: true },
  { label: 'Alignment persisted', pick: (s) => s.alignment.persisted, bytes: true },
  { label: 'Start delay', pick: (s) => s.start_delay },
];

/** Min/avg/max over the vertex's acknowledged subtasks, as Flink computes them. */
function SubtaskSummary({ details }: { details: TaskCheckpointDetails }) {
  const acked = details.num_acknowledged_subtasks;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-xs font-medium text-slate-600 dark:text-slate-300">
        Summary over {acked} acknowledged subtask{acked === 1 ? '' : 's'} (min / avg / max)
      </summary>
      <table className="mt-1 text-xs" aria-label="Subtask summary">
        <tbody>
          {SUMMARY_ROWS.map((r) => {
            const s = r.pick(details.summary);
            if (!s) return null;
            const f = (n: number) => (acked === 0 ? '—' : r.bytes ? formatBytes(n) : formatDuration(n));
            return (
              <tr key={r.label}>
                <th scope="row" className="py-0.5 pr-4 text-left font-normal text-slate-500">
                  {r.label}
                </th>
                <td className="px-2 py-0.5 text-right tabular-nums">{f(s.min)}</td>
                <td className="px-2 py-0.5 text-right tabular-nums">{f(s.avg)}</td>
                <td className="px-2 py-0.5 text-right tabular-nums">{f(s.max)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}

function subtaskColumns(zone: TimeZoneChoice): Column<SubtaskCheckpoint>[] {
  const bytes = (n: number | undefined) => <ExactValue value={n} format="bytes" />;
  const dur = (n: number | undefined) => <ExactValue value={n} format="duration" />;
  return [
    {
      id: 'index',
      header: '#',
      width: 56,
      sortValue: (s) => s.index,
      cell: (s) => <span className="tabular-nums">{s.index}</span>,
    },
    {
      id: 'status',
      header: 'Status',
      width: 96,
      title: 'acked: the subtask acknowledged; pending: not (yet), or the checkpoint failed first',
      sortValue: (s) => (s.aborted ? 'aborted' : s.status),
      cell: (s) =>
        s.aborted ? (
          <span className="text-red-700 dark:text-red-400">aborted</span>
        ) : s.status === 'completed' ? (
          <span className="text-emerald-700 dark:text-emerald-400">acked</span>
        ) : (
          <span className="text-amber-700 dark:text-amber-400">pending</span>
        ),
    },
    {
      id: 'ack',
      header: 'Ack',
      width: 92,
      title: 'Acknowledgement time',
      sortValue: (s) => s.ack_timestamp,
      cell: (s) =>
        s.ack_timestamp ? (
          <span title={formatTimestamp(s.ack_timestamp, zone)}>
            {formatTimestamp(s.ack_timestamp, zone).slice(11)}
          </span>
        ) : (
          '—'
        ),
    },
    {
      id: 'e2e',
      header: 'E2E',
      width: 84,
      align: 'right',
      descFirst: true,
      title: 'End-to-end duration',
      sortValue: (s) => s.end_to_end_duration,
      cell: (s) => dur(s.end_to_end_duration),
    },
    {
      id: 'size',
      header: 'Size (full)',
      width: 168,
      align: 'right',
      descFirst: true,
      title: 'Checkpointed data size, and in brackets the full state size',
      sortValue: (s) => s.checkpointed_size,
      cell: (s) => (
        <span className="tabular-nums">
          <ExactValue value={s.checkpointed_size} format="bytes" />{' '}
          <span className="text-slate-500">
            (<ExactValue value={s.state_size} format="bytes" />)
          </span>
        </span>
      ),
    },
    {
      id: 'sync',
      header: 'Sync',
      width: 80,
      align: 'right',
      descFirst: true,
      title: 'Synchronous part of the checkpoint',
      sortValue: (s) => s.checkpoint?.sync,
      cell: (s) => dur(s.checkpoint?.sync),
    },
    {
      id: 'async',
      header: 'Async',
      width: 86,
      align: 'right',
      descFirst: true,
      title: 'Asynchronous part (upload)',
      sortValue: (s) => s.checkpoint?.async,
      cell: (s) => dur(s.checkpoint?.async),
    },
    {
      id: 'align-dur',
      header: 'Align',
      width: 86,
      align: 'right',
      descFirst: true,
      title: 'Alignment duration',
      sortValue: (s) => s.alignment?.duration,
      cell: (s) => dur(s.alignment?.duration),
    },
    {
      id: 'buffered',
      header: 'Buffered',
      width: 108,
      align: 'right',
      descFirst: true,
      title: 'Alignment: buffered data',
      sortValue: (s) => s.alignment?.buffered,
      cell: (s) => bytes(s.alignment?.buffered),
    },
    {
      id: 'inflight',
      header: 'In-flight',
      width: 140,
      align: 'right',
      descFirst: true,
      title: 'Alignment: processed in-flight data, and in brackets persisted (unaligned)',
      sortValue: (s) => s.alignment?.processed,
      cell: (s) => (
        <span className="tabular-nums">
          <ExactValue value={s.alignment?.processed} format="bytes" />{' '}
          <span className="text-slate-500">
            (<ExactValue value={s.alignment?.persisted} format="bytes" />)
          </span>
        </span>
      ),
    },
    {
      id: 'delay',
      header: 'Delay',
      width: 86,
      align: 'right',
      descFirst: true,
      title: 'Start delay: time until the barrier reached the subtask',
      sortValue: (s) => s.start_delay,
      cell: (s) => dur(s.start_delay),
    },
    {
      id: 'unaligned',
      header: 'Unaligned',
      width: 112,
      sortValue: (s) => s.unaligned_checkpoint,
      cell: (s) => (s.unaligned_checkpoint === undefined ? '—' : s.unaligned_checkpoint ? 'yes' : 'no'),
    },
  ];
}

const subtaskKey = (s: SubtaskCheckpoint) => String(s.index);

function SubtaskTable({
  subtasks,
  zone,
  vertexName,
}: {
  subtasks: readonly SubtaskCheckpoint[];
  zone: TimeZoneChoice;
  vertexName: string;
}) {
  const cols = useMemo(() => subtaskColumns(zone), [zone]);
  return (
    <DataTable
      label={`Subtasks of ${vertexName} in this checkpoint`}
      testId="checkpoint-subtask-table"
      columns={cols}
      rows={subtasks}
      rowKey={subtaskKey}
      defaultSort={{ id: 'index', desc: false }}
      maxHeight={360}
      rowHeight={32}
      empty="No subtasks."
    />
  );
}
