import { useSubtaskAttempt, useSubtaskDetails } from '@/api/flink/queries';
import type { SubtaskAttempt } from '@/api/flink/schemas';
import { HttpError } from '@/api/errors';
import { QueryError, QueryState } from '@/components/query-state';
import { StateBadge } from '@/components/state-badge';
import { formatDuration, formatTimestamp } from '@/lib/format';
import { useTimeZone } from '@/stores/preferences';
import { TaskManagerLink, TotalCell } from '../cells';
import { earlierAttempts, hostOf, stateDurations } from '../utils/subtasks';

/**
 * The attempts history of one subtask: the current attempt (`/subtasks/:index`), speculative
 * attempts running next to it, and every earlier attempt (`/subtasks/:index/attempts/:n`).
 */
export function SubtaskAttempts({
  clusterId,
  jobId,
  vertexId,
  index,
  onClose,
}: {
  clusterId: string;
  jobId: string;
  vertexId: string;
  index: number;
  onClose: () => void;
}) {
  const current = useSubtaskDetails(clusterId, jobId, vertexId, index);
  return (
    <section className="mt-3 rounded-lg border border-slate-200 p-2 dark:border-slate-800" data-testid="subtask-attempts" aria-label={`Attempts of subtask ${index}`}>
      <div className="mb-2 flex items-center gap-2">
        <h3 className="text-sm font-semibold">Subtask {index}: attempts</h3>
        <button
          type="button"
          onClick={onClose}
          className="ml-auto rounded px-1.5 text-xs text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800"
          aria-label="Close attempts"
        >
          ✕
        </button>
      </div>
      <QueryState query={current} skeletonRows={2}>
        {(a) => (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[640px] text-xs">
              <thead className="text-left text-[11px] uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-1.5 py-1">Attempt</th>
                  <th className="px-1.5 py-1">Status</th>
                  <th className="px-1.5 py-1">Host / task manager</th>
                  <th className="px-1.5 py-1">Started · ended</th>
                  <th className="px-1.5 py-1 text-right">Duration</th>
                  <th className="px-1.5 py-1 text-right">Rec. in / out</th>
                  <th className="px-1.5 py-1">Time per state</th>
                </tr>
              </thead>
              <tbody>
                <AttemptRow clusterId={clusterId} attempt={a} note="current" />
                {(a['other-concurrent-attempts'] ?? []).map((o) => (
                  <AttemptRow key={`c${o.attempt}`} clusterId={clusterId} attempt={o} note="speculative" />
                ))}
                {earlierAttempts(a.attempt).map((n) => (
                  <EarlierAttempt key={n} clusterId={clusterId} jobId={jobId} vertexId={vertexId} index={index} attempt={n} />
                ))}
              </tbody>
            </table>
            {a.attempt === 0 ? <p className="mt-1 px-1.5 text-xs text-slate-500">First attempt: this subtask was never restarted.</p> : null}
          </div>
        )}
      </QueryState>
    </section>
  );
}

function EarlierAttempt({
  clusterId,
  jobId,
  vertexId,
  index,
  attempt,
}: {
  clusterId: string;
  jobId: string;
  vertexId: string;
  index: number;
  attempt: number;
}) {
  const q = useSubtaskAttempt(clusterId, jobId, vertexId, index, attempt);
  if (q.data) return <AttemptRow clusterId={clusterId} attempt={q.data} />;
  return (
    <tr className="border-t border-slate-100 dark:border-slate-800">
      <td className="px-1.5 py-1 tabular-nums">{attempt}</td>
      <td colSpan={6} className="px-1.5 py-1 text-slate-500">
        {q.isPending ? (
          'Loading…'
        ) : q.error instanceof HttpError && q.error.status === 404 ? (
          'No longer kept by the cluster (web.max-attempts-history-size).'
        ) : (
          <QueryError error={q.error} compact onRetry={() => void q.refetch()} />
        )}
      </td>
    </tr>
  );
}

function AttemptRow({ clusterId, attempt: a, note }: { clusterId: string; attempt: Omit<SubtaskAttempt, 'other-concurrent-attempts'>; note?: string }) {
  const zone = useTimeZone();
  return (
    <tr className="border-t border-slate-100 align-top dark:border-slate-800" data-testid="attempt-row" data-attempt={a.attempt}>
      <td className="px-1.5 py-1 tabular-nums">
        {a.attempt}
        {note ? <span className="ml-1 text-slate-500">({note})</span> : null}
      </td>
      <td className="px-1.5 py-1">
        <StateBadge state={a.status} />
      </td>
      <td className="px-1.5 py-1">
        <div className="font-mono" title={a.endpoint}>
          {hostOf(a.endpoint)}
        </div>
        <TaskManagerLink clusterId={clusterId} id={a['taskmanager-id']} endpoint={a.endpoint} />
      </td>
      <td className="whitespace-nowrap px-1.5 py-1">
        <div>{formatTimestamp(a['start-time'], zone)}</div>
        {a['end-time'] > 0 ? <div className="text-slate-500">{formatTimestamp(a['end-time'], zone)}</div> : null}
      </td>
      <td className="px-1.5 py-1 text-right">{formatDuration(a.duration)}</td>
      <td className="px-1.5 py-1 text-right">
        <TotalCell n={a.metrics['read-records']} complete={a.metrics['read-records-complete']} kind="records" /> /{' '}
        <TotalCell n={a.metrics['write-records']} complete={a.metrics['write-records-complete']} kind="records" />
      </td>
      <td className="px-1.5 py-1">
        <span className="flex flex-wrap gap-1">
          {stateDurations(a).map(([state, ms]) => (
            <span key={state} className="rounded bg-slate-100 px-1 dark:bg-slate-800" title={`${state}: ${ms} ms`}>
              {state.toLowerCase()} {formatDuration(ms)}
            </span>
          ))}
        </span>
      </td>
    </tr>
  );
}
