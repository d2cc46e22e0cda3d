import { describe, expect, it } from 'vitest';
import { REC, at, flink, flinkInput } from '../testing/fixtures';
import { emptyFlinkHistory, observeFlink } from './history';
import { lostJobs, observeJobList } from '@/api/flink/lost-jobs';
import { evaluateFlink } from './engine';
import { counterGrowth, jobFailedRule, jobLostRule, jobRestartsRule, jobStuckRule } from './jobs';
import { DEFAULT_THRESHOLDS as T } from './thresholds';

describe('jobFailedRule', () => {
  it('reports the recorded FAILED job with its root cause and a link to the exceptions', () => {
    const input = flinkInput({
      jobs: at(flink.jobs()),
      exceptions: { [REC.failed]: at(flink.exceptions('--failed')) },
    });
    const [p, ...rest] = jobFailedRule(input, T);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({
      id: `rec:job-failed:${REC.failed}`,
      severity: 'critical',
      jobName: 'streamdash failed job',
      href: `/clusters/rec/jobs/${REC.failed}/exceptions`,
      since: 1795339196902,
    });
    expect(p?.explanation).toMatch(/^Failed with /);
  });

  it('forgets failures older than failedJobMaxAgeMs', () => {
    const input = flinkInput({ jobs: at(flink.jobs()) }, REC.now + T.failedJobMaxAgeMs + 60_000);
    expect(jobFailedRule(input, T)).toEqual([]);
  });
});

describe('jobRestartsRule', () => {
  it('counts restarts in the window from the exception history (FailingJob, two failures)', () => {
    const input = flinkInput({
      jobs: at(flink.jobs()),
      exceptions: { [REC.failing]: at(flink.exceptions()) },
    });
    const problems = jobRestartsRule(input, emptyFlinkHistory(), T);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      jobId: REC.failing,
      severity: 'medium',
      title: 'Job restarted',
      figure: { value: 2 },
      since: 1795339134760,
      href: `/clusters/rec/jobs/${REC.failing}/exceptions`,
    });
    expect(problems[0]?.explanation).toContain('RuntimeException: Simulated failure every 2000 records');
  });

  it('is high while the job is RESTARTING, even before any exception is known', () => {
    const jobs = flink.jobs().map((j) => (j.jid === REC.failing ? { ...j, state: 'RESTARTING' } : j));
    const [p] = jobRestartsRule(flinkInput({ jobs: at(jobs) }), emptyFlinkHistory(), T);
    expect(p).toMatchObject({ severity: 'high', title: 'Job restarting', figure: { value: 0 } });
  });

  it('counts the growth of numRestarts across polls', () => {
    const jobs = at(flink.jobs());
    let history = emptyFlinkHistory();
    const metrics = (n: number) => [{ id: 'numRestarts', value: String(n) }];
    history = observeFlink(
      history,
      flinkInput({ jobs, jobMetrics: { [REC.failing]: at(metrics(2), REC.now - 60_000) } }),
    );
    const input = flinkInput({ jobs, jobMetrics: { [REC.failing]: at(metrics(7), REC.now) } });
    history = observeFlink(history, input);
    const [p] = jobRestartsRule(input, history, T);
    expect(p).toMatchObject({ severity: 'high', figure: { value: 5 } });
  });

  it('counts a JobManager failover (HA): the job comes back with a later start-time and counters at 0', () => {
    // As on a real Flink 2.2.1 with ZooKeeper HA (docs/real-flink-notes.md): after the new
    // JobManager recovered the job, numRestarts is 0 and the exception history is empty.
    const before = flink.jobs().filter((j) => j.jid === REC.checkpointing);
    const started = before[0]!['start-time'];
    const recoveredAt = REC.now - 30_000;
    const after = before.map((j) => ({ ...j, state: 'INITIALIZING', 'start-time': recoveredAt }));
    const metrics = (n: number) => [{ id: 'numRestarts', value: String(n) }];
    let history = emptyFlinkHistory();
    history = observeFlink(
      history,
      flinkInput(
        {
          jobs: at(before, REC.now - 120_000),
          jobMetrics: { [REC.checkpointing]: at(metrics(1), REC.now - 120_000) },
        },
        REC.now - 120_000,
      ),
    );
    expect(jobRestartsRule(flinkInput({ jobs: at(before) }), history, T)).toEqual([]);
    const input = flinkInput({
      jobs: at(after),
      jobMetrics: { [REC.checkpointing]: at(metrics(0)) },
      exceptions: { [REC.checkpointing]: at({ exceptionHistory: { entries: [], truncated: false } }) },
    });
    history = observeFlink(history, input);
    const [p, ...rest] = jobRestartsRule(input, history, T);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({
      jobId: REC.checkpointing,
      title: 'Job restarted',
      figure: { value: 1 },
      since: recoveredAt,
      href: `/clusters/rec/jobs/${REC.checkpointing}/timeline`,
    });
    expect(p?.explanation).toContain('by a new JobManager (failover)');
    expect(started).toBeLessThan(recoveredAt);
    // The same start-time seen again is no second failover.
    history = observeFlink(history, flinkInput({ jobs: at(after, REC.now) }));
    expect(jobRestartsRule(input, history, T)[0]).toMatchObject({ figure: { value: 1 } });
  });

  it('says nothing about a job without restarts, and clears once they leave the window', () => {
    expect(jobRestartsRule(flinkInput({ jobs: at(flink.jobs()) }), emptyFlinkHistory(), T)).toEqual([]);
    const later = flinkInput(
      { jobs: at(flink.jobs()), exceptions: { [REC.failing]: at(flink.exceptions()) } },
      REC.now + T.restartWindowMs,
    );
    expect(jobRestartsRule(later, emptyFlinkHistory(), T)).toEqual([]);
  });
});

