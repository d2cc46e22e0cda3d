import * as z from 'zod/mini';
import { double } from './common';

export const resourceProfileSchema = z.object({
  cpuCores: double,
  taskHeapMemory: z.number(),
  taskOffHeapMemory: z.number(),
  managedMemory: z.number(),
  networkMemory: z.number(),
  extendedResources: z.record(z.string(), double),
});
export type ResourceProfile = z.infer<typeof resourceProfileSchema>;

const taskManagerShape = {
  id: z.string(),
  path: z.string(),
  dataPort: z.number(),
  jmxPort: z.optional(z.number()),
  /** Despite the name, the epoch ms of the last heartbeat (real 2.2 cluster), not a duration. */
  timeSinceLastHeartbeat: z.number(),
  slotsNumber: z.number(),
  freeSlots: z.number(),
  totalResource: resourceProfileSchema,
  freeResource: resourceProfileSchema,
  hardware: z.object({
    cpuCores: z.number(),
    physicalMemory: z.number(),
    freeMemory: z.number(),
    managedMemory: z.number(),
  }),
  memoryConfiguration: z.object({
    frameworkHeap: z.number(),
    taskHeap: z.number(),
    frameworkOffHeap: z.number(),
    taskOffHeap: z.number(),
    networkMemory: z.number(),
    managedMemory: z.number(),
    jvmMetaspace: z.number(),
    jvmOverhead: z.number(),
    totalFlinkMemory: z.number(),
    totalProcessMemory: z.number(),
  }),
  /** Blocked by speculative execution's blocklist (Flink 1.16+). */
  blocked: z.optional(z.boolean()),
};

export const taskManagerSchema = z.object(taskManagerShape);
export type TaskManager = z.infer<typeof taskManagerSchema>;
/** `/taskmanagers`. */
export const taskManagersSchema = z.object({ taskmanagers: z.array(taskManagerSchema) });
export type TaskManagers = z.infer<typeof taskManagersSchema>;

/** `/taskmanagers/:id`: adds JVM metrics and the slots in use. */
export const taskManagerDetailsSchema = z.object({
  ...taskManagerShape,
  allocatedSlots: z.optional(z.array(z.object({ jobId: z.string(), resource: resourceProfileSchema }))),
  metrics: z.object({
    heapUsed: z.number(),
    heapCommitted: z.number(),
    heapMax: z.number(),
    nonHeapUsed: z.number(),
    nonHeapCommitted: z.number(),
    nonHeapMax: z.number(),
    directCount: z.number(),
    directUsed: z.number(),
    directMax: z.number(),
    mappedCount: z.number(),
    mappedUsed: z.number(),
    mappedMax: z.number(),
    /** Deprecated names of the netty shuffle segment counts. */
    memorySegmentsAvailable: z.optional(z.number()),
    memorySegmentsTotal: z.optional(z.number()),
    nettyShuffleMemorySegmentsAvailable: z.optional(z.number()),
    nettyShuffleMemorySegmentsUsed: z.optional(z.number()),
    nettyShuffleMemorySegmentsTotal: z.optional(z.number()),
    nettyShuffleMemoryAvailable: z.optional(z.number()),
    nettyShuffleMemoryUsed: z.optional(z.number()),
    nettyShuffleMemoryTotal: z.optional(z.number()),
    garbageCollectors: z.array(z.object({ name: z.string(), count: z.number(), time: z.number() })),
  }),
});
export type TaskManagerDetails = z.infer<typeof taskManagerDetailsSchema>;
