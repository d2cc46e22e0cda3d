import { useMemo, type ReactNode } from 'react';
import type { TaskManagerDetails } from '@/api/flink/schemas';
import { HistoryChart, useHistoryVersion } from '@/components/metric-history';
import { QueryError } from '@/components/query-state';
import { StatCard } from '@/components/stat-card';
import { useNow } from '@/hooks/use-now';
import {
  formatAgo,
  formatBytes,
  formatCount,
  formatDuration,
  formatPercent,
  formatTimestamp,
} from '@/lib/format';
import { useTimeZone } from '@/stores/preferences';
import { MemoryModelPicture } from './memory-model-picture';
import { SlotsSection } from './slots-section';
import type { useTaskManagerMetricHistory } from './use-tm-metric-history';
import { heartbeatAge, LATE_HEARTBEAT_MS } from './utils/tm-list';
import { chartSpecs, M } from './utils/tm-metrics';

type MetricHistoryState = ReturnType<typeof useTaskManagerMetricHistory>;

export function OverviewTab({
  clusterId,
  tm,
  metrics,
}: {
  clusterId: string;
  tm: TaskManagerDetails;
  metrics: MetricHistoryState;
}) {
  const now = useNow(1000);
  const m = tm.metrics;
  const age = heartbeatAge(tm.timeSinceLastHeartbeat, now);
  const used = tm.slotsNumber - tm.freeSlots;
  const heapShare = m.heapMax > 0 ? m.heapUsed / m.heapMax : undefined;
  return (
    <div className="space-y-4" data-testid="tm-overview">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" data-testid="tm-facts">
        <StatCard
          testId="tm-slots-used"
          label="Slots in use"
          value={`${used} / ${tm.slotsNumber}`}
          hint={`${tm.freeSlots} free`}
        />
        <StatCard
          testId="tm-heap-used"
          label="Heap used"
          value={formatPercent(heapShare)}
          hint={`${formatBytes(m.heapUsed)} of ${formatBytes(m.heapMax)}`}
          tone={heapShare !== undefined && heapShare > 0.9 ? 'warn' : undefined}
        />
        <StatCard
          testId="tm-cpu"
          label="CPU cores"
          value={tm.hardware.cpuCores}
          hint={`${formatCount(tm.totalResource.cpuCores)} for slots`}
        />
        <StatCard
          testId="tm-physical"
          label="Physical memory"
          value={formatBytes(tm.hardware.physicalMemory)}
          hint="machine or container"
        />
        <StatCard
          testId="tm-heartbeat"
          label="Last heartbeat"
          value={age === undefined ? '—' : formatAgo(now - age, now)}
          tone={age !== undefined && age > LATE_HEARTBEAT_MS ? 'warn' : undefined}
        />
        <StatCard
          testId="tm-ports"
          label="Data port"
          value={tm.dataPort}
          hint={tm.jmxPort && tm.jmxPort > 0 ? `JMX ${tm.jmxPort}` : 'no JMX port'}
        />
      </div>

      <Card
        title="Memory model"
        subtitle={`${formatBytes(tm.memoryConfiguration.totalProcessMemory)} process memory, as configured; darker = in use now`}
      >
        <MemoryModelPicture
          config={tm.memoryConfiguration}
          usage={{
            heapUsed: m.heapUsed,
            networkUsed: m.nettyShuffleMemoryUsed,
            managedUsed: metrics.values?.[M.managedUsed],
            metaspaceUsed: metrics.values?.[M.metaspaceUsed],
          }}
        />
      </Card>

      <div className="grid gap-4 xl:grid-cols-3">
        <Card title="JVM memory">
          <JvmMemoryTable tm={tm} />
        </Card>
        <Card title="Network buffers">
          <NetworkTable tm={tm} />
        </Card>
        <Card title="Garbage collection">
          <GcTable tm={tm} />
        </Card>
      </div>

      <MetricCharts metrics={metrics} />

      <SlotsSection clusterId={clusterId} tm={tm} />
    </div>
  );
}

