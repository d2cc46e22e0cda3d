import { jobRoute, Link } from '@/app/router';
import type { Column } from '@/components/data-table';
import { StateBadge } from '@/components/state-badge';
import { TruncatedText } from '@/components/truncated-text';
import { formatDuration, formatTimestamp, type TimeZoneChoice } from '@/lib/format';
import { Count } from './parts';
import { ENGINE_TIME_NOTE, formatPerSecond } from './utils/format';
import { jobMode } from './utils/job-metrics';
import { sortValues, type JobRow } from './utils/job-list';

/** The SeaTunnel jobs table; column ids are the `sort` values of the URL. */
export function jobColumns(clusterId: string, zone: TimeZoneChoice): Column<JobRow>[] {
  return [
    {
      id: 'name',
      header: 'Job',
      sortValue: sortValues.name,
      cell: ({ job }) => {
        const mode = jobMode(job);
        return (
          <div className="min-w-0 leading-tight">
            <div className="flex min-w-0 items-center gap-1.5">
              <Link
                to={jobRoute}
                params={{ clusterId, jobId: job.jobId }}
                onClick={(e) => e.stopPropagation()}
                className="min-w-0 font-medium text-sky-700 hover:underline dark:text-sky-400"
              >
                <TruncatedText text={job.jobName || '(unnamed)'} />
              </Link>
              {mode ? (
                <span className="shrink-0 rounded border border-slate-300 px-1 text-[10px] font-medium text-slate-500 dark:border-slate-600">
                  {mode}
                </span>
              ) : null}
            </div>
            <TruncatedText
              text={job.jobId}
              className="font-mono text-[11px] text-slate-500"
              testId="job-id-cell"
            />
          </div>
        );
      },
    },
    {
      id: 'state',
      header: 'State',
      width: 132,
      sortValue: sortValues.state,
      cell: ({ job }) => <StateBadge state={job.jobStatus} />,
    },
    {
      id: 'created',
      header: 'Created · ended',
      width: 160,
      descFirst: true,
      title: ENGINE_TIME_NOTE,
      sortValue: sortValues.created,
      cell: (r) => (
        <div className="text-xs leading-tight tabular-nums">
          <div>{formatTimestamp(r.createdMs, zone)}</div>
          <div className="text-slate-500">{r.running ? 'running' : formatTimestamp(r.finishedMs, zone)}</div>
        </div>
      ),
    },
    {
      id: 'duration',
      header: 'Duration',
      width: 105,
      align: 'right',
      descFirst: true,
      sortValue: sortValues.duration,
      cell: (r) => <span className="tabular-nums">{formatDuration(r.durationMs)}</span>,
    },
    {
      id: 'received',
      header: 'Received',
      width: 100,
      align: 'right',
      descFirst: true,
      title: 'SourceReceivedCount',
      sortValue: sortValues.received,
      cell: ({ job }) => <Count value={job.metrics.sourceReceivedCount} />,
    },
    {
      id: 'written',
      header: 'Written',
      width: 100,
      align: 'right',
      descFirst: true,
      title: 'SinkWriteCount',
      sortValue: sortValues.written,
      cell: ({ job }) => <Count value={job.metrics.sinkWriteCount} />,
    },
    {
      id: 'qps',
      header: 'Rate',
      width: 100,
      align: 'right',
      descFirst: true,
      title: 'SourceReceivedQPS (records per second, as the engine reports it)',
      sortValue: sortValues.qps,
      cell: ({ job, running }) => (
        <span className="tabular-nums">{running ? formatPerSecond(job.metrics.sourceReceivedQPS) : '—'}</span>
      ),
    },
  ];
}
