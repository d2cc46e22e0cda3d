import { useState } from 'react';
import { useSeaTunnelJobLogs, useSeaTunnelLogFile } from '@/api/seatunnel/queries';
import { LogViewer } from '@/components/log-viewer';
import { PageSkeleton } from '@/components/page-skeleton';
import { QueryError } from '@/components/query-state';
import { buttonClass, Note } from './parts';
import { hasLogEndpoints, LOGS_SINCE } from './utils/engine-version';

/**
 * The job's log files (REST /logs/:jobId, 2.3.9+). Older engines have no log endpoints at all
 * (2.3.8's v1 port answers an empty 204), which is said plainly instead of an empty viewer.
 */
export function JobLogs({
  clusterId,
  jobId,
  version,
}: {
  clusterId: string;
  jobId: string;
  version: string | null;
}) {
  const supported = hasLogEndpoints(version);
  if (supported === false) {
    return (
      <Note testId="logs-unsupported">
        SeaTunnel {version} has no log endpoints: the REST API serves logs from {LOGS_SINCE} on. This job’s
        lines are in the engine’s <span className="font-mono">logs/</span> directory on its nodes.
      </Note>
    );
  }
  return <JobLogFiles clusterId={clusterId} jobId={jobId} versionKnown={supported !== null} />;
}

function JobLogFiles({
  clusterId,
  jobId,
  versionKnown,
}: {
  clusterId: string;
  jobId: string;
  versionKnown: boolean;
}) {
  const files = useSeaTunnelJobLogs(clusterId, jobId);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  if (files.isPending) return <PageSkeleton rows={3} />;
  if (files.data === undefined)
    return <QueryError error={files.error} onRetry={() => void files.refetch()} />;
  if (files.data.length === 0) {
    return (
      <Note testId="logs-none">
        {versionKnown
          ? 'The engine lists no log file for this job (job logs need the routing appender of SeaTunnel’s default log4j2 config).'
          : 'The engine lists no log file for this job; engines before 2.3.9 have no log endpoints at all.'}
      </Note>
    );
  }
  const current = files.data.find((f) => f.logName === picked) ?? files.data[0];
  return (
    <div data-testid="job-logs">
      <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
        <label className="text-slate-500" htmlFor="st-log-file">
          Log file
        </label>
        <select
          id="st-log-file"
          data-testid="log-file"
          value={current?.logName ?? ''}
          onChange={(e) => setPicked(e.target.value)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
        >
          {files.data.map((f) => (
            <option key={`${f.node}/${f.logName}`} value={f.logName}>
              {f.logName} · {f.node}
            </option>
          ))}
        </select>
      </div>
      {current ? (
        <LogFile
          key={current.logName}
          clusterId={clusterId}
          name={current.logName}
          node={current.node}
          link={current.logLink}
        />
      ) : null}
    </div>
  );
}

const safeLink = (url: string) => (/^https?:\/\//i.test(url) ? url : null);

function LogFile({
  clusterId,
  name,
  node,
  link,
}: {
  clusterId: string;
  name: string;
  node: string;
  link: string;
}) {
  const file = useSeaTunnelLogFile(clusterId, name);
  if (file.isPending) return <PageSkeleton rows={6} />;
  if (file.data === undefined) {
    const href = safeLink(link);
    return (
      <div className="space-y-2">
        <QueryError error={file.error} onRetry={() => void file.refetch()} />
        <Note>
          The dashboard reads log files through the node behind the cluster’s URL; this one is on{' '}
          <span className="font-mono">{node}</span>.{' '}
          {href ? (
            <a
              href={href}
              target="_blank"
              rel="noreferrer noopener"
              className="text-sky-700 underline dark:text-sky-400"
            >
              Open it on that node
            </a>
          ) : null}
        </Note>
      </div>
    );
  }
  return (
    <LogViewer
      text={file.data}
      fileName={name}
      height="min(70vh, 640px)"
      testId="log-viewer"
      toolbarExtra={
        <button
          type="button"
          className={buttonClass}
          onClick={() => void file.refetch()}
          disabled={file.isFetching}
        >
          {file.isFetching ? 'Loading…' : 'Reload'}
        </button>
      }
    />
  );
}
