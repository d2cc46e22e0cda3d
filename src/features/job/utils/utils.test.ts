import { describe, expect, it } from 'vitest';
import type {
  JobConfig,
  JobDetails,
  JobExceptions,
  Metric,
  ResourceRequirements,
  SubtaskTimes,
} from '@/api/flink/schemas';
import {
  classifyTrace,
  deepestCause,
  exceptionHeadline,
  exceptionLocation,
  foldFramework,
  labelEntries,
} from './exceptions';
import { formatLiveDuration, liveDuration, subtaskCounts, totalSubtasks } from './job-header';
import {
  executionConfigRows,
  filterKeyValues,
  formatJobMetric,
  jobMetricKind,
  requirementRows,
  userConfigRows,
} from './job-config';
import { percentOf, startupRange, subtaskTimeline, timeTicks, vertexTimeline } from './timeline';
import { fixture as flinkFixture } from '../testing/fake-cluster';

describe('exceptions', () => {
  const failing = flinkFixture<JobExceptions>('jobs__jobid__exceptions.json');
  const failed = flinkFixture<JobExceptions>('jobs__jobid__exceptions--failed.json');

  it('splits class and message the way real Flink sends them', () => {
    const e = failing.exceptionHistory.entries[0]!;
    expect(exceptionHeadline(e)).toEqual({
      className: 'java.lang.RuntimeException',
      message: expect.stringMatching(/^Simulated failure every \d+ records$/) as string,
    });
    const root = failed.exceptionHistory.entries[0]!;
    expect(exceptionHeadline(root)).toEqual({
      className: 'org.apache.flink.runtime.JobException',
      message: 'Recovery is suppressed by NoRestartBackoffTimeStrategy',
    });
  });

  it('also when the message is part of exceptionName', () => {
    const e = {
      exceptionName: 'java.io.IOException: disk full',
      stacktrace: 'java.io.IOException: disk full\n\tat a.B.c(B.java:1)',
    };
    expect(exceptionHeadline(e)).toEqual({ className: 'java.io.IOException', message: 'disk full' });
    expect(
      exceptionHeadline({
        exceptionName: 'java.lang.NullPointerException',
        stacktrace: 'java.lang.NullPointerException\n\tat x',
      }),
    ).toEqual({
      className: 'java.lang.NullPointerException',
      message: '',
    });
  });

  it('finds the innermost cause', () => {
    const trace =
      'a.Outer: wrapped\n\tat x.Y.z(Y.java:1)\nCaused by: b.Middle: mid\n\t... 3 more\nCaused by: java.net.ConnectException: Connection refused\n\tat q';
    expect(deepestCause(trace)).toEqual({
      className: 'java.net.ConnectException',
      message: 'Connection refused',
    });
    expect(deepestCause(failing.exceptionHistory.entries[0]!.stacktrace)).toBeUndefined();
  });

  it('reads location, task manager and labels of a task failure; a global failure has none', () => {
    const task = failing.exceptionHistory.entries[0]!;
    expect(exceptionLocation(task)).toMatch(/:\d+$/);
    expect(exceptionLocation({ location: 'host:1' })).toBe('host:1');
    const global = failed.exceptionHistory.entries[0]!;
    expect(exceptionLocation(global)).toBeUndefined();
    expect(global.concurrentExceptions?.[0]?.taskManagerId).toBeTruthy();
    expect(labelEntries({ type: 'USER', component: 'jdbc' })).toEqual([
      ['component', 'jdbc'],
      ['type', 'USER'],
    ]);
  });

  it('classifies stack trace lines and folds framework frames', () => {
    const lines = classifyTrace(failing.exceptionHistory.entries[0]!.stacktrace);
    expect(lines[0]!.kind).toBe('header');
    expect(lines.find((l) => l.text.includes('streamdash.jobs.FailingJob'))?.kind).toBe('user');
    expect(lines.find((l) => l.text.includes('org.apache.flink.streaming'))?.kind).toBe('framework');
    expect(lines.some((l) => l.text.includes('\t'))).toBe(false);
    const folded = foldFramework(lines);
    expect(folded.length).toBeLessThan(lines.length);
    expect(folded.some((l) => /… \d+ Flink\/JDK frames/.test(l.text))).toBe(true);
    expect(folded.filter((l) => l.kind === 'user')).toHaveLength(
      lines.filter((l) => l.kind === 'user').length,
    );
  });
});

