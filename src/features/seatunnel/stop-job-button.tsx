import { useState } from 'react';
import { hrefTo, submitRoute, useNavigate } from '@/app/router';
import { useReadOnly } from '@/api/dashboard/clusters';
import { useSeaTunnelStopJob } from '@/api/seatunnel/mutations';
import type { SeaTunnelJob } from '@/api/seatunnel/normalise';
import { ConfirmDialog } from '@/components/dialog';
import { useToast } from '@/components/toast';
import { buttonClass, dangerButtonClass } from './parts';
import { loadDraft, saveDraft } from './utils/draft';
import { isStoppable } from './utils/job-list';

/** Stop (cancel) or stop with a savepoint, after a confirmation naming the job; none in read-only mode. */
export function StopJobButton({ clusterId, job }: { clusterId: string; job: SeaTunnelJob }) {
  const readOnly = useReadOnly();
  const stop = useSeaTunnelStopJob(clusterId);
  const toast = useToast();
  const [open, setOpen] = useState<null | 'cancel' | 'savepoint'>(null);
  if (readOnly || !isStoppable(job)) return null;
  const savepoint = open === 'savepoint';
  return (
    <>
      <button
        type="button"
        className={buttonClass}
        data-testid="stop-job-savepoint"
        onClick={() => setOpen('savepoint')}
      >
        Stop with savepoint
      </button>
      <button
        type="button"
        className={dangerButtonClass}
        data-testid="stop-job"
        onClick={() => setOpen('cancel')}
      >
        Stop
      </button>
      <ConfirmDialog
        open={open !== null}
        onClose={() => setOpen(null)}
        action={savepoint ? 'Stop with savepoint' : 'Stop job'}
        target={job.jobName || job.jobId}
        description={
          <div className="space-y-2" data-testid="stop-job-dialog">
            <p>
              Job id <span className="select-all font-mono">{job.jobId}</span>
            </p>
            <p>
              {savepoint
                ? 'The engine takes a savepoint, then stops the job (SAVEPOINT_DONE). It can be started again from that savepoint with the same job id.'
                : 'The job is cancelled (CANCELED). Records in flight are not written; a streaming job cannot resume where it stopped.'}
            </p>
          </div>
        }
        onConfirm={async () => {
          await stop.mutateAsync({ jobId: job.jobId, withSavepoint: savepoint });
          toast.show({
            tone: 'success',
            message: `${savepoint ? 'Savepoint and stop' : 'Stop'} requested for ${job.jobName || job.jobId} (${job.jobId}).`,
          });
        }}
      />
    </>
  );
}

/** For a job stopped with a savepoint: open the submit page set to restore it (same id, from savepoint). */
export function RestoreButton({ clusterId, job }: { clusterId: string; job: SeaTunnelJob }) {
  const readOnly = useReadOnly();
  const navigate = useNavigate();
  if (readOnly || job.jobStatus.toUpperCase() !== 'SAVEPOINT_DONE') return null;
  return (
    <button
      type="button"
      className={buttonClass}
      data-testid="restore-job"
      title="Opens the submit page with this job id and “start from savepoint”; paste the job’s config there."
      onClick={() => {
        saveDraft(clusterId, {
          ...loadDraft(clusterId),
          mode: 'single',
          jobId: job.jobId,
          jobName: job.jobName,
          startWithSavepoint: true,
        });
        navigate(hrefTo(submitRoute, { clusterId }));
      }}
    >
      Restore from savepoint…
    </button>
  );
}
