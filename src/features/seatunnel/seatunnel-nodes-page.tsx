import { lazy, Suspense, useMemo, useRef, useState, type ReactNode } from 'react';
import { useReadOnly } from '@/api/dashboard/clusters';
import { useSeaTunnelFlavour } from '@/api/seatunnel/detect-flavour';
import { useSeaTunnelUpdateTags } from '@/api/seatunnel/mutations';
import { useSeaTunnelSystemMonitoring } from '@/api/seatunnel/queries';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useToast } from '@/components/toast';
import { formatBytes, formatDuration, formatExact, formatPercent, UNKNOWN } from '@/lib/format';
import type { MetricHistory } from '@/lib/metric-history';
import { useClusterId } from '@/hooks/use-cluster-id';
import { useInView } from '@/hooks/use-in-view';
import { useTimeZone } from '@/stores/preferences';
import { Card, Note, Section, inputClass, primaryButtonClass, useMetricHistory, ToastScope } from './parts';
import { nodeSamples, toNodeHealth, totalQueued, type NodeHealth } from './utils/monitoring';
import { parseTags, tagsToText } from './utils/tags';

const TimeSeriesChart = lazy(() => import('@/components/charts/time-series-chart'));

/**
 * Every member's health from /system-monitoring-information (memory, heap, GC, load, threads,
 * queues, connections), charted while the page is open, and the tags of the node behind the
 * dashboard's URL (/update-tags).
 */
export function SeaTunnelNodesPage() {
  return (
    <ToastScope>
      <NodesPageContent />
    </ToastScope>
  );
}

const NODES_SHOWN = 50;

function NodesPageContent() {
  const clusterId = useClusterId();
  const monitoring = useSeaTunnelSystemMonitoring(clusterId);
  const flavour = useSeaTunnelFlavour(clusterId);
  const nodes = useMemo(() => monitoring.data?.map(toNodeHealth), [monitoring.data]);
  const samples = useMemo(() => (nodes ? nodeSamples(nodes) : undefined), [nodes]);
  const history = useMetricHistory(samples, monitoring.dataUpdatedAt);
  const [showAll, setShowAll] = useState(false);
  // Each card draws charts: a cluster (or an answer) with thousands of members shows the first ones.
  const shown = nodes && !showAll ? nodes.slice(0, NODES_SHOWN) : (nodes ?? []);
  return (
    <div>
      <PageHeader
        title="Nodes"
        subtitle={
          nodes ? (
            <span>
              {nodes.length} {nodes.length === 1 ? 'member' : 'members'}
              {flavour.data ? ` · REST ${flavour.data}` : ''}
            </span>
          ) : undefined
        }
      />
      <QueryState
        query={monitoring}
        skeletonRows={8}
        isEmpty={(d) => d.length === 0}
        empty={<Note>The engine lists no members.</Note>}
      >
        {() => (
          <div className="space-y-6">
            {shown.map((n, i) => (
              // A hostile answer may list one member many times: the index keeps React keys unique.
              <NodeCard key={`${i}:${n.key}`} node={n} history={history} />
            ))}
            {nodes && shown.length < nodes.length ? (
              <button
                type="button"
                onClick={() => setShowAll(true)}
                data-testid="show-all-nodes"
                className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
              >
                Showing {NODES_SHOWN} of {nodes.length.toLocaleString('en')} members: show all
              </button>
            ) : null}
          </div>
        )}
      </QueryState>
      <TagsEditor clusterId={clusterId} flavour={flavour.data} />
    </div>
  );
}

