import { useMemo } from 'react';
import { jobRoute, useRouteParams } from '@/app/router';
import {
  useVerticesBackPressure,
  useVerticesPressureMetrics,
  useVerticesWatermarks,
} from '@/api/flink/queries-backpressure';
import { useJobPageDetails } from '@/api/flink/queries-job-page';
import { isTerminalState } from '@/api/polling';
import { PageSkeleton } from '@/components/page-skeleton';
import { QueryError, StaleMark } from '@/components/query-state';
import { useNow } from '@/hooks/use-now';
import { formatTimestamp } from '@/lib/format';
import { useTimeZone } from '@/stores/preferences';
import { HintCard } from './hint-card';
import { ShareLegend } from './parts';
import { SubtaskPanel } from './subtask-panel';
import { useBackPressureSearch } from './use-job-search';
import { useVisibleIds } from './use-visible-ids';
import { useWatermarkTracks } from './use-watermark-tracks';
import { findBottleneck } from './utils/bottleneck';
import { findings } from './utils/findings';
import { vertexPressure } from './utils/levels';
import { pressureNode, recordSkew, vertexInfos, vertexLoad } from './utils/vertex-rows';
import { summarizeWatermarks } from './utils/watermarks';
import { VertexTable, type VertexRowModel } from './vertex-table';

const NO_IDS: readonly string[] = [];

/**
 * Back-pressure of every vertex of a Flink job, and the answer to "why is this job slow?": the
 * level and per-subtask shares of time from `/backpressure`, busy and back-pressured time of the
 * worst subtask from the subtask metrics (one request per vertex, every >= 10 s), data skew and
 * watermarks, and a hint naming the likely bottleneck found by walking the plan.
 */
export default function BackPressureTab() {
  const { clusterId, jobId } = useRouteParams(jobRoute);
  const details = useJobPageDetails(clusterId, jobId);
  const [search, update] = useBackPressureSearch();
  const zone = useTimeZone();
  const clientNow = useNow(2000);
  const job = details.data;

  const idsKey = job?.vertices.map((v) => v.id).join(',') ?? '';
  const ids = useMemo(() => (idsKey ? idsKey.split(',') : NO_IDS), [idsKey]);
  const { visible, observe } = useVisibleIds();
  const visibleKey = visible ? [...visible].sort().join(',') : '*';
  const polled = useMemo(() => {
    if (visibleKey === '*') return undefined;
    const set = new Set(visibleKey ? visibleKey.split(',') : []);
    if (search.vertex) set.add(search.vertex);
    return set as ReadonlySet<string>;
  }, [visibleKey, search.vertex]);

  const metrics = useVerticesPressureMetrics(clusterId, jobId, ids);
  const backPressure = useVerticesBackPressure(clusterId, jobId, ids, polled);
  const watermarkAnswers = useVerticesWatermarks(clusterId, jobId, ids, polled);
  const tracked = useWatermarkTracks(watermarkAnswers);

  // Watermarks are event time on the cluster's clock: measure lag against it, not the browser's.
  const clockOffset = job ? job.now - details.dataUpdatedAt : 0;
  const now = clientNow + clockOffset;

  const infos = useMemo(() => (job ? vertexInfos(job) : []), [job]);
  const base = useMemo(
    () =>
      infos.map((info) => {
        const bp = backPressure[info.id];
        const m = metrics[info.id];
        const pressure = bp?.data ? vertexPressure(bp.data) : undefined;
        return {
          info,
          pressure,
          load: vertexLoad(m?.data, pressure),
          skew: recordSkew(m?.data, info.isSource, info.parallelism),
          errors: [bp?.error, m?.error, watermarkAnswers[info.id]?.error].filter((e): e is Error => !!e),
        };
      }),
    [infos, backPressure, metrics, watermarkAnswers],
  );
  const diagnosis = useMemo(() => findBottleneck(base.map((b) => pressureNode(b.info, b.load))), [base]);
  const rows: VertexRowModel[] = useMemo(
    () =>
      base.map((b) => {
        const t = tracked[b.info.id];
        return {
          info: b.info,
          pressure: b.pressure,
          load: b.load,
          skew: b.skew,
          watermarks: t ? summarizeWatermarks(t.tracks, now, t.observedAt + clockOffset) : undefined,
          error: b.errors[0] ?? null,
          isBottleneck: diagnosis.kind === 'bottleneck' && diagnosis.main.vertex.id === b.info.id,
        };
      }),
    [base, tracked, now, clockOffset, diagnosis],
  );

  const found = useMemo(() => findings(rows), [rows]);

  if (details.isPending) return <PageSkeleton rows={5} />;
  if (!job) return <QueryError error={details.error} onRetry={() => void details.refetch()} />;

  const sampledTimes = rows.flatMap((r) =>
    r.pressure?.kind === 'sampled' && r.pressure.endTimestamp ? [r.pressure.endTimestamp] : [],
  );
  const lastSample = sampledTimes.length ? Math.max(...sampledTimes) : undefined;
  // One notice per endpoint that failed (naming it); the rows mark which vertices it concerns.
  const metricsError = Object.values(metrics).find((m) => m.error && !m.data)?.error;
  const backPressureError = Object.values(backPressure).find((b) => b.error && !b.data)?.error;
  const terminal = isTerminalState(job.state);

  return (
    <div className="space-y-3" data-testid="backpressure-tab">
      <HintCard
        diagnosis={diagnosis}
        clusterId={clusterId}
        jobId={jobId}
        onShowSubtasks={(id) => update({ vertex: id })}
        findings={found}
        note={
          terminal
            ? `The job is ${job.state}: these are the last figures Flink reported, not a live view.`
            : diagnosis.kind === 'bottleneck' || diagnosis.kind === 'saturated'
              ? 'Busy and back-pressured time of the worst subtask (busyTimeMsPerSecond, backPressuredTimeMsPerSecond), refreshed every 10 s or more.'
              : undefined
        }
      />
      {backPressureError ? <QueryError error={backPressureError} compact /> : null}
      {metricsError ? <QueryError error={metricsError} compact /> : null}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">
          Vertices <span className="font-normal">({rows.length})</span>
        </h2>
        <ShareLegend />
        <span className="text-xs text-slate-500" data-testid="bp-last-sample">
          {lastSample
            ? `Back-pressure sampled at ${formatTimestamp(lastSample, zone)}`
            : 'Waiting for the first back-pressure sample…'}
        </span>
        {details.isError ? <StaleMark updatedAt={details.dataUpdatedAt} /> : null}
        <span className="ml-auto text-xs text-slate-500">Click a vertex for its subtasks.</span>
      </div>
      <VertexTable
        rows={rows}
        selected={search.vertex}
        onSelect={(id) => update({ vertex: id })}
        observe={observe}
        zone={zone}
        renderDetail={(row) => (
          <SubtaskPanel
            row={row}
            clusterId={clusterId}
            jobId={jobId}
            zone={zone}
            selectedSubtask={search.subtask}
            onSelectSubtask={(subtask) => update({ subtask })}
            errors={base.find((b) => b.info.id === row.info.id)?.errors ?? []}
          />
        )}
      />
    </div>
  );
}
