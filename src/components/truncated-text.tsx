/**
 * The one truncation rule: text cut with an ellipsis can always be read in full.
 *
 * - hover: the native `title` holds the whole text;
 * - focus: when the text is cut, the nearest focusable element (a link or button around it, or the
 *   text itself, made focusable only while cut) shows the whole text in a tooltip, and the whole text
 *   stays in the DOM, so a screen reader reads it all;
 * - `keepEnd`: cut in the middle and keep the last characters, for names that differ only at the
 *   end (log files `…-taskmanager-1.log` / `.out`, ids).
 *
 * Where a cut name links somewhere, the page it links to shows it in full (a heading that wraps).
 */
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';

/** Splits `text` so its last `keepEnd` characters stay visible; the head is what may be cut. */
export function splitKeepingEnd(text: string, keepEnd: number): [head: string, tail: string] {
  if (keepEnd <= 0 || text.length <= keepEnd + 1) return [text, ''];
  return [text.slice(0, -keepEnd), text.slice(-keepEnd)];
}

const FOCUSABLE = 'a[href],button,[tabindex],input,select,textarea,summary';

export function isCut(el: HTMLElement): boolean {
  return el.scrollWidth > el.clientWidth + 0.5;
}

export function TruncatedText({
  text,
  keepEnd = 0,
  title = text,
  className = '',
  testId,
}: {
  text: string;
  /** Hover text when more than the text helps (e.g. the operators of a vertex); must contain it. */
  title?: string;
  /** Characters kept at the end when the text is cut (middle truncation). */
  keepEnd?: number;
  className?: string;
  testId?: string;
}) {
  const ref = useRef<HTMLSpanElement>(null);
  const headRef = useRef<HTMLSpanElement>(null);
  const [cut, setCut] = useState(false);
  const [hasFocusableAncestor, setHasFocusableAncestor] = useState(false);
  const [tip, setTip] = useState<DOMRect | null>(null);
  const [head, tail] = splitKeepingEnd(text, keepEnd);

  // Is the text cut right now? Re-measured whenever its box changes size.
  useEffect(() => {
    const el = ref.current;
    const measured = tail ? headRef.current : el;
    if (!el || !measured) return;
    setHasFocusableAncestor(el.parentElement?.closest(FOCUSABLE) != null);
    const measure = () => setCut(isCut(measured));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [text, tail]);

  // Focus on the element that owns the text (a link around it, or itself) shows the whole text.
  useEffect(() => {
    const el = ref.current;
    if (!el || !cut) return;
    const owner = el.parentElement?.closest<HTMLElement>(FOCUSABLE) ?? el;
    const show = () => setTip(owner.getBoundingClientRect());
    const hide = () => setTip(null);
    owner.addEventListener('focus', show);
    owner.addEventListener('blur', hide);
    if (document.activeElement === owner) show();
    return () => {
      owner.removeEventListener('focus', show);
      owner.removeEventListener('blur', hide);
      setTip(null);
    };
  }, [cut]);

  const focusable = cut && !hasFocusableAncestor;
  return (
    <>
      <span
        ref={ref}
        title={title}
        data-testid={testId}
        data-cut={cut || undefined}
        tabIndex={focusable ? 0 : undefined}
        className={`${tail ? 'flex' : 'block truncate'} min-w-0 ${focusable ? 'rounded outline-sky-500 focus-visible:outline-2' : ''} ${className}`}
      >
        {tail ? (
          <>
            {/* Two visible halves, one name: assistive tech and text search read the whole text once
                (a flex container's items would be read as two words). */}
            <span className="sr-only">{text}</span>
            <span ref={headRef} aria-hidden className="min-w-0 truncate">
              {head}
            </span>
            <span aria-hidden className="shrink-0 whitespace-pre">
              {tail}
            </span>
          </>
        ) : (
          text
        )}
      </span>
      {tip
        ? createPortal(
            <span
              role="tooltip"
              data-testid="truncated-text-tooltip"
              style={{
                left: tip.left,
                top: tip.bottom + 4,
                maxWidth: `min(36rem, calc(100vw - ${tip.left + 8}px))`,
              }}
              className="pointer-events-none fixed z-50 rounded bg-slate-900 px-2 py-1 text-xs break-words text-white shadow-lg dark:bg-slate-100 dark:text-slate-900"
            >
              {text}
            </span>,
            document.body,
          )
        : null}
    </>
  );
}
