import { useEffect, type ReactNode } from 'react';
import { jobRoute, jobsRoute, Link, useRouteParams } from '@/app/router';
import { HttpError } from '@/api/errors';
import type { JobGone } from '@/api/flink/lost-jobs';
import { useJobGone, useJobPageDetails } from '@/api/flink/queries-job-page';
import type { JobDetails } from '@/api/flink/schemas';
import { useClusterInfo } from '@/api/dashboard/clusters';
import { isTerminalState } from '@/api/polling';
import { ArchivedMark } from '@/components/archived-mark';
import { PageSkeleton } from '@/components/page-skeleton';
import { QueryError, StaleMark } from '@/components/query-state';
import { StateBadge } from '@/components/state-badge';
import { TaskCounts } from '@/components/task-counts';
import { CopyButton } from '@/components/toast';
import { useNow } from '@/hooks/use-now';
import { formatDuration, formatTimestamp } from '@/lib/format';
import { useTimeZone } from '@/stores/preferences';
import { ArchivedBanner } from './archived-banner';
import { JobGoneBanner, LastKnownHeader, LastKnownMark } from './job-gone';
import { JobTabs } from './job-tabs';
import { formatLiveDuration, liveDuration, subtaskCounts, totalSubtasks } from './utils/job-header';
import { Fact } from './fact';

/**
 * The frame of one Flink job: header (name, id, state, times, type, tasks, the actions the
 * job-actions feature supplies), the tab bar, and the tab below (children). An unknown job id gets a clear
 * message instead of an empty page. `/jobs/:jobid` polls until the job is terminal.
 */
export function JobLayout({ actions, children }: { actions: ReactNode; children?: ReactNode }) {
  const { clusterId, jobId } = useRouteParams(jobRoute);
  const details = useJobPageDetails(clusterId, jobId);
  const gone = useJobGone(clusterId, jobId);
  const archive = useClusterInfo(clusterId)?.archive === true;
  useDocumentTitle(details.data?.name ?? gone?.lastKnown.name);

  if (details.isPending) {
    return (
      <div>
        <Breadcrumb clusterId={clusterId} name={jobId} />
        <PageSkeleton rows={3} />
      </div>
    );
  }
  if (
    !details.data &&
    details.error instanceof HttpError &&
    (details.error.status === 404 || details.error.status === 400)
  ) {
    if (gone) {
      // Seen before (remembered across the reload): what we knew, marked as such.
      return (
        <div className="flex min-w-0 flex-col" data-testid="job-page">
          <Breadcrumb clusterId={clusterId} name={gone.lastKnown.name} />
          <JobGoneBanner clusterId={clusterId} jobId={jobId} gone={gone} />
          <LastKnownHeader gone={gone} />
          <div>{actions}</div>
        </div>
      );
    }
    return <JobNotFound clusterId={clusterId} jobId={jobId} answer={details.error} />;
  }
  const job = details.data;
  return (
    <div className="flex min-w-0 flex-col" data-testid="job-page">
      <Breadcrumb clusterId={clusterId} name={job?.name ?? jobId} />
      {gone ? <JobGoneBanner clusterId={clusterId} jobId={jobId} gone={gone} /> : null}
      {archive ? <ArchivedBanner clusterId={clusterId} /> : null}
      {job ? (
        <JobHeader
          job={job}
          receivedAt={details.dataUpdatedAt}
          actions={actions}
          gone={gone}
          stale={
            gone ? (
              <LastKnownMark gone={gone} />
            ) : archive ? (
              <ArchivedMark />
            ) : details.isError ? (
              <StaleMark updatedAt={details.dataUpdatedAt} />
            ) : null
          }
        />
      ) : (
        <div className="mb-3">
          <QueryError error={details.error} onRetry={() => void details.refetch()} />
        </div>
      )}
      <JobTabs
        clusterId={clusterId}
        jobId={jobId}
        archive={archive}
        attention={job ? needsAttention(job.state) : false}
      />
      <div className="min-w-0 pt-4">{children}</div>
    </div>
  );
}

const needsAttention = (state: string) => ['FAILED', 'FAILING', 'RESTARTING'].includes(state.toUpperCase());

function Breadcrumb({ clusterId, name }: { clusterId: string; name: string }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-1 flex min-w-0 items-center gap-1 text-xs text-slate-500">
      <Link
        to={jobsRoute}
        params={{ clusterId }}
        className="hover:text-sky-700 hover:underline dark:hover:text-sky-400"
      >
        Jobs
      </Link>
      <span aria-hidden>›</span>
      <span className="truncate">{name}</span>
    </nav>
  );
}

