import { useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { jobRoute, useRouteParams } from '@/app/router';
import { useClusterRole } from '@/api/dashboard/access';
import { useClusterInfo, useReadOnly } from '@/api/dashboard/clusters';
import { useCheckpointStats, useFlinkConfig, useJobDetails } from '@/api/flink/queries';
import { useJobGone } from '@/api/flink/queries-job-page';
import { ConfirmDialog } from '@/components/dialog';
import { ToastContext } from '@/components/toast/toast-context';
import { useClusterId } from '@/hooks/use-cluster-id';
import { CheckpointDialog, DisposeDialog, SavepointDialog, StopDialog } from './dialogs';
import { OperationList } from './operation-list';
import { onNotice, useOperations, type Scope } from './operations-store';
import { RecentActions } from './recent-actions';
import { RescaleDialog } from './rescale-dialog';
import { useOperationRunner } from './use-operation-runner';
import { describeFailure } from './utils/failure';
import { blockedKinds, LABELS, type OperationKind } from './utils/operation-machine';
import { availableActions, missingRole, roleTooltip } from './utils/permissions';

/** The job header's action buttons (the job route composes them into the job layout). */
export function JobActions() {
  const clusterId = useClusterId();
  const { jobId } = useRouteParams(jobRoute);
  return <JobActionsView clusterId={clusterId} jobId={jobId} />;
}

type DialogKind = OperationKind;

/**
 * Savepoint, checkpoint, stop, cancel, rescale and savepoint disposal for one Flink job, with
 * every started action's progress, result or failure cause right below the buttons. Buttons are
 * hidden in read-only mode, where `/config` disallows them, and for finished jobs; a button is
 * disabled while a conflicting action is in flight. Actions live in a store outside the page, so
 * they survive navigating away and back and (their trigger ids, in sessionStorage) a reload.
 */
export function JobActionsView({ clusterId, jobId }: { clusterId: string; jobId: string }) {
  const job = useJobDetails(clusterId, jobId);
  const config = useFlinkConfig(clusterId);
  const readOnly = useReadOnly();
  const role = useClusterRole(clusterId);
  const scope: Scope = useMemo(() => ({ clusterId, jobId }), [clusterId, jobId]);
  const operations = useOperations(scope);
  const runner = useOperationRunner(clusterId, jobId);
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const gone = useJobGone(clusterId, jobId);
  // Nothing can act on a job the cluster no longer knows: the buttons stay, disabled, saying why.
  const archive = useClusterInfo(clusterId)?.archive === true;
  const goneReason = archive
    ? 'An archived job (History Server): no action can reach it'
    : gone
      ? 'The cluster no longer knows this job: no action can reach it'
      : undefined;
  useNoticeToasts(scope);

  const jobName = job.data?.name ?? jobId;
  const jobState = job.data?.state;
  const can = availableActions({ readOnly, features: config.data?.features, jobState });
  const blocked = blockedKinds(operations);
  const close = () => setDialog(null);
  const start = (kind: OperationKind) => (params: Parameters<typeof runner.start>[1]) =>
    runner.start(kind, params);

  const lockedTitle = (kind: OperationKind) => {
    const needed = role ? missingRole(kind, role) : undefined;
    return needed && role ? roleTooltip(needed, role) : undefined;
  };
  const button = (kind: OperationKind, label: string, opts: { danger?: boolean; primary?: boolean } = {}) =>
    can[kind] ? (
      <ActionButton
        key={kind}
        kind={kind}
        label={label}
        busy={blocked.has(kind)}
        disabledReason={goneReason ?? lockedTitle(kind)}
        danger={opts.danger}
        primary={opts.primary}
        onClick={() => setDialog(kind)}
      />
    ) : null;

  const more = [can.rescale ? 'rescale' : null, can.dispose ? 'dispose' : null].filter(
    (k): k is 'rescale' | 'dispose' => k !== null,
  );

  return (
    <div className="flex max-w-full flex-col items-end gap-2" data-testid="job-actions">
      <div className="flex flex-wrap items-center justify-end gap-2">
        {button('savepoint', 'Savepoint', { primary: true })}
        {button('checkpoint', 'Checkpoint')}
        {button('stop', 'Stop…', { danger: true })}
        {button('cancel', 'Cancel job', { danger: true })}
        {more.length ? (
          <MoreMenu disabledReason={goneReason}>
            {(closeMenu) =>
              more.map((kind) => (
                <button
                  key={kind}
                  type="button"
                  role="menuitem"
                  disabled={blocked.has(kind) || lockedTitle(kind) !== undefined}
                  title={lockedTitle(kind)}
                  onClick={() => {
                    closeMenu();
                    setDialog(kind);
                  }}
                  className="block w-full px-3 py-1.5 text-left text-sm hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50 dark:hover:bg-slate-800"
                  data-testid={`action-${kind}`}
                >
                  {kind === 'rescale' ? 'Rescale…' : 'Dispose savepoint…'}
                </button>
              ))
            }
          </MoreMenu>
        ) : null}
      </div>
      <OperationList scope={scope} operations={operations} onRetry={runner.retry} />
      <RecentActions clusterId={clusterId} jobId={jobId} />

      {dialog === 'savepoint' ? (
        <SavepointDialog
          open
          onClose={close}
          jobName={jobName}
          jobState={jobState}
          clusterId={clusterId}
          jobId={jobId}
          allowCancel={can.savepointCancel}
          onSubmit={start('savepoint')}
        />
      ) : null}
      {dialog === 'stop' ? (
        <StopDialog
          open
          onClose={close}
          jobName={jobName}
          jobState={jobState}
          clusterId={clusterId}
          jobId={jobId}
          onSubmit={start('stop')}
        />
      ) : null}
      {dialog === 'checkpoint' ? (
        <CheckpointDialog
          open
          onClose={close}
          jobName={jobName}
          jobState={jobState}
          onSubmit={start('checkpoint')}
        />
      ) : null}
      {dialog === 'rescale' ? (
        <RescaleDialog
          open
          onClose={close}
          clusterId={clusterId}
          jobId={jobId}
          jobName={jobName}
          vertices={(job.data?.vertices ?? []).map((v) => ({
            id: v.id,
            name: v.name,
            current: v.parallelism,
            maxParallelism: v.maxParallelism,
          }))}
          onSubmit={start('rescale')}
        />
      ) : null}
      {dialog === 'dispose' ? (
        <DisposeFor clusterId={clusterId} jobId={jobId} onClose={close} onSubmit={start('dispose')} />
      ) : null}
      <ConfirmDialog
        open={dialog === 'cancel'}
        onClose={close}
        action="Cancel job"
        target={jobName}
        confirmLabel="Cancel job"
        description={
          <>
            All tasks stop now, without a savepoint: state since the latest retained checkpoint is lost. To
            keep it, use “Stop…” (stop with a savepoint) instead.
          </>
        }
        onConfirm={() => {
          start('cancel')({});
        }}
      />
    </div>
  );
}

function ActionButton({
  kind,
  label,
  busy,
  disabledReason,
  danger,
  primary,
  onClick,
}: {
  kind: OperationKind;
  label: string;
  busy: boolean;
  /** Why it may not be used: the job is gone, or the user's role is too low (names the role needed). */
  disabledReason?: string | undefined;
  danger?: boolean | undefined;
  primary?: boolean | undefined;
  onClick: () => void;
}) {
  const tone = primary
    ? 'border-sky-600 bg-sky-600 text-white hover:bg-sky-700'
    : danger
      ? 'border-red-300 bg-white text-red-700 hover:bg-red-50 dark:border-red-800 dark:bg-slate-900 dark:text-red-400 dark:hover:bg-red-950/50'
      : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800';
  return (
    <button
      type="button"
      disabled={busy || disabledReason !== undefined}
      aria-disabled={busy || disabledReason !== undefined || undefined}
      title={
        disabledReason ?? (busy ? `${LABELS[kind]}: an action of this job is still in progress` : undefined)
      }
      onClick={onClick}
      className={`rounded-md border px-2.5 py-1 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50 ${tone}`}
      data-testid={`action-${kind}`}
    >
      {label}
    </button>
  );
}

/** A small menu for the rarer actions; closes on Escape, outside clicks and after a choice. */
function MoreMenu({
  children,
  disabledReason,
}: {
  children: (close: () => void) => ReactNode;
  disabledReason?: string | undefined;
}) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={disabledReason !== undefined}
        title={disabledReason}
        onClick={() => setOpen((o) => !o)}
        className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
        data-testid="action-more"
      >
        More ▾
      </button>
      {open ? (
        <div
          role="menu"
          className="absolute right-0 z-20 mt-1 min-w-44 overflow-hidden rounded-md border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {children(() => setOpen(false))}
        </div>
      ) : null}
    </div>
  );
}

