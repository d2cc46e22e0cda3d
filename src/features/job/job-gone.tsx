import { useClusterInfo } from '@/api/dashboard/clusters';
import type { JobGone } from '@/api/flink/lost-jobs';
import { ArchiveLookup } from './archive-lookup';
import { StateBadge } from '@/components/state-badge';
import { TaskCounts } from '@/components/task-counts';
import { formatDuration, formatTimestamp } from '@/lib/format';
import { useTimeZone } from '@/stores/preferences';
import { Fact } from './fact';

/** Flink's History Server UI (hash routes) for one archived job. */
export function historyServerJobUrl(historyUrl: string, jobId: string): string {
  return `${historyUrl.replace(/\/+$/, '')}/#/job/completed/${encodeURIComponent(jobId)}/overview`;
}

/**
 * Says plainly that the cluster no longer knows a job this dashboard saw: since when, the likely
 * cause, and where to look next (the History Server, when one is configured).
 */
export function JobGoneBanner({
  clusterId,
  jobId,
  gone,
}: {
  clusterId: string;
  jobId: string;
  gone: JobGone;
}) {
  const zone = useTimeZone();
  const cluster = useClusterInfo(clusterId);
  const historyUrl = cluster?.historyUrl;
  const at = (t: number) => formatTimestamp(t, zone);
  const { cause } = gone;
  return (
    <div
      role="alert"
      className="mb-3 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-100"
      data-testid="job-gone"
      data-cause={cause.kind}
    >
      <p className="font-semibold">The cluster {clusterId} no longer knows this job.</p>
      <p className="mt-1" data-testid="job-gone-since">
        Since {at(gone.since)} Flink answers “not found” for it; it was last seen {gone.lastKnown.state} at{' '}
        {at(gone.lastSeenAt)}.
      </p>
      <p className="mt-1" data-testid="job-gone-cause">
        {cause.kind === 'restart' ? (
          <>
            Likely cause: the JobManager restarted at {at(cause.at)} (the dashboard saw it stop answering and
            come back) without high availability, so it forgot every job it ran. Without HA a job is not
            recovered: resubmit it from its latest savepoint or retained checkpoint.
          </>
        ) : cause.kind === 'cleaned-up' ? (
          <>
            It had ended ({cause.state}) and the cluster cleaned it up (finished jobs are kept for{' '}
            <code className="font-mono">jobstore.expiration-time</code>, 1 hour by default).
          </>
        ) : (
          <>
            Likely cause: the JobManager restarted without high availability between two polls, or the job was
            removed and cleaned up. The last data the dashboard received is shown below, marked “last known”.
          </>
        )}
      </p>
      {cluster?.historyClusterId ? (
        <ArchiveLookup historyClusterId={cluster.historyClusterId} jobId={jobId} gone={gone} />
      ) : null}
      <p className="mt-2">
        {historyUrl ? (
          <a
            href={historyServerJobUrl(historyUrl, jobId)}
            target="_blank"
            rel="noopener noreferrer"
            className="font-medium text-sky-800 underline dark:text-sky-300"
            data-testid="job-gone-history"
          >
            Look for it in the History Server&apos;s own web UI
          </a>
        ) : (
          <span className="text-red-800/80 dark:text-red-200/80" data-testid="job-gone-no-history">
            No History Server is configured for this cluster (<code className="font-mono">historyUrl</code>).
          </span>
        )}
        {historyUrl ? (
          <span className="text-red-800/80 dark:text-red-200/80">
            {' '}
            (it holds the job only if the JobManager archived it when the job ended)
          </span>
        ) : null}
      </p>
    </div>
  );
}

/** The "last known" mark next to a lost job's name. */
export function LastKnownMark({ gone }: { gone: JobGone }) {
  const zone = useTimeZone();
  return (
    <span
      className="rounded bg-red-100 px-1.5 py-0.5 text-[11px] font-semibold tracking-wide text-red-900 dark:bg-red-900/60 dark:text-red-100"
      title={`Last known data, received ${formatTimestamp(gone.lastSeenAt, zone)}`}
      data-testid="last-known-mark"
    >
      LOST · last known {gone.lastKnown.state}
    </span>
  );
}

/** A lost job's header when only its list entry is remembered (the page was reloaded). */
export function LastKnownHeader({ gone }: { gone: JobGone }) {
  const zone = useTimeZone();
  const job = gone.lastKnown;
  const duration =
    job['end-time'] > 0 ? job.duration : Math.max(job.duration, gone.lastSeenAt - job['start-time']);
  return (
    <header className="mb-3" data-testid="job-header">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="truncate text-xl font-semibold" title={job.name} data-testid="job-name">
          {job.name}
        </h1>
        <span data-testid="job-state">
          <StateBadge state="LOST" />
        </span>
        <LastKnownMark gone={gone} />
      </div>
      <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1.5 text-sm">
        <Fact label="Job ID">
          <code className="font-mono text-xs" data-testid="job-id">
            {job.jid}
          </code>
        </Fact>
        <Fact label="Start">
          <span className="tabular-nums">{formatTimestamp(job['start-time'], zone)}</span>
        </Fact>
        <Fact label="Duration (last known)">
          <span className="tabular-nums" data-testid="job-duration">
            {formatDuration(duration)}
          </span>
        </Fact>
        <Fact label="Tasks (last known)">
          <TaskCounts tasks={job.tasks} />
        </Fact>
      </dl>
    </header>
  );
}
