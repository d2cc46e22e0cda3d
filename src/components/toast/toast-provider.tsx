/**
 * ToastProvider: mount once around the app; pages call `useToast().show({...})`.
 * Toasts stack bottom-right, are announced to screen readers (errors as alerts), pause while
 * hovered, and may carry a link and a copy button. Pass `navigate` so links stay in the SPA:
 *
 *   <ToastProvider navigate={useNavigate()}>…</ToastProvider>
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { CopyButton } from './copy-button';
import { ToastContext, type Toast, type ToastApi, type ToastTone } from './toast-context';

const MAX_TOASTS = 5;
const DEFAULT_MS = 5000;

const TONE: Record<ToastTone, string> = {
  info: 'border-slate-200 dark:border-slate-700',
  success: 'border-emerald-300 dark:border-emerald-800',
  warning: 'border-amber-300 dark:border-amber-800',
  error: 'border-red-300 dark:border-red-800',
};
const BAR: Record<ToastTone, string> = {
  info: 'bg-sky-500',
  success: 'bg-emerald-500',
  warning: 'bg-amber-500',
  error: 'bg-red-600',
};

export function ToastProvider({
  children,
  navigate,
}: {
  children: ReactNode;
  navigate?: (href: string) => void;
}) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const counter = useRef(0);

  const dismiss = useCallback((id: string) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const show = useCallback((input: Omit<Toast, 'id'>) => {
    const id = `toast-${++counter.current}`;
    setToasts((list) => [...list, { ...input, id }].slice(-MAX_TOASTS));
    return id;
  }, []);
  const api: ToastApi = useMemo(() => ({ show, dismiss }), [show, dismiss]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <section
        aria-label="Notifications"
        className="pointer-events-none fixed bottom-4 right-4 z-50 flex w-96 max-w-[calc(100vw-2rem)] flex-col gap-2"
      >
        {toasts.map((t) => (
          <ToastItem key={t.id} toast={t} onDismiss={dismiss} navigate={navigate} />
        ))}
      </section>
    </ToastContext.Provider>
  );
}

function ToastItem({
  toast,
  onDismiss,
  navigate,
}: {
  toast: Toast;
  onDismiss: (id: string) => void;
  navigate: ((href: string) => void) | undefined;
}) {
  const { id } = toast;
  const onClose = useCallback(() => onDismiss(id), [onDismiss, id]);
  const tone = toast.tone ?? 'info';
  const duration = toast.durationMs === undefined ? (tone === 'error' ? null : DEFAULT_MS) : toast.durationMs;
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (duration === null || paused) return;
    const timer = setTimeout(onClose, duration);
    return () => clearTimeout(timer);
  }, [duration, paused, onClose]);

  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid="toast"
      data-tone={tone}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
      className={`pointer-events-auto relative flex gap-2 overflow-hidden rounded-lg border bg-white p-3 pl-4 text-sm text-slate-900 shadow-lg dark:bg-slate-900 dark:text-slate-100 ${TONE[tone]}`}
    >
      <span aria-hidden className={`absolute inset-y-0 left-0 w-1 ${BAR[tone]}`} />
      <div className="min-w-0 flex-1">
        {toast.title ? <div className="font-semibold">{toast.title}</div> : null}
        <div className="break-words">{toast.message}</div>
        {toast.link || toast.copyText !== undefined ? (
          <div className="mt-2 flex items-center gap-2">
            {toast.link ? (
              <a
                href={toast.link.href}
                className="text-xs font-medium text-sky-700 hover:underline dark:text-sky-400"
                onClick={(e) => {
                  if (!navigate || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                  e.preventDefault();
                  navigate(toast.link?.href ?? '/');
                  onClose();
                }}
              >
                {toast.link.label}
              </a>
            ) : null}
            {toast.copyText !== undefined ? <CopyButton text={toast.copyText} compact /> : null}
          </div>
        ) : null}
      </div>
      <button
        type="button"
        aria-label="Dismiss notification"
        onClick={onClose}
        className="self-start rounded px-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900 dark:hover:bg-slate-800 dark:hover:text-white"
      >
        ×
      </button>
    </div>
  );
}
