import { describe, expect, it } from 'vitest';
import { REC, at, flink, flinkInput, seatunnelInput, seatunnelJobs } from '../testing/fixtures';
import { evaluateFlink, evaluateSeaTunnel, flinkNeeds, rankProblems } from './engine';
import { emptyFlinkHistory, emptySeaTunnelHistory, observeFlink } from './history';
import { DEFAULT_THRESHOLDS as T, resolveThresholds } from './thresholds';

/** The recorded cluster as the collector sees it on the first poll. */
function recorded() {
  return flinkInput({
    overview: at(flink.overview()),
    jobs: at(flink.jobs()),
    taskManagers: at(flink.taskManagers(), 1795339150000),
    jobDetails: {
      [REC.backpressure]: at(flink.details('--backpressure')),
      [REC.checkpointing]: at(flink.details()),
      [REC.failing]: at(flink.details('--failing')),
    },
    exceptions: { [REC.failing]: at(flink.exceptions()), [REC.failed]: at(flink.exceptions('--failed')) },
  });
}

describe('evaluateFlink', () => {
  it('finds the recorded cluster’s failed job, restarts and back-pressure, ranked worst first', () => {
    const input = recorded();
    const problems = rankProblems(evaluateFlink(input, observeFlink(emptyFlinkHistory(), input), T));
    expect(problems.map((p) => [p.rule, p.severity, p.jobName])).toEqual([
      ['job-failed', 'critical', 'streamdash failed job'],
      ['backpressure', 'high', 'streamdash BackpressureJob'],
      ['job-restarts', 'medium', 'streamdash FailingJob'],
    ]);
  });

  it('an unreachable cluster comes first', () => {
    const input = {
      ...recorded(),
      connection: { disconnectedSince: REC.now - 30_000, lastError: 'GET /overview: network failure' },
    };
    const [p] = rankProblems(evaluateFlink(input, emptyFlinkHistory(), T));
    expect(p).toMatchObject({
      rule: 'cluster-unreachable',
      severity: 'critical',
      figure: { value: 30_000 },
      href: '/clusters/rec/overview',
    });
  });
});

describe('flinkNeeds', () => {
  it('keeps requests bounded: running jobs only, vertex metrics only for the flagged job', () => {
    const input = recorded();
    const needs = flinkNeeds(input, observeFlink(emptyFlinkHistory(), input), T);
    expect(needs.jobs.sort()).toEqual([REC.backpressure, REC.checkpointing, REC.failing].sort());
    expect(needs.failedJobs).toEqual([REC.failed]);
    expect(Object.keys(needs.vertexMetrics)).toEqual([REC.backpressure]);
    expect(needs.taskManagers).toEqual([]);
    expect(flinkNeeds(input, emptyFlinkHistory(), resolveThresholds({ maxJobsPolled: 1 })).jobs).toHaveLength(
      1,
    );
  });
});

describe('evaluateSeaTunnel', () => {
  it('reports failed jobs', () => {
    const input = seatunnelInput(
      {
        failed: at(seatunnelJobs('finished-jobs-FAILED.json')),
        running: at(seatunnelJobs('running-jobs.json')),
      },
      Date.now(),
    );
    const problems = evaluateSeaTunnel(input, emptySeaTunnelHistory(), { ...T, failedJobMaxAgeMs: Infinity });
    expect(problems.map((p) => p.rule)).toEqual(['seatunnel-job-failed']);
  });
});

describe('resolveThresholds', () => {
  it('applies the config map: global keys, then per-cluster keys; ignores unknown keys', () => {
    const t = resolveThresholds(
      { heapHigh: 0.8, 'heapHigh.prod': 0.95, bogus: 1, restartsHigh: NaN },
      'prod',
    );
    expect(t.heapHigh).toBe(0.95);
    expect(resolveThresholds({ heapHigh: 0.8, 'heapHigh.prod': 0.95 }, 'dev').heapHigh).toBe(0.8);
    expect(t.restartsHigh).toBe(T.restartsHigh);
    expect('bogus' in t).toBe(false);
  });
});
