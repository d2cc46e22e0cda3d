import { jobRoute, jobsRoute, Link } from '@/app/router';
import { useLostJobs } from '@/api/flink/known-jobs-store';
import { lostJobRow, type KnownJob } from '@/api/flink/lost-jobs';
import { useClusterOverview, useJobsOverview } from '@/api/flink/queries';
import type { JobOverview } from '@/api/flink/schemas';
import { useClusterId } from '@/hooks/use-cluster-id';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { StatCard } from '@/components/stat-card';
import { StateBadge } from '@/components/state-badge';
import { TaskCounts } from '@/components/task-counts';
import { formatDuration, formatTimestamp, isoTimestamp } from '@/lib/format';
import { useTimeZone } from '@/stores/preferences';
import { splitJobs } from './split-jobs';

export function ClusterOverviewPage() {
  const clusterId = useClusterId();
  const overview = useClusterOverview(clusterId);
  const jobs = useJobsOverview(clusterId);
  const lost = useLostJobs(clusterId);
  return (
    <div>
      <PageHeader
        title="Cluster overview"
        subtitle={
          overview.data
            ? `Flink ${overview.data['flink-version']} · commit ${overview.data['flink-commit']}`
            : undefined
        }
      />
      <QueryState query={overview} skeletonRows={2}>
        {(o) => (
          <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7" data-testid="cluster-figures">
            <StatCard
              testId="taskmanagers"
              label="Task managers"
              value={o.taskmanagers}
              hint={o['taskmanagers-blocked'] ? `${o['taskmanagers-blocked']} blocked` : undefined}
            />
            <StatCard testId="slots-total" label="Slots total" value={o['slots-total']} />
            <StatCard
              testId="slots-available"
              label="Slots available"
              value={o['slots-available']}
              tone={o['slots-available'] === 0 && o['slots-total'] > 0 ? 'warn' : undefined}
            />
            <StatCard testId="jobs-running" label="Running jobs" value={o['jobs-running']} />
            <StatCard testId="jobs-finished" label="Finished" value={o['jobs-finished']} />
            <StatCard testId="jobs-cancelled" label="Cancelled" value={o['jobs-cancelled']} />
            <StatCard
              testId="jobs-failed"
              label="Failed"
              value={o['jobs-failed']}
              tone={o['jobs-failed'] > 0 ? 'bad' : undefined}
            />
          </div>
        )}
      </QueryState>
      <QueryState query={jobs}>
        {(data) => {
          const { running, finished } = splitJobs(data.jobs);
          return (
            <>
              {lost.length ? (
                <JobsSection
                  clusterId={clusterId}
                  title="Lost jobs (the cluster no longer knows them)"
                  jobs={lost.map(lostJobRow)}
                  lastKnown={new Map(lost.map((l) => [l.job.jid, l]))}
                  testId="lost-jobs"
                />
              ) : null}
              <JobsSection
                clusterId={clusterId}
                title="Running jobs"
                jobs={running}
                limit={RUNNING_ROWS}
                testId="running-jobs"
              />
              <JobsSection
                clusterId={clusterId}
                title="Recently finished jobs"
                jobs={finished}
                limit={FINISHED_ROWS}
                testId="finished-jobs"
              />
            </>
          );
        }}
      </QueryState>
    </div>
  );
}

/** The overview is a glance: a cluster with thousands of jobs lists them on the Jobs page (virtualised). */
const RUNNING_ROWS = 50;
const FINISHED_ROWS = 20;

function JobsSection({
  clusterId,
  title,
  jobs: all,
  limit,
  testId,
  lastKnown,
}: {
  clusterId: string;
  title: string;
  jobs: JobOverview[];
  /** At most this many rows; the rest are one link away. */
  limit?: number;
  testId: string;
  /** Lost jobs: what the dashboard last saw of each. */
  lastKnown?: ReadonlyMap<string, KnownJob>;
}) {
  const zone = useTimeZone();
  const jobs = limit === undefined ? all : all.slice(0, limit);
  return (
    <section className="mt-6" data-testid={testId}>
      <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">
        {title} <span className="font-normal">({all.length})</span>
      </h2>
      {jobs.length === 0 ? (
        <p className="text-sm text-slate-500">None.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500 dark:bg-slate-800/50">
              <tr>
                <th className="px-3 py-2">Job</th>
                <th className="px-3 py-2">State</th>
                <th className="px-3 py-2">Start</th>
                <th className="px-3 py-2">Duration</th>
                <th className="px-3 py-2">Tasks</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.jid} className="border-t border-slate-100 dark:border-slate-800">
                  <td className="max-w-md px-3 py-2">
                    <Link
                      to={jobRoute}
                      params={{ clusterId, jobId: job.jid }}
                      className="block truncate font-medium text-sky-700 hover:underline dark:text-sky-400"
                    >
                      {job.name}
                    </Link>
                    <span className="font-mono text-[11px] text-slate-500">{job.jid}</span>
                  </td>
                  <td className="px-3 py-2">
                    <StateBadge state={job.state} />
                    {lastKnown?.get(job.jid) ? (
                      <span
                        className="ml-1.5 text-xs text-slate-500"
                        title={`Last seen ${isoTimestamp(lastKnown.get(job.jid)?.seenAt ?? 0)}`}
                      >
                        last known {lastKnown.get(job.jid)?.job.state}
                      </span>
                    ) : null}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2" title={isoTimestamp(job['start-time'])}>
                    {formatTimestamp(job['start-time'], zone)}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">{formatDuration(job.duration)}</td>
                  <td className="px-3 py-2">
                    <TaskCounts tasks={job.tasks} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {jobs.length < all.length ? (
            <p className="border-t border-slate-100 px-3 py-2 text-sm text-slate-500 dark:border-slate-800">
              Showing {jobs.length} of {all.length}.{' '}
              <Link
                to={jobsRoute}
                params={{ clusterId }}
                className="text-sky-700 hover:underline dark:text-sky-400"
                data-testid={`${testId}-all`}
              >
                All jobs on the Jobs page
              </Link>
            </p>
          ) : null}
        </div>
      )}
    </section>
  );
}
