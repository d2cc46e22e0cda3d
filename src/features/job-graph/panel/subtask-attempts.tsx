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
    <section
      className="mt-3 rounded-lg border border-slate-200 p-2 dark:border-slate-800"
      data-testid="subtask-attempts"
      aria-label={`Attempts of subtask ${index}`}
    >
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
          <ol className="space-y-2">
            <AttemptItem clusterId={clusterId} attempt={a} note="current" />
            {(a['other-concurrent-attempts'] ?? []).map((o) => (
              <AttemptItem key={`c${o.attempt}`} clusterId={clusterId} attempt={o} note="speculative" />
            ))}
            {earlierAttempts(a.attempt).map((n) => (
              <EarlierAttempt
                key={n}
                clusterId={clusterId}
                jobId={jobId}
                vertexId={vertexId}
                index={index}
                attempt={n}
              />
            ))}
            {a.attempt === 0 ? (
              <li className="text-xs text-slate-500">First attempt: this subtask was never restarted.</li>
            ) : null}
          </ol>
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
  if (q.data) return <AttemptItem clusterId={clusterId} attempt={q.data} />;
  return (
    <li
      className="border-t border-slate-100 pt-2 text-xs dark:border-slate-800"
      data-testid="attempt-row"
      data-attempt={attempt}
    >
      <span className="font-semibold">Attempt {attempt}</span>{' '}
      {q.isPending ? (
        <span className="text-slate-500">loading…</span>
      ) : q.error instanceof HttpError && q.error.status === 404 ? (
        <span className="text-slate-500">no longer kept by the cluster (web.max-attempts-history-size).</span>
      ) : (
        <QueryError error={q.error} compact onRetry={() => void q.refetch()} />
      )}
    </li>
  );
}

function AttemptItem({
  clusterId,
  attempt: a,
  note,
}: {
  clusterId: string;
  attempt: Omit<SubtaskAttempt, 'other-concurrent-attempts'>;
  note?: string;
}) {
  const zone = useTimeZone();
  return (
    <li
      className="border-t border-slate-100 pt-2 text-xs first:border-0 first:pt-0 dark:border-slate-800"
      data-testid="attempt-row"
      data-attempt={a.attempt}
    >
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="font-semibold">
          Attempt {a.attempt}
          {note ? <span className="ml-1 font-normal text-slate-500">({note})</span> : null}
        </span>
        <StateBadge state={a.status} />
        <span className="font-mono" title={a.endpoint}>
          {hostOf(a.endpoint)}
        </span>
        <TaskManagerLink clusterId={clusterId} id={a['taskmanager-id']} endpoint={a.endpoint} />
      </div>
      <div className="mt-1 flex flex-wrap gap-x-3 text-slate-600 dark:text-slate-300">
        <span>started {formatTimestamp(a['start-time'], zone)}</span>
        {a['end-time'] > 0 ? <span>ended {formatTimestamp(a['end-time'], zone)}</span> : null}
        <span>{formatDuration(a.duration)}</span>
        <span>
          records{' '}
          <TotalCell
            n={a.metrics['read-records']}
            complete={a.metrics['read-records-complete']}
            kind="records"
          />{' '}
          in /{' '}
          <TotalCell
            n={a.metrics['write-records']}
            complete={a.metrics['write-records-complete']}
            kind="records"
          />{' '}
          out
        </span>
        <span>
          bytes{' '}
          <TotalCell n={a.metrics['read-bytes']} complete={a.metrics['read-bytes-complete']} kind="bytes" />{' '}
          in /{' '}
          <TotalCell n={a.metrics['write-bytes']} complete={a.metrics['write-bytes-complete']} kind="bytes" />{' '}
          out
        </span>
      </div>
      {stateDurations(a).length ? (
        <div className="mt-1 flex flex-wrap gap-1" aria-label="Time per state">
          {stateDurations(a).map(([state, ms]) => (
            <span
              key={state}
              className="rounded bg-slate-100 px-1 dark:bg-slate-800"
              title={`${state}: ${ms} ms`}
            >
              {state.toLowerCase()} {formatDuration(ms)}
            </span>
          ))}
        </div>
      ) : null}
    </li>
  );
}
