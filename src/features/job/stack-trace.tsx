import { useId, useMemo, useState } from 'react';
import { CopyButton } from '@/components/toast';
import { classifyTrace, foldFramework, type TraceLine } from './utils/exceptions';

const LINE_CLASS: Record<TraceLine['kind'], string> = {
  header: 'font-semibold text-red-800 dark:text-red-300',
  cause: 'font-semibold text-red-800 dark:text-red-300',
  user: 'text-slate-900 dark:text-slate-100',
  framework: 'text-slate-500 dark:text-slate-500',
  more: 'italic text-slate-500',
};

/** A Java stack trace, collapsed until asked for; exceptions and user frames stand out. */
export function StackTrace({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  const [userOnly, setUserOnly] = useState(false);
  const id = useId();
  const lines = useMemo(() => (open ? classifyTrace(text) : []), [open, text]);
  const lineCount = useMemo(() => text.replace(/\s+$/, '').split('\n').length, [text]);
  const shown = userOnly ? foldFramework(lines) : lines;
  return (
    <div className="mt-2" data-testid="stack-trace">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((o) => !o)}
          className="inline-flex items-center gap-1 rounded px-1 py-0.5 font-medium text-sky-700 hover:bg-sky-50 dark:text-sky-400 dark:hover:bg-sky-950"
          data-testid="stack-trace-toggle"
        >
          <span aria-hidden className={`inline-block transition-transform ${open ? 'rotate-90' : ''}`}>
            ▸
          </span>
          {open ? 'Hide stack trace' : `Stack trace (${lineCount} lines)`}
        </button>
        <CopyButton text={text} ariaLabel="Copy stack trace" compact />
        {open ? (
          <label className="ml-auto inline-flex cursor-pointer items-center gap-1 text-slate-600 dark:text-slate-400">
            <input
              type="checkbox"
              checked={userOnly}
              onChange={(e) => setUserOnly(e.target.checked)}
              className="accent-sky-600"
            />
            Fold Flink/JDK frames
          </label>
        ) : null}
      </div>
      {open ? (
        <pre
          id={id}
          data-testid="stack-trace-text"
          className="mt-1 max-h-[28rem] overflow-auto rounded-md border border-slate-200 bg-slate-50 p-2 font-mono text-[11px] leading-4 dark:border-slate-800 dark:bg-slate-950"
        >
          {shown.map((l, i) => (
            <div key={i} className={LINE_CLASS[l.kind]}>
              {l.text}
            </div>
          ))}
        </pre>
      ) : null}
    </div>
  );
}
