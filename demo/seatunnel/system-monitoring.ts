// /system-monitoring-information: one object per member, keys and number
// formats as Hazelcast's health metrics string prints them, all strings.
// Values are pure functions of time so repeated reads move smoothly.
import type { DemoEngine, Member } from './engine.ts';
import { hazelcastUnit, percent } from './java-compat.ts';
import { obj, type Json, type JsonObject } from './json-text.ts';

const GB = 1024 ** 3;
const MB = 1024 ** 2;

export function memberHealth(engine: DemoEngine, m: Member): JsonObject {
  const now = engine.now();
  const up = Math.max(0, now - m.startedAt) / 1000;
  const k = m.index;
  const wave = (period: number, phase = 0): number =>
    (Math.sin((up / period) * 2 * Math.PI + phase + k) + 1) / 2;

  const processors = k === 0 ? 8 : 4;
  const physTotal = (k === 0 ? 15.5 : 7.7) * GB;
  const physFree = physTotal * (0.08 + 0.1 * wave(300));
  const heapMax = (k === 0 ? 3.6 : 1.8) * GB;
  const heapTotal = Math.min(heapMax, (k === 0 ? 576.5 : 420.2) * MB + Math.floor(up / 600) * 32 * MB);
  // Heap climbs between minor GCs, then drops: a sawtooth.
  const minorEvery = 45 + 10 * k;
  const heapUsed = heapTotal * (0.18 + 0.55 * ((up % minorEvery) / minorEvery));
  const minorCount = 6 + Math.floor(up / minorEvery);
  const majorCount = 2 + Math.floor(up / 1800);
  const running = engine.runningJobs().filter((j) => j.member === k).length;
  const threads = 117 + running * 9 + Math.round(4 * wave(60));
  const completedOps = 10 + Math.floor(up * (40 + running * 12));

  const entries: Array<[string, Json]> = [
    ['isMaster', String(m.isMaster)],
    ['host', m.host],
    ['port', String(m.hzPort)],
    ['processors', String(processors)],
    ['physical.memory.total', hazelcastUnit(physTotal)],
    ['physical.memory.free', hazelcastUnit(physFree)],
    ['swap.space.total', '0'],
    ['swap.space.free', '0'],
    ['heap.memory.used', hazelcastUnit(heapUsed)],
    ['heap.memory.free', hazelcastUnit(heapTotal - heapUsed)],
    ['heap.memory.total', hazelcastUnit(heapTotal)],
    ['heap.memory.max', hazelcastUnit(heapMax)],
    ['heap.memory.used/total', percent((heapUsed / heapTotal) * 100)],
    ['heap.memory.used/max', percent((heapUsed / heapMax) * 100)],
    ['minor.gc.count', String(minorCount)],
    ['minor.gc.time', `${minorCount * 18 + k * 7}ms`],
    ['major.gc.count', String(majorCount)],
    ['major.gc.time', `${majorCount * 36 + k * 5}ms`],
    ['load.process', percent(8 + running * 6 + 10 * wave(40))],
    ['load.system', percent(20 + running * 7 + 25 * wave(70, 1))],
    ['load.systemAverage', (0.6 + running * 0.4 + 1.2 * wave(120)).toFixed(2)],
    ['thread.count', String(threads)],
    ['thread.peakCount', String(threads + 1 + running)],
    ['cluster.timeDiff', k === 0 ? '0' : '-2'],
    ['event.q.size', '0'],
    ['executor.q.async.size', '0'],
    ['executor.q.client.size', '0'],
    ['executor.q.client.query.size', '0'],
    ['executor.q.client.blocking.size', '0'],
    ['executor.q.query.size', '0'],
    ['executor.q.scheduled.size', '0'],
    ['executor.q.io.size', '0'],
    ['executor.q.system.size', '0'],
    ['executor.q.operations.size', String(Math.round(3 * wave(20)))],
    ['executor.q.priorityOperation.size', '0'],
    ['operations.completed.count', String(completedOps)],
    ['executor.q.mapLoad.size', '0'],
    ['executor.q.mapLoadAllKeys.size', '0'],
    ['executor.q.cluster.size', '0'],
    ['executor.q.response.size', '0'],
    ['operations.running.count', String(running > 0 ? 1 : 0)],
    ['operations.pending.invocations.percentage', '0.00%'],
    ['operations.pending.invocations.count', String(Math.round(2 * wave(15)))],
    ['proxy.count', '8'],
    ['clientEndpoint.count', '0'],
    ['connection.active.count', String(engine.members.length)],
    ['client.connection.count', '0'],
    ['connection.count', String(engine.members.length - 1)],
  ];
  return obj(entries);
}

export function systemMonitoring(engine: DemoEngine): Json[] {
  return engine.members.map((m) => memberHealth(engine, m));
}
