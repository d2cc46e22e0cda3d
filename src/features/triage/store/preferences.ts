/** Triage preferences kept in localStorage: browser notifications on/off, and the watched jobs. */
import { useSyncExternalStore } from 'react';

const NOTIFY_KEY = 'streamdash.triage.notifications';
const WATCH_KEY = 'streamdash.triage.watched';
const listeners = new Set<() => void>();

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string) {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* storage blocked: the choice lasts until the page closes */
  }
  cache.delete(key);
  listeners.forEach((l) => l());
}

const cache = new Map<string, unknown>();

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function notificationsEnabled(): boolean {
  return read(NOTIFY_KEY) === 'on';
}

export function setNotificationsEnabled(on: boolean) {
  write(NOTIFY_KEY, on ? 'on' : 'off');
}

export function useNotificationsEnabled(): boolean {
  return useSyncExternalStore(subscribe, notificationsEnabled, () => false);
}

const EMPTY: ReadonlySet<string> = new Set();

/** Watched jobs as `<clusterId>/<jobId>`. */
export function watchedJobs(): ReadonlySet<string> {
  if (!cache.has(WATCH_KEY)) {
    let set: ReadonlySet<string> = EMPTY;
    try {
      const raw = JSON.parse(read(WATCH_KEY) ?? '[]') as unknown;
      if (Array.isArray(raw)) set = new Set(raw.filter((x): x is string => typeof x === 'string'));
    } catch {
      set = EMPTY;
    }
    cache.set(WATCH_KEY, set);
  }
  return cache.get(WATCH_KEY) as ReadonlySet<string>;
}

export function toggleWatched(key: string) {
  const next = new Set(watchedJobs());
  if (!next.delete(key)) next.add(key);
  write(WATCH_KEY, JSON.stringify([...next]));
}

export function useWatchedJobs(): ReadonlySet<string> {
  return useSyncExternalStore(subscribe, watchedJobs, () => EMPTY);
}
