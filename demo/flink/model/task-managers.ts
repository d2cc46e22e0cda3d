// Task managers of the demo cluster: identity, memory layout (Flink's defaults for a 1728m
// process) and JVM metrics that move every second (heap saw-tooth, GC counters growing).
import { javaDouble, javaLong } from '../util/java-format.ts';
import { Rng, hashString, noise } from '../util/rng.ts';

export interface SimTaskManager {
  index: number;
  id: string;
  host: string;
  dataPort: number;
  rpcPort: number;
  slots: number;
  registeredAt: number;
  cpuCores: number;
}

const MB = 1024 * 1024;

export const TM_MEMORY = {
  frameworkHeap: 134217728,
  taskHeap: 402653174,
  frameworkOffHeap: 134217728,
  taskOffHeap: 0,
  networkMemory: 134217730,
  managedMemory: 536870920,
  jvmMetaspace: 268435456,
  jvmOverhead: 201326592,
  totalFlinkMemory: 1342177280,
  totalProcessMemory: 1811939328,
} as const;

const HEAP_MAX = 536870912;
const SEGMENT = 32768;
const SEGMENTS_TOTAL = Math.floor(TM_MEMORY.networkMemory / SEGMENT);

export function createTaskManagers(
  seed: number,
  count: number,
  slots: number,
  clusterStart: number,
): SimTaskManager[] {
  const rng = new Rng(hashString(`${seed}:taskmanagers`));
  const tms: SimTaskManager[] = [];
  for (let i = 0; i < count; i++) {
    const host = count <= 200 ? `172.19.0.${5 + i}` : `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    const rpcPort = rng.int(33000, 46000);
    tms.push({
      index: i,
      id: `${host}:${rpcPort}-${rng.hex(6)}`,
      host,
      dataPort: rng.int(33000, 46000),
      rpcPort,
      slots,
      registeredAt: clusterStart - 3 * 3600_000 + 9000 + i * 350,
      cpuCores: 8,
    });
  }
  return tms;
}

export function tmPath(tm: SimTaskManager): string {
  return `pekko.tcp://flink@${tm.host}:${tm.rpcPort}/user/rpc/taskmanager_0`;
}

/** Per-slot resource profile, in MB as ResourceProfileInfo reports it. */
export function slotResource(slots: number) {
  return {
    cpuCores: 1.0,
    taskHeapMemory: Math.floor(TM_MEMORY.taskHeap / MB / slots),
    taskOffHeapMemory: 0,
    managedMemory: Math.floor(TM_MEMORY.managedMemory / MB / slots),
    networkMemory: Math.floor(TM_MEMORY.networkMemory / MB / slots),
    extendedResources: {},
  };
}

export function resourceOf(slots: number, count: number) {
  const one = slotResource(slots);
  return {
    cpuCores: one.cpuCores * count,
    taskHeapMemory: one.taskHeapMemory * count,
    taskOffHeapMemory: 0,
    managedMemory: one.managedMemory * count,
    networkMemory: one.networkMemory * count,
    extendedResources: {},
  };
}

/** Load a TM carries: slots in use and whether it hosts back-pressured tasks. */
export interface TmLoad {
  usedSlots: number;
  backPressured: boolean;
}

export interface JvmSample {
  heapUsed: number;
  heapCommitted: number;
  heapMax: number;
  nonHeapUsed: number;
  nonHeapCommitted: number;
  nonHeapMax: number;
  metaspaceUsed: number;
  directCount: number;
  directUsed: number;
  directMax: number;
  youngCount: number;
  youngTime: number;
  oldCount: number;
  oldTime: number;
  cpuLoad: number;
  threads: number;
  segmentsUsed: number;
}

/** JVM state of a process at `now`; `key` separates processes, `load` scales usage. */
export function jvmSample(
  seed: number,
  key: string,
  startedAt: number,
  now: number,
  load: TmLoad,
): JvmSample {
  const up = Math.max(0, (now - startedAt) / 1000);
  const s = Math.floor(now / 1000);
  const period = 23 + (hashString(key) % 17);
  const saw = (up % period) / period;
  const heapUsed = Math.round(
    HEAP_MAX * (0.12 + 0.08 * load.usedSlots) * (0.55 + 0.45 * saw) + 4 * MB * noise(seed, key, s, 'h'),
  );
  const young = Math.floor(up / period) + 3;
  const old = Math.floor(up / 5400);
  const segmentsUsed = Math.min(
    SEGMENTS_TOTAL,
    Math.round(
      SEGMENTS_TOTAL * (load.backPressured ? 0.62 : 0.08 * load.usedSlots) + 20 * noise(seed, key, s, 'seg'),
    ),
  );
  return {
    heapUsed: Math.min(HEAP_MAX - MB, heapUsed),
    heapCommitted: HEAP_MAX,
    heapMax: HEAP_MAX,
    nonHeapUsed: Math.round(96 * MB + 6 * MB * noise(seed, key, 'nh')),
    nonHeapCommitted: 108 * MB,
    nonHeapMax: 780140544,
    metaspaceUsed: Math.round(71 * MB + 4 * MB * noise(seed, key, 'ms')),
    directCount: 36 + load.usedSlots * 4,
    directUsed: TM_MEMORY.networkMemory + 1056 * 1024 + load.usedSlots * 65536,
    directMax: TM_MEMORY.networkMemory + 1056 * 1024 + load.usedSlots * 65536,
    youngCount: young,
    youngTime: young * 11 + Math.floor(noise(seed, key, 'yt') * 40),
    oldCount: old,
    oldTime: old * 180,
    cpuLoad: Math.min(1, 0.02 + 0.09 * load.usedSlots + 0.04 * noise(seed, key, s, 'cpu')),
    threads: 58 + load.usedSlots * 9,
    segmentsUsed,
  };
}

/** The structured `metrics` object of /taskmanagers/:id. */
export function tmDetailMetrics(j: JvmSample) {
  const free = SEGMENTS_TOTAL - j.segmentsUsed;
  return {
    heapUsed: j.heapUsed,
    heapCommitted: j.heapCommitted,
    heapMax: j.heapMax,
    nonHeapUsed: j.nonHeapUsed,
    nonHeapCommitted: j.nonHeapCommitted,
    nonHeapMax: j.nonHeapMax,
    directCount: j.directCount,
    directUsed: j.directUsed,
    directMax: j.directMax,
    mappedCount: 0,
    mappedUsed: 0,
    mappedMax: 0,
    nettyShuffleMemorySegmentsAvailable: free,
    nettyShuffleMemorySegmentsUsed: j.segmentsUsed,
    nettyShuffleMemorySegmentsTotal: SEGMENTS_TOTAL,
    nettyShuffleMemoryAvailable: free * SEGMENT,
    nettyShuffleMemoryUsed: j.segmentsUsed * SEGMENT,
    nettyShuffleMemoryTotal: SEGMENTS_TOTAL * SEGMENT,
    garbageCollectors: [
      { name: 'All', count: j.youngCount + j.oldCount, time: j.youngTime + j.oldTime },
      { name: 'G1_Young_Generation', count: j.youngCount, time: j.youngTime },
      { name: 'G1_Old_Generation', count: j.oldCount, time: j.oldTime },
    ],
  };
}

/** JVM metrics shared by job and task managers, as metric-name -> Flink string. */
export function jvmMetrics(j: JvmSample, startedAt: number, now: number): Map<string, string> {
  const m = new Map<string, string>();
  m.set('Status.JVM.Memory.Heap.Used', javaLong(j.heapUsed));
  m.set('Status.JVM.Memory.Heap.Committed', javaLong(j.heapCommitted));
  m.set('Status.JVM.Memory.Heap.Max', javaLong(j.heapMax));
  m.set('Status.JVM.Memory.NonHeap.Used', javaLong(j.nonHeapUsed));
  m.set('Status.JVM.Memory.NonHeap.Committed', javaLong(j.nonHeapCommitted));
  m.set('Status.JVM.Memory.NonHeap.Max', javaLong(j.nonHeapMax));
  m.set('Status.JVM.Memory.Metaspace.Used', javaLong(j.metaspaceUsed));
  m.set('Status.JVM.Memory.Metaspace.Committed', javaLong(j.metaspaceUsed + 2 * MB));
  m.set('Status.JVM.Memory.Metaspace.Max', javaLong(TM_MEMORY.jvmMetaspace));
  m.set('Status.JVM.Memory.Direct.Count', javaLong(j.directCount));
  m.set('Status.JVM.Memory.Direct.MemoryUsed', javaLong(j.directUsed));
  m.set('Status.JVM.Memory.Direct.TotalCapacity', javaLong(j.directMax));
  m.set('Status.JVM.Memory.Mapped.Count', '0');
  m.set('Status.JVM.Memory.Mapped.MemoryUsed', '0');
  m.set('Status.JVM.Memory.Mapped.TotalCapacity', '0');
  m.set('Status.JVM.GarbageCollector.G1_Young_Generation.Count', javaLong(j.youngCount));
  m.set('Status.JVM.GarbageCollector.G1_Young_Generation.Time', javaLong(j.youngTime));
  m.set('Status.JVM.GarbageCollector.G1_Old_Generation.Count', javaLong(j.oldCount));
  m.set('Status.JVM.GarbageCollector.G1_Old_Generation.Time', javaLong(j.oldTime));
  m.set('Status.JVM.GarbageCollector.All.Count', javaLong(j.youngCount + j.oldCount));
  m.set('Status.JVM.GarbageCollector.All.Time', javaLong(j.youngTime + j.oldTime));
  const gcRate = (11 / (23 + (j.threads % 17))) * (1 + 0.1 * j.cpuLoad);
  m.set(
    'Status.JVM.GarbageCollector.G1_Young_Generation.TimeMsPerSecond',
    javaDouble(Math.round(gcRate * 1000) / 1000),
  );
  m.set('Status.JVM.GarbageCollector.G1_Old_Generation.TimeMsPerSecond', '0.0');
  m.set('Status.JVM.GarbageCollector.All.TimeMsPerSecond', javaDouble(Math.round(gcRate * 1000) / 1000));
  m.set('Status.JVM.FileDescriptor.Max', '1048576');
  m.set('Status.JVM.FileDescriptor.Open', javaLong(180 + j.threads));
  m.set('Status.JVM.CPU.Load', javaDouble(Math.round(j.cpuLoad * 1e6) / 1e6));
  m.set('Status.JVM.CPU.Time', javaLong(Math.round((now - startedAt) * 1e6 * (0.05 + j.cpuLoad))));
  m.set('Status.JVM.Threads.Count', javaLong(j.threads));
  m.set('Status.JVM.ClassLoader.ClassesLoaded', javaLong(11234 + j.threads * 3));
  m.set('Status.JVM.ClassLoader.ClassesUnloaded', javaLong(12));
  return m;
}

/** Task-manager-only metrics (network and managed memory). */
export function tmOnlyMetrics(j: JvmSample, usedSlots: number, slots: number): Map<string, string> {
  const m = new Map<string, string>();
  const free = SEGMENTS_TOTAL - j.segmentsUsed;
  m.set('Status.Shuffle.Netty.AvailableMemorySegments', javaLong(free));
  m.set('Status.Shuffle.Netty.UsedMemorySegments', javaLong(j.segmentsUsed));
  m.set('Status.Shuffle.Netty.TotalMemorySegments', javaLong(SEGMENTS_TOTAL));
  m.set('Status.Shuffle.Netty.AvailableMemory', javaLong(free * SEGMENT));
  m.set('Status.Shuffle.Netty.UsedMemory', javaLong(j.segmentsUsed * SEGMENT));
  m.set('Status.Shuffle.Netty.TotalMemory', javaLong(SEGMENTS_TOTAL * SEGMENT));
  m.set(
    'Status.Shuffle.Netty.RequestedMemoryUsage',
    javaLong(Math.round((j.segmentsUsed / SEGMENTS_TOTAL) * 100)),
  );
  m.set(
    'Status.Flink.Memory.Managed.Used',
    javaLong(Math.round((TM_MEMORY.managedMemory * usedSlots) / slots / 3)),
  );
  m.set('Status.Flink.Memory.Managed.Total', javaLong(TM_MEMORY.managedMemory));
  return m;
}
