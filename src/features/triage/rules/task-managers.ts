/** Task manager rules (Flink): lost, heartbeat late, heap nearly full, much time in GC. */
import { aggregatedValues, metricValues } from '@/api/flink/metric-values';
import { formatAgo, formatBytes, formatPercent } from '@/lib/format';
import { problem } from './common';
import type { FlinkHistory } from './history';
import { links } from './links';
import type { Thresholds } from './thresholds';
import type { FlinkInput, Problem } from './types';

export const HEAP_USED = 'Status.JVM.Memory.Heap.Used';
export const HEAP_MAX = 'Status.JVM.Memory.Heap.Max';
/** GC time share per second (Flink 1.19+); the cumulative `…All.Time` is the fallback. */
export const GC_TIME_PER_SECOND = 'Status.JVM.GarbageCollector.All.TimeMsPerSecond';
export const TM_METRICS = [HEAP_USED, HEAP_MAX, GC_TIME_PER_SECOND] as const;

export function tmLostRule(input: FlinkInput, history: FlinkHistory, t: Thresholds): Problem[] {
  const list = input.taskManagers;
  if (!list) return [];
  const out: Problem[] = [];
  const present = new Set(list.data.map((tm) => tm.id));
  const count = list.data.length;
  const max = Math.max(history.taskManagers.maxCount, count);
  for (const [id, lastSeen] of Object.entries(history.taskManagers.lastSeen)) {
    if (present.has(id) || list.at - lastSeen > t.tmLostWindowMs || lastSeen >= list.at) continue;
    const replaced = count >= max;
    out.push(
      problem(input, 'tm-lost', id, {
        severity: replaced ? 'medium' : 'critical',
        title: replaced ? 'Task manager lost and replaced' : 'Task manager lost',
        explanation: `${id} was last seen ${formatAgo(lastSeen, list.at)}; ${count} of ${max} task managers are registered${
          replaced ? ' (another one took its place)' : ''
        }.`,
        figure: { label: 'Task managers', value: count, format: 'count' },
        href: links.taskManagers(input.cluster.id),
        linkLabel: 'Task managers',
        since: lastSeen,
      }),
    );
  }
  const expected = t.taskManagersExpected;
  if (expected > 0 && count < expected) {
    out.push(
      problem(input, 'tm-lost', 'expected', {
        severity: 'critical',
        title: 'Fewer task managers than expected',
        explanation: `${count} task manager${count === 1 ? '' : 's'} registered, ${expected} expected (config “taskManagersExpected”).`,
        figure: { label: 'Task managers', value: count, format: 'count' },
        href: links.taskManagers(input.cluster.id),
        linkLabel: 'Task managers',
      }),
    );
  }
  return out;
}

/**
 * `timeSinceLastHeartbeat` is, despite its name, the epoch time of the last heartbeat on Flink 2.2
 * (docs/real-flink-notes.md #28); small values are read as a duration, as the name says.
 */
export function heartbeatAge(value: number, answerAtJmClock: number): number {
  return value > 1e11 ? Math.max(0, answerAtJmClock - value) : value;
}

export function tmHeartbeatRule(input: FlinkInput, t: Thresholds): Problem[] {
  const list = input.taskManagers;
  if (!list) return [];
  const at = list.at + input.clockOffsetMs;
  return list.data.flatMap((tm) => {
    const age = heartbeatAge(tm.timeSinceLastHeartbeat, at);
    if (age <= t.heartbeatLateMs) return [];
    return [
      problem(input, 'tm-heartbeat', tm.id, {
        severity: 'high',
        title: 'Heartbeat late',
        explanation: `${tm.id} last sent a heartbeat ${formatAgo(at - age, at)}; the job manager drops it when the heartbeat timeout passes.`,
        figure: { label: 'Last heartbeat', value: age, format: 'duration' },
        href: links.taskManager(input.cluster.id, tm.id),
        linkLabel: 'Task manager',
        since: list.at - age,
      }),
    ];
  });
}

/** Task managers worth asking per-TM metrics of: the aggregate says some heap or GC figure is high. */
export function taskManagersFlagged(input: FlinkInput, t: Thresholds, limit = 20): string[] {
  const agg = input.tmAggregate?.data;
  const list = input.taskManagers?.data;
  if (!agg || !list) return [];
  const max = aggregatedValues(agg, 'max');
  const min = aggregatedValues(agg, 'min');
  const heapUsed = max[HEAP_USED];
  const heapMax = min[HEAP_MAX];
  const heapHigh =
    heapUsed !== undefined && heapMax !== undefined && heapMax > 0 && heapUsed / heapMax >= t.heapHigh * 0.95;
  const gc = max[GC_TIME_PER_SECOND];
  const gcHigh = gc !== undefined && gc / 1000 >= t.gcHigh;
  return heapHigh || gcHigh ? list.slice(0, limit).map((tm) => tm.id) : [];
}

export function tmMemoryRules(input: FlinkInput, t: Thresholds): Problem[] {
  const out: Problem[] = [];
  for (const [tmId, answer] of Object.entries(input.tmMetrics)) {
    if (input.taskManagers && !input.taskManagers.data.some((tm) => tm.id === tmId)) continue;
    const values = metricValues(answer.data);
    const used = values[HEAP_USED];
    const max = values[HEAP_MAX];
    if (used !== undefined && max !== undefined && max > 0 && used / max >= t.heapHigh) {
      out.push(
        problem(input, 'tm-heap', tmId, {
          severity: 'high',
          title: 'Heap nearly full',
          explanation: `${tmId} uses ${formatBytes(used)} of ${formatBytes(max)} heap; long GC pauses and OutOfMemoryError follow.`,
          figure: { label: 'Heap used', value: used / max, format: 'percent' },
          href: links.taskManager(input.cluster.id, tmId),
          linkLabel: 'Task manager',
          series: { key: `flink:${input.cluster.id}:tm:${tmId}:heap`, label: 'Heap used', format: 'bytes' },
        }),
      );
    }
    const gc = values[GC_TIME_PER_SECOND];
    if (gc !== undefined && gc / 1000 >= t.gcHigh) {
      out.push(
        problem(input, 'tm-gc', tmId, {
          severity: 'medium',
          title: 'Much time in GC',
          explanation: `${tmId} spends ${formatPercent(gc / 1000)} of its time in garbage collection.`,
          figure: { label: 'GC time', value: gc / 1000, format: 'percent' },
          href: links.taskManager(input.cluster.id, tmId),
          linkLabel: 'Task manager',
          series: {
            key: `flink:${input.cluster.id}:tm:${tmId}:gc`,
            label: 'GC time share',
            format: 'percent',
          },
        }),
      );
    }
  }
  return out;
}
