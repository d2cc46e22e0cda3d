import { useMemo, useState } from 'react';
import { ExactValue } from '@/components/exact-value';
import { DataTable, type Column } from '@/components/data-table';
import { StateBadge } from '@/components/state-badge';
import { TruncatedText } from '@/components/truncated-text';
import { formatTimestamp, type TimeZoneChoice } from '@/lib/format';
import { useTimeZone } from '@/stores/preferences';
import { ackLabel, type CheckpointRow } from './utils/checkpoint-rows';

type Filter = 'all' | 'failed' | 'savepoints' | 'in-progress';
const FILTERS: { id: Filter; label: string; keep: (r: CheckpointRow) => boolean }[] = [
  { id: 'all', label: 'All', keep: () => true },
  { id: 'failed', label: 'Failed', keep: (r) => r.status === 'FAILED' },
  { id: 'savepoints', label: 'Savepoints', keep: (r) => r.kind === 'savepoint' },
  { id: 'in-progress', label: 'In progress', keep: (r) => r.status === 'IN_PROGRESS' },
];

/** "08:31:16" of a timestamp in the chosen zone, with the full one as a tooltip. */
function Time({ ms, zone }: { ms: number | undefined; zone: TimeZoneChoice }) {
  if (ms === undefined) return <span className="text-slate-400">—</span>;
  const full = formatTimestamp(ms, zone);
  return <span title={full}>{full.slice(11)}</span>;
}

function columns(zone: TimeZoneChoice): Column<CheckpointRow>[] {
  return [
    {
      id: 'id',
      header: 'ID',
      width: 72,
      sortValue: (r) => r.id,
      descFirst: true,
      cell: (r) => <span className="font-mono font-medium tabular-nums">#{r.id}</span>,
    },
    {
      id: 'status',
      header: 'Status',
      width: 128,
      sortValue: (r) => r.status,
      cell: (r) => <StateBadge state={r.status} />,
    },
    {
      id: 'type',
      header: 'Type',
      width: 160,
      sortValue: (r) => r.typeLabel,
      cell: (r) => (
        <span className={r.kind === 'savepoint' ? 'font-medium text-sky-800 dark:text-sky-300' : ''}>
          {r.typeLabel}
          {r.savepointFormat ? (
            <span className="text-slate-500"> · {r.savepointFormat.toLowerCase()}</span>
          ) : null}
        </span>
      ),
    },
    {
      id: 'trigger',
      header: 'Trigger',
      width: 100,
      title: 'Trigger time',
      sortValue: (r) => r.triggerTime,
      descFirst: true,
      cell: (r) => <Time ms={r.triggerTime} zone={zone} />,
    },
    {
      id: 'ack',
      header: 'Last ack',
      width: 104,
      title: 'Time of the latest acknowledgement',
      sortValue: (r) => r.latestAck,
      descFirst: true,
      cell: (r) => <Time ms={r.latestAck} zone={zone} />,
    },
    {
      id: 'duration',
      header: 'Duration',
      width: 112,
      align: 'right',
      title: 'End-to-end duration (for a failed checkpoint: until it failed)',
      sortValue: (r) => r.duration,
      descFirst: true,
      cell: (r) => <ExactValue value={r.duration} format="duration" />,
    },
    {
      id: 'size',
      header: 'Size (full)',
      width: 164,
      align: 'right',
      title:
        'Checkpointed data size (incremental: what this checkpoint uploaded), and in brackets the full state size',
      sortValue: (r) => r.checkpointedSize,
      descFirst: true,
      cell: (r) => (
        <span className="tabular-nums">
          <ExactValue value={r.checkpointedSize} format="bytes" />{' '}
          <span className="text-slate-500">
            (<ExactValue value={r.fullSize} format="bytes" />)
          </span>
        </span>
      ),
    },
    {
      id: 'inflight',
      header: 'In-flight',
      width: 130,
      align: 'right',
      title: 'In-flight data processed during alignment, and in brackets persisted (unaligned checkpoints)',
      sortValue: (r) => r.processedData,
      descFirst: true,
      cell: (r) => (
        <span className="tabular-nums">
          <ExactValue value={r.processedData} format="bytes" />{' '}
          <span className="text-slate-500">
            (<ExactValue value={r.persistedData} format="bytes" />)
          </span>
        </span>
      ),
    },
    {
      id: 'acks',
      header: 'Acks',
      width: 76,
      align: 'right',
      title: 'Acknowledged / total subtasks',
      sortValue: (r) => (r.total ? r.acknowledged / r.total : undefined),
      cell: (r) => (
        <span
          className={`tabular-nums ${r.acknowledged < r.total && r.status !== 'COMPLETED' ? 'text-amber-700 dark:text-amber-400' : ''}`}
        >
          {ackLabel(r)}
        </span>
      ),
    },
    {
      id: 'message',
      header: 'Failure / path',
      title: 'Failure message of a failed checkpoint; location of a savepoint',
      sortValue: (r) => r.failureMessage ?? r.externalPath,
      cell: (r) =>
        r.failureMessage ? (
          <TruncatedText
            text={r.failureMessage}
            className="text-red-700 dark:text-red-400"
            testId="cp-failure-message"
          />
        ) : r.status === 'FAILED' ? (
          <span className="text-slate-500">no failure message</span>
        ) : r.kind === 'savepoint' && r.externalPath ? (
          <TruncatedText
            text={r.externalPath}
            keepEnd={24}
            className="font-mono text-xs text-slate-600 dark:text-slate-400"
          />
        ) : null,
    },
  ];
}

