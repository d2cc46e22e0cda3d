import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import type { SeaTunnelJob } from '@/api/seatunnel/normalise';
import { DataTable, type Column } from '@/components/data-table';
import { counterRates } from '@/lib/counter-rate';
import type { MetricHistory } from '@/lib/metric-history';
import { useTimeZone } from '@/stores/preferences';
import { Card, Count } from './parts';
import { formatCountBytes, formatPerSecond, parseEngineTime } from './utils/format';
import { seededCounter } from './utils/seeded-counter';
import { flowRows, tablePrefix, TOTAL_PREFIX, type FlowRow } from './utils/job-metrics';

// recharts arrives with the first chart, not with the page.
const TimeSeriesChart = lazy(() => import('@/components/charts/time-series-chart'));

/** Totals as cards: received and written (records and bytes), their rates, and what is in between. */
export function FlowCards({ job, running }: { job: SeaTunnelJob; running: boolean }) {
  const total = flowRows(job.metrics, running)[0] as FlowRow;
  const f = total.flow;
  return (
    <div className="mb-4 grid grid-cols-2 gap-3 lg:grid-cols-3 2xl:grid-cols-6" data-testid="flow-cards">
      <FlowCard
        label="Source received"
        value={<Count value={f.sourceReceivedCount} testId="received-count" />}
        hint={`${formatCountBytes(f.sourceReceivedBytes)} received`}
      />
      <FlowCard
        label="Sink written"
        value={<Count value={f.sinkWriteCount} testId="written-count" />}
        hint={`${formatCountBytes(f.sinkWriteBytes)} written`}
        tone={total.stalled ? 'bad' : undefined}
      />
      {/* A job that is over has no rate (its last one is 0 or stale): the totals above and the
          header's duration say what it did. */}
      {running ? (
        <>
          <FlowCard
            label="Source rate"
            value={<span data-testid="received-qps">{formatPerSecond(f.sourceReceivedQPS)}</span>}
            hint={formatPerSecond(f.sourceReceivedBytesPerSeconds, true)}
          />
          <FlowCard
            label="Sink rate"
            value={<span data-testid="written-qps">{formatPerSecond(f.sinkWriteQPS)}</span>}
            hint={
              total.stalled ? (
                <span className="font-medium text-red-700 dark:text-red-400" data-testid="sink-stalled">
                  The sink writes nothing while the source reads.
                </span>
              ) : (
                formatPerSecond(f.sinkWriteBytesPerSeconds, true)
              )
            }
            tone={total.stalled ? 'bad' : undefined}
          />
        </>
      ) : null}
      {running && total.lag !== null ? (
        <FlowCard
          label="In flight"
          value={<Count value={total.lag} testId="in-flight" />}
          hint="received but not yet written"
        />
      ) : null}
      {job.metrics.intermediateQueueSize !== null ? (
        <FlowCard
          label="Intermediate queue"
          value={<Count value={job.metrics.intermediateQueueSize} />}
          hint="rows queued between tasks"
        />
      ) : null}
      {f.sinkCommittedCount !== null ? (
        <FlowCard
          label="Sink committed"
          value={<Count value={f.sinkCommittedCount} />}
          hint={formatPerSecond(f.sinkCommittedQPS)}
        />
      ) : null}
    </div>
  );
}

function FlowCard({
  label,
  value,
  hint,
  tone,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  tone?: 'bad';
}) {
  return (
    <Card className={tone === 'bad' ? 'border-red-300 dark:border-red-900' : ''}>
      <div className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</div>
      <div
        className={`mt-1 text-2xl font-semibold ${tone === 'bad' ? 'text-red-700 dark:text-red-400' : ''}`}
      >
        {value}
      </div>
      {hint ? <div className="mt-0.5 text-xs text-slate-500">{hint}</div> : null}
    </Card>
  );
}

