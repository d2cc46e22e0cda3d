import { useCallback, useDeferredValue, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { jobRoute, useRouteParams } from '@/app/router';
import { useCheckpointConfig, useCheckpointStats, useJobDetails } from '@/api/flink/queries';
import type { CheckpointingStatistics } from '@/api/flink/schemas';
import { PageSkeleton } from '@/components/page-skeleton';
import { Tabs } from '@/components/tabs';
import { QueryError, StaleMark } from '@/components/query-state';
import { useClusterId } from '@/hooks/use-cluster-id';
import { CheckpointDetail, type VertexInfo } from './checkpoint-detail';
import { ConfigCard } from './config-card';
import { HistoryTable } from './history-table';
import { OverviewCards } from './overview-cards';
import { SummaryTable } from './summary-table';
import { TrendCharts } from './trend-charts';
import { useCheckpointSearch } from './use-checkpoint-search';
import { toCheckpointRows, type CheckpointRow } from './utils/checkpoint-rows';
import { checkpointingState } from './utils/config-facts';
import { summaryLines } from './utils/summary';

type Section = 'history' | 'summary' | 'configuration';
const isSection = (p: string | undefined): p is Section =>
  p === 'history' || p === 'summary' || p === 'configuration';

/**
 * The job's checkpoints: counts and latest entries, trends, then three sections (`?panel=`): the
 * retained history with each checkpoint expandable to vertices and subtasks
 * (`?checkpoint=&vertex=`), the summary with percentiles, and the configuration. Polls with the
 * job; a finished job's data is kept.
 */
export default function CheckpointsTab() {
  const clusterId = useClusterId();
  const { jobId } = useRouteParams(jobRoute);
  const stats = useCheckpointStats(clusterId, jobId);
  const config = useCheckpointConfig(clusterId, jobId);
  const state = checkpointingState({
    config: config.data,
    configError: config.error,
    stats: stats.data,
    statsError: stats.error,
  });

  if (stats.isPending && (config.isPending || state !== 'disabled')) {
    return (
      <div data-testid="checkpoints-tab">
        <PageSkeleton rows={6} />
      </div>
    );
  }
  if (state === 'disabled') {
    return (
      <div data-testid="checkpoints-tab">
        <NotEnabled />
      </div>
    );
  }
  return (
    <div data-testid="checkpoints-tab" className="space-y-4">
      {stats.data ? (
        <CheckpointsView
          clusterId={clusterId}
          jobId={jobId}
          stats={stats.data}
          config={<ConfigCard query={config} />}
          stale={stats.isError ? <StaleMark updatedAt={stats.dataUpdatedAt} /> : null}
        />
      ) : (
        <QueryError error={stats.error} onRetry={() => void stats.refetch()} />
      )}
    </div>
  );
}

function NotEnabled() {
  return (
    <div
      className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700"
      data-testid="checkpoints-not-enabled"
    >
      <p className="text-base font-semibold">Checkpointing is not enabled for this job</p>
      <p className="mx-auto mt-2 max-w-xl text-sm text-slate-600 dark:text-slate-400">
        The job takes no periodic checkpoints, so after a failure it restarts without state. Enable it with{' '}
        <code className="font-mono text-xs">execution.checkpointing.interval</code> (or{' '}
        <code className="font-mono text-xs">env.enableCheckpointing(…)</code>) when submitting the job.
      </p>
    </div>
  );
}

function CheckpointsView({
  clusterId,
  jobId,
  stats,
  config,
  stale,
}: {
  clusterId: string;
  jobId: string;
  stats: CheckpointingStatistics;
  config: ReactNode;
  stale: ReactNode;
}) {
  const [search, setSearch] = useCheckpointSearch();
  const details = useJobDetails(clusterId, jobId);
  const rows = useMemo(() => toCheckpointRows(stats.history), [stats.history]);
  const retained = useMemo(() => new Set(rows.map((r) => r.id)), [rows]);
  const lines = useMemo(() => summaryLines(stats, rows), [stats, rows]);
  const vertices: VertexInfo[] = useMemo(
    () => (details.data?.vertices ?? []).map((v) => ({ id: v.id, name: v.name, parallelism: v.parallelism })),
    [details.data?.vertices],
  );
  const selected = search.checkpoint;
  const panel: Section = isSection(search.panel) ? search.panel : 'history';
  const detailRef = useRef<HTMLDivElement>(null);

  const open = (id: number) => {
    setSearch(
      id === selected
        ? { checkpoint: undefined, vertex: undefined }
        : { checkpoint: id, vertex: undefined, panel: undefined },
    );
  };
  // The charts highlight the selection too (400 bars): they follow at low priority, after the
  // detail is on screen, and a stable callback keeps them from re-rendering otherwise.
  const chartSelected = useDeferredValue(selected);
  const openRef = useRef(open);
  useEffect(() => {
    openRef.current = open;
  });
  const openFromChart = useCallback((id: number) => openRef.current(id), []);
  // Bring an opened checkpoint into view (the table keeps its own scroll position).
  useEffect(() => {
    if (selected !== undefined) detailRef.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [selected]);

  return (
    <>
      {stale ? <div className="text-xs">{stale}</div> : null}
      <OverviewCards stats={stats} retainedIds={retained} onOpen={open} />
      <TrendCharts rows={rows} selectedId={chartSelected} onSelect={openFromChart} />
      <Tabs
        label="Checkpoint sections"
        value={panel}
        onChange={(p) => setSearch({ panel: p === 'history' ? undefined : p }, { replace: true })}
        tabs={[
          { value: 'history', label: 'History', count: rows.length },
          { value: 'summary', label: 'Summary' },
          { value: 'configuration', label: 'Configuration' },
        ]}
      >
        {panel === 'summary' ? (
          <SummaryTable lines={lines} />
        ) : panel === 'configuration' ? (
          config
        ) : (
          <div className="space-y-4">
            <HistoryTable rows={rows} selectedId={selected} onSelect={(r: CheckpointRow) => open(r.id)} />
            {selected !== undefined ? (
              <div ref={detailRef}>
                <CheckpointDetail
                  key={selected}
                  clusterId={clusterId}
                  jobId={jobId}
                  checkpointId={selected}
                  vertices={vertices}
                  openVertex={search.vertex}
                  onVertex={(vertex) => setSearch({ vertex }, { replace: true })}
                  onClose={() => setSearch({ checkpoint: undefined, vertex: undefined })}
                />
              </div>
            ) : null}
          </div>
        )}
      </Tabs>
    </>
  );
}
