import type { SystemMonitoring } from '@/api/seatunnel/schemas';
import { parseMillis, parsePercent, parsePlainNumber, parseSize } from './format';

/*
 * One member of /system-monitoring-information, read into numbers. The engine sends Hazelcast's
 * health text ("23.5G", "8.41%", "349ms"); every value also stays available as sent.
 */

export type MonitoringRecord = SystemMonitoring[number];

export interface QueueSize {
  name: string;
  size: number | null;
}

export interface NodeHealth {
  /** host:port, or "member N" when the engine does not say. */
  key: string;
  host: string | null;
  port: string | null;
  isMaster: boolean | null;
  processors: number | null;
  physicalTotal: number | null;
  physicalFree: number | null;
  swapTotal: number | null;
  swapFree: number | null;
  heapUsed: number | null;
  heapFree: number | null;
  heapTotal: number | null;
  heapMax: number | null;
  heapUsedOfMax: number | null;
  heapUsedOfTotal: number | null;
  minorGcCount: number | null;
  minorGcMs: number | null;
  majorGcCount: number | null;
  majorGcMs: number | null;
  loadProcess: number | null;
  loadSystem: number | null;
  loadAverage: number | null;
  threads: number | null;
  peakThreads: number | null;
  /** executor.q.*.size and event.q.size, in the engine's order. */
  queues: QueueSize[];
  connectionsActive: number | null;
  connections: number | null;
  clientConnections: number | null;
  clientEndpoints: number | null;
  operationsRunning: number | null;
  operationsCompleted: number | null;
  pendingInvocations: number | null;
  clusterTimeDiffMs: number | null;
  raw: [string, string][];
}

const num = (r: MonitoringRecord, k: string) => parsePlainNumber(r[k]);

export function toNodeHealth(r: MonitoringRecord, index: number): NodeHealth {
  const host = r.host ?? null;
  const port = r.port ?? null;
  const heapUsed = parseSize(r['heap.memory.used']);
  const heapMax = parseSize(r['heap.memory.max']);
  const heapTotal = parseSize(r['heap.memory.total']);
  const queues: QueueSize[] = Object.keys(r)
    .filter((k) => /^(executor\.q\..+|event\.q)\.size$/.test(k))
    .map((k) => ({ name: k.replace(/^executor\.q\./, '').replace(/\.size$/, ''), size: num(r, k) }));
  return {
    key: host !== null ? `${host}:${port ?? '?'}` : `member ${index + 1}`,
    host,
    port,
    isMaster: r.isMaster === undefined ? null : r.isMaster === 'true',
    processors: num(r, 'processors'),
    physicalTotal: parseSize(r['physical.memory.total']),
    physicalFree: parseSize(r['physical.memory.free']),
    swapTotal: parseSize(r['swap.space.total']),
    swapFree: parseSize(r['swap.space.free']),
    heapUsed,
    heapFree: parseSize(r['heap.memory.free']),
    heapTotal,
    heapMax,
    heapUsedOfMax:
      parsePercent(r['heap.memory.used/max']) ?? (heapUsed !== null && heapMax ? heapUsed / heapMax : null),
    heapUsedOfTotal:
      parsePercent(r['heap.memory.used/total']) ??
      (heapUsed !== null && heapTotal ? heapUsed / heapTotal : null),
    minorGcCount: num(r, 'minor.gc.count'),
    minorGcMs: parseMillis(r['minor.gc.time']),
    majorGcCount: num(r, 'major.gc.count'),
    majorGcMs: parseMillis(r['major.gc.time']),
    loadProcess: parsePercent(r['load.process']),
    loadSystem: parsePercent(r['load.system']),
    loadAverage: num(r, 'load.systemAverage'),
    threads: num(r, 'thread.count'),
    peakThreads: num(r, 'thread.peakCount'),
    queues,
    connectionsActive: num(r, 'connection.active.count'),
    connections: num(r, 'connection.count'),
    clientConnections: num(r, 'client.connection.count'),
    clientEndpoints: num(r, 'clientEndpoint.count'),
    operationsRunning: num(r, 'operations.running.count'),
    operationsCompleted: num(r, 'operations.completed.count'),
    pendingInvocations: num(r, 'operations.pending.invocations.count'),
    clusterTimeDiffMs: num(r, 'cluster.timeDiff'),
    raw: Object.entries(r),
  };
}

/** Sum of every queue, for a single "queued" figure and its chart. */
export function totalQueued(node: NodeHealth): number | null {
  const known = node.queues.filter((q) => q.size !== null);
  return known.length ? known.reduce((s, q) => s + (q.size ?? 0), 0) : null;
}

/** Values to chart for one poll, keyed `<node>/<metric>`. */
export function nodeSamples(nodes: readonly NodeHealth[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const n of nodes) {
    out[`${n.key}/heapUsed`] = n.heapUsed;
    out[`${n.key}/heapMax`] = n.heapMax;
    out[`${n.key}/heapTotal`] = n.heapTotal;
    out[`${n.key}/loadProcess`] = n.loadProcess;
    out[`${n.key}/loadSystem`] = n.loadSystem;
    out[`${n.key}/loadAverage`] = n.loadAverage;
    out[`${n.key}/threads`] = n.threads;
    out[`${n.key}/queued`] = totalQueued(n);
    out[`${n.key}/minorGcMs`] = n.minorGcMs;
    out[`${n.key}/majorGcMs`] = n.majorGcMs;
    out[`${n.key}/minorGcCount`] = n.minorGcCount;
    out[`${n.key}/majorGcCount`] = n.majorGcCount;
    out[`${n.key}/connections`] = n.connectionsActive;
  }
  return out;
}
