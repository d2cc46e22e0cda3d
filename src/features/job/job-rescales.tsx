import { useRescales } from '@/api/flink/queries';
import type { RescaleDetails } from '@/api/flink/schemas';
import { QueryState } from '@/components/query-state';
import { formatDuration, formatTimestamp, isKnown } from '@/lib/format';
import { useTimeZone } from '@/stores/preferences';

/**
 * The adaptive scheduler's rescales of this job (Flink 2.3+): how many, and each one's trigger,
 * outcome, duration and parallelism change. Where the cluster keeps no history, says why once.
 */
export function JobRescales({ clusterId, jobId }: { clusterId: string; jobId: string }) {
  const { version, supported, unavailable, overview, history } = useRescales(clusterId, jobId);
  if (version === undefined) return null;
  return (
    <section aria-labelledby="rescales-title" data-testid="rescales">
      <h2 id="rescales-title" className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">
        Rescales
      </h2>
      {!supported ? (
        <p className="text-sm text-slate-500" data-testid="rescales-unsupported">
          Flink {version} keeps no rescale history; Flink 2.3 added it for the adaptive scheduler.
        </p>
      ) : unavailable ? (
        <p className="text-sm text-slate-500" data-testid="rescales-unavailable">
          This job keeps no rescale history: it needs the adaptive scheduler (
          <code>jobmanager.scheduler: adaptive</code>) and{' '}
          <code>web.adaptive-scheduler.rescale-history.size</code> above 0.
        </p>
      ) : (
        <QueryState query={overview} skeletonRows={1}>
          {(o) => (
            <div className="space-y-3">
              <p className="text-sm" data-testid="rescales-counts">
                {o.rescalesCounts.completed} completed · {o.rescalesCounts.failed} failed ·{' '}
                {o.rescalesCounts.ignored} ignored · {o.rescalesCounts.inProgress} in progress
              </p>
              <QueryState
                query={history}
                skeletonRows={2}
                isEmpty={(h) => h.length === 0}
                empty={<p className="text-sm text-slate-500">No rescale yet.</p>}
              >
                {(h) => <RescaleTable rescales={h} />}
              </QueryState>
            </div>
          )}
        </QueryState>
      )}
    </section>
  );
}

function parallelismChanges(r: RescaleDetails): string {
  const vertices = Array.isArray(r.vertices) ? r.vertices : Object.values(r.vertices ?? {});
  return vertices
    .filter((v) => v.preRescaleParallelism !== v.postRescaleParallelism)
    .map(
      (v) =>
        `${v.jobVertexName ?? v.jobVertexId}: ${v.preRescaleParallelism ?? '—'} → ${v.postRescaleParallelism ?? '—'}`,
    )
    .join(', ');
}

function RescaleTable({ rescales }: { rescales: RescaleDetails[] }) {
  const zone = useTimeZone();
  return (
    <table className="w-full text-left text-sm" data-testid="rescales-table">
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th className="py-1 pr-3">Started</th>
          <th className="py-1 pr-3">Trigger</th>
          <th className="py-1 pr-3">Outcome</th>
          <th className="py-1 pr-3">Duration</th>
          <th className="py-1">Parallelism</th>
        </tr>
      </thead>
      <tbody>
        {rescales.map((r) => {
          const start = r.startTimestampInMillis ?? undefined;
          const end = r.endTimestampInMillis ?? undefined;
          return (
            <tr key={r.rescaleUuid} className="border-t border-slate-200 dark:border-slate-800">
              <td className="py-1 pr-3">{formatTimestamp(start, zone)}</td>
              <td className="py-1 pr-3">{r.triggerCause ?? '—'}</td>
              <td className="py-1 pr-3" title={r.terminatedReason ?? undefined}>
                {r.terminalState ?? 'in progress'}
              </td>
              <td className="py-1 pr-3">
                {isKnown(start) && isKnown(end) ? formatDuration(end - start) : '—'}
              </td>
              <td className="py-1">{parallelismChanges(r) || '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
