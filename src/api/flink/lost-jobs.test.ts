import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  goneCause,
  jobGoneVerdict,
  LOST_KEEP_MS,
  lostJobRow,
  lostJobs,
  mergeKnown,
  observeJobDetails,
  observeJobList,
  observeJobMissing,
  REMEMBER_MS,
  type KnownJobs,
} from './lost-jobs';
import type { JobDetails, JobOverview } from './schemas';

/** Recorded answers of a real Flink 2.2.1. */
const fixture = <T>(file: string) =>
  JSON.parse(readFileSync(join(process.cwd(), 'e2e/fixtures/flink/2.2', file), 'utf8')) as T;
const overviewFixture = fixture<{ jobs: JobOverview[] }>('jobs__overview.json');
const detailsFixture = fixture<JobDetails>('jobs__jobid.json');

const T0 = Date.UTC(2026, 11, 7, 6, 0, 0);
const recorded = overviewFixture.jobs;
const running = recorded.find((j) => j.state === 'RUNNING') as JobOverview;
const finished = recorded.find((j) => j.state === 'FINISHED') as JobOverview;
const at = (ms: number) => ({ requestedAt: T0 + ms - 50, at: T0 + ms });

describe('lost jobs', () => {
  it('a running job seen in the list and missing from a later answer is lost', () => {
    let known = observeJobList({}, [running, finished], at(0));
    expect(lostJobs(known)).toEqual([]);
    known = observeJobList(known, [finished], at(3000));
    const lost = lostJobs(known);
    expect(lost.map((l) => [l.job.jid, l.goneSince, l.seenAt])).toEqual([[running.jid, T0 + 3000, T0]]);
    expect(goneCause(lost[0]!)).toEqual({ kind: 'unknown' });
    // A later answer keeps it lost since the first one without it.
    known = observeJobList(known, [], at(6000));
    expect(lostJobs(known)[0]?.goneSince).toBe(T0 + 3000);
  });

  it('names the JobManager restart when the cluster stopped answering after the sighting', () => {
    let known = observeJobList({}, [running], at(0));
    known = observeJobList(known, [], at(20_000), { from: T0 + 2000, to: T0 + 19_000 });
    expect(goneCause(lostJobs(known)[0]!)).toEqual({ kind: 'restart', at: T0 + 19_000 });
  });

  it('a 404 that races the outage recovery (still flagged down) still counts the restart, at the answer', () => {
    let known = observeJobDetails({}, detailsFixture, T0);
    known = observeJobMissing(known, detailsFixture.jid, at(15_000), { from: T0 + 1000 });
    const [lost] = lostJobs(known);
    expect(lost?.job.name).toBe(detailsFixture.name);
    expect(goneCause(lost!)).toEqual({ kind: 'restart', at: T0 + 15_000 });
  });

  it('an outage that began before the sighting is no restart of this job', () => {
    let known = observeJobList({}, [running], at(5000));
    known = observeJobList(known, [], at(8000), { from: T0 + 1000, to: T0 + 4000 });
    expect(goneCause(lostJobs(known)[0]!)).toEqual({ kind: 'unknown' });
  });

  it('an answer to a request sent before the sighting proves nothing', () => {
    let known = observeJobDetails({}, detailsFixture, T0 + 1000);
    known = observeJobList(known, [], { requestedAt: T0 + 900, at: T0 + 1100 });
    known = observeJobMissing(known, detailsFixture.jid, { requestedAt: T0 + 950, at: T0 + 1200 });
    expect(lostJobs(known)).toEqual([]);
  });

  it('a finished job cleaned up by the cluster is not lost, and its cause says so', () => {
    let known = observeJobList({}, [finished], at(0));
    known = observeJobList(known, [], at(3000));
    expect(lostJobs(known)).toEqual([]);
    expect(goneCause(known[finished.jid]!)).toEqual({ kind: 'cleaned-up', state: 'FINISHED' });
  });

  it('a job listed again (recovered with HA) is no longer lost', () => {
    let known = observeJobList({}, [running], at(0));
    known = observeJobList(known, [], at(3000));
    known = observeJobList(known, [running], at(6000));
    expect(lostJobs(known)).toEqual([]);
  });

  it('a job seen longer ago than REMEMBER_MS is forgotten, not reported lost', () => {
    let known = observeJobList({}, [running], at(0));
    known = observeJobList(known, [], at(REMEMBER_MS + 1));
    expect(known).toEqual({});
    expect(observeJobMissing(observeJobList({}, [running], at(0)), running.jid, at(REMEMBER_MS + 1))).toEqual(
      {},
    );
  });

  it('a lost job row has state LOST and the duration it had when last seen', () => {
    const job = { ...running, 'start-time': T0 - 60_000, 'end-time': -1, duration: 50_000 };
    const known = observeJobList(observeJobList({}, [job], at(0)), [], at(3000));
    const row = lostJobRow(known[job.jid]!);
    expect(row.state).toBe('LOST');
    expect(row.duration).toBe(60_000);
  });

  it('loads stored entries that are still trustworthy, never over this page’s own', () => {
    const lost = { job: running, seenAt: T0 - 10_000, goneSince: T0 - 5000 };
    const stored = {
      [running.jid]: lost,
      old: { job: { ...running, jid: 'old' }, seenAt: T0 - REMEMBER_MS - 1 },
      expired: {
        job: { ...running, jid: 'expired' },
        seenAt: T0 - LOST_KEEP_MS - 9,
        goneSince: T0 - LOST_KEEP_MS - 1,
      },
      broken: { job: { jid: 'broken' }, seenAt: 'x' },
      [finished.jid]: { job: finished, seenAt: T0 - 1000 },
    };
    const live: KnownJobs = { [finished.jid]: { job: finished, seenAt: T0 } };
    const merged = mergeKnown(live, stored, T0);
    expect(Object.keys(merged).sort()).toEqual([finished.jid, running.jid].sort());
    expect(merged[finished.jid]?.seenAt).toBe(T0);
    expect(merged[running.jid]).toEqual(lost);
    expect(mergeKnown(live, 'garbage', T0)).toBe(live);
  });
});

