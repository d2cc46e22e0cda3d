import { useSyncExternalStore } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { isApiError } from './errors';

/** What the header shows per cluster: when we last heard from it, and since when it is silent. */
export interface ConnectionStatus {
  lastSuccessAt?: number;
  /** Set on the first outage error after a success; cleared by the next success. */
  disconnectedSince?: number;
  lastError?: string;
  /** The most recent outage that ended: first failed poll, first answer after it. */
  lastOutage?: { from: number; to: number };
}

const statuses = new Map<string, ConnectionStatus>();
const listeners = new Set<() => void>();
const EMPTY: ConnectionStatus = {};

function update(clusterId: string, next: ConnectionStatus) {
  statuses.set(clusterId, next);
  listeners.forEach((l) => l());
}

export function recordSuccess(clusterId: string, at = Date.now()) {
  const prev = statuses.get(clusterId);
  if (prev && !prev.disconnectedSince && prev.lastSuccessAt && at - prev.lastSuccessAt < 1000) return;
  const lastOutage = prev?.disconnectedSince ? { from: prev.disconnectedSince, to: at } : prev?.lastOutage;
  update(clusterId, { lastSuccessAt: at, ...(lastOutage ? { lastOutage } : {}) });
}

export function recordOutage(clusterId: string, message: string, at = Date.now()) {
  const prev = statuses.get(clusterId) ?? {};
  update(clusterId, { ...prev, disconnectedSince: prev.disconnectedSince ?? at, lastError: message });
}

export function getConnectionStatus(clusterId: string): ConnectionStatus {
  return statuses.get(clusterId) ?? EMPTY;
}

export function useConnectionStatus(clusterId: string | undefined): ConnectionStatus {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => (clusterId ? getConnectionStatus(clusterId) : EMPTY),
  );
}

/** Cluster queries have keys `[backend, clusterId, ...]`. */
function clusterOf(queryKey: readonly unknown[]): string | undefined {
  const [backend, clusterId] = queryKey;
  return (backend === 'flink' || backend === 'seatunnel') && typeof clusterId === 'string'
    ? clusterId
    : undefined;
}

/** Follows every cluster query so connection state comes from real polls, not a separate ping. */
export function trackConnections(client: QueryClient): () => void {
  return client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated') return;
    const clusterId = clusterOf(event.query.queryKey);
    if (!clusterId) return;
    if (event.action.type === 'success') recordSuccess(clusterId);
    if (event.action.type === 'error' && isApiError(event.action.error) && event.action.error.isOutage) {
      recordOutage(clusterId, event.action.error.message);
    }
  });
}