function JobHeader({
  job,
  receivedAt,
  actions,
  stale,
  gone,
}: {
  job: JobDetails;
  receivedAt: number;
  actions: ReactNode;
  stale: ReactNode;
  /** The cluster forgot the job: its data is the last known, and its clock stops. */
  gone: JobGone | undefined;
}) {
  const zone = useTimeZone();
  const counts = subtaskCounts(job);
  const running = !isTerminalState(job.state) && !gone;
  return (
    <header className="mb-3" data-testid="job-header">
      <div className="flex flex-wrap items-start gap-x-3 gap-y-2">
        <div className="flex min-w-0 flex-1 items-center gap-2">
          <h1 className="truncate text-xl font-semibold" title={job.name} data-testid="job-name">
            {job.name}
          </h1>
          <span data-testid="job-state">
            <StateBadge state={gone ? 'LOST' : job.state} />
          </span>
          {job['job-type'] ? (
            <span
              className="rounded border border-slate-300 px-1.5 py-0.5 text-[11px] font-medium tracking-wide text-slate-600 dark:border-slate-600 dark:text-slate-300"
              title="Job type"
              data-testid="job-type"
            >
              {job['job-type']}
            </span>
          ) : null}
          {stale}
        </div>
        {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1.5 text-sm">
        <Fact label="Job ID">
          <span className="inline-flex items-center gap-1">
            <code className="font-mono text-xs" data-testid="job-id">
              {job.jid}
            </code>
            <CopyButton text={job.jid} ariaLabel="Copy job id" compact />
          </span>
        </Fact>
        <Fact label="Start">
          <span className="tabular-nums" data-testid="job-start">
            {formatTimestamp(job['start-time'], zone)}
          </span>
        </Fact>
        <Fact label="End">
          <span className="tabular-nums" data-testid="job-end">
            {job['end-time'] > 0
              ? formatTimestamp(job['end-time'], zone)
              : running
                ? 'still running'
                : gone
                  ? 'unknown'
                  : '—'}
          </span>
        </Fact>
        <Fact label={gone ? 'Duration (last known)' : 'Duration'}>
          {running ? (
            <LiveDuration job={job} receivedAt={receivedAt} />
          ) : gone && !isTerminalState(job.state) ? (
            <span className="tabular-nums" data-testid="job-duration" data-live="false">
              {formatLiveDuration(liveDuration(job, gone.lastSeenAt, receivedAt))}
            </span>
          ) : (
            <span className="tabular-nums" data-testid="job-duration">
              {formatDuration(job.duration)}
            </span>
          )}
        </Fact>
        <Fact label="Tasks">
          <span className="inline-flex items-center gap-1.5" data-testid="job-tasks">
            <span className="tabular-nums">{totalSubtasks(job)}</span>
            <TaskCounts tasks={counts} />
          </span>
        </Fact>
        {job['pending-operators'] ? (
          <Fact label="Pending operators">
            <span className="tabular-nums">{job['pending-operators']}</span>
          </Fact>
        ) : null}
      </dl>
    </header>
  );
}

/** Ticks every second while the job runs; only this span re-renders. */
function LiveDuration({ job, receivedAt }: { job: JobDetails; receivedAt: number }) {
  const now = useNow(1000);
  return (
    <span className="tabular-nums" data-testid="job-duration" data-live="true">
      {formatLiveDuration(liveDuration(job, now, receivedAt))}
    </span>
  );
}

function JobNotFound({ clusterId, jobId, answer }: { clusterId: string; jobId: string; answer: HttpError }) {
  const badId = answer.status === 400;
  return (
    <div className="mx-auto max-w-xl py-16 text-center" data-testid="job-not-found">
      <p className="text-5xl font-bold text-slate-300 dark:text-slate-700">404</p>
      <h1 className="mt-2 text-xl font-semibold">{badId ? 'This is not a Flink job id' : 'Job not found'}</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        {badId ? (
          <>
            Flink job ids are 32 hexadecimal characters; <code className="break-all font-mono">{jobId}</code>{' '}
            is not one.
          </>
        ) : (
          <>
            The cluster <span className="font-medium">{clusterId}</span> knows no job{' '}
            <code className="break-all font-mono">{jobId}</code>. Finished jobs are forgotten after{' '}
            <code className="font-mono">jobstore.expiration-time</code> (1 hour by default), or after a
            restart of the JobManager without a history server.
          </>
        )}
      </p>
      {/* Which call said so, for whoever checks the cluster next. */}
      <p className="mt-3 break-words font-mono text-xs text-slate-500" data-testid="job-not-found-answer">
        {answer.message}
      </p>
      <Link
        to={jobsRoute}
        params={{ clusterId }}
        className="mt-6 inline-block rounded bg-sky-700 px-4 py-2 text-sm text-white hover:bg-sky-800"
      >
        Back to all jobs
      </Link>
    </div>
  );
}

/** The browser tab names the job, so many open jobs can be told apart. */
function useDocumentTitle(name: string | undefined) {
  useEffect(() => {
    if (!name) return;
    const before = document.title;
    document.title = `${name} · streamdash`;
    return () => {
      document.title = before;
    };
  }, [name]);
}
