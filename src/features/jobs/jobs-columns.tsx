import { jobRoute, Link } from '@/app/router';
import { LOST_STATE, type KnownJob } from '@/api/flink/lost-jobs';
import type { JobOverview } from '@/api/flink/schemas';
import type { Column } from '@/components/data-table';
import { StateBadge } from '@/components/state-badge';
import { TaskCounts } from '@/components/task-counts';
import { formatDuration, formatTimestamp, type TimeZoneChoice } from '@/lib/format';
import { jobDuration, totalTasks } from './utils/job-list';

/** Tasks in more than one state: the total helps reading the chips. */
const mixed = (j: JobOverview) =>
  Object.entries(j.tasks).filter(([k, n]) => k !== 'total' && n > 0).length > 1;

const known = (ms: number) => (ms > 0 ? ms : undefined);

/** The jobs table's columns; every one sorts (ids match `SORTABLE_COLUMNS` and the URL's `sort`). */
export function jobColumns(
  clusterId: string,
  zone: TimeZoneChoice,
  lost: ReadonlyMap<string, KnownJob> = new Map(),
): Column<JobOverview>[] {
  return [
    {
      id: 'name',
      header: 'Job',
      sortValue: (j) => j.name,
      cell: (j) => (
        <div className="min-w-0 leading-tight">
          <div className="flex min-w-0 items-center gap-1.5">
            <Link
              to={jobRoute}
              params={{ clusterId, jobId: j.jid }}
              onClick={(e) => e.stopPropagation()}
              className="truncate font-medium text-sky-700 hover:underline dark:text-sky-400"
              title={j.name}
            >
              {j.name}
            </Link>
            {j['job-type'] === 'BATCH' ? (
              <span className="shrink-0 rounded border border-slate-300 px-1 text-[10px] font-medium text-slate-500 dark:border-slate-600">
                BATCH
              </span>
            ) : null}
          </div>
          <div className="truncate font-mono text-[11px] text-slate-500">{j.jid}</div>
        </div>
      ),
    },
    {
      id: 'state',
      header: 'State',
      width: 130,
      sortValue: (j) => j.state,
      cell: (j) => {
        const was = j.state === LOST_STATE ? lost.get(j.jid) : undefined;
        if (!was) return <StateBadge state={j.state} />;
        return (
          <span
            className="flex flex-col items-start leading-tight"
            title={`The cluster no longer knows this job; last seen ${was.job.state} at ${formatTimestamp(was.seenAt, zone)}`}
            data-testid="lost-job-state"
          >
            <StateBadge state={j.state} />
            <span className="text-[11px] text-slate-500">last known {was.job.state}</span>
          </span>
        );
      },
    },
    {
      id: 'start',
      header: 'Start',
      width: 175,
      descFirst: true,
      sortValue: (j) => known(j['start-time']),
      cell: (j) => <span className="tabular-nums">{formatTimestamp(j['start-time'], zone)}</span>,
    },
    {
      id: 'end',
      header: 'End',
      width: 175,
      descFirst: true,
      sortValue: (j) => known(j['end-time']),
      cell: (j) => <span className="tabular-nums">{formatTimestamp(j['end-time'], zone)}</span>,
    },
    {
      id: 'duration',
      header: 'Duration',
      width: 110,
      align: 'right',
      descFirst: true,
      sortValue: (j) => jobDuration(j),
      cell: (j) => <span className="tabular-nums">{formatDuration(jobDuration(j))}</span>,
    },
    {
      id: 'tasks',
      header: 'Tasks',
      width: 190,
      descFirst: true,
      sortValue: (j) => totalTasks(j),
      cell: (j) => (
        <span className="flex items-center gap-1.5" title={`${totalTasks(j)} tasks`}>
          <TaskCounts tasks={j.tasks} />
          {mixed(j) ? <span className="tabular-nums text-xs text-slate-500">of {totalTasks(j)}</span> : null}
        </span>
      ),
    },
  ];
}
