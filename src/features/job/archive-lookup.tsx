import { jobRoute, Link } from '@/app/router';
import { useArchivedJob } from '@/api/flink/queries-job-page';
import type { JobGone } from '@/api/flink/lost-jobs';
import { isTerminalState } from '@/api/polling';

/**
 * For a job its cluster forgot: whether the cluster's History Server holds it. Archived: a link to
 * the in-app archived view. Not archived: said plainly (Flink archives a job only when it reaches a
 * final state, so a job lost with its JobManager is never there).
 */
export function ArchiveLookup({
  historyClusterId,
  jobId,
  gone,
}: {
  historyClusterId: string;
  jobId: string;
  gone: JobGone;
}) {
  // Lost with its JobManager while still running: it never reached the final state Flink archives.
  const lostRunning = gone.cause.kind === 'restart' && !isTerminalState(gone.lastKnown.state);
  const { verdict, checking, recheck } = useArchivedJob(historyClusterId, jobId);
  if (verdict === 'archived') {
    return (
      <p className="mt-2">
        <Link
          to={jobRoute}
          params={{ clusterId: historyClusterId, jobId }}
          className="font-medium text-sky-800 underline dark:text-sky-300"
          data-testid="job-gone-archived"
        >
          Open the archived job (History Server)
        </Link>
      </p>
    );
  }
  if (verdict === 'unknown') return null;
  return (
    <p className="mt-2" data-testid="job-gone-not-archived">
      {lostRunning ? (
        <>
          <span className="font-semibold">Not archived:</span> the JobManager stopped before the job ended.
          Flink archives a job only when it reaches a final state, so the History Server has no record of it.
        </>
      ) : (
        <>
          <span className="font-semibold">Not in the History Server&apos;s archive.</span> Flink archives a
          job only when it reaches a final state; the History Server reads new archives every{' '}
          <code className="font-mono">historyserver.archive.fs.refresh-interval</code> (10 s by default).
        </>
      )}{' '}
      <button
        type="button"
        className="underline disabled:opacity-50"
        disabled={checking}
        onClick={recheck}
        data-testid="job-gone-recheck-archive"
      >
        Look again
      </button>
    </p>
  );
}