describe('job header', () => {
  const failed = flinkFixture<JobDetails>('jobs__jobid--failed.json');
  const running = flinkFixture<JobDetails>('jobs__jobid.json');

  it('sums subtask states over the vertices', () => {
    expect(subtaskCounts(failed)).toMatchObject({ canceled: 1, failed: 1, running: 0 });
    expect(totalSubtasks(failed)).toBe(failed.vertices.reduce((s, v) => s + v.parallelism, 0));
  });

  it('a running job’s duration grows with the clock; a finished one keeps Flink’s', () => {
    expect(liveDuration(failed, failed.now + 60_000, failed.now)).toBe(failed.duration);
    const received = 1_000_000;
    const d0 = liveDuration(running, received, received);
    expect(d0).toBe(Math.max(running.duration, running.now - running['start-time']));
    expect(liveDuration(running, received + 5000, received)).toBe(d0 + 5000);
  });

  it('formats a running duration to the second', () => {
    expect(formatLiveDuration(42_400)).toBe('42 s');
    expect(formatLiveDuration(5 * 60_000 + 3000)).toBe('5 m 03 s');
    expect(formatLiveDuration(2 * 3_600_000 + 18 * 60_000 + 5000)).toBe('2 h 18 m 05 s');
    expect(formatLiveDuration(3 * 86_400_000 + 4 * 3_600_000 + 12 * 60_000)).toBe('3 d 4 h 12 m 00 s');
    expect(formatLiveDuration(-1)).toBe('—');
  });
});

describe('timeline', () => {
  it('draws every started vertex from start to end (to now while running)', () => {
    const job = flinkFixture<JobDetails>('jobs__jobid.json');
    const t = vertexTimeline(job);
    expect(t.rows.map((r) => r.label)).toEqual(job.vertices.map((v) => v.name));
    for (const r of t.rows) {
      expect(r.segments).toHaveLength(1);
      expect(r.segments[0]!.open).toBe(true);
      expect(r.segments[0]!.end).toBe(job.now);
    }
    expect(t.start).toBe(Math.min(...job.vertices.map((v) => v['start-time'])));
    const done = vertexTimeline(flinkFixture<JobDetails>('jobs__jobid--failed.json'));
    expect(done.rows.every((r) => r.segments.every((s) => !s.open))).toBe(true);
    expect(done.rows.map((r) => r.status).sort()).toEqual(['CANCELED', 'FAILED']);
  });

  it('puts vertices that have not started aside', () => {
    const job = flinkFixture<JobDetails>('jobs__jobid.json');
    const first = job.vertices[0]!;
    const t = vertexTimeline({
      ...job,
      vertices: [{ ...first, 'start-time': -1, 'end-time': -1 }, ...job.vertices.slice(1)],
    });
    expect(t.waiting.map((w) => w.id)).toEqual([first.id]);
  });

  it('turns subtask state timestamps into consecutive stretches', () => {
    const times = flinkFixture<SubtaskTimes>('jobs__jobid__vertices__vertexid__subtasktimes.json');
    const t = subtaskTimeline(times);
    expect(t.rows).toHaveLength(times.subtasks.length);
    const row = t.rows[0]!;
    expect(row.segments.map((s) => s.state)).toEqual([
      'CREATED',
      'SCHEDULED',
      'DEPLOYING',
      'INITIALIZING',
      'RUNNING',
    ]);
    const ts = times.subtasks[0]!.timestamps;
    expect(row.segments[1]).toEqual({
      state: 'SCHEDULED',
      start: ts.SCHEDULED,
      end: ts.DEPLOYING,
      open: false,
    });
    expect(row.segments[4]).toEqual({ state: 'RUNNING', start: ts.RUNNING, end: times.now, open: true });
  });

  it('zooms to the start-up when the run is much longer', () => {
    const times = flinkFixture<SubtaskTimes>('jobs__jobid__vertices__vertexid__subtasktimes.json');
    const long = subtaskTimeline({ ...times, now: times.now + 86_400_000 });
    const range = startupRange(long)!;
    const lastRunning = Math.max(...times.subtasks.map((s) => s.timestamps.RUNNING!));
    expect(range.start).toBe(long.start);
    expect(range.end).toBeGreaterThan(lastRunning);
    expect(range.end).toBeLessThan(lastRunning + 60_000);
    // Nothing to zoom when everything already fits.
    const short = subtaskTimeline({ ...times, now: lastRunning + 10 });
    expect(startupRange(short)).toBeUndefined();
  });

  it('ends a subtask row at a final state', () => {
    const t = subtaskTimeline({
      id: 'v',
      name: 'v',
      now: 100,
      subtasks: [
        { subtask: 0, duration: 1, timestamps: { CREATED: 10, RUNNING: 20, FAILED: 30, CANCELED: 0 } },
      ],
    });
    expect(t.rows[0]!.segments).toEqual([
      { state: 'CREATED', start: 10, end: 20, open: false },
      { state: 'RUNNING', start: 20, end: 30, open: false },
    ]);
    expect(t.rows[0]!.status).toBe('FAILED');
  });

  it('picks round axis ticks', () => {
    const { step, ticks } = timeTicks(1_000_500, 1_060_000, 8);
    expect(step).toBe(10_000);
    expect(ticks[0]).toBe(1_010_000);
    expect(ticks.every((t) => t % step === 0)).toBe(true);
    expect(timeTicks(0, 300, 6).step).toBe(50);
    expect(timeTicks(0, 300, 2).step).toBe(200);
    expect(timeTicks(1053, 3700, 6).ticks).toEqual([1053, 1553, 2053, 2553, 3053, 3553]);
    expect(percentOf(50, 0, 200)).toBe(25);
    expect(percentOf(500, 0, 200)).toBe(100);
  });
});

