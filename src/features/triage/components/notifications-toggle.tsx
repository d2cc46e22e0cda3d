import { useState } from 'react';
import { setNotificationsEnabled, useNotificationsEnabled } from '../store/preferences';

const supported = () => typeof window !== 'undefined' && 'Notification' in window;

/**
 * Opt-in for browser notifications (new high-severity problems, state changes of watched jobs).
 * Turning it on asks the browser's permission once.
 */
export function NotificationsToggle({ compact = false }: { compact?: boolean }) {
  const enabled = useNotificationsEnabled();
  const [denied, setDenied] = useState(() => supported() && Notification.permission === 'denied');
  if (!supported()) return null;
  const on = enabled && Notification.permission === 'granted';
  const toggle = async () => {
    if (on) {
      setNotificationsEnabled(false);
      return;
    }
    const permission =
      Notification.permission === 'default'
        ? await Notification.requestPermission()
        : Notification.permission;
    setDenied(permission === 'denied');
    setNotificationsEnabled(permission === 'granted');
  };
  const title = denied
    ? 'Notifications are blocked by the browser for this site'
    : on
      ? 'Notifications on: new high-severity problems and watched jobs changing state. Click to turn off.'
      : 'Notify me of new high-severity problems and state changes of watched jobs';
  return (
    <button
      type="button"
      data-testid="notifications-toggle"
      aria-pressed={on}
      title={title}
      onClick={() => void toggle()}
      className={`inline-flex items-center rounded border px-2 py-0.5 text-xs ${
        on
          ? 'border-sky-400 bg-sky-50 text-sky-800 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-200'
          : 'border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800'
      } ${denied ? 'opacity-60' : ''}`}
    >
      <BellIcon off={!on} />
      {compact ? (
        <span className="sr-only">Notifications</span>
      ) : (
        <span className="ml-1">Notifications {on ? 'on' : 'off'}</span>
      )}
    </button>
  );
}

/** A bell, struck through when off (an SVG: emoji fonts are not everywhere). */
function BellIcon({ off }: { off: boolean }) {
  return (
    <svg
      aria-hidden
      viewBox="0 0 24 24"
      className="h-3.5 w-3.5"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      {off ? <path d="M3 3l18 18" /> : null}
    </svg>
  );
}
