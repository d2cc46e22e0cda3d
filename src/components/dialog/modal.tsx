/**
 * Modal: an accessible modal on the native <dialog> (top layer, inert background, focus kept
 * inside). Escape and a click on the backdrop close it unless `dismissible` is false (e.g. while
 * a request runs); the second click of a double-click does not (see onClick). Content is mounted
 * only while open, so forms start fresh every time.
 *
 *   <Modal open={open} onClose={() => setOpen(false)} title="Trigger savepoint"
 *     footer={<button onClick={save}>Trigger</button>}>…</Modal>
 *
 * Put `data-autofocus` on the element that should get focus first (default: the first control).
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface ModalProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  size?: 'sm' | 'md' | 'lg' | 'xl';
  dismissible?: boolean;
  testId?: string;
}

const WIDTH = { sm: 'max-w-sm', md: 'max-w-lg', lg: 'max-w-2xl', xl: 'max-w-5xl' } as const;

export function Modal({
  open,
  onClose,
  title,
  children,
  footer,
  size = 'md',
  dismissible = true,
  testId,
}: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // jsdom (tests) has no showModal: fall back to a plain open dialog there.
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
    }
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      else dialog.removeAttribute('open');
      if (previous?.isConnected) previous.focus();
    };
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        if (dismissible) onClose();
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        if (dismissible) onClose();
      }}
      onClick={(e) => {
        // A click on the backdrop closes, but not the second click of the double-click that
        // opened the dialog: it lands on the backdrop that the first click just put there.
        if (e.target === e.currentTarget && dismissible && e.detail < 2) onClose();
      }}
      className={`m-auto max-h-[calc(100%-2rem)] w-[calc(100%-2rem)] ${WIDTH[size]} overflow-hidden rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100`}
    >
      {open ? (
        <div className="flex max-h-[calc(100vh-2rem)] flex-col">
          <div className="flex items-start gap-3 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
            <h2 id={titleId} className="min-w-0 flex-1 break-words text-base font-semibold">
              {title}
            </h2>
            {dismissible ? (
              <button
                type="button"
                aria-label="Close"
                onClick={onClose}
                className="rounded px-1.5 text-lg leading-none text-slate-500 hover:bg-slate-100 hover:text-slate-900 dark:hover:bg-slate-800 dark:hover:text-white"
              >
                ×
              </button>
            ) : null}
          </div>
          <div className="min-h-0 flex-1 overflow-auto px-4 py-3 text-sm">{children}</div>
          {footer ? (
            <div className="flex flex-wrap justify-end gap-2 border-t border-slate-200 bg-slate-50 px-4 py-3 dark:border-slate-800 dark:bg-slate-900/60">
              {footer}
            </div>
          ) : null}
        </div>
      ) : null}
    </dialog>
  );
}
