import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobOverview, TaskManagerDetails, TaskManagers } from '@/api/flink/schemas';
import { memoryModel, usedShares } from './memory-model';
import { jobsInSlots, MAX_SLOT_CELLS, slotCells } from './slots';
import {
  addressOf,
  heartbeatAge,
  searchTaskManagers,
  searchFromSort,
  sortFromSearch,
  summarise,
} from './tm-list';
import { chartSpecs, collectors, polledMetrics } from './tm-metrics';

const read = <T>(file: string) =>
  JSON.parse(readFileSync(resolve(process.cwd(), 'e2e/fixtures/flink/2.2', file), 'utf8')) as T;
const detail = read<TaskManagerDetails>('taskmanagers__taskmanagerid.json');
const list = read<TaskManagers>('taskmanagers.json').taskmanagers;
const jobs = read<{ jobs: JobOverview[] }>('jobs__overview.json').jobs;

describe('memoryModel', () => {
  const model = memoryModel(detail.memoryConfiguration);

  it('has Flink’s eight parts in order, adding up to the process memory', () => {
    expect(model.parts.map((p) => p.key)).toEqual([
      'frameworkHeap',
      'taskHeap',
      'managedMemory',
      'frameworkOffHeap',
      'taskOffHeap',
      'networkMemory',
      'jvmMetaspace',
      'jvmOverhead',
    ]);
    expect(model.parts.reduce((n, p) => n + p.bytes, 0)).toBe(1342177280);
    expect(model.totalProcess).toBe(1342177280);
    expect(model.totalFlink).toBe(872415232);
    expect(model.unaccounted).toBe(0);
    expect(model.parts.reduce((n, p) => n + p.share, 0)).toBeCloseTo(1, 10);
  });

  it('spans the JVM heap, direct memory, Flink memory and process memory', () => {
    const span = (label: string) => model.spans.find((s) => s.label === label);
    expect(span('JVM heap')?.bytes).toBe(134217728 + 429496728);
    expect(span('JVM direct')?.bytes).toBe(134217728 + 0 + 87241524);
    expect(span('Total Flink memory')).toMatchObject({ from: 0, to: 5, bytes: 872415232 });
    expect(span('Total process memory')).toMatchObject({ from: 0, to: 7, bytes: 1342177280 });
  });

  it('never draws negative or missing sizes, and keeps parts that exceed the stated total', () => {
    const odd = memoryModel({
      ...detail.memoryConfiguration,
      taskOffHeap: -1,
      jvmOverhead: Number.NaN,
      totalProcessMemory: 10,
    });
    expect(odd.parts.find((p) => p.key === 'taskOffHeap')?.bytes).toBe(0);
    expect(odd.parts.find((p) => p.key === 'jvmOverhead')?.bytes).toBe(0);
    expect(odd.totalProcess).toBe(odd.parts.reduce((n, p) => n + p.bytes, 0));
  });

  it('tells the used share of the heap (one pool), managed, network and metaspace', () => {
    const shares = usedShares(model, {
      heapUsed: detail.metrics.heapUsed,
      networkUsed: detail.metrics.nettyShuffleMemoryUsed,
      managedUsed: undefined,
    });
    expect(shares.heap).toBeCloseTo(37149760 / (134217728 + 429496728), 10);
    expect(shares.networkMemory).toBeCloseTo(1736704 / 87241524, 10);
    expect(shares.managedMemory).toBeUndefined();
    expect(usedShares(model, { heapUsed: 1e12 }).heap).toBe(1);
  });
});