const tableColumns: Column<FlowRow>[] = [
  {
    id: 'table',
    header: 'Table',
    sortValue: (r) => r.table ?? '',
    cell: (r) => (
      <span
        className={r.table === null ? 'font-semibold' : 'font-mono text-xs'}
        title={r.table ?? 'Sum of every table'}
      >
        {r.table ?? 'All tables'}
        {r.stalled ? (
          <span className="ml-2 rounded bg-red-100 px-1 text-[10px] font-semibold text-red-900 dark:bg-red-900/60 dark:text-red-100">
            NOT WRITING
          </span>
        ) : null}
      </span>
    ),
  },
  {
    id: 'received',
    header: 'Received',
    width: 100,
    align: 'right',
    title: 'SourceReceivedCount',
    cell: (r) => <Count value={r.flow.sourceReceivedCount} />,
  },
  {
    id: 'written',
    header: 'Written',
    width: 100,
    align: 'right',
    title: 'SinkWriteCount',
    cell: (r) => <Count value={r.flow.sinkWriteCount} />,
  },
  {
    id: 'lag',
    header: 'In flight',
    width: 90,
    align: 'right',
    title: 'Received minus written',
    cell: (r) => <Count value={r.lag} />,
  },
  {
    id: 'inRate',
    header: 'In /s',
    width: 90,
    align: 'right',
    title: 'SourceReceivedQPS',
    cell: (r) => <span className="tabular-nums">{formatPerSecond(r.flow.sourceReceivedQPS)}</span>,
  },
  {
    id: 'outRate',
    header: 'Out /s',
    width: 90,
    align: 'right',
    title: 'SinkWriteQPS',
    cell: (r) => <span className="tabular-nums">{formatPerSecond(r.flow.sinkWriteQPS)}</span>,
  },
  {
    id: 'inBytes',
    header: 'Bytes in',
    width: 100,
    align: 'right',
    title: 'SourceReceivedBytes',
    cell: (r) => <span className="tabular-nums">{formatCountBytes(r.flow.sourceReceivedBytes)}</span>,
  },
  {
    id: 'outBytes',
    header: 'Bytes out',
    width: 100,
    align: 'right',
    title: 'SinkWriteBytes',
    cell: (r) => <span className="tabular-nums">{formatCountBytes(r.flow.sinkWriteBytes)}</span>,
  },
  {
    id: 'bytesRate',
    header: 'Bytes/s in · out',
    width: 200,
    align: 'right',
    title: 'SourceReceivedBytesPerSeconds · SinkWriteBytesPerSeconds',
    cell: (r) => (
      <span className="tabular-nums">
        {formatPerSecond(r.flow.sourceReceivedBytesPerSeconds, true)} ·{' '}
        {formatPerSecond(r.flow.sinkWriteBytesPerSeconds, true)}
      </span>
    ),
  },
];

/** Rates mean nothing once the job is over: only its totals are shown then. */
const RATE_COLUMNS = new Set(['inRate', 'outRate', 'bytesRate']);

/** Totals and one row per table; a click charts that table. */
export function FlowTable({
  job,
  running,
  focus,
  onFocus,
}: {
  job: SeaTunnelJob;
  running: boolean;
  focus: string | null;
  onFocus: (table: string | null) => void;
}) {
  const rows = useMemo(() => flowRows(job.metrics, running), [job.metrics, running]);
  const columns = useMemo(
    () => (running ? tableColumns : tableColumns.filter((c) => !RATE_COLUMNS.has(c.id))),
    [running],
  );
  return (
    <DataTable
      label="Metrics per table"
      testId="table-metrics"
      columns={columns}
      rows={rows}
      rowKey={(r) => r.table ?? '\u0000all'}
      selectedKey={focus ?? '\u0000all'}
      onRowClick={(r) => onFocus(r.table)}
      maxHeight={Math.min(420, 36 * (rows.length + 1) + 4)}
    />
  );
}

const CHART_HEIGHT = 180;

/**
 * Counts of the totals (or of the focused table) since the job started, and rates over the time
 * this page has been open. The counts start at 0 when the job started (the engine says when), so
 * a page opened late draws the whole run; a finished job draws start to finish, without rates.
 */