/** The dispose dialog, suggesting the savepoints this job knows of. */
function DisposeFor({
  clusterId,
  jobId,
  onClose,
  onSubmit,
}: {
  clusterId: string;
  jobId: string;
  onClose: () => void;
  onSubmit: (p: { savepointPath: string }) => void;
}) {
  const stats = useCheckpointStats(clusterId, jobId);
  const suggestions = useMemo(() => {
    const d = stats.data;
    if (!d) return [];
    const paths = [
      d.latest.savepoint?.external_path,
      ...d.history.map((h) => (h.status === 'COMPLETED' && h.is_savepoint ? h.external_path : undefined)),
      d.latest.restored?.is_savepoint ? d.latest.restored.external_path : undefined,
    ];
    return [...new Set(paths.filter((p): p is string => !!p))];
  }, [stats.data]);
  return (
    <DisposeDialog
      open
      onClose={onClose}
      suggestions={suggestions}
      onSubmit={(p) => onSubmit({ savepointPath: p.savepointPath ?? '' })}
    />
  );
}

/** Toasts for actions that end while the page watches (links to the checkpoints tab, copyable path). */
function useNoticeToasts(scope: Scope) {
  // Tolerates a missing ToastProvider: results are shown inline anyway.
  const toast = useContext(ToastContext);
  useEffect(() => {
    if (!toast) return;
    return onNotice((s, op, notice) => {
      if (s.clusterId !== scope.clusterId || s.jobId !== scope.jobId) return;
      const base = `/clusters/${encodeURIComponent(s.clusterId)}/jobs/${encodeURIComponent(s.jobId)}/checkpoints`;
      if (op.phase === 'completed' && (op.kind === 'savepoint' || op.kind === 'stop')) {
        toast.show({
          tone: 'success',
          title: notice.title,
          message: op.result ?? 'Flink reported no location.',
          copyText: op.result,
          link: { label: 'Open checkpoints', href: base },
        });
      } else if (op.phase === 'completed' && op.kind === 'checkpoint') {
        toast.show({
          tone: 'success',
          title: notice.title,
          message: op.result ? `Checkpoint #${op.result}` : 'Completed.',
          link: op.result
            ? { label: `Open checkpoint #${op.result}`, href: `${base}?checkpoint=${op.result}` }
            : undefined,
        });
      } else if (op.phase === 'completed') {
        toast.show({ tone: 'success', title: notice.title, message: op.params.savepointPath ?? '' });
      } else if (op.phase === 'failed') {
        const d = op.failure ? describeFailure(op.failure) : undefined;
        toast.show({
          tone: 'error',
          title: notice.title,
          message: d ? (d.rootCause ?? d.headline ?? d.className) : 'Flink reported a failure.',
        });
      } else {
        toast.show({
          tone: notice.tone,
          title: notice.title,
          message: 'The cluster no longer knows this operation.',
        });
      }
    });
  }, [toast, scope]);
}
