/**
 * CopyButton: copies text and says so ("Copied" / "Copy failed") for a moment, no toast needed.
 *
 *   <CopyButton text={job.jid} />                       // "Copy"
 *   <CopyButton text={() => bigText} label="Copy all" compact />
 */
import { useEffect, useState } from 'react';
import { copyText } from './clipboard';

export interface CopyButtonProps {
  /** The text, or a function producing it on click (for big or lazily built text). */
  text: string | (() => string);
  label?: string;
  /** Smaller, for table rows and log lines. */
  compact?: boolean;
  /** Accessible name when the label alone is ambiguous, e.g. "Copy job id". */
  ariaLabel?: string;
  className?: string;
}

export function CopyButton({ text, label = 'Copy', compact, ariaLabel, className = '' }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);
  const shown = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label;
  return (
    <button
      type="button"
      aria-label={state === 'idle' ? ariaLabel : shown}
      title={ariaLabel}
      onClick={async (e) => {
        e.stopPropagation();
        const ok = await copyText(typeof text === 'function' ? text() : text);
        setState(ok ? 'copied' : 'failed');
      }}
      className={`rounded border border-slate-300 bg-white text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800 ${compact ? 'px-1 py-0 text-[11px]' : 'px-2 py-0.5 text-xs'} ${state === 'failed' ? 'text-red-700 dark:text-red-400' : ''} ${className}`}
    >
      <span aria-live="polite">{shown}</span>
    </button>
  );
}
