import type { ReactNode } from 'react';
import { jobCheckpointsRoute, Link } from '@/app/router';
import { CopyButton } from '@/components/toast';
import { useNow } from '@/hooks/use-now';
import { formatDuration } from '@/lib/format';
import { FailureCause } from './failure-cause';
import { dismissOperation, type Scope } from './operations-store';
import { useOperationStatus } from './use-operation-status';
import { isActive, LABELS, type Operation } from './utils/operation-machine';

/** Every action of this job the user started (newest first): progress, result or cause, inline. */
export function OperationList({
  scope,
  operations,
  onRetry,
}: {
  scope: Scope;
  operations: readonly Operation[];
  onRetry: (key: string) => void;
}) {
  if (operations.length === 0) return null;
  return (
    <ul
      className="flex w-[34rem] max-w-full flex-col gap-2"
      aria-label="Job actions in progress and results"
      data-testid="operation-list"
    >
      {[...operations].reverse().map((op) => (
        <OperationCard key={op.key} scope={scope} op={op} onRetry={onRetry} />
      ))}
    </ul>
  );
}

const PHASE_TEXT: Record<Operation['phase'], string> = {
  sending: 'sending…',
  unsent: 'not sent',
  running: 'in progress',
  resuming: 'checking…',
  completed: 'completed',
  failed: 'failed',
  lost: 'status unknown',
};

const PHASE_TONE: Record<Operation['phase'], string> = {
  sending: 'border-sky-200 dark:border-sky-900',
  running: 'border-sky-200 dark:border-sky-900',
  resuming: 'border-sky-200 dark:border-sky-900',
  unsent: 'border-amber-300 dark:border-amber-800',
  completed: 'border-emerald-300 dark:border-emerald-800',
  failed: 'border-red-300 dark:border-red-800',
  lost: 'border-amber-300 dark:border-amber-800',
};

const BADGE_TONE: Record<Operation['phase'], string> = {
  sending: 'text-sky-700 dark:text-sky-300',
  running: 'text-sky-700 dark:text-sky-300',
  resuming: 'text-sky-700 dark:text-sky-300',
  unsent: 'text-amber-800 dark:text-amber-300',
  completed: 'text-emerald-700 dark:text-emerald-400',
  failed: 'text-red-700 dark:text-red-400',
  lost: 'text-amber-800 dark:text-amber-300',
};

function OperationCard({
  scope,
  op,
  onRetry,
}: {
  scope: Scope;
  op: Operation;
  onRetry: (key: string) => void;
}) {
  useOperationStatus(scope, op);
  const active = isActive(op);
  return (
    <li
      className={`rounded-md border bg-white p-2 text-sm shadow-sm dark:bg-slate-900 ${PHASE_TONE[op.phase]}`}
      data-testid="operation"
      data-kind={op.kind}
      data-phase={op.phase}
      data-trigger-id={op.triggerId}
      aria-busy={active || undefined}
    >
      <div className="flex items-center gap-2">
        {active ? <Spinner /> : null}
        <span
          className="font-medium"
          title={
            op.triggerId
              ? `Trigger id ${op.triggerId} (Flink runs a resend with the same id once)`
              : undefined
          }
        >
          {LABELS[op.kind]}
        </span>
        <span className={`text-xs font-semibold ${BADGE_TONE[op.phase]}`} data-testid="operation-phase">
          {PHASE_TEXT[op.phase]}
        </span>
        {active ? <Elapsed since={op.startedAt} /> : null}
        <span className="min-w-0 flex-1 truncate text-xs text-slate-500" title={paramsText(op)}>
          {paramsText(op)}
        </span>
        {!active ? (
          <button
            type="button"
            onClick={() => dismissOperation(scope, op.key)}
            aria-label={`Dismiss ${LABELS[op.kind].toLowerCase()} result`}
            className="rounded px-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900 dark:hover:bg-slate-800 dark:hover:text-white"
          >
            ×
          </button>
        ) : null}
      </div>
      <Body scope={scope} op={op} onRetry={onRetry} />
    </li>
  );
}

