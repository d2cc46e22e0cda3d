import { createContext, useContext, useSyncExternalStore } from 'react';
import { useQuery } from '@tanstack/react-query';
import { flinkConfigQuery } from './flink/queries-config';
import { useClusterInfo } from './dashboard/clusters';

/** The user's choice: follow the cluster ('auto'), never poll ('off'), or a fixed period in ms. */
export type PollSetting = 'auto' | 'off' | number;
export const POLL_CHOICES: readonly PollSetting[] = ['auto', 'off', 1000, 2000, 5000, 10_000, 30_000];
const STORAGE_KEY = 'streamdash.poll-interval';
/** SeaTunnel has no refresh-interval setting; Flink's own default is 3 s. */
export const FALLBACK_INTERVAL_MS = 3000;

const listeners = new Set<() => void>();

export function readPollSetting(): PollSetting {
  const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  if (raw === 'off') return 'off';
  const n = Number(raw);
  return raw && Number.isFinite(n) && n >= 500 ? n : 'auto';
}

export function writePollSetting(setting: PollSetting) {
  localStorage.setItem(STORAGE_KEY, String(setting));
  listeners.forEach((l) => l());
}

export function usePollSetting(): PollSetting {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    readPollSetting,
    () => 'auto' as const,
  );
}

/**
 * Pure policy: how often to refetch, or false for never. Finished jobs never change, so they
 * are not polled; otherwise the user's override wins over the cluster's `refresh-interval`.
 */
export function pollInterval(opts: {
  setting: PollSetting;
  clusterRefreshMs: number | undefined;
  finished?: boolean;
  /** A lower bound for data the cluster itself refreshes slowly (metrics: 10 s by default). */
  minimumMs?: number;
}): number | false {
  if (opts.finished) return false;
  if (opts.setting === 'off') return false;
  const base = opts.setting === 'auto' ? saneRefresh(opts.clusterRefreshMs) : opts.setting;
  return Math.max(base, opts.minimumMs ?? 0);
}

/** Slowest period a timer can hold: browsers fire longer ones at once (a request storm). */
const MAX_INTERVAL_MS = 3_600_000;
const MIN_INTERVAL_MS = 1000;

/** The cluster's refresh-interval is its word, not a trusted value: 0, -1, 1e308 mean "use the default". */
function saneRefresh(ms: number | undefined): number {
  if (ms === undefined || !Number.isFinite(ms) || ms <= 0 || ms > MAX_INTERVAL_MS)
    return FALLBACK_INTERVAL_MS;
  return Math.max(ms, MIN_INTERVAL_MS);
}

/**
 * A lower bound on the poll period for every hook below it. Background work (the triage monitor
 * while the user looks at another page) polls slowly this way, so it does not add to the load that
 * the open page puts on the cluster.
 */
const PollFloorContext = createContext(0);
export const PollFloor = PollFloorContext.Provider;

/**
 * The one polling policy for every query hook. React Query already pauses interval refetches
 * while the tab is hidden (refetchIntervalInBackground is false).
 */
export function usePollInterval(
  clusterId: string,
  opts: { finished?: boolean; minimumMs?: number } = {},
): number | false {
  const setting = usePollSetting();
  const floor = useContext(PollFloorContext);
  const cluster = useClusterInfo(clusterId);
  const { data: config } = useQuery({ ...flinkConfigQuery(clusterId), enabled: cluster?.kind === 'flink' });
  return pollInterval({
    setting,
    clusterRefreshMs: config?.['refresh-interval'],
    ...opts,
    minimumMs: Math.max(opts.minimumMs ?? 0, floor),
  });
}

/** Job states after which nothing changes any more. */
export const TERMINAL_JOB_STATES = new Set([
  'FINISHED',
  'CANCELED',
  'FAILED',
  'SUSPENDED',
  'UNKNOWABLE',
  'SAVEPOINT_DONE',
]);
export function isTerminalState(state: string | undefined): boolean {
  return state !== undefined && TERMINAL_JOB_STATES.has(state.toUpperCase());
}
