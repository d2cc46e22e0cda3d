import { useMemo } from 'react';
import { useCheckpointStats } from '@/api/flink/queries';
import { useJobRunLog } from '@/api/flink/job-run-log';
import { failovers, type JobFailover } from '@/api/flink/job-runs';
import { formatDuration, formatTimestamp, type TimeZoneChoice } from '@/lib/format';
import { useTimeZone } from '@/stores/preferences';
import { Gantt, GanttLegend } from './gantt';
import { runsTimeline } from './utils/timeline';

/**
 * The job's runs as this dashboard observed them: a JobManager failover (HA) recovers the job
 * under the same id with new times, attempts and counters, and Flink forgets the run before;
 * this section keeps it, with the stretch the JobManager did not answer and the checkpoint the
 * new run was restored from.
 */
export function JobRunsSection({ clusterId, jobId }: { clusterId: string; jobId: string }) {
  const zone = useTimeZone();
  const log = useJobRunLog(clusterId, jobId);
  const timeline = useMemo(() => runsTimeline(log), [log]);
  const seen = useMemo(() => failovers(log), [log]);
  const failedOver = seen.length > 0;
  const stats = useCheckpointStats(clusterId, failedOver ? jobId : undefined);
  const restored = stats.data?.latest.restored ?? undefined;
  if (!failedOver && log.outages.length === 0) return null;
  return (
    <section aria-labelledby="job-runs-title" data-testid="job-runs">
      <div className="mb-2 flex flex-wrap items-baseline gap-3">
        <h2 id="job-runs-title" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
          Runs seen by this dashboard
        </h2>
        <div className="ml-auto">
          <GanttLegend timeline={timeline} />
        </div>
      </div>
      <ol className="mb-2 space-y-1 text-sm">
        {seen.map((f, i) => (
          <li key={f.after.startTime} data-testid="job-failover">
            <FailoverText
              failover={f}
              zone={zone}
              restored={
                i === seen.length - 1 && restored && restored.restore_timestamp >= f.after.startTime
                  ? restored
                  : undefined
              }
            />
          </li>
        ))}
      </ol>
      <Gantt label="Run" testId="runs-timeline" timeline={timeline} zone={zone} rowHeight={28} />
    </section>
  );
}

function FailoverText({
  failover: { before, after, outages },
  zone,
  restored,
}: {
  failover: JobFailover;
  zone: TimeZoneChoice;
  restored: { id: number; restore_timestamp: number; is_savepoint: boolean } | undefined;
}) {
  const silent = outages[0];
  const silentUntil = outages[outages.length - 1]?.to;
  const reached = after.states.map((s) => `${s.state} ${formatTimestamp(s.at, zone)}`).join(' → ');
  return (
    <>
      <span className="font-semibold text-orange-700 dark:text-orange-400">JobManager failover: </span>
      the run started {formatTimestamp(before.startTime, zone)} was last seen{' '}
      <span className="font-medium">{before.lastState}</span> at {formatTimestamp(before.lastSeenAt, zone)}
      {silent ? (
        <>
          ; the JobManager did not answer from {formatTimestamp(silent.from, zone)}
          {silentUntil ? ` for ${formatDuration(silentUntil - silent.from)}` : ''} ({silent.error})
        </>
      ) : null}
      ; a new JobManager recovered the job at {formatTimestamp(after.startTime, zone)} ({reached})
      {restored ? (
        <>
          , restored from {restored.is_savepoint ? 'savepoint' : 'checkpoint'}{' '}
          <span className="font-medium" data-testid="job-failover-restored">
            #{restored.id}
          </span>
        </>
      ) : null}
      .
    </>
  );
}