function NodeCard({ node: n, history }: { node: NodeHealth; history: MetricHistory }) {
  const zone = useTimeZone();
  const card = useRef<HTMLElement>(null);
  // Three charts per member, redrawn on every poll: only the cards on screen draw theirs.
  const chartsShown = useInView(card);
  const key = (m: string) => history.get(`${n.key}/${m}`);
  const queued = totalQueued(n);
  const busyQueues = n.queues.filter((q) => (q.size ?? 0) > 0);
  const fallback = (
    <div className="flex h-full items-center justify-center text-xs text-slate-500">
      Collecting: one point per poll.
    </div>
  );
  return (
    <section
      ref={card}
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      aria-label={`Node ${n.key}`}
      data-testid="node-card"
      data-node={n.key}
    >
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h2 className="font-mono text-base font-semibold">{n.key}</h2>
        {n.isMaster ? (
          <span className="rounded bg-sky-100 px-1.5 py-0.5 text-[11px] font-semibold text-sky-900 dark:bg-sky-900/60 dark:text-sky-100">
            MASTER
          </span>
        ) : (
          <span className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] font-semibold text-slate-700 dark:bg-slate-800 dark:text-slate-300">
            WORKER
          </span>
        )}
        <span className="text-sm text-slate-500">{n.processors ?? UNKNOWN} processors</span>
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Stat label="Heap used" testId="heap" value={formatBytes(n.heapUsed)}>
          <Bar ratio={n.heapUsedOfMax} />
          <span className="block">
            {formatPercent(n.heapUsedOfMax, 1)} of {formatBytes(n.heapMax)} max · committed{' '}
            {formatBytes(n.heapTotal)}
          </span>
        </Stat>
        <Stat label="Physical memory" testId="physical" value={`${formatBytes(n.physicalFree)} free`}>
          <span>
            of {formatBytes(n.physicalTotal)} · swap {formatBytes(n.swapFree)} free of{' '}
            {formatBytes(n.swapTotal)}
          </span>
        </Stat>
        <Stat label="CPU load" testId="load" value={`${formatPercent(n.loadProcess)} process`}>
          <span>
            {formatPercent(n.loadSystem)} system · load avg {n.loadAverage ?? UNKNOWN}
          </span>
        </Stat>
        <Stat
          label="GCs minor · major"
          testId="gc"
          value={`${formatExact(n.minorGcCount)} · ${formatExact(n.majorGcCount)}`}
        >
          <span>
            took {formatDuration(n.minorGcMs)} · {formatDuration(n.majorGcMs)} in all
          </span>
        </Stat>
        <Stat label="Threads" testId="threads" value={formatExact(n.threads)}>
          <span>peak {formatExact(n.peakThreads)}</span>
        </Stat>
        <Stat label="Connections" testId="connections" value={`${formatExact(n.connectionsActive)} active`}>
          <span>
            {formatExact(n.connections)} members · {formatExact(n.clientConnections)} clients
          </span>
        </Stat>
      </div>
      <div className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm" data-testid="queues">
        <span>
          <span className="text-slate-500">Queued </span>
          <span className="tabular-nums font-medium">{formatExact(queued)}</span>
        </span>
        {busyQueues.length ? (
          busyQueues.map((q) => (
            <span key={q.name} className="font-mono text-xs">
              {q.name} <span className="font-semibold text-amber-700 dark:text-amber-400">{q.size}</span>
            </span>
          ))
        ) : (
          <span className="text-xs text-slate-500">every executor queue is empty</span>
        )}
        <span>
          <span className="text-slate-500">Operations </span>
          <span className="tabular-nums">
            {formatExact(n.operationsRunning)} running · {formatExact(n.operationsCompleted)} done ·{' '}
            {formatExact(n.pendingInvocations)} pending
          </span>
        </span>
        {n.clusterTimeDiffMs ? (
          <span>
            <span className="text-slate-500">Clock offset </span>
            {n.clusterTimeDiffMs} ms
          </span>
        ) : null}
      </div>
      {chartsShown ? (
        <Suspense
          fallback={<div className="mt-3 h-40 animate-pulse rounded bg-slate-100 dark:bg-slate-800" />}
        >
          <div className="mt-4 grid gap-3 lg:grid-cols-3">
            <ChartCard title="Heap">
              <TimeSeriesChart
                title={`Heap of ${n.key}`}
                timeZone={zone}
                format="bytes"
                height={160}
                empty={fallback}
                series={[
                  { key: 'used', label: 'Used', points: key('heapUsed') },
                  { key: 'total', label: 'Committed', points: key('heapTotal') },
                  { key: 'max', label: 'Max', points: key('heapMax') },
                ]}
              />
            </ChartCard>
            <ChartCard title="CPU load">
              <TimeSeriesChart
                title={`CPU load of ${n.key}`}
                timeZone={zone}
                format="percent"
                height={160}
                empty={fallback}
                series={[
                  { key: 'process', label: 'Process', points: key('loadProcess') },
                  { key: 'system', label: 'System', points: key('loadSystem') },
                ]}
              />
            </ChartCard>
            <ChartCard title="Threads and queued operations">
              <TimeSeriesChart
                title={`Threads of ${n.key}`}
                timeZone={zone}
                height={160}
                empty={fallback}
                series={[
                  { key: 'threads', label: 'Threads', points: key('threads') },
                  { key: 'queued', label: 'Queued', points: key('queued') },
                ]}
              />
            </ChartCard>
          </div>
        </Suspense>
      ) : (
        <div className="mt-4 h-[200px]" data-testid="node-charts-offscreen" />
      )}
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-xs text-slate-500">
          Every value as the engine sent it ({n.raw.length})
        </summary>
        <div className="mt-2 grid gap-x-6 gap-y-0.5 font-mono text-xs sm:grid-cols-2 lg:grid-cols-3">
          {n.raw.map(([k, v]) => (
            <div
              key={k}
              className="flex justify-between gap-2 border-b border-slate-100 py-0.5 dark:border-slate-800"
            >
              <span className="truncate text-slate-500" title={k}>
                {k}
              </span>
              <span className="shrink-0">{v}</span>
            </div>
          ))}
        </div>
      </details>
    </section>
  );
}

