import { useVertexDetails } from '@/api/flink/queries';
import type { IoMetrics, VertexDetails } from '@/api/flink/schemas';
import { QueryError } from '@/components/query-state';
import { StateBadge } from '@/components/state-badge';
import { TaskCounts } from '@/components/task-counts';
import {
  formatAgo,
  formatBytes,
  formatCount,
  formatDuration,
  formatPercent,
  formatTimestamp,
  isKnown,
} from '@/lib/format';
import { useNow } from '@/hooks/use-now';
import { useTimeZone } from '@/stores/preferences';
import { historyKey, useHistorySeries } from '../history';
import { formatBytesPerSecond, formatPerSecond, type VertexRow } from '../utils/graph-model';
import { backPressureLevel } from '../utils/tones';
import { ChartSlot, Facts, Figures, Section, TimeSeriesChart } from './parts';

/** Everything about one vertex on one screen: identity, load now and since the page opened, totals, spread, chain, links. */
export function DetailTab({
  clusterId,
  jobId,
  vertexId,
  row,
  onSelectVertex,
}: {
  clusterId: string;
  jobId: string;
  vertexId: string;
  row: VertexRow | undefined;
  onSelectVertex: (id: string) => void;
}) {
  const zone = useTimeZone();
  const details = useVertexDetails(clusterId, jobId, vertexId);
  const d = details.data;
  const load = row?.load;
  const level = backPressureLevel(load?.backPressured);
  return (
    <div data-testid="vertex-detail">
      {details.isError && !d ? (
        <QueryError error={details.error} compact onRetry={() => void details.refetch()} />
      ) : null}
      <Section title="Vertex">
        <Facts
          items={[
            [
              'Id',
              <span key="id" className="select-all font-mono text-xs">
                {vertexId}
              </span>,
            ],
            ['Status', row?.status ? <StateBadge state={row.status} /> : '—'],
            [
              'Parallelism',
              <span key="p">
                {row?.parallelism ?? d?.parallelism ?? '—'}
                {isKnown(d?.maxParallelism ?? row?.maxParallelism) ? (
                  <span className="text-slate-500"> · max {d?.maxParallelism ?? row?.maxParallelism}</span>
                ) : null}
              </span>,
            ],
            ['Started', formatTimestamp(row?.startTime, zone)],
            isKnown(row?.endTime) && row.endTime > 0 ? ['Ended', formatTimestamp(row.endTime, zone)] : null,
            ['Duration', formatDuration(row?.duration)],
            ['Tasks', row ? <TaskCounts tasks={row.tasks} /> : '—'],
          ]}
        />
      </Section>

      {row?.jobOver ? null : (
        <>
          <Section
            title="Now"
            testId="vertex-load"
            aside={row?.loadAt ? <UpdatedAgo at={row.loadAt} /> : 'waiting for metrics'}
          >
            <Figures
              items={[
                {
                  label: 'Busy',
                  value: formatPercent(load?.busy),
                  hint: 'worst subtask',
                  testId: 'load-busy',
                },
                {
                  label: 'Back-pressured',
                  value: formatPercent(load?.backPressured),
                  hint: level ? `worst subtask · ${level.toUpperCase()}` : 'worst subtask',
                  testId: 'load-backpressured',
                },
                { label: 'Idle', value: formatPercent(load?.idle), hint: 'worst subtask' },
              ]}
            />
            <div className="mt-2">
              <Figures
                columns={4}
                items={[
                  { label: 'Records in', value: formatPerSecond(load?.recordsIn), hint: 'all subtasks' },
                  { label: 'Records out', value: formatPerSecond(load?.recordsOut), hint: 'all subtasks' },
                  { label: 'Bytes in', value: formatBytesPerSecond(load?.bytesIn), hint: 'all subtasks' },
                  { label: 'Bytes out', value: formatBytesPerSecond(load?.bytesOut), hint: 'all subtasks' },
                ]}
              />
            </div>
          </Section>

          <LoadHistory jobId={jobId} vertexId={vertexId} />
        </>
      )}

      <Section
        title={row?.jobOver ? 'Totals (the job is over)' : 'Totals since start'}
        testId="vertex-totals"
      >
        <Totals metrics={row?.totals} />
      </Section>

      {d?.aggregated?.metrics ? (
        <Section title="Spread over subtasks" aside="min · median · max">
          <Spread details={d} />
        </Section>
      ) : null}

      <Section title={`Operators (${row?.operators.length ?? 0})`}>
        <ol className="list-decimal space-y-0.5 pl-5 text-sm" data-testid="vertex-operators">
          {(row?.operators ?? []).map((op, i) => (
            <li key={i} className="break-words">
              {op}
            </li>
          ))}
        </ol>
      </Section>

      <Section title="Connections">
        <div className="grid gap-3 sm:grid-cols-2">
          <Links title="Inputs" links={row?.inputs ?? []} onSelect={onSelectVertex} none="None: a source." />
          <Links title="Outputs" links={row?.outputs ?? []} onSelect={onSelectVertex} none="None: a sink." />
        </div>
      </Section>
    </div>
  );
}