const rowKey = (r: CheckpointRow) => String(r.id);

/**
 * Every retained checkpoint (Flink keeps `web.checkpoints.history`, 10 by default; 10,000 stay
 * smooth: only visible rows are rendered). A click expands the checkpoint below.
 */
export function HistoryTable({
  rows,
  selectedId,
  onSelect,
}: {
  rows: readonly CheckpointRow[];
  selectedId: number | undefined;
  onSelect: (row: CheckpointRow) => void;
}) {
  const zone = useTimeZone();
  const cols = useMemo(() => columns(zone), [zone]);
  const [filter, setFilter] = useState<Filter>('all');
  const shown = useMemo(() => {
    const f = FILTERS.find((x) => x.id === filter);
    return !f || filter === 'all' ? rows : rows.filter(f.keep);
  }, [rows, filter]);
  const counts = useMemo(() => {
    const out: Record<Filter, number> = { all: rows.length, failed: 0, savepoints: 0, 'in-progress': 0 };
    for (const r of rows) {
      if (r.status === 'FAILED') out.failed++;
      if (r.kind === 'savepoint') out.savepoints++;
      if (r.status === 'IN_PROGRESS') out['in-progress']++;
    }
    return out;
  }, [rows]);

  return (
    <section aria-label="Checkpoint history" data-testid="checkpoint-history">
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <span className="text-xs text-slate-500">
          {rows.length} retained by Flink (<code className="font-mono">web.checkpoints.history</code>) · click
          one for its vertices and subtasks
        </span>
        <div
          role="group"
          aria-label="Show"
          className="ml-auto inline-flex overflow-hidden rounded-md border border-slate-300 text-xs dark:border-slate-700"
        >
          {FILTERS.map((f) => (
            <button
              key={f.id}
              type="button"
              aria-pressed={filter === f.id}
              onClick={() => setFilter(f.id)}
              className={`border-l border-slate-300 px-2 py-1 first:border-l-0 dark:border-slate-700 ${filter === f.id ? 'bg-sky-50 font-medium text-sky-800 dark:bg-sky-950 dark:text-sky-200' : 'bg-white text-slate-600 hover:bg-slate-50 dark:bg-slate-900 dark:text-slate-300 dark:hover:bg-slate-800'}`}
            >
              {f.label} <span className="tabular-nums text-slate-500">{counts[f.id]}</span>
            </button>
          ))}
        </div>
      </div>
      <DataTable
        label="Checkpoint history"
        testId="checkpoint-history-table"
        columns={cols}
        rows={shown}
        rowKey={rowKey}
        defaultSort={{ id: 'id', desc: true }}
        onRowClick={onSelect}
        selectedKey={selectedId === undefined ? null : String(selectedId)}
        maxHeight={440}
        rowClassName={(r) => (r.status === 'FAILED' ? 'bg-red-50/60 dark:bg-red-950/20' : undefined)}
        empty={filter === 'all' ? 'No checkpoint has been triggered yet.' : 'No retained checkpoint matches.'}
      />
    </section>
  );
}
