/**
 * React side of persisted metric histories.
 *
 *   const history = usePersistedMetricHistory(`flink:${clusterId}:tm:${tmId}`);
 *   useRecordMetrics(history, values, query.dataUpdatedAt);      // one point per answered poll
 *   useHistoryVersion(history);                                  // re-render on new points
 *   history.get('Status.JVM.Memory.Heap.Used')                   // [{ t, v }, …]
 *
 * The history survives reloads (localStorage, last 30 minutes, a dozen histories at most) and
 * keeps recording while the page is open, whichever tab of the page is shown.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { MetricHistory } from '@/lib/metric-history';
import { DEFAULT_PERSIST, loadHistory, saveHistory, type PersistSettings } from './persisted-history';

/** One point per 10 s poll for 30 minutes, with room for faster user-chosen polling. */
const DEFAULT_CAPACITY = 360;
const SAVE_DELAY_MS = 2000;

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage blocked (privacy settings): keep the history in memory only
  }
}

/** A new history holding what was stored under `key` (within the window). */
function restoredHistory(key: string, capacity: number, settings: PersistSettings): MetricHistory {
  const h = new MetricHistory({ capacity, maxSeries: 200 });
  const store = storage();
  if (store) h.restore(loadHistory(store, key, Date.now(), settings));
  return h;
}

export function usePersistedMetricHistory(
  key: string,
  {
    capacity = DEFAULT_CAPACITY,
    settings = DEFAULT_PERSIST,
  }: { capacity?: number; settings?: PersistSettings } = {},
): MetricHistory {
  const history = useMemo(() => restoredHistory(key, capacity, settings), [key, capacity, settings]);

  useEffect(() => {
    const store = storage();
    if (!store) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      saveHistory(store, key, history, Date.now(), settings);
    };
    const unsubscribe = history.subscribe(() => {
      timer ??= setTimeout(save, SAVE_DELAY_MS);
    });
    window.addEventListener('pagehide', save);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', save);
      if (timer !== undefined) save();
    };
  }, [history, key, settings]);

  return history;
}

/** Re-renders the caller whenever the history gets a point; returns the version number. */
export function useHistoryVersion(history: MetricHistory): number {
  return useSyncExternalStore(history.subscribe, history.getVersion, history.getVersion);
}

/**
 * Adds one point per series each time a poll answers (`at` = the answer's time, e.g. React
 * Query's `dataUpdatedAt`). Unknown values (undefined) are skipped, not drawn as 0.
 */
export function useRecordMetrics(
  history: MetricHistory,
  values: Record<string, number | null | undefined> | undefined,
  at: number,
) {
  useEffect(() => {
    if (values && at > 0) history.pushMany(at, values);
  }, [history, values, at]);
}
