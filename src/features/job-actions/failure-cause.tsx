import { useId, useState } from 'react';
import { CopyButton } from '@/components/toast';
import type { OperationFailure } from './utils/operation-machine';
import { describeFailure } from './utils/failure';

/**
 * Flink's failure cause in full: the exception class and its message up front (including the
 * root cause, which is what people act on), the whole stack trace one click away. Shown as text.
 */
export function FailureCause({ failure }: { failure: OperationFailure }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const d = describeFailure(failure);
  return (
    <div className="min-w-0 text-xs" data-testid="operation-failure">
      <div
        className="break-words font-mono font-semibold text-red-800 dark:text-red-300"
        data-testid="operation-failure-class"
      >
        {d.className}
      </div>
      {d.message ? (
        <p className="mt-0.5 whitespace-pre-wrap break-words text-red-900 dark:text-red-200">{d.message}</p>
      ) : null}
      {d.rootCause && d.rootCause !== d.headline ? (
        <p
          className="mt-1 whitespace-pre-wrap break-words text-red-900 dark:text-red-200"
          data-testid="operation-root-cause"
        >
          <span className="font-semibold">Root cause: </span>
          {d.rootCause}
        </p>
      ) : null}
      {failure.stackTrace ? (
        <div className="mt-1.5">
          <div className="flex items-center gap-2">
            <button
              type="button"
              aria-expanded={open}
              aria-controls={id}
              onClick={() => setOpen((o) => !o)}
              className="inline-flex items-center gap-1 rounded px-1 py-0.5 font-medium text-sky-700 hover:bg-sky-50 dark:text-sky-400 dark:hover:bg-sky-950"
              data-testid="operation-stack-toggle"
            >
              <span aria-hidden className={`inline-block transition-transform ${open ? 'rotate-90' : ''}`}>
                ▸
              </span>
              {open ? 'Hide stack trace' : `Stack trace (${d.lineCount} lines)`}
            </button>
            <CopyButton text={failure.stackTrace} compact label="Copy" ariaLabel="Copy stack trace" />
          </div>
          {open ? (
            <pre
              id={id}
              data-testid="operation-stack-trace"
              className="mt-1 max-h-80 overflow-auto whitespace-pre rounded border border-slate-200 bg-slate-50 p-2 font-mono text-[11px] leading-4 text-slate-800 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-200"
            >
              {failure.stackTrace}
            </pre>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