describe('the job page verdict on a 404', () => {
  const seen = { job: running, at: T0 };

  it('a job never seen is a plain "not found"', () => {
    expect(jobGoneVerdict({ notFound: true, notFoundAt: T0, known: undefined })).toBeUndefined();
  });

  it('a job seen in this visit is gone since the 404, with its last known data', () => {
    expect(
      jobGoneVerdict({ notFound: true, notFoundAt: T0 + 3000, seenInVisit: seen, known: undefined }),
    ).toEqual({
      lastKnown: running,
      lastSeenAt: T0,
      since: T0 + 3000,
      cause: { kind: 'unknown' },
    });
  });

  it('the store’s entry (remembered across a reload) gives the cause and the first answer without it', () => {
    const known = { job: running, seenAt: T0, goneSince: T0 + 2000, restartedAt: T0 + 1900 };
    expect(jobGoneVerdict({ notFound: true, notFoundAt: T0 + 9000, known })).toEqual({
      lastKnown: running,
      lastSeenAt: T0,
      since: T0 + 2000,
      cause: { kind: 'restart', at: T0 + 1900 },
    });
  });

  it('a remembered entry loaded after the 404 arrived still counts, if recent', () => {
    const known = { job: running, seenAt: T0 };
    expect(jobGoneVerdict({ notFound: true, notFoundAt: T0 + 5000, known })?.since).toBe(T0 + 5000);
    expect(jobGoneVerdict({ notFound: true, notFoundAt: T0 + REMEMBER_MS + 1, known })).toBeUndefined();
  });

  it('no 404, no verdict (the job answers again)', () => {
    expect(
      jobGoneVerdict({ notFound: false, notFoundAt: 0, seenInVisit: seen, known: undefined }),
    ).toBeUndefined();
  });
});
