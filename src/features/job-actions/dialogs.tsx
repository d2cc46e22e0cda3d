import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useJobJobManagerConfig } from '@/api/flink/queries';
import { Modal } from '@/components/dialog';
import type { OperationParams } from './utils/operation-machine';
import { defaultSavepointDir } from './utils/permissions';

/*
 * The forms behind the action buttons. Each names the job it acts on; destructive ones (stop,
 * savepoint-then-cancel, dispose) say what will be lost and have a red button saying so.
 * Submitting closes the dialog at once: progress is shown next to the buttons.
 */

const BUTTON = 'rounded px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50';
const SECONDARY = `${BUTTON} border border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800`;
const PRIMARY = `${BUTTON} bg-sky-600 text-white hover:bg-sky-700`;
const DANGER = `${BUTTON} bg-red-600 text-white hover:bg-red-700 dark:bg-red-700 dark:hover:bg-red-600`;
const INPUT =
  'mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-sm dark:border-slate-700 dark:bg-slate-950';

interface BaseProps {
  open: boolean;
  onClose: () => void;
  jobName: string;
}

function FormModal({
  open,
  onClose,
  title,
  submitLabel,
  danger,
  canSubmit = true,
  onSubmit,
  testId,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  submitLabel: string;
  danger?: boolean;
  canSubmit?: boolean;
  onSubmit: () => void;
  testId: string;
  children: ReactNode;
}) {
  const formId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!canSubmit) return;
    onSubmit();
    onClose();
  };
  return (
    <Modal
      open={open}
      onClose={onClose}
      title={title}
      testId={testId}
      footer={
        <>
          <button type="button" onClick={onClose} className={SECONDARY}>
            Close
          </button>
          <button
            type="submit"
            form={formId}
            disabled={!canSubmit}
            className={danger ? DANGER : PRIMARY}
            data-testid={`${testId}-submit`}
          >
            {submitLabel}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} className="space-y-3">
        {children}
      </form>
    </Modal>
  );
}

function JobTitle({ verb, name, after }: { verb: string; name: string; after?: string }) {
  return (
    <>
      {verb} <span className="break-words font-mono">{name}</span>
      {after ?? ''}
    </>
  );
}

