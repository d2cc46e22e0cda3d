import { describe, expect, it } from 'vitest';
import { EMPTY_RUN_LOG, failovers, isRecoveredRun, observeJobAnswer, observeJobError } from './job-runs';

/*
 * The answers of a real Flink 2.2.1 JobManager failover with ZooKeeper HA (docs/real-flink-notes.md):
 * the job under the same id, first RUNNING, then (after the kill and a 503 "leader election") the
 * new JobManager's INITIALIZING with a new start-time, CREATED, RUNNING.
 */
const ts = (t: Partial<Record<string, number>>) => ({
  INITIALIZING: 0,
  CREATED: 0,
  RUNNING: 0,
  RESTARTING: 0,
  FAILING: 0,
  FAILED: 0,
  CANCELLING: 0,
  CANCELED: 0,
  FINISHED: 0,
  SUSPENDED: 0,
  RECONCILING: 0,
  ...t,
});
const run1 = {
  state: 'RUNNING',
  'start-time': 1796625466582,
  timestamps: ts({ INITIALIZING: 1796625466582, CREATED: 1796625470740, RUNNING: 1796625473010 }),
  now: 1796625490846,
};
const run2Initializing = {
  state: 'INITIALIZING',
  'start-time': 1796625564155,
  timestamps: ts({ INITIALIZING: 1796625564155 }),
  now: 1796625571000,
};
const run2 = {
  state: 'RUNNING',
  'start-time': 1796625564155,
  timestamps: ts({ INITIALIZING: 1796625564155, CREATED: 1796625574119, RUNNING: 1796625576618 }),
  now: 1796625581653,
};
// the browser's clock runs 2 s behind the JobManager's
const received = (a: { now: number }) => a.now - 2000;

describe('job runs across a JobManager failover', () => {
  it('keeps the run before, the stretch without answers, and the new run’s states', () => {
    let log = observeJobAnswer(EMPTY_RUN_LOG, run1, received(run1));
    log = observeJobError(log, received(run1) + 3000, 'Flink did not answer (connection refused)');
    log = observeJobError(log, received(run1) + 70_000, 'HTTP 503 — leader election');
    log = observeJobAnswer(log, run2Initializing, received(run2Initializing));
    log = observeJobAnswer(log, run2, received(run2));

    expect(log.runs.map((r) => [r.startTime, r.lastState])).toEqual([
      [1796625466582, 'RUNNING'],
      [1796625564155, 'RUNNING'],
    ]);
    expect(log.outages).toEqual([
      { from: run1.now + 3000, to: run2Initializing.now, error: 'HTTP 503 — leader election' },
    ]);
    const [f, ...more] = failovers(log);
    expect(more).toEqual([]);
    expect(f?.before).toMatchObject({ lastState: 'RUNNING', lastSeenAt: run1.now });
    expect(f?.after.firstSeenAt).toBe(run2Initializing.now);
    expect(f?.after.states.map((s) => s.state)).toEqual(['INITIALIZING', 'CREATED', 'RUNNING']);
    expect(f?.outages).toHaveLength(1);
  });

  it('sees no failover while the start-time stays, and no outage before the first answer', () => {
    expect(observeJobError(EMPTY_RUN_LOG, 1000, 'down')).toBe(EMPTY_RUN_LOG);
    let log = observeJobAnswer(EMPTY_RUN_LOG, run1, received(run1));
    log = observeJobAnswer(log, { ...run1, now: run1.now + 3000 }, received(run1) + 3000);
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0]?.lastSeenAt).toBe(run1.now + 3000);
    expect(failovers(log)).toEqual([]);
    // an older answer arriving late does not start a run
    log = observeJobAnswer(log, { ...run1, 'start-time': run1['start-time'] - 1 }, received(run1) + 4000);
    expect(log.runs).toHaveLength(1);
  });

  it('names a later start-time under the same id a recovery', () => {
    expect(isRecoveredRun(1796625466582, 1796625564155)).toBe(true);
    expect(isRecoveredRun(1796625466582, 1796625466582)).toBe(false);
    expect(isRecoveredRun(-1, 1796625564155)).toBe(false);
  });
});