describe('configuration', () => {
  const config = flinkFixture<JobConfig>('jobs__jobid__config.json');

  it('lists the execution config readably and the user config sorted', () => {
    const rows = executionConfigRows(config);
    expect(rows.map((r) => r.key)).toContain('Restart strategy');
    expect(rows.find((r) => r.key === 'Object reuse')?.value).toBe('disabled');
    expect(
      userConfigRows({ jid: 'j', name: 'n', 'execution-config': { 'user-config': { b: '2', a: '1' } } }),
    ).toEqual([
      { key: 'a', value: '1' },
      { key: 'b', value: '2' },
    ]);
    expect(filterKeyValues(rows, 'fixed delay').map((r) => r.key)).toEqual(['Restart strategy']);
    expect(filterKeyValues(rows, 'PARALLELISM 2')).toHaveLength(1);
  });

  it('joins resource requirements with vertex names in job order', () => {
    const req = flinkFixture<ResourceRequirements>('adaptive--jobs__jobid__resource-requirements.json');
    const job = flinkFixture<JobDetails>('adaptive--jobs__jobid.json');
    const rows = requirementRows(req, job.vertices);
    expect(rows.map((r) => r.name)).toEqual(job.vertices.filter((v) => v.id in req).map((v) => v.name));
    expect(rows[0]).toMatchObject({ lowerBound: 1, upperBound: expect.any(Number) as number });
    expect(requirementRows(req, undefined)[0]!.name).toMatch(/^[0-9a-f]{32}$/);
  });

  it('formats job metrics by their kind', () => {
    const values = flinkFixture<Metric[]>('jobs__jobid__metrics--get.json');
    const byId = Object.fromEntries(values.map((m) => [m.id, m.value]));
    expect(jobMetricKind('uptime', byId.uptime)).toBe('duration');
    expect(jobMetricKind('lastCheckpointSize', byId.lastCheckpointSize)).toBe('bytes');
    expect(jobMetricKind('numRestarts', byId.numRestarts)).toBe('number');
    expect(jobMetricKind('lastCheckpointRestoreTimestamp', '1795337424957')).toBe('timestamp');
    expect(jobMetricKind('lastCheckpointExternalPath', 'file:/tmp/cp')).toBe('text');
    expect(formatJobMetric('lastCheckpointSize', '2048', 'UTC')).toBe('2.00 KiB');
    expect(formatJobMetric('uptime', '4594', 'UTC')).toBe('4.6 s');
    expect(formatJobMetric('numRestarts', '12345', 'UTC')).toBe('12,345');
    expect(formatJobMetric('lastCheckpointRestoreTimestamp', '0', 'UTC')).toBe('—');
    expect(formatJobMetric('lastCheckpointRestoreTimestamp', '1795337424957', 'UTC')).toMatch(/ UTC$/);
    expect(formatJobMetric('numRestarts', undefined, 'UTC')).toBe('—');
    expect(formatJobMetric('lastCheckpointExternalPath', '<n/a>', 'UTC')).toBe('<n/a>');
  });
});