function Card({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children: ReactNode }) {
  return (
    <section
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      aria-label={title}
    >
      <h2 className="text-sm font-semibold">
        {title}
        {subtitle ? <span className="ml-2 font-normal text-slate-500">{subtitle}</span> : null}
      </h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

function UsageBar({ used, max }: { used: number; max: number }) {
  const share = max > 0 ? Math.min(1, Math.max(0, used / max)) : 0;
  return (
    <span
      aria-hidden
      className="block h-1.5 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
    >
      <span
        className={`block h-full ${share > 0.9 ? 'bg-amber-500' : 'bg-sky-500'}`}
        style={{ width: `${Math.round(share * 100)}%` }}
      />
    </span>
  );
}

const TH = 'whitespace-nowrap py-1 pr-2 text-right font-medium';
const TD = 'whitespace-nowrap py-1 pr-2 text-right tabular-nums';

function JvmMemoryTable({ tm }: { tm: TaskManagerDetails }) {
  const m = tm.metrics;
  const rows: { label: string; used: number; committed?: number; max: number; count?: number }[] = [
    { label: 'Heap', used: m.heapUsed, committed: m.heapCommitted, max: m.heapMax },
    { label: 'Non-heap', used: m.nonHeapUsed, committed: m.nonHeapCommitted, max: m.nonHeapMax },
    { label: 'Direct', used: m.directUsed, max: m.directMax, count: m.directCount },
    { label: 'Mapped', used: m.mappedUsed, max: m.mappedMax, count: m.mappedCount },
  ];
  return (
    <table className="w-full text-xs" data-testid="jvm-memory">
      <thead className="text-[11px] uppercase tracking-wide text-slate-500">
        <tr>
          <th className="py-1 pr-2 text-left font-medium">Pool</th>
          <th className={TH}>Used</th>
          <th className={TH}>Committed</th>
          <th className={TH}>Max</th>
          <th className="w-20 py-1 font-medium" />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label} className="border-t border-slate-100 dark:border-slate-800">
            <td className="py-1 pr-2">
              {r.label}
              {r.count !== undefined ? (
                <span className="ml-1 text-slate-500">({formatCount(r.count)} buffers)</span>
              ) : null}
            </td>
            <td className={TD}>{formatBytes(r.used)}</td>
            <td className={TD}>{r.committed === undefined ? '—' : formatBytes(r.committed)}</td>
            <td className={TD}>{formatBytes(r.max)}</td>
            <td className="py-1">{r.max > 0 ? <UsageBar used={r.used} max={r.max} /> : null}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function NetworkTable({ tm }: { tm: TaskManagerDetails }) {
  const m = tm.metrics;
  const total = m.nettyShuffleMemorySegmentsTotal ?? m.memorySegmentsTotal;
  const available = m.nettyShuffleMemorySegmentsAvailable ?? m.memorySegmentsAvailable;
  const usedSegments =
    m.nettyShuffleMemorySegmentsUsed ??
    (total !== undefined && available !== undefined ? total - available : undefined);
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-xs" data-testid="network-memory">
      <dt className="text-slate-500">Segments in use</dt>
      <dd className="tabular-nums">
        {formatCount(usedSegments)} of {formatCount(total)}
        {total ? <UsageBar used={usedSegments ?? 0} max={total} /> : null}
      </dd>
      <dt className="text-slate-500">Segments available</dt>
      <dd className="tabular-nums">{formatCount(available)}</dd>
      <dt className="text-slate-500">Memory in use</dt>
      <dd className="tabular-nums">
        {formatBytes(m.nettyShuffleMemoryUsed)} of {formatBytes(m.nettyShuffleMemoryTotal)}
      </dd>
      <dt className="text-slate-500">Configured</dt>
      <dd className="tabular-nums">{formatBytes(tm.memoryConfiguration.networkMemory)}</dd>
      <dt className="text-slate-500">Segment size</dt>
      <dd className="tabular-nums">
        {total && m.nettyShuffleMemoryTotal
          ? formatBytes(Math.round(m.nettyShuffleMemoryTotal / total))
          : '—'}
      </dd>
    </dl>
  );
}

function GcTable({ tm }: { tm: TaskManagerDetails }) {
  const gcs = tm.metrics.garbageCollectors;
  if (gcs.length === 0) return <p className="text-xs text-slate-500">No garbage collector reported.</p>;
  return (
    <table className="w-full text-xs" data-testid="gc-table">
      <thead className="text-[11px] uppercase tracking-wide text-slate-500">
        <tr>
          <th className="py-1 pr-2 text-left font-medium">Collector</th>
          <th className={TH}>Collections</th>
          <th className={TH}>Total time</th>
          <th className={TH}>Average</th>
        </tr>
      </thead>
      <tbody>
        {gcs.map((g) => (
          <tr key={g.name} className="border-t border-slate-100 dark:border-slate-800">
            <td className={`py-1 pr-2 ${g.name === 'All' ? 'font-semibold' : ''}`}>
              {g.name.replace(/_/g, ' ')}
            </td>
            <td className={TD}>{formatCount(g.count)}</td>
            <td className={TD}>{formatDuration(g.time)}</td>
            <td className={TD}>{g.count > 0 ? formatDuration(g.time / g.count) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MetricCharts({ metrics }: { metrics: MetricHistoryState }) {
  const zone = useTimeZone();
  const version = useHistoryVersion(metrics.history);
  const specs = useMemo(() => chartSpecs(metrics.collectors), [metrics.collectors]);
  // Hide charts of metrics this cluster does not report (known after the first answer).
  const reported = metrics.values;
  const shown = specs.filter((s) => !reported || s.series.some((x) => x.key in reported));
  const first = metrics.history
    .keys()
    .map((k) => metrics.history.get(k)[0]?.t)
    .filter((t): t is number => t !== undefined)
    .reduce((a, b) => Math.min(a, b), Infinity);
  return (
    <section aria-label="Metrics over time" data-testid="tm-charts">
      <div className="mb-2 flex flex-wrap items-baseline gap-2">
        <h2 className="text-sm font-semibold">Over time</h2>
        <span className="text-xs text-slate-500">
          {Number.isFinite(first)
            ? `since ${formatTimestamp(first, zone)} · the last 30 minutes are kept across reloads`
            : 'recording starts with the first poll; the last 30 minutes are kept across reloads'}
        </span>
        {metrics.query.isError ? (
          <div className="basis-full">
            <QueryError error={metrics.query.error} compact onRetry={() => void metrics.query.refetch()} />
          </div>
        ) : null}
        <button
          type="button"
          className="ml-auto rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
          onClick={() => metrics.history.clear()}
          title="Forget the recorded history of this task manager"
        >
          Clear history
        </button>
      </div>
      <div className="grid gap-3 md:grid-cols-2 2xl:grid-cols-3">
        {shown.map((s) => (
          <HistoryChart
            key={s.id}
            testId={`tm-chart-${s.id}`}
            history={metrics.history}
            version={version}
            title={s.title}
            series={s.series}
            format={s.format}
            timeZone={zone}
            syncId="tm-metrics"
            {...(s.yDomain ? { yDomain: s.yDomain } : {})}
          />
        ))}
      </div>
    </section>
  );
}
