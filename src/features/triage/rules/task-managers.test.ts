import { describe, expect, it } from 'vitest';
import { REC, at, flink, flinkInput } from '../testing/fixtures';
import { emptyFlinkHistory, observeFlink } from './history';
import {
  heartbeatAge,
  taskManagersFlagged,
  tmHeartbeatRule,
  tmLostRule,
  tmMemoryRules,
} from './task-managers';
import { DEFAULT_THRESHOLDS as T, resolveThresholds } from './thresholds';

const tms = flink.taskManagers(); // two task managers, heartbeats at 1795339147008 and 1795339146912
const [a, b] = tms;

describe('tmLostRule', () => {
  it('reports a task manager that disappeared from the list, since it was last seen', () => {
    let history = observeFlink(emptyFlinkHistory(), flinkInput({ taskManagers: at(tms, REC.now - 10_000) }));
    const input = flinkInput({ taskManagers: at([a!], REC.now) });
    history = observeFlink(history, input);
    const [p, ...rest] = tmLostRule(input, history, T);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({
      id: `rec:tm-lost:${b!.id}`,
      severity: 'critical',
      since: REC.now - 10_000,
      figure: { value: 1 },
      href: '/clusters/rec/task-managers',
    });
    expect(p?.explanation).toContain('1 of 2 task managers');
  });

  it('a replacement lowers it to medium; after tmLostWindowMs it is gone', () => {
    let history = observeFlink(emptyFlinkHistory(), flinkInput({ taskManagers: at(tms, REC.now - 10_000) }));
    const replaced = flinkInput({ taskManagers: at([a!, { ...b!, id: 'localhost:40000-abcdef' }], REC.now) });
    history = observeFlink(history, replaced);
    expect(tmLostRule(replaced, history, T)[0]).toMatchObject({
      severity: 'medium',
      title: 'Task manager lost and replaced',
    });
    const later = flinkInput(
      { taskManagers: at([a!], REC.now + T.tmLostWindowMs) },
      REC.now + T.tmLostWindowMs,
    );
    expect(tmLostRule(later, observeFlink(history, later), T).filter((p) => p.id.endsWith(b!.id))).toEqual(
      [],
    );
  });

  it('compares with taskManagersExpected from the config, per cluster', () => {
    const t = resolveThresholds({ 'taskManagersExpected.rec': 3 }, 'rec');
    const input = flinkInput({ taskManagers: at(tms) });
    expect(tmLostRule(input, observeFlink(emptyFlinkHistory(), input), t)[0]).toMatchObject({
      title: 'Fewer task managers than expected',
      figure: { value: 2 },
    });
    expect(
      tmLostRule(input, emptyFlinkHistory(), resolveThresholds({ 'taskManagersExpected.other': 3 }, 'rec')),
    ).toEqual([]);
  });
});

describe('tmHeartbeatRule', () => {
  it('reads timeSinceLastHeartbeat as an epoch timestamp (Flink 2.2), or as a duration when small', () => {
    expect(heartbeatAge(1795339147008, 1795339150008)).toBe(3000);
    expect(heartbeatAge(4000, 1795339150008)).toBe(4000);
  });

  it('reports heartbeats older than heartbeatLateMs, by the job manager clock', () => {
    const recorded = flinkInput({ taskManagers: at(tms, 1795339150000) });
    expect(tmHeartbeatRule(recorded, T)).toEqual([]);
    const late = flinkInput({ taskManagers: at(tms, 1795339147008 + 45_000) });
    const problems = tmHeartbeatRule(late, T);
    expect(problems.map((p) => p.figure.value)).toEqual([45_000, 45_096]);
    expect(problems[0]?.href).toBe(`/clusters/rec/task-managers/${encodeURIComponent(a!.id)}`);
    // The browser clock is 45 s ahead of the job manager's: not late.
    expect(tmHeartbeatRule({ ...late, clockOffsetMs: -45_000 }, T)).toEqual([]);
  });
});

describe('tmMemoryRules', () => {
  const agg = (used: number) => [
    { id: 'Status.JVM.Memory.Heap.Used', min: 100, max: used },
    { id: 'Status.JVM.Memory.Heap.Max', min: 1000, max: 1000 },
  ];
  it('asks for per-TM metrics only when the aggregate is high', () => {
    expect(taskManagersFlagged(flinkInput({ taskManagers: at(tms), tmAggregate: at(agg(300)) }), T)).toEqual(
      [],
    );
    expect(taskManagersFlagged(flinkInput({ taskManagers: at(tms), tmAggregate: at(agg(950)) }), T)).toEqual([
      a!.id,
      b!.id,
    ]);
  });

  it('reports heap above heapHigh and GC time above gcHigh per task manager', () => {
    const metrics = [
      { id: 'Status.JVM.Memory.Heap.Used', value: '950' },
      { id: 'Status.JVM.Memory.Heap.Max', value: '1000' },
      { id: 'Status.JVM.GarbageCollector.All.TimeMsPerSecond', value: '250' },
    ];
    const input = flinkInput({
      taskManagers: at(tms),
      tmMetrics: { [a!.id]: at(metrics), [b!.id]: at([{ id: 'Status.JVM.Memory.Heap.Used', value: '100' }]) },
    });
    const problems = tmMemoryRules(input, T);
    expect(problems.map((p) => [p.rule, p.figure.value])).toEqual([
      ['tm-heap', 0.95],
      ['tm-gc', 0.25],
    ]);
  });
});
