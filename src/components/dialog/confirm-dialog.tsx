/**
 * ConfirmDialog: asks before a destructive action and names what it acts on.
 *
 *   <ConfirmDialog open={open} onClose={() => setOpen(false)}
 *     action="Cancel job" target={job.name}
 *     description="Running tasks are stopped; state not in a savepoint is lost."
 *     onConfirm={() => cancelJob.mutateAsync(job.jid)} />
 *
 *   // Very destructive: the user types the name first.
 *   <ConfirmDialog … action="Shut down cluster" target={cluster.name} requireTyping />
 *
 * If onConfirm returns a promise the buttons wait for it; a rejection is shown in the dialog
 * (as text) and the dialog stays open; success closes it via onClose.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Modal } from './modal';

export interface ConfirmDialogProps {
  open: boolean;
  onClose: () => void;
  onConfirm: () => unknown;
  /** Verb phrase: title "<action> <target>?" and, by default, the confirm button. */
  action: string;
  /** What is acted on (job name, cluster name); shown verbatim. */
  target: string;
  description?: ReactNode;
  confirmLabel?: string;
  /** The button that backs out; "Go back" by default (not "Cancel": it clashes with "Cancel job"). */
  cancelLabel?: string;
  /** The user must type the target (or this text) before confirming. */
  requireTyping?: boolean | string;
  tone?: 'danger' | 'default';
}

const BUTTON = 'rounded px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50';

export function ConfirmDialog({
  open,
  onClose,
  onConfirm,
  action,
  target,
  description,
  confirmLabel,
  cancelLabel = 'Go back',
  requireTyping,
  tone = 'danger',
}: ConfirmDialogProps) {
  const [typed, setTyped] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const formId = useId();
  // Start fresh each time the dialog opens, however it was closed last time.
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setTyped('');
      setError(null);
      setPending(false);
    }
  }
  const expected = typeof requireTyping === 'string' ? requireTyping : requireTyping ? target : null;
  const allowed = !pending && (expected === null || typed.trim() === expected);

  const close = () => {
    if (!pending) onClose();
  };

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!allowed) return;
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      setPending(false);
      onClose();
    } catch (err) {
      setPending(false);
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const confirmClass =
    tone === 'danger'
      ? 'bg-red-600 text-white hover:bg-red-700 dark:bg-red-700 dark:hover:bg-red-600'
      : 'bg-sky-600 text-white hover:bg-sky-700';

  return (
    <Modal
      open={open}
      onClose={close}
      dismissible={!pending}
      size="sm"
      title={
        <>
          {action} <span className="break-words font-mono">{target}</span>?
        </>
      }
      footer={
        <>
          <button
            type="button"
            onClick={close}
            disabled={pending}
            data-autofocus={expected === null ? true : undefined}
            className={`${BUTTON} border border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800`}
          >
            {cancelLabel}
          </button>
          <button type="submit" form={formId} disabled={!allowed} className={`${BUTTON} ${confirmClass}`}>
            {pending ? 'Working…' : (confirmLabel ?? action)}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={(e) => void submit(e)} className="space-y-3">
        {description ? <div className="text-slate-600 dark:text-slate-300">{description}</div> : null}
        {expected !== null ? (
          <label className="block">
            <span className="text-slate-600 dark:text-slate-300">
              Type{' '}
              <span className="select-all break-words font-mono font-semibold text-slate-900 dark:text-white">
                {expected}
              </span>{' '}
              to confirm.
            </span>
            <input
              data-autofocus
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              aria-label={`Type ${expected} to confirm`}
              className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-sm dark:border-slate-700 dark:bg-slate-950"
            />
          </label>
        ) : null}
        {error ? (
          <p
            role="alert"
            className="break-words rounded bg-red-50 p-2 text-xs text-red-800 dark:bg-red-950/50 dark:text-red-200"
          >
            {error}
          </p>
        ) : null}
      </form>
    </Modal>
  );
}
