import { useEffect, useState } from 'react';
import { copyText } from './utils/copy-text';

/** A small copy button that says "Copied" for a moment (or "Copy failed"). */
export function CopyButton({ text, label, children }: { text: string; label: string; children?: string }) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (status === 'idle') return;
    const id = setTimeout(() => setStatus('idle'), 1500);
    return () => clearTimeout(id);
  }, [status]);
  const shown = status === 'copied' ? 'Copied' : status === 'failed' ? 'Copy failed' : children;
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={(e) => {
        e.stopPropagation();
        void copyText(text).then((ok) => setStatus(ok ? 'copied' : 'failed'));
      }}
      className={`inline-flex items-center gap-1 rounded px-1 py-0.5 text-xs text-slate-500 hover:bg-slate-200 hover:text-slate-900 dark:hover:bg-slate-800 dark:hover:text-slate-100 ${status === 'copied' ? 'text-emerald-700 dark:text-emerald-400' : ''}`}
    >
      <svg aria-hidden viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="1.5">
        {status === 'copied' ? (
          <path d="M3 8.5l3 3 7-7" />
        ) : (
          <>
            <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
            <path d="M10.5 5.5V3.5A1.5 1.5 0 009 2H3.5A1.5 1.5 0 002 3.5V9a1.5 1.5 0 001.5 1.5h2" />
          </>
        )}
      </svg>
      {shown ? <span role="status">{shown}</span> : null}
    </button>
  );
}
