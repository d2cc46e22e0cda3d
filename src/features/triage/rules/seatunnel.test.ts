import { describe, expect, it } from 'vitest';
import type { SeaTunnelJob, SeaTunnelOverview } from '@/api/seatunnel/normalise';
import { REC, at, seatunnelInput, seatunnelJobs } from '../testing/fixtures';
import { emptySeaTunnelHistory, observeSeaTunnel } from './history';
import {
  parseEngineTime,
  seaTunnelFailedRule,
  seaTunnelPendingRule,
  seaTunnelSinkStalledRule,
  stallFrom,
} from './seatunnel';
import { DEFAULT_THRESHOLDS as T } from './thresholds';

describe('seaTunnelFailedRule', () => {
  it('reports the recorded failed job with its error, linking to the job', () => {
    const failed = seatunnelJobs('finished-jobs-FAILED.json');
    const ended = parseEngineTime(failed[0]!.finishTime)!;
    const [p] = seaTunnelFailedRule(seatunnelInput({ failed: at(failed) }, ended + 60_000), T);
    expect(p).toMatchObject({
      severity: 'critical',
      jobName: 'streamdash-failing',
      since: ended,
      href: `/clusters/st/jobs/${failed[0]!.jobId}`,
    });
    expect(p?.explanation).toContain('ErrorCode:[COMMON-02]');
    expect(
      seaTunnelFailedRule(seatunnelInput({ failed: at(failed) }, ended + T.failedJobMaxAgeMs + 1), T),
    ).toEqual([]);
  });

  it('reads engine times as local time', () => {
    expect(parseEngineTime('2026-11-22 08:56:03')).toBe(new Date(2026, 10, 22, 8, 56, 3).getTime());
    expect(parseEngineTime(null)).toBeUndefined();
  });
});

describe('seaTunnelSinkStalledRule', () => {
  const running = seatunnelJobs('running-jobs.json');
  const job = running[0]!;
  const withCounts = (source: number, sink: number, sinkQps: number): SeaTunnelJob => ({
    ...job,
    metrics: {
      ...job.metrics,
      sourceReceivedCount: source,
      sinkWriteCount: sink,
      sinkWriteQPS: sinkQps,
      sourceReceivedQPS: 100,
    },
  });

  it('recorded healthy streaming jobs: nothing', () => {
    const input = seatunnelInput({ running: at(running) });
    expect(seaTunnelSinkStalledRule(input, observeSeaTunnel(emptySeaTunnelHistory(), input), T)).toEqual([]);
  });

  it('sink count flat while the source count grows, across polls for sinkStallMs', () => {
    let history = emptySeaTunnelHistory();
    const polls: [number, number, number][] = [
      [0, 1000, 1000],
      [10_000, 2000, 1500],
      [20_000, 3000, 1500],
      [45_000, 5500, 1500],
    ];
    let input = seatunnelInput();
    for (const [t, source, sink] of polls) {
      input = seatunnelInput({ running: at([withCounts(source, sink, 5)], REC.now + t) }, REC.now + t);
      history = observeSeaTunnel(history, input);
    }
    expect(stallFrom(history.flows[job.jobId]!)).toEqual({
      since: REC.now + 10_000,
      until: REC.now + 45_000,
      read: 3500n,
      // The sink wrote between the first two polls: the stall is dated by the data.
      dated: true,
    });
    const [p] = seaTunnelSinkStalledRule(input, history, T);
    expect(p).toMatchObject({
      severity: 'high',
      since: REC.now + 10_000,
      sinceBasis: 'data',
      figure: { value: 4000 },
      href: `/clusters/st/jobs/${job.jobId}`,
    });
    expect(p?.explanation).toContain('read 3500 records');
  });

  it('a sink flat since the first poll is only "seen" stalled: its last write may be older', () => {
    let history = emptySeaTunnelHistory();
    let input = seatunnelInput();
    for (const [t, source] of [
      [0, 1000],
      [45_000, 5500],
    ] as const) {
      input = seatunnelInput({ running: at([withCounts(source, 900, 5)], REC.now + t) }, REC.now + t);
      history = observeSeaTunnel(history, input);
    }
    expect(seaTunnelSinkStalledRule(input, history, T)[0]).toMatchObject({
      since: REC.now,
      sinceBasis: 'seen',
    });
  });

  it('on the first poll when the engine says the sink writes 0/s while the source reads', () => {
    const input = seatunnelInput({ running: at([withCounts(227490, 170408, 0)]) });
    const [p] = seaTunnelSinkStalledRule(input, observeSeaTunnel(emptySeaTunnelHistory(), input), T);
    expect(p).toMatchObject({ title: 'Sink stopped writing', figure: { value: 57082 } });
  });

  it('compares 64-bit counts exactly', () => {
    let history = emptySeaTunnelHistory();
    for (const [t, source] of [
      [0, '9007199254740993'],
      [40_000, '9007199254740995'],
    ] as const) {
      const input = seatunnelInput(
        {
          running: at(
            [
              {
                ...withCounts(0, 0, 5),
                metrics: {
                  ...withCounts(0, 0, 5).metrics,
                  sourceReceivedCount: source,
                  sinkWriteCount: '9007199254740993',
                },
              },
            ],
            REC.now + t,
          ),
        },
        REC.now + t,
      );
      history = observeSeaTunnel(history, input);
    }
    expect(stallFrom(history.flows[job.jobId]!)?.read).toBe(2n);
  });
});

describe('seaTunnelPendingRule', () => {
  const [recorded] = seatunnelJobs('running-jobs.json');
  const created = new Date(2026, 10, 22, 8, 0, 0).getTime();
  const pending: SeaTunnelJob = {
    ...recorded!,
    jobStatus: 'PENDING',
    createTime: '2026-11-22 08:00:00',
    envOptions: { 'job.mode': 'BATCH', parallelism: '4' },
  };
  const overview = { totalSlot: 20, unassignedSlot: 11 } as SeaTunnelOverview;

  it('lists a job pending past the threshold, dated by its createTime, with what the engine tells', () => {
    const now = created + 15 * 60_000;
    const [p] = seaTunnelPendingRule(
      seatunnelInput({ running: at([pending]), overview: at(overview) }, now),
      T,
    );
    expect(p).toMatchObject({
      rule: 'seatunnel-job-pending',
      title: 'Job pending',
      since: created,
      figure: { value: 15 * 60_000 },
      href: `/clusters/st/jobs/${pending.jobId}`,
    });
    expect(p?.explanation).toContain('Pending for 15 m');
    expect(p?.explanation).toContain('11 of 20 slots are free, enough for parallelism 4, yet the job waits');
  });

  it('a job pending shorter than the threshold, or running, is not listed', () => {
    const input = (job: SeaTunnelJob) =>
      seatunnelInput({ running: at([job]) }, created + T.seatunnelPendingMs - 1000);
    expect(seaTunnelPendingRule(input(pending), T)).toEqual([]);
    expect(
      seaTunnelPendingRule(
        seatunnelInput({ running: at([{ ...pending, jobStatus: 'RUNNING' }]) }, created + 3_600_000),
        T,
      ),
    ).toEqual([]);
  });
});