function Stat({
  label,
  value,
  children,
  testId,
}: {
  label: string;
  value: ReactNode;
  children?: ReactNode;
  testId: string;
}) {
  return (
    <div
      className="min-w-0 rounded-md border border-slate-100 p-2 dark:border-slate-800"
      data-testid={`node-${testId}`}
    >
      <div className="text-[11px] font-medium uppercase tracking-wide text-slate-500">{label}</div>
      <div
        className="mt-0.5 truncate font-semibold tabular-nums"
        title={typeof value === 'string' ? value : undefined}
      >
        {value}
      </div>
      <div className="mt-0.5 space-y-1 text-xs text-slate-500">{children}</div>
    </div>
  );
}

function Bar({ ratio }: { ratio: number | null }) {
  const pct = ratio === null ? 0 : Math.max(0, Math.min(1, ratio)) * 100;
  const tone = pct > 90 ? 'bg-red-500' : pct > 75 ? 'bg-amber-500' : 'bg-sky-500';
  return (
    <div
      className="h-1.5 overflow-hidden rounded bg-slate-200 dark:bg-slate-700"
      role="meter"
      aria-valuenow={Math.round(pct)}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-label="Heap used of max"
    >
      <div className={`h-full ${tone}`} style={{ width: `${pct}%` }} />
    </div>
  );
}

function ChartCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card className="p-2">
      <div className="mb-1 text-xs font-medium text-slate-600 dark:text-slate-300">{title}</div>
      {children}
    </Card>
  );
}

/** Whether the page offers tag editing on REST v1 clusters (see the report: 2.3.8's v1 accepts it). */
const TAGS_ON_V1 = false;

function TagsEditor({ clusterId, flavour }: { clusterId: string; flavour: 'v1' | 'v2' | undefined }) {
  const readOnly = useReadOnly();
  const update = useSeaTunnelUpdateTags(clusterId);
  const toast = useToast();
  const [text, setText] = useState('');
  const parsed = parseTags(text);
  const allowed = !readOnly && (flavour === 'v2' || (flavour === 'v1' && TAGS_ON_V1));
  return (
    <Section title="Node tags" testId="tags-editor" className="mt-8">
      {readOnly ? (
        <Note testId="tags-read-only">
          The dashboard is read-only: node tags cannot be changed from here.
        </Note>
      ) : flavour === undefined ? (
        <Note>Finding out which REST API this cluster speaks…</Note>
      ) : !allowed ? (
        <Note testId="tags-unsupported">
          Tags are edited through REST v2 (<span className="font-mono">POST /update-tags</span>); this cluster
          is reached through REST v1, where the dashboard does not offer it. Set tags in the node’s{' '}
          <span className="font-mono">seatunnel.yaml</span> (
          <span className="font-mono">member-attributes</span>) or point the dashboard at the node’s REST v2
          port.
        </Note>
      ) : (
        <Card>
          <p className="mb-2 text-sm text-slate-600 dark:text-slate-300">
            Replaces every tag of the node behind this dashboard’s URL (the engine changes only the node that
            answers). Empty clears them. The engine does not report current tags: check with the tag filter on
            the overview.
          </p>
          <form
            className="flex flex-wrap items-center gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              if (!parsed.ok) return;
              update.mutate(parsed.tags, {
                onSuccess: (r) =>
                  toast.show({
                    tone: 'success',
                    message: `${r.message ?? 'Tags updated'}${Object.keys(parsed.tags).length ? `: ${tagsToText(parsed.tags)}` : ' (cleared)'}`,
                  }),
              });
            }}
          >
            <input
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder="zone=eu-1, pool=cdc"
              aria-label="Tags (key=value, comma separated)"
              aria-invalid={!parsed.ok}
              data-testid="tags-input"
              className={`${inputClass} w-80`}
            />
            <button
              type="submit"
              className={primaryButtonClass}
              disabled={!parsed.ok || update.isPending}
              data-testid="tags-submit"
            >
              {update.isPending
                ? 'Saving…'
                : Object.keys(parsed.ok ? parsed.tags : {}).length
                  ? 'Set tags'
                  : 'Clear tags'}
            </button>
            {!parsed.ok ? (
              <span className="text-xs text-red-600 dark:text-red-400">{parsed.error}</span>
            ) : null}
          </form>
          {update.isError ? (
            <pre
              className="mt-2 whitespace-pre-wrap break-words rounded bg-red-50 p-2 text-xs text-red-800 dark:bg-red-950/50 dark:text-red-200"
              role="alert"
            >
              {update.error instanceof Error ? update.error.message : String(update.error)}
            </pre>
          ) : null}
        </Card>
      )}
    </Section>
  );
}
