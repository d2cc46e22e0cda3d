/**
 * Flink's task manager memory model (`memoryConfiguration` of `/taskmanagers/:id`) as the parts
 * of one bar, in the order of Flink's own picture:
 *
 *   | framework heap | task heap | managed | framework off-heap | task off-heap | network | metaspace | overhead |
 *   |<--- JVM heap --->|                     |<-------- JVM direct memory -------->|
 *   |<------------------------ total Flink memory ----------------------->|
 *   |<---------------------------------- total process memory --------------------------------->|
 *
 * plus, where metrics tell, how much of a part is in use (heap, managed, network, metaspace).
 */
import type { TaskManager } from '@/api/flink/schemas';

export type MemoryConfiguration = TaskManager['memoryConfiguration'];

export type MemoryPartKey =
  | 'frameworkHeap'
  | 'taskHeap'
  | 'managedMemory'
  | 'frameworkOffHeap'
  | 'taskOffHeap'
  | 'networkMemory'
  | 'jvmMetaspace'
  | 'jvmOverhead';

export interface MemoryPart {
  key: MemoryPartKey;
  label: string;
  bytes: number;
  /** Share of the total process memory, 0..1. */
  share: number;
  /** The configuration option(s) that size it. */
  option: string;
  description: string;
  /** Tailwind colour classes: the part, and its used share. */
  color: string;
  usedColor: string;
}

export interface MemorySpan {
  label: string;
  /** Index of the first and last part the span covers. */
  from: number;
  to: number;
  bytes: number;
}

export interface MemoryModel {
  parts: MemoryPart[];
  spans: MemorySpan[];
  totalProcess: number;
  totalFlink: number;
  /** Process memory minus the parts: non-zero only if Flink's numbers do not add up. */
  unaccounted: number;
}

const PARTS: Omit<MemoryPart, 'bytes' | 'share'>[] = [
  {
    key: 'frameworkHeap',
    label: 'Framework heap',
    option: 'taskmanager.memory.framework.heap.size',
    description: 'JVM heap reserved for Flink itself',
    color: 'bg-sky-200 dark:bg-sky-900',
    usedColor: 'bg-sky-500 dark:bg-sky-500',
  },
  {
    key: 'taskHeap',
    label: 'Task heap',
    option: 'taskmanager.memory.task.heap.size',
    description: 'JVM heap for operators and user code',
    color: 'bg-blue-200 dark:bg-blue-900',
    usedColor: 'bg-blue-500 dark:bg-blue-500',
  },
  {
    key: 'managedMemory',
    label: 'Managed',
    option: 'taskmanager.memory.managed.size / .fraction',
    description: 'native memory for RocksDB state, sorting, hash tables and Python',
    color: 'bg-emerald-200 dark:bg-emerald-900',
    usedColor: 'bg-emerald-500 dark:bg-emerald-500',
  },
  {
    key: 'frameworkOffHeap',
    label: 'Framework off-heap',
    option: 'taskmanager.memory.framework.off-heap.size',
    description: 'direct memory reserved for Flink itself',
    color: 'bg-violet-200 dark:bg-violet-900',
    usedColor: 'bg-violet-500 dark:bg-violet-500',
  },
  {
    key: 'taskOffHeap',
    label: 'Task off-heap',
    option: 'taskmanager.memory.task.off-heap.size',
    description: 'direct memory for operators and user code',
    color: 'bg-fuchsia-200 dark:bg-fuchsia-900',
    usedColor: 'bg-fuchsia-500 dark:bg-fuchsia-500',
  },
  {
    key: 'networkMemory',
    label: 'Network',
    option: 'taskmanager.memory.network.min / .max / .fraction',
    description: 'network buffers (memory segments) for data exchange between tasks',
    color: 'bg-amber-200 dark:bg-amber-900',
    usedColor: 'bg-amber-500 dark:bg-amber-500',
  },
  {
    key: 'jvmMetaspace',
    label: 'JVM metaspace',
    option: 'taskmanager.memory.jvm-metaspace.size',
    description: 'class metadata',
    color: 'bg-slate-300 dark:bg-slate-700',
    usedColor: 'bg-slate-500 dark:bg-slate-400',
  },
  {
    key: 'jvmOverhead',
    label: 'JVM overhead',
    option: 'taskmanager.memory.jvm-overhead.min / .max / .fraction',
    description: 'thread stacks, code cache, GC space and other native memory',
    color: 'bg-stone-300 dark:bg-stone-700',
    usedColor: 'bg-stone-500 dark:bg-stone-400',
  },
];

const nonNegative = (n: number) => (Number.isFinite(n) && n > 0 ? n : 0);

export function memoryModel(mc: MemoryConfiguration): MemoryModel {
  const sizes = PARTS.map((p) => nonNegative(mc[p.key]));
  const sum = sizes.reduce((a, b) => a + b, 0);
  const totalProcess = Math.max(nonNegative(mc.totalProcessMemory), sum);
  const parts = PARTS.map((p, i) => {
    const bytes = sizes[i] as number;
    return { ...p, bytes, share: totalProcess > 0 ? bytes / totalProcess : 0 };
  });
  const total = (from: number, to: number) => sizes.slice(from, to + 1).reduce((a, b) => a + b, 0);
  return {
    parts,
    spans: [
      { label: 'JVM heap', from: 0, to: 1, bytes: total(0, 1) },
      { label: 'JVM direct', from: 3, to: 5, bytes: total(3, 5) },
      { label: 'Total Flink memory', from: 0, to: 5, bytes: nonNegative(mc.totalFlinkMemory) || total(0, 5) },
      { label: 'Total process memory', from: 0, to: 7, bytes: totalProcess },
    ],
    totalProcess,
    totalFlink: nonNegative(mc.totalFlinkMemory) || total(0, 5),
    unaccounted: Math.max(0, nonNegative(mc.totalProcessMemory) - sum),
  };
}

export interface MemoryUsage {
  /** Used bytes of the whole JVM heap (framework + task heap share it). */
  heapUsed?: number | undefined;
  managedUsed?: number | undefined;
  networkUsed?: number | undefined;
  metaspaceUsed?: number | undefined;
}

export interface UsedShares {
  /** Used share of the JVM heap: one pool shared by framework and task heap. */
  heap?: number | undefined;
  managedMemory?: number | undefined;
  networkMemory?: number | undefined;
  jvmMetaspace?: number | undefined;
}

/** Used share (0..1) of the parts where a metric tells; undefined where none does. */
export function usedShares(model: MemoryModel, usage: MemoryUsage): UsedShares {
  const bytes = (k: MemoryPartKey) => model.parts.find((p) => p.key === k)?.bytes ?? 0;
  const ratio = (used: number | undefined, size: number) =>
    used === undefined || !Number.isFinite(used) || size <= 0
      ? undefined
      : Math.min(1, Math.max(0, used / size));
  return {
    heap: ratio(usage.heapUsed, bytes('frameworkHeap') + bytes('taskHeap')),
    managedMemory: ratio(usage.managedUsed, bytes('managedMemory')),
    networkMemory: ratio(usage.networkUsed, bytes('networkMemory')),
    jvmMetaspace: ratio(usage.metaspaceUsed, bytes('jvmMetaspace')),
  };
}
