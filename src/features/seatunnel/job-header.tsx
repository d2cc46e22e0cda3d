import type { ReactNode } from 'react';
import type { SeaTunnelJob } from '@/api/seatunnel/normalise';
import { StateBadge } from '@/components/state-badge';
import { CopyButton } from '@/components/toast';
import { formatDuration, formatTimestamp } from '@/lib/format';
import { useNow } from '@/hooks/use-now';
import { useTimeZone } from '@/stores/preferences';
import { ENGINE_TIME_NOTE } from './utils/format';
import { jobMode } from './utils/job-metrics';
import { toRow } from './utils/job-list';

export function JobHeader({ job, actions }: { job: SeaTunnelJob; actions: ReactNode }) {
  const zone = useTimeZone();
  const now = useNow(1000);
  const row = toRow(job, now);
  const mode = jobMode(job);
  return (
    <div className="mb-4" data-testid="job-header">
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="truncate text-xl font-semibold" title={job.jobName}>
              {job.jobName || '(unnamed job)'}
            </h1>
            <span data-testid="job-state">
              <StateBadge state={job.jobStatus} />
            </span>
            {mode ? (
              <span className="rounded border border-slate-300 px-1 text-[10px] font-medium text-slate-500 dark:border-slate-600">
                {mode}
              </span>
            ) : null}
          </div>
          <div className="mt-1 flex items-center gap-1 text-sm text-slate-500">
            <span className="select-all font-mono" data-testid="job-id">
              {job.jobId}
            </span>
            <CopyButton text={job.jobId} compact ariaLabel="Copy job id" />
          </div>
        </div>
        <div className="ml-auto flex flex-wrap items-center gap-2">{actions}</div>
      </div>
      <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <Item
          label="Created"
          title={`${ENGINE_TIME_NOTE} Engine text: ${job.createTime ?? '—'}`}
          testId="job-created"
        >
          {formatTimestamp(row.createdMs, zone)}
        </Item>
        {job.startTime ? (
          <Item label="Started" testId="job-started">
            {formatTimestamp(toRow({ ...job, createTime: job.startTime }, now).createdMs, zone)}
          </Item>
        ) : null}
        <Item
          label="Ended"
          title={`${ENGINE_TIME_NOTE} Engine text: ${job.finishTime ?? '—'}`}
          testId="job-ended"
        >
          {row.running ? 'still running' : formatTimestamp(row.finishedMs, zone)}
        </Item>
        <Item label="Duration" testId="job-duration">
          {formatDuration(row.durationMs)}
        </Item>
        <Item label="Started from a savepoint" testId="job-savepoint">
          {job.isStartWithSavePoint === null ? 'not reported' : job.isStartWithSavePoint ? 'yes' : 'no'}
        </Item>
      </dl>
    </div>
  );
}

function Item({
  label,
  children,
  title,
  testId,
}: {
  label: string;
  children: ReactNode;
  title?: string;
  testId: string;
}) {
  return (
    <div className="flex items-baseline gap-1.5" title={title}>
      <dt className="text-slate-500">{label}</dt>
      <dd className="tabular-nums" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** The engine's error (often a Java stack trace), as text: first line shown, the rest one click away. */
export function JobError({ message, failed }: { message: string; failed: boolean }) {
  const lines = message.split('\n');
  const first = lines[0] ?? '';
  return (
    <details
      className="mb-4 rounded-md border border-red-300 bg-red-50 text-red-950 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100"
      data-testid="job-error"
      open={lines.length <= 3 ? true : undefined}
    >
      <summary className="cursor-pointer px-3 py-2 text-sm">
        <span className="font-semibold">{failed ? 'The job failed: ' : 'Error: '}</span>
        <span className="break-words font-mono text-xs">{first}</span>
        {lines.length > 1 ? (
          <span className="ml-2 text-xs opacity-70">({lines.length} lines — expand)</span>
        ) : null}
      </summary>
      <div className="border-t border-red-200 px-3 py-2 dark:border-red-900">
        <div className="mb-1 flex justify-end">
          <CopyButton text={message} ariaLabel="Copy the error message" />
        </div>
        <pre
          className="max-h-96 overflow-auto whitespace-pre-wrap break-words font-mono text-xs"
          data-testid="job-error-text"
        >
          {message}
        </pre>
      </div>
    </details>
  );
}
