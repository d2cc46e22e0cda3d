/** Toast types and the hook; the provider (toast-provider.tsx) renders them. */
import { createContext, useContext } from 'react';

export type ToastTone = 'info' | 'success' | 'warning' | 'error';

export interface ToastInput {
  /** Plain text (server messages are fine: shown as text, never as HTML). */
  message: string;
  title?: string;
  tone?: ToastTone;
  /** e.g. { label: 'Open job', href: '/clusters/prod/jobs/abc' } */
  link?: { label: string; href: string };
  /** Adds a Copy button, e.g. for a savepoint path or a request id. */
  copyText?: string;
  /** Auto-close delay; null keeps it until closed. Default 5 s, errors stay until closed. */
  durationMs?: number | null;
}

export interface Toast extends ToastInput {
  id: string;
}

export interface ToastApi {
  show: (toast: ToastInput) => string;
  dismiss: (id: string) => void;
}

export const ToastContext = createContext<ToastApi | null>(null);

/** `const toast = useToast(); toast.show({ tone: 'success', message: 'Savepoint triggered' })` */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast() needs a <ToastProvider> above it (the app shell mounts one).');
  return api;
}
