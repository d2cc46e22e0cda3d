import { useSyncExternalStore } from 'react';
import type { TimeZoneChoice } from '@/lib/format';

/** User preferences kept in localStorage, shared by every page. */
export type ThemeChoice = 'system' | 'light' | 'dark';

interface Preferences {
  theme: ThemeChoice;
  timeZone: TimeZoneChoice;
}

const KEY = 'streamdash.preferences';
const DEFAULTS: Preferences = { theme: 'system', timeZone: 'local' };
const listeners = new Set<() => void>();
let cached: Preferences | undefined;

function read(): Preferences {
  if (cached) return cached;
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Preferences>;
    cached = {
      theme: raw.theme === 'light' || raw.theme === 'dark' ? raw.theme : 'system',
      timeZone: raw.timeZone === 'UTC' ? 'UTC' : 'local',
    };
  } catch {
    cached = DEFAULTS;
  }
  return cached;
}

export function setPreference<K extends keyof Preferences>(key: K, value: Preferences[K]) {
  cached = { ...read(), [key]: value };
  localStorage.setItem(KEY, JSON.stringify(cached));
  listeners.forEach((l) => l());
}

export function usePreferences(): Preferences {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    read,
    () => DEFAULTS,
  );
}

export function useTimeZone(): TimeZoneChoice {
  return usePreferences().timeZone;
}