describe('task manager list helpers', () => {
  it('reads the heartbeat as an epoch timestamp (Flink 2.2) or a duration (older)', () => {
    expect(heartbeatAge(1795339147008, 1795339150008)).toBe(3000);
    expect(heartbeatAge(1795339147008, 1795339140000)).toBe(0); // clock skew: never negative
    expect(heartbeatAge(4200, Date.now())).toBe(4200);
    expect(heartbeatAge(-1, 0)).toBeUndefined();
  });

  it('takes the address out of the RPC path', () => {
    expect(addressOf('pekko.tcp://flink@localhost:44637/user/rpc/taskmanager_0')).toBe('localhost:44637');
    expect(addressOf('no-at-sign')).toBe('no-at-sign');
  });

  it('searches id and path, every term', () => {
    expect(searchTaskManagers(list, '43863').map((t) => t.id)).toEqual(['localhost:43863-7e0d3f']);
    expect(searchTaskManagers(list, 'pekko 44637').map((t) => t.id)).toEqual(['localhost:44637-91d2cb']);
    expect(searchTaskManagers(list, '')).toHaveLength(2);
  });

  it('sums slots, cores and memory', () => {
    expect(summarise(list)).toEqual({
      count: 2,
      slots: 8,
      freeSlots: 2,
      cpuCores: 4,
      physicalMemory: 2 * 25276510208,
      blocked: 0,
    });
  });

  it('keeps only known sort columns from the URL', () => {
    expect(sortFromSearch('freeSlots', true)).toEqual({ id: 'freeSlots', desc: true });
    expect(sortFromSearch('nope', true)).toBeNull();
    expect(searchFromSort({ id: 'heap', desc: false })).toEqual({ sort: 'heap', desc: undefined });
    expect(searchFromSort(null)).toEqual({ sort: undefined, desc: undefined });
  });
});

describe('slots', () => {
  it('groups allocated slots by job, named from /jobs/overview', () => {
    const inSlots = jobsInSlots(detail, jobs);
    expect(inSlots.map((j) => [j.name, j.state, j.slots])).toEqual([
      ['streamdash BackpressureJob', 'RUNNING', 1],
      ['streamdash CheckpointingJob', 'RUNNING', 1],
      ['streamdash FailingJob', 'RUNNING', 1],
    ]);
    expect(inSlots[0]).toMatchObject({
      cpuCores: 1,
      taskHeapMemory: 102,
      managedMemory: 20,
      networkMemory: 20,
    });
  });

  it('draws one cell per slot, used ones first, and falls back to freeSlots without allocatedSlots', () => {
    const inSlots = jobsInSlots(detail, jobs);
    const cells = slotCells(detail, inSlots);
    expect(cells).toHaveLength(4);
    expect(cells.filter((c) => c.jobId !== undefined)).toHaveLength(3);
    expect(cells[3]).toEqual({ jobId: undefined, tone: undefined });
    const old = slotCells({ slotsNumber: 4, freeSlots: 1, allocatedSlots: undefined }, []);
    expect(old.map((c) => c.tone)).toEqual([-1, -1, -1, undefined]);
  });

  it('stops the slot picture at a sane size when a task manager claims absurd slot counts', () => {
    for (const slotsNumber of [1e308, Infinity, -1, NaN]) {
      const cells = slotCells({ slotsNumber, freeSlots: 0, allocatedSlots: undefined }, []);
      expect(cells.length).toBeLessThanOrEqual(MAX_SLOT_CELLS);
    }
  });

  it('keeps unknown jobs (not in /jobs/overview) by id', () => {
    expect(jobsInSlots(detail, [])[0]).toMatchObject({ name: undefined, state: undefined });
  });
});

describe('metrics to chart', () => {
  it('polls memory, network, CPU and each collector’s count and time', () => {
    const gc = collectors(detail.metrics.garbageCollectors.map((g) => g.name));
    expect(gc).toEqual(['G1_Young_Generation', 'G1_Old_Generation']);
    expect(collectors(['All'])).toEqual(['All']);
    const names = polledMetrics(gc);
    expect(names).toContain('Status.JVM.Memory.Heap.Used');
    expect(names).toContain('Status.Shuffle.Netty.UsedMemorySegments');
    expect(names).toContain('Status.JVM.GarbageCollector.G1_Old_Generation.Time');
    // Every charted series is polled.
    for (const spec of chartSpecs(gc)) for (const s of spec.series) expect(names).toContain(s.key);
  });
});
