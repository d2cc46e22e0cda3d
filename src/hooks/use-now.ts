import { useCallback, useSyncExternalStore } from 'react';

/*
 * One clock for every "5 s ago" label and running duration on the page. A single 1 s interval is
 * shared by all of them, so every label keeps counting while the data behind it stands still (a
 * stale mark used to show its age at render time and then freeze) and labels on one page agree.
 * Like polling, it stops while the tab is hidden and catches up as soon as the tab shows again.
 */

const TICK_MS = 1000;

const listeners = new Set<() => void>();
/** The time each period's subscribers see; it moves on once that period has passed. */
const seen = new Map<number, number>();
let latest = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function advance(now: number, all: boolean) {
  latest = now;
  for (const [period, at] of seen) {
    // Half a tick of slack: intervals fire a little late or early on a busy machine.
    if (all || now - at >= period - TICK_MS / 2) seen.set(period, now);
  }
  listeners.forEach((l) => l());
}

const hidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';

function run() {
  if (timer === undefined && !hidden()) {
    timer = setInterval(() => advance(Date.now(), false), TICK_MS);
    advance(Date.now(), true);
  }
}

function pause() {
  clearInterval(timer);
  timer = undefined;
}

function onVisibility() {
  if (hidden()) pause();
  else run();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    document.addEventListener('visibilitychange', onVisibility);
    run();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      document.removeEventListener('visibilitychange', onVisibility);
      pause();
    }
  };
}

function read(period: number): number {
  // Nobody is subscribed yet (first render): start from the real time, not from when the clock
  // last ran. Only a change of a second or more counts, so two reads in one render agree.
  if (timer === undefined && Math.abs(Date.now() - latest) >= TICK_MS) latest = Date.now();
  const at = seen.get(period);
  if (at === undefined || (timer === undefined && at !== latest)) {
    seen.set(period, latest);
    return latest;
  }
  return at;
}

/**
 * The current time for "5 s ago" labels and running durations, from the shared clock. The value
 * changes every `periodMs` (rounded to whole seconds), so a coarse label re-renders less often.
 */
export function useNow(periodMs = TICK_MS): number {
  const period = Math.max(TICK_MS, Math.round(periodMs / TICK_MS) * TICK_MS);
  const getSnapshot = useCallback(() => read(period), [period]);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