function Body({ scope, op, onRetry }: { scope: Scope; op: Operation; onRetry: (key: string) => void }) {
  switch (op.phase) {
    case 'sending':
    case 'resuming':
      return null;
    case 'running':
      return <Line>{RUNNING_TEXT[op.kind]}</Line>;
    case 'unsent':
      return (
        <div className="mt-1 space-y-1 text-xs">
          <p className="break-words text-amber-900 dark:text-amber-200" data-testid="operation-error">
            {op.error?.fateUnknown
              ? 'The cluster did not answer; the action may or may not have started. A retry sends the same trigger id, so it cannot start twice.'
              : 'The cluster refused the request.'}
          </p>
          <p className="whitespace-pre-wrap break-words font-mono text-[11px] text-slate-600 dark:text-slate-400">
            {op.error?.details.length ? op.error.details[0] : op.error?.message}
          </p>
          {op.error && op.error.details.length > 1 ? (
            <details>
              <summary className="cursor-pointer text-slate-500">Full message from the cluster</summary>
              <pre className="mt-1 max-h-60 overflow-auto whitespace-pre-wrap font-mono text-[11px]">
                {op.error.details.join('\n')}
              </pre>
            </details>
          ) : null}
          <button
            type="button"
            onClick={() => onRetry(op.key)}
            className="rounded border border-slate-300 px-2 py-0.5 font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
            data-testid="operation-retry"
          >
            Retry
          </button>
        </div>
      );
    case 'completed':
      return <Completed scope={scope} op={op} />;
    case 'failed':
      return op.failure ? (
        <div className="mt-1">
          <FailureCause failure={op.failure} />
        </div>
      ) : null;
    case 'lost':
      return (
        <Line>
          The cluster no longer knows this operation (its status expired or the JobManager restarted). Check
          the job’s checkpoints for the outcome.
        </Line>
      );
  }
}

const RUNNING_TEXT: Record<Operation['kind'], string> = {
  savepoint: 'Writing the savepoint…',
  stop: 'Taking the final savepoint; the job stops when it completes…',
  checkpoint: 'Checkpoint running…',
  cancel: 'Cancelling…',
  rescale: 'Rescaling…',
  dispose: 'Deleting the savepoint…',
};

function Completed({ scope, op }: { scope: Scope; op: Operation }) {
  const checkpointsLink = (checkpoint?: number) => (
    <Link
      to={jobCheckpointsRoute}
      params={{ clusterId: scope.clusterId, jobId: scope.jobId }}
      search={checkpoint === undefined ? {} : { checkpoint }}
      className="text-xs font-medium text-sky-700 hover:underline dark:text-sky-400"
    >
      {checkpoint === undefined ? 'Checkpoints' : `Checkpoint #${checkpoint}`}
    </Link>
  );
  switch (op.kind) {
    case 'savepoint':
    case 'stop':
      return (
        <div className="mt-1 space-y-1">
          {op.result ? (
            <div className="flex min-w-0 items-center gap-2">
              <code className="min-w-0 flex-1 break-all font-mono text-xs" data-testid="savepoint-path">
                {op.result}
              </code>
              <CopyButton text={op.result} compact ariaLabel="Copy savepoint path" />
            </div>
          ) : (
            <Line>Completed; Flink reported no location.</Line>
          )}
          <div className="text-xs text-slate-500">
            {op.kind === 'stop'
              ? 'The job stops now. '
              : op.params.cancelJob
                ? 'The job is cancelled now. '
                : ''}
            {checkpointsLink()}
          </div>
        </div>
      );
    case 'checkpoint':
      return (
        <Line>Completed: {op.result ? checkpointsLink(Number(op.result)) : 'no checkpoint id reported'}</Line>
      );
    case 'cancel':
      return <Line>Cancellation requested; the job state in the header follows.</Line>;
    case 'rescale':
      return (
        <Line>
          New parallelism sent{op.params.summary ? `: ${op.params.summary}` : ''}. The job restarts with it
          when slots allow.
        </Line>
      );
    case 'dispose':
      return (
        <Line>
          Disposed <code className="break-all font-mono">{op.params.savepointPath}</code>
        </Line>
      );
  }
}

function paramsText(op: Operation): string {
  const p = op.params;
  const parts: string[] = [];
  if (p.targetDirectory) parts.push(`→ ${p.targetDirectory}`);
  if (p.formatType) parts.push(p.formatType);
  if (p.drain) parts.push('drain');
  if (p.cancelJob) parts.push('then cancel the job');
  if (p.checkpointType && p.checkpointType !== 'CONFIGURED') parts.push(p.checkpointType);
  if (op.kind === 'dispose' && p.savepointPath) parts.push(p.savepointPath);
  return parts.join(' · ');
}

function Line({ children }: { children: ReactNode }) {
  return <p className="mt-1 break-words text-xs text-slate-600 dark:text-slate-300">{children}</p>;
}

function Elapsed({ since }: { since: number }) {
  const now = useNow(1000);
  return (
    <span className="text-xs tabular-nums text-slate-500">{formatDuration(Math.max(0, now - since))}</span>
  );
}

function Spinner() {
  return (
    <span
      aria-hidden
      className="inline-block h-3 w-3 shrink-0 animate-spin rounded-full border-2 border-sky-500 border-t-transparent"
    />
  );
}