export function FlowCharts({
  job,
  history,
  focus,
  tables,
}: {
  job: Pick<SeaTunnelJob, 'createTime' | 'startTime' | 'finishTime'>;
  history: MetricHistory;
  focus: string | null;
  tables: readonly string[];
}) {
  const zone = useTimeZone();
  const prefix = focus === null ? TOTAL_PREFIX : tablePrefix(focus);
  const get = (key: string) => history.get(prefix + key);
  const run = {
    startMs: parseEngineTime(job.startTime ?? job.createTime),
    finishMs: parseEngineTime(job.finishTime),
  };
  const over = job.finishTime !== null;
  const polledReceived = get('sourceReceivedCount');
  const received = seededCounter(polledReceived, run);
  const written = seededCounter(get('sinkWriteCount'), run);
  const samples = polledReceived.length;
  const what = focus === null ? 'all tables' : focus;
  const fallback = (
    <div className="flex h-full items-center justify-center text-xs text-slate-500">
      Collecting: one point per poll while this page is open.
    </div>
  );
  // Cheap (one lookup per table), and must follow every poll: no memo.
  const busiest = [...tables]
    .map((t) => ({ t, v: history.latest(`${tablePrefix(t)}sourceReceivedQPS`)?.v ?? 0 }))
    .sort((a, b) => b.v - a.v)
    .slice(0, 8)
    .map((x) => x.t);
  return (
    <div data-testid="flow-charts" data-samples={samples}>
      <p className="mb-2 text-xs text-slate-500" data-testid="flow-charts-caption">
        Charts of <span className="font-medium">{what}</span>:{' '}
        {over
          ? 'records from the job’s start (0) to its finish; the job is over, so no rates.'
          : `records since the job started${run.startMs === null ? ' (start unknown: since this page opened)' : ''}, rates since this page opened (${samples} ${samples === 1 ? 'sample' : 'samples'}).`}
      </p>
      <Suspense fallback={<div className="h-48 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" />}>
        <div className={`grid gap-3 ${over ? '' : 'lg:grid-cols-3'}`}>
          <Card>
            <ChartTitle>Records (cumulative)</ChartTitle>
            <TimeSeriesChart
              title={`Records of ${what}`}
              timeZone={zone}
              height={CHART_HEIGHT}
              syncId="st-flow"
              empty={fallback}
              series={[
                { key: 'in', label: 'Source received', points: received },
                { key: 'out', label: 'Sink written', points: written },
              ]}
            />
          </Card>
          {over ? null : (
            <>
              <Card>
                <ChartTitle>Records per second</ChartTitle>
                <TimeSeriesChart
                  title={`Records per second of ${what}`}
                  timeZone={zone}
                  height={CHART_HEIGHT}
                  syncId="st-flow"
                  format="rate"
                  empty={fallback}
                  series={[
                    { key: 'qin', label: 'Source QPS (engine)', points: get('sourceReceivedQPS') },
                    { key: 'qout', label: 'Sink QPS (engine)', points: get('sinkWriteQPS') },
                    { key: 'oin', label: 'Received (observed)', points: counterRates(received) },
                    { key: 'oout', label: 'Written (observed)', points: counterRates(written) },
                  ]}
                />
              </Card>
              <Card>
                <ChartTitle>Bytes per second</ChartTitle>
                <TimeSeriesChart
                  title={`Bytes per second of ${what}`}
                  timeZone={zone}
                  height={CHART_HEIGHT}
                  syncId="st-flow"
                  format="byte-rate"
                  empty={fallback}
                  series={[
                    { key: 'bin', label: 'Source bytes/s', points: get('sourceReceivedBytesPerSeconds') },
                    { key: 'bout', label: 'Sink bytes/s', points: get('sinkWriteBytesPerSeconds') },
                  ]}
                />
              </Card>
            </>
          )}
        </div>
        {!over && focus === null && tables.length > 1 ? (
          <Card className="mt-3">
            <ChartTitle>
              Source records per second by table
              {tables.length > busiest.length ? ` (the ${busiest.length} busiest)` : ''}
            </ChartTitle>
            <TimeSeriesChart
              title="Source records per second by table"
              timeZone={zone}
              height={CHART_HEIGHT}
              format="rate"
              empty={fallback}
              series={busiest.map((t) => ({
                key: t,
                label: t,
                points: history.get(`${tablePrefix(t)}sourceReceivedQPS`),
              }))}
            />
          </Card>
        ) : null}
      </Suspense>
    </div>
  );
}

function ChartTitle({ children }: { children: ReactNode }) {
  return <div className="mb-1 text-xs font-medium text-slate-600 dark:text-slate-300">{children}</div>;
}
