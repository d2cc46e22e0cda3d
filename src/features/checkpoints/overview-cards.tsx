import type { ReactNode } from 'react';
import type { CheckpointingStatistics } from '@/api/flink/schemas';
import { ExactValue } from '@/components/exact-value';
import { StatCard } from '@/components/stat-card';
import { CopyButton } from '@/components/toast';
import { formatCount, formatTimestamp } from '@/lib/format';
import { useTimeZone } from '@/stores/preferences';
import { typeLabel } from './utils/checkpoint-rows';

/**
 * Counts and the four "latest" entries of `/jobs/:jobid/checkpoints`: what an on-call engineer
 * checks first (is the last checkpoint recent, did one fail and why, where is the savepoint).
 */
export function OverviewCards({
  stats,
  retainedIds,
  onOpen,
}: {
  stats: CheckpointingStatistics;
  /** Ids still in the history (only those can be expanded). */
  retainedIds: ReadonlySet<number>;
  onOpen: (id: number) => void;
}) {
  const zone = useTimeZone();
  const { counts, latest } = stats;
  const completed = latest.completed ?? undefined;
  const savepoint = latest.savepoint ?? undefined;
  const failed = latest.failed ?? undefined;
  const restored = latest.restored ?? undefined;
  const open = (id: number) => (retainedIds.has(id) ? () => onOpen(id) : undefined);
  return (
    <section aria-label="Checkpoint counts and latest checkpoints" className="space-y-3">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" data-testid="checkpoint-counts">
        <StatCard label="Triggered" value={formatCount(counts.total)} testId="cp-count-triggered" />
        <StatCard
          label="In progress"
          value={formatCount(counts.in_progress)}
          tone={counts.in_progress > 0 ? 'warn' : undefined}
          testId="cp-count-in-progress"
        />
        <StatCard
          label="Completed"
          value={formatCount(counts.completed)}
          tone="good"
          testId="cp-count-completed"
        />
        <StatCard
          label="Failed"
          value={formatCount(counts.failed)}
          tone={counts.failed > 0 ? 'bad' : undefined}
          testId="cp-count-failed"
        />
        <StatCard label="Restored" value={formatCount(counts.restored)} testId="cp-count-restored" />
      </div>
      <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-4">
        <LatestCard
          title="Latest completed"
          testId="cp-latest-completed"
          id={completed?.id}
          onOpen={completed && open(completed.id)}
        >
          {completed ? (
            <>
              <Fact label="Type">{typeLabel(completed.checkpoint_type, completed.is_savepoint)}</Fact>
              <Fact label="Completed">{formatTimestamp(completed.latest_ack_timestamp, zone)}</Fact>
              <Fact label="Duration">
                <ExactValue value={completed.end_to_end_duration} format="duration" />
              </Fact>
              <Fact label="Checkpointed">
                <ExactValue value={completed.checkpointed_size} format="bytes" />{' '}
                <span className="text-slate-500">
                  of <ExactValue value={completed.state_size} format="bytes" />
                </span>
              </Fact>
              <PathFact path={completed.external_path} discarded={completed.discarded} />
            </>
          ) : (
            <None>No completed checkpoint yet.</None>
          )}
        </LatestCard>
        <LatestCard
          title="Latest savepoint"
          testId="cp-latest-savepoint"
          id={savepoint?.id}
          onOpen={savepoint && open(savepoint.id)}
        >
          {savepoint ? (
            <>
              <Fact label="Type">
                {typeLabel(savepoint.checkpoint_type, true)}
                {savepoint.savepointFormat ? ` · ${savepoint.savepointFormat}` : ''}
              </Fact>
              <Fact label="Completed">{formatTimestamp(savepoint.latest_ack_timestamp, zone)}</Fact>
              <Fact label="Size">
                <ExactValue value={savepoint.state_size} format="bytes" />
              </Fact>
              <PathFact path={savepoint.external_path} discarded={savepoint.discarded} />
            </>
          ) : (
            <None>No savepoint since the job started.</None>
          )}
        </LatestCard>
        <LatestCard
          title="Latest failed"
          testId="cp-latest-failed"
          id={failed?.id}
          onOpen={failed && open(failed.id)}
          tone={failed ? 'bad' : undefined}
        >
          {failed ? (
            <>
              <Fact label="Failed at">{formatTimestamp(failed.failure_timestamp, zone)}</Fact>
              <Fact label="After">
                <ExactValue value={failed.end_to_end_duration} format="duration" />
              </Fact>
              <Fact label="Acknowledged">
                {failed.num_acknowledged_subtasks}/{failed.num_subtasks}
              </Fact>
              <p
                className="mt-1 line-clamp-4 whitespace-pre-wrap break-words text-xs text-red-800 dark:text-red-300"
                title={failed.failure_message ?? undefined}
                data-testid="cp-latest-failed-message"
              >
                {failed.failure_message ?? 'Flink gave no failure message.'}
              </p>
            </>
          ) : (
            <None>No failed checkpoint{counts.failed > 0 ? ' retained' : ''}.</None>
          )}
        </LatestCard>
        <LatestCard title="Restored from" testId="cp-latest-restored" id={restored?.id}>
          {restored ? (
            <>
              <Fact label="Kind">{restored.is_savepoint ? 'savepoint' : 'checkpoint'}</Fact>
              <Fact label="Restored at">{formatTimestamp(restored.restore_timestamp, zone)}</Fact>
              <PathFact path={restored.external_path} />
            </>
          ) : (
            <None>Started without restoring state.</None>
          )}
        </LatestCard>
      </div>
    </section>
  );
}

function LatestCard({
  title,
  id,
  onOpen,
  tone,
  testId,
  children,
}: {
  title: string;
  id: number | undefined;
  onOpen?: (() => void) | undefined;
  tone?: 'bad' | undefined;
  testId: string;
  children: ReactNode;
}) {
  return (
    <div
      data-testid={testId}
      className={`min-w-0 rounded-lg border bg-white p-3 dark:bg-slate-900 ${tone === 'bad' ? 'border-red-200 dark:border-red-900' : 'border-slate-200 dark:border-slate-800'}`}
    >
      <div className="mb-1.5 flex items-baseline gap-2">
        <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">{title}</h3>
        {id !== undefined ? (
          <span className="font-mono text-sm font-semibold tabular-nums">#{id}</span>
        ) : null}
        {onOpen ? (
          <button
            type="button"
            onClick={onOpen}
            className="ml-auto text-xs font-medium text-sky-700 hover:underline dark:text-sky-400"
          >
            Details
          </button>
        ) : null}
      </div>
      <div className="space-y-0.5 text-sm">{children}</div>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <dl className="flex min-w-0 gap-2">
      <dt className="w-24 shrink-0 text-xs leading-5 text-slate-500">{label}</dt>
      <dd className="min-w-0 tabular-nums">{children}</dd>
    </dl>
  );
}

function PathFact({ path, discarded }: { path: string | null | undefined; discarded?: boolean }) {
  if (!path) return null;
  return (
    <div className="flex min-w-0 items-center gap-2 pt-0.5">
      <code className="min-w-0 flex-1 truncate font-mono text-xs" title={path}>
        {path}
      </code>
      {discarded ? (
        <span
          className="shrink-0 text-[11px] text-slate-500"
          title="Flink has deleted this checkpoint's files (subsumed)"
        >
          discarded
        </span>
      ) : null}
      <CopyButton text={path} compact ariaLabel="Copy path" />
    </div>
  );
}

function None({ children }: { children: ReactNode }) {
  return <p className="text-sm text-slate-500">{children}</p>;
}