function UpdatedAgo({ at }: { at: number }) {
  const zone = useTimeZone();
  const now = useNow(5000);
  return <span title={formatTimestamp(at, zone)}>updated {formatAgo(at, now)}</span>;
}

function LoadHistory({ jobId, vertexId }: { jobId: string; vertexId: string }) {
  const zone = useTimeZone();
  const [busy, bp, idle] = useHistorySeries([
    historyKey(jobId, vertexId, 'busy'),
    historyKey(jobId, vertexId, 'backPressured'),
    historyKey(jobId, vertexId, 'idle'),
  ]);
  return (
    <Section title="Since this page opened" aside="worst subtask, every 10 s">
      <ChartSlot height={160}>
        <TimeSeriesChart
          title="Busy, back-pressured and idle time of the worst subtask"
          timeZone={zone}
          format="percent"
          yDomain={[0, 1]}
          height={160}
          series={[
            { key: 'busy', label: 'Busy', points: busy ?? [], color: '#f97316' },
            { key: 'bp', label: 'Back-pressured', points: bp ?? [], color: '#8b5cf6' },
            { key: 'idle', label: 'Idle', points: idle ?? [], color: '#7dd3fc' },
          ]}
          empty="Collecting: the first values arrive with the next metrics poll."
        />
      </ChartSlot>
    </Section>
  );
}

function Totals({ metrics }: { metrics: IoMetrics | undefined }) {
  if (!metrics) return <p className="text-sm text-slate-500">—</p>;
  const mark = (complete: boolean) => (complete ? '' : ' (incomplete)');
  return (
    <Facts
      items={[
        [
          'Records received',
          `${formatCount(metrics['read-records'])}${mark(metrics['read-records-complete'])}`,
        ],
        [
          'Records sent',
          `${formatCount(metrics['write-records'])}${mark(metrics['write-records-complete'])}`,
        ],
        ['Bytes received', `${formatBytes(metrics['read-bytes'])}${mark(metrics['read-bytes-complete'])}`],
        ['Bytes sent', `${formatBytes(metrics['write-bytes'])}${mark(metrics['write-bytes-complete'])}`],
        metrics['accumulated-busy-time'] !== undefined
          ? ['Busy time', formatDuration(metrics['accumulated-busy-time'])]
          : null,
        metrics['accumulated-backpressured-time'] !== undefined
          ? ['Back-pressured time', formatDuration(metrics['accumulated-backpressured-time'])]
          : null,
        metrics['accumulated-idle-time'] !== undefined
          ? ['Idle time', formatDuration(metrics['accumulated-idle-time'])]
          : null,
      ]}
    />
  );
}

const SPREAD: { key: string; label: string; format: (n: number | undefined) => string }[] = [
  { key: 'read-records', label: 'Records received', format: formatCount },
  { key: 'write-records', label: 'Records sent', format: formatCount },
  { key: 'read-bytes', label: 'Bytes received', format: formatBytes },
  { key: 'write-bytes', label: 'Bytes sent', format: formatBytes },
  { key: 'accumulated-busy-time', label: 'Busy time', format: formatDuration },
  { key: 'accumulated-backpressured-time', label: 'Back-pressured time', format: formatDuration },
];

/** Min / median / max per subtask: a max far above the median is a skewed (hot) subtask. */
function Spread({ details }: { details: VertexDetails }) {
  const stats = details.aggregated?.metrics ?? {};
  return (
    <table className="w-full text-sm" data-testid="vertex-spread">
      <tbody>
        {SPREAD.filter((s) => stats[s.key]).map((s) => {
          const st = stats[s.key] ?? {};
          const skewed = isKnown(st.max) && isKnown(st.median) && st.median > 0 && st.max > 2 * st.median;
          return (
            <tr key={s.key} className="border-t border-slate-100 first:border-0 dark:border-slate-800">
              <td className="py-0.5 pr-2 text-slate-500">{s.label}</td>
              <td className="py-0.5 text-right tabular-nums">{s.format(st.min)}</td>
              <td className="py-0.5 text-right tabular-nums">{s.format(st.median)}</td>
              <td
                className={`py-0.5 text-right tabular-nums ${skewed ? 'font-semibold text-amber-700 dark:text-amber-400' : ''}`}
                title={
                  skewed ? 'More than twice the median: one subtask gets more than its share' : undefined
                }
              >
                {s.format(st.max)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Links({
  title,
  links,
  onSelect,
  none,
}: {
  title: string;
  links: VertexRow['inputs'];
  onSelect: (id: string) => void;
  none: string;
}) {
  return (
    <div>
      <div className="mb-1 text-xs text-slate-500">{title}</div>
      {links.length === 0 ? (
        <p className="text-sm text-slate-500">{none}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {links.map((l) => (
            <li key={l.id} className="flex min-w-0 items-center gap-2">
              {l.shipStrategy ? (
                <span className="shrink-0 rounded bg-slate-100 px-1 font-mono text-[10px] text-slate-600 dark:bg-slate-800 dark:text-slate-300">
                  {l.shipStrategy}
                </span>
              ) : null}
              <button
                type="button"
                onClick={() => onSelect(l.id)}
                className="min-w-0 truncate text-left text-sky-700 hover:underline dark:text-sky-400"
                title={l.name}
              >
                {l.name || l.id}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
