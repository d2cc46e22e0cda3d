import { useMemo, useRef, type Ref } from 'react';

/**
 * A plain-text editor for job configs: a textarea with line numbers, the line of a syntax error
 * marked, and `goTo` to put the cursor on a problem. Text only: nothing typed is ever rendered as
 * HTML.
 */
export function ConfigEditor({
  value,
  onChange,
  label,
  errorLine,
  textareaRef,
  testId,
  rows = 24,
}: {
  value: string;
  onChange: (v: string) => void;
  label: string;
  errorLine: number | null;
  textareaRef?: Ref<HTMLTextAreaElement>;
  testId?: string;
  rows?: number;
}) {
  const gutter = useRef<HTMLDivElement>(null);
  const lineCount = useMemo(() => value.split('\n').length, [value]);
  return (
    <div className="flex overflow-hidden rounded-md border border-slate-300 bg-white focus-within:border-sky-500 focus-within:ring-1 focus-within:ring-sky-500 dark:border-slate-700 dark:bg-slate-950">
      <div
        ref={gutter}
        aria-hidden
        className="select-none overflow-hidden border-r border-slate-200 bg-slate-50 py-2 text-right font-mono text-xs leading-5 text-slate-400 dark:border-slate-800 dark:bg-slate-900"
        style={{ minWidth: `${String(lineCount).length + 2}ch` }}
      >
        {Array.from({ length: lineCount }, (_, i) => (
          <div
            key={i}
            className={`px-2 ${errorLine === i + 1 ? 'bg-red-100 font-semibold text-red-700 dark:bg-red-950 dark:text-red-300' : ''}`}
          >
            {i + 1}
          </div>
        ))}
      </div>
      <textarea
        ref={textareaRef}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onScroll={(e) => {
          if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
        }}
        onKeyDown={(e) => {
          // Tab indents instead of leaving the editor (Esc then Tab leaves it).
          if (e.key !== 'Tab' || e.shiftKey || e.ctrlKey || e.metaKey || e.altKey) return;
          e.preventDefault();
          const t = e.currentTarget;
          const { selectionStart: s, selectionEnd: end } = t;
          const next = `${value.slice(0, s)}  ${value.slice(end)}`;
          onChange(next);
          requestAnimationFrame(() => t.setSelectionRange(s + 2, s + 2));
        }}
        aria-label={label}
        data-testid={testId}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        wrap="off"
        rows={rows}
        className="min-w-0 flex-1 resize-y bg-transparent px-3 py-2 font-mono text-xs leading-5 outline-none"
      />
    </div>
  );
}

/** Puts the cursor at `offset` and scrolls it into view. */
export function focusOffset(textarea: HTMLTextAreaElement | null, offset: number) {
  if (!textarea) return;
  textarea.focus();
  textarea.setSelectionRange(offset, offset + 1);
  const line = textarea.value.slice(0, offset).split('\n').length;
  textarea.scrollTop = Math.max(0, (line - 5) * 20);
}