describe('counterGrowth', () => {
  it('adds what a counter counts after it started again at 0 (a new JobManager)', () => {
    const s = (t: number, v: number) => ({ t, v });
    expect(counterGrowth([s(0, 3), s(10, 5), s(20, 0), s(30, 2)], 0)).toBe(4);
    // the baseline is the newest sample at or before the window start
    expect(counterGrowth([s(0, 3), s(10, 5), s(20, 6)], 10)).toBe(1);
    expect(counterGrowth([], 0)).toBe(0);
  });
});

describe('jobStuckRule', () => {
  it('reports a job in CREATED for longer than stuckStateMs, by the job manager clock', () => {
    const details = flink.details('--failing');
    const job = { ...flink.jobs().find((j) => j.jid === REC.failing)!, state: 'CREATED' };
    const stuck = {
      ...details,
      state: 'CREATED',
      timestamps: { ...details.timestamps, CREATED: details.now - 90_000 },
    };
    const [p] = jobStuckRule(flinkInput({ jobs: at([job]), jobDetails: { [REC.failing]: at(stuck) } }), T);
    expect(p).toMatchObject({ title: 'Stuck in CREATED', severity: 'high', figure: { value: 90_000 } });
    const fresh = { ...stuck, timestamps: { ...stuck.timestamps, CREATED: details.now - 5_000 } };
    expect(
      jobStuckRule(flinkInput({ jobs: at([job]), jobDetails: { [REC.failing]: at(fresh) } }), T),
    ).toEqual([]);
  });

  it('ignores RUNNING jobs', () => {
    expect(jobStuckRule(flinkInput({ jobs: at(flink.jobs()) }), T)).toEqual([]);
  });
});

describe('jobLostRule', () => {
  /** The recorded jobs seen, then an answer without any of them (a JobManager back without HA). */
  function lostAfterRestart(outage?: { from: number; to: number }) {
    const seen = observeJobList({}, flink.jobs(), { requestedAt: REC.now - 10_100, at: REC.now - 10_000 });
    const gone = observeJobList(seen, [], { requestedAt: REC.now - 1100, at: REC.now - 1000 }, outage);
    return lostJobs(gone);
  }

  it('reports every job seen alive that the cluster forgot: critical when it was RUNNING', () => {
    const input = flinkInput({
      jobs: at([]),
      lostJobs: lostAfterRestart({ from: REC.now - 8000, to: REC.now - 1500 }),
    });
    const problems = jobLostRule(input, T);
    // The three running jobs; the finished, failed and cancelled ones were merely cleaned up.
    expect(problems.map((p) => p.jobId).sort()).toEqual(
      [REC.backpressure, REC.checkpointing, REC.failing].sort(),
    );
    expect(problems[0]).toMatchObject({
      rule: 'job-lost',
      severity: 'critical',
      title: 'Job lost',
      since: REC.now - 1000,
      figure: { label: 'Last known state', text: 'RUNNING' },
    });
    expect(problems[0]?.href).toBe(`/clusters/rec/jobs/${problems[0]?.jobId}`);
    expect(problems[0]?.explanation).toContain('without high availability');
    // The engine runs it, and nothing else reports the forgotten jobs.
    expect(evaluateFlink(input, emptyFlinkHistory(), T).filter((p) => p.rule === 'job-lost')).toHaveLength(3);
  });

  it('a job last seen in another live state is high, not critical', () => {
    const [first] = lostAfterRestart();
    const input = flinkInput({ lostJobs: [{ ...first!, job: { ...first!.job, state: 'RESTARTING' } }] });
    expect(jobLostRule(input, T)[0]?.severity).toBe('high');
    expect(jobLostRule(input, T)[0]?.explanation).not.toContain('high availability');
  });

  it('stops reporting after failedJobMaxAgeMs', () => {
    const input = flinkInput({ lostJobs: lostAfterRestart() }, REC.now + T.failedJobMaxAgeMs);
    expect(jobLostRule(input, T)).toEqual([]);
  });
});
