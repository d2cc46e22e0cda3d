/**
 * The task manager metrics charted over time (`/taskmanagers/:id/metrics?get=…`): JVM memory
 * pools, network buffers, managed memory, CPU, threads and garbage collection.
 */
import type { HistorySeries } from '@/components/metric-history';
import type { ValueFormat } from '@/lib/value-format';

const JVM = 'Status.JVM.Memory';
const GC = 'Status.JVM.GarbageCollector';

export const M = {
  heapUsed: `${JVM}.Heap.Used`,
  heapCommitted: `${JVM}.Heap.Committed`,
  heapMax: `${JVM}.Heap.Max`,
  nonHeapUsed: `${JVM}.NonHeap.Used`,
  nonHeapCommitted: `${JVM}.NonHeap.Committed`,
  metaspaceUsed: `${JVM}.Metaspace.Used`,
  directUsed: `${JVM}.Direct.MemoryUsed`,
  directCapacity: `${JVM}.Direct.TotalCapacity`,
  mappedUsed: `${JVM}.Mapped.MemoryUsed`,
  segmentsUsed: 'Status.Shuffle.Netty.UsedMemorySegments',
  segmentsAvailable: 'Status.Shuffle.Netty.AvailableMemorySegments',
  segmentsTotal: 'Status.Shuffle.Netty.TotalMemorySegments',
  managedUsed: 'Status.Flink.Memory.Managed.Used',
  managedTotal: 'Status.Flink.Memory.Managed.Total',
  cpuLoad: 'Status.JVM.CPU.Load',
  threads: 'Status.JVM.Threads.Count',
} as const;

/** Collector names from the task manager details; "All" is the sum, charted only if it is alone. */
export function collectors(names: readonly string[] | undefined): string[] {
  const named = (names ?? []).filter((n) => n !== 'All');
  if (named.length) return named;
  return names?.length ? [...names] : ['G1_Young_Generation', 'G1_Old_Generation'];
}

export const gcCount = (collector: string) => `${GC}.${collector}.Count`;
export const gcTime = (collector: string) => `${GC}.${collector}.Time`;

/** Every metric the overview polls, in a stable order. */
export function polledMetrics(gcNames: readonly string[]): string[] {
  return [...Object.values(M), ...gcNames.flatMap((n) => [gcCount(n), gcTime(n)])];
}

export interface ChartSpec {
  id: string;
  title: string;
  format: ValueFormat;
  series: HistorySeries[];
  kind?: 'line' | 'area';
  yDomain?: [number | 'auto', number | 'auto'];
}

const pretty = (collector: string) => collector.replace(/_/g, ' ');

export function chartSpecs(gcNames: readonly string[]): ChartSpec[] {
  return [
    {
      id: 'heap',
      title: 'JVM heap',
      format: 'bytes',
      series: [
        { key: M.heapUsed, label: 'Used' },
        { key: M.heapCommitted, label: 'Committed' },
        { key: M.heapMax, label: 'Max' },
      ],
    },
    {
      id: 'nonheap',
      title: 'JVM non-heap and metaspace',
      format: 'bytes',
      series: [
        { key: M.nonHeapUsed, label: 'Non-heap used' },
        { key: M.nonHeapCommitted, label: 'Non-heap committed' },
        { key: M.metaspaceUsed, label: 'Metaspace used' },
      ],
    },
    {
      id: 'direct',
      title: 'Direct and mapped buffers',
      format: 'bytes',
      series: [
        { key: M.directUsed, label: 'Direct used' },
        { key: M.directCapacity, label: 'Direct capacity' },
        { key: M.mappedUsed, label: 'Mapped used' },
      ],
    },
    {
      id: 'network',
      title: 'Network memory segments',
      format: 'count',
      series: [
        { key: M.segmentsUsed, label: 'Used' },
        { key: M.segmentsTotal, label: 'Total' },
      ],
    },
    {
      id: 'managed',
      title: 'Managed memory',
      format: 'bytes',
      series: [
        { key: M.managedUsed, label: 'Used' },
        { key: M.managedTotal, label: 'Total' },
      ],
    },
    {
      id: 'cpu',
      title: 'JVM CPU load',
      format: 'percent',
      yDomain: [0, 'auto'],
      series: [{ key: M.cpuLoad, label: 'CPU load' }],
    },
    {
      id: 'gc-count',
      title: 'GC collections per minute',
      format: 'count',
      series: gcNames.map((n) => ({ key: gcCount(n), label: pretty(n), rate: { scale: 60 } })),
    },
    {
      id: 'gc-time',
      title: 'Time spent in GC',
      format: 'percent',
      yDomain: [0, 'auto'],
      // Cumulative milliseconds → ms per second → share of wall time.
      series: gcNames.map((n) => ({ key: gcTime(n), label: pretty(n), rate: { scale: 1 / 1000 } })),
    },
    {
      id: 'threads',
      title: 'JVM threads',
      format: 'count',
      series: [{ key: M.threads, label: 'Threads' }],
    },
  ];
}
