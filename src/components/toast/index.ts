/** Toasts (`ToastProvider`, `useToast`), `CopyButton` and `copyText`. */
export { ToastProvider } from './toast-provider';
export { useToast, type ToastApi, type ToastInput, type ToastTone } from './toast-context';
export { CopyButton, type CopyButtonProps } from './copy-button';
export { copyText } from './clipboard';