/** Target directory with Flink's default as the placeholder; required when Flink has no default. */
function TargetDirectory({
  clusterId,
  jobId,
  value,
  onChange,
}: {
  clusterId: string;
  jobId: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const cfg = useJobJobManagerConfig(clusterId, jobId);
  const dflt = defaultSavepointDir(cfg.data);
  return (
    <label className="block">
      <span className="font-medium">Target directory</span>
      <span className="text-slate-500"> (optional)</span>
      <input
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={dflt ?? (cfg.isPending ? 'loading the default…' : 'e.g. s3://bucket/savepoints')}
        spellCheck={false}
        autoComplete="off"
        className={INPUT}
        data-testid="target-directory"
        data-autofocus
      />
      <span className="mt-0.5 block text-xs text-slate-500">
        {dflt ? (
          <>
            Empty: Flink’s default <code className="break-words font-mono">{dflt}</code>
          </>
        ) : cfg.isPending ? (
          ' '
        ) : cfg.isError ? (
          <>
            Empty: Flink’s default (<code className="font-mono">execution.checkpointing.savepoint-dir</code>),
            if one is configured; the configuration could not be read.
          </>
        ) : (
          <>
            No default (<code className="font-mono">execution.checkpointing.savepoint-dir</code>) is
            configured: Flink will refuse without a directory.
          </>
        )}
      </span>
    </label>
  );
}

type Format = 'CANONICAL' | 'NATIVE';

function FormatChoice({ value, onChange }: { value: Format; onChange: (f: Format) => void }) {
  return (
    <fieldset>
      <legend className="font-medium">Format</legend>
      <div className="mt-1 space-y-1">
        <Radio
          name="format"
          checked={value === 'CANONICAL'}
          onChange={() => onChange('CANONICAL')}
          label="Canonical"
        >
          portable: restorable with another state backend; slower for large state
        </Radio>
        <Radio name="format" checked={value === 'NATIVE'} onChange={() => onChange('NATIVE')} label="Native">
          the state backend’s own format: faster, restorable only with the same backend
        </Radio>
      </div>
    </fieldset>
  );
}

function Radio({
  name,
  checked,
  onChange,
  label,
  children,
}: {
  name: string;
  checked: boolean;
  onChange: () => void;
  label: string;
  children?: ReactNode;
}) {
  return (
    <label className="flex cursor-pointer items-baseline gap-2">
      <input type="radio" name={name} checked={checked} onChange={onChange} className="accent-sky-600" />
      <span>
        <span className="font-medium">{label}</span>
        {children ? <span className="text-slate-500"> — {children}</span> : null}
      </span>
    </label>
  );
}

function JobStateNote({ state }: { state: string | undefined }) {
  if (!state || state === 'RUNNING') return null;
  return (
    <p className="rounded bg-amber-50 p-2 text-xs text-amber-900 dark:bg-amber-950/50 dark:text-amber-200">
      The job is {state}: Flink takes a savepoint or checkpoint only when all its tasks run, so it will likely
      fail now.
    </p>
  );
}

export function SavepointDialog({
  open,
  onClose,
  jobName,
  jobState,
  clusterId,
  jobId,
  allowCancel,
  onSubmit,
}: BaseProps & {
  jobState: string | undefined;
  clusterId: string;
  jobId: string;
  allowCancel: boolean;
  onSubmit: (p: OperationParams) => void;
}) {
  const [dir, setDir] = useState('');
  const [format, setFormat] = useState<Format>('CANONICAL');
  const [cancelJob, setCancelJob] = useState(false);
  return (
    <FormModal
      open={open}
      onClose={onClose}
      testId="savepoint-dialog"
      title={
        <JobTitle verb={cancelJob ? 'Savepoint, then cancel' : 'Trigger a savepoint of'} name={jobName} />
      }
      submitLabel={cancelJob ? 'Savepoint and cancel job' : 'Trigger savepoint'}
      danger={cancelJob}
      onSubmit={() =>
        onSubmit({
          targetDirectory: dir.trim() || undefined,
          formatType: format,
          cancelJob: cancelJob || undefined,
        })
      }
    >
      <JobStateNote state={jobState} />
      <TargetDirectory clusterId={clusterId} jobId={jobId} value={dir} onChange={setDir} />
      <FormatChoice value={format} onChange={setFormat} />
      {allowCancel ? (
        <div>
          <label className="flex cursor-pointer items-baseline gap-2">
            <input
              type="checkbox"
              checked={cancelJob}
              onChange={(e) => setCancelJob(e.target.checked)}
              className="accent-red-600"
              data-testid="cancel-job"
            />
            <span className="font-medium">Cancel the job after the savepoint</span>
          </label>
          {cancelJob ? (
            <p className="mt-1 rounded border border-red-200 bg-red-50 p-2 text-xs text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100">
              <span className="break-words font-mono font-semibold">{jobName}</span> will be cancelled once
              the savepoint completes. Prefer “Stop with savepoint”, which Flink recommends for this.
            </p>
          ) : null}
        </div>
      ) : null}
    </FormModal>
  );
}

export function StopDialog({
  open,
  onClose,
  jobName,
  jobState,
  clusterId,
  jobId,
  onSubmit,
}: BaseProps & {
  jobState: string | undefined;
  clusterId: string;
  jobId: string;
  onSubmit: (p: OperationParams) => void;
}) {
  const [dir, setDir] = useState('');
  const [format, setFormat] = useState<Format>('CANONICAL');
  const [drain, setDrain] = useState(false);
  return (
    <FormModal
      open={open}
      onClose={onClose}
      testId="stop-dialog"
      title={<JobTitle verb="Stop" name={jobName} after=" with a savepoint?" />}
      submitLabel="Stop job"
      danger
      onSubmit={() =>
        onSubmit({ targetDirectory: dir.trim() || undefined, formatType: format, drain: drain || undefined })
      }
    >
      <p className="text-slate-600 dark:text-slate-300">
        Flink takes a final savepoint, then stops{' '}
        <span className="break-words font-mono font-semibold">{jobName}</span>. Resume it later from that
        savepoint. If the savepoint fails, the job keeps running.
      </p>
      <JobStateNote state={jobState} />
      <TargetDirectory clusterId={clusterId} jobId={jobId} value={dir} onChange={setDir} />
      <FormatChoice value={format} onChange={setFormat} />
      <label className="flex cursor-pointer items-baseline gap-2">
        <input
          type="checkbox"
          checked={drain}
          onChange={(e) => setDrain(e.target.checked)}
          className="accent-sky-600"
          data-testid="drain"
        />
        <span>
          <span className="font-medium">Drain</span>
          <span className="text-slate-500">
            {' '}
            — emit MAX_WATERMARK first so every event-time window and timer fires. Only when the job will not
            be resumed from this savepoint.
          </span>
        </span>
      </label>
    </FormModal>
  );
}

type CheckpointType = NonNullable<OperationParams['checkpointType']>;

export function CheckpointDialog({
  open,
  onClose,
  jobName,
  jobState,
  onSubmit,
}: BaseProps & { jobState: string | undefined; onSubmit: (p: OperationParams) => void }) {
  const [type, setType] = useState<CheckpointType>('CONFIGURED');
  return (
    <FormModal
      open={open}
      onClose={onClose}
      testId="checkpoint-dialog"
      title={<JobTitle verb="Trigger a checkpoint of" name={jobName} />}
      submitLabel="Trigger checkpoint"
      onSubmit={() => onSubmit({ checkpointType: type })}
    >
      <JobStateNote state={jobState} />
      <fieldset>
        <legend className="font-medium">Checkpoint type</legend>
        <div className="mt-1 space-y-1">
          <Radio
            name="cp-type"
            checked={type === 'CONFIGURED'}
            onChange={() => setType('CONFIGURED')}
            label="As configured"
          >
            what the job’s periodic checkpoints are
          </Radio>
          <Radio name="cp-type" checked={type === 'FULL'} onChange={() => setType('FULL')} label="Full">
            all state, not incremental
          </Radio>
          <Radio
            name="cp-type"
            checked={type === 'INCREMENTAL'}
            onChange={() => setType('INCREMENTAL')}
            label="Incremental"
          >
            only changes since the last one (some Flink versions refuse this)
          </Radio>
        </div>
      </fieldset>
    </FormModal>
  );
}

export function DisposeDialog({
  open,
  onClose,
  suggestions,
  onSubmit,
}: Omit<BaseProps, 'jobName'> & { suggestions: readonly string[]; onSubmit: (p: OperationParams) => void }) {
  const [path, setPath] = useState('');
  const listId = useId();
  const trimmed = path.trim();
  return (
    <FormModal
      open={open}
      onClose={onClose}
      testId="dispose-dialog"
      title="Dispose a savepoint"
      submitLabel="Dispose savepoint"
      danger
      canSubmit={trimmed.length > 0}
      onSubmit={() => onSubmit({ savepointPath: trimmed })}
    >
      <p className="text-slate-600 dark:text-slate-300">
        Flink deletes the savepoint’s files and metadata. A job can no longer be restored from it.
      </p>
      <label className="block">
        <span className="font-medium">Savepoint path</span>
        <input
          value={path}
          onChange={(e) => setPath(e.target.value)}
          list={listId}
          required
          placeholder="file:/…/savepoints/savepoint-…"
          spellCheck={false}
          autoComplete="off"
          className={INPUT}
          data-testid="savepoint-path-input"
          data-autofocus
        />
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </label>
    </FormModal>
  );
}
