import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobOverview, JobsOverview } from '@/api/flink/schemas';
import {
  countStates,
  defaultOrder,
  filterByState,
  jobDuration,
  parseStates,
  searchFromSort,
  searchJobs,
  sortFromSearch,
  toggleState,
  totalTasks,
} from './job-list';

const recorded = JSON.parse(
  readFileSync(resolve(process.cwd(), 'e2e/fixtures/flink/2.2/jobs__overview.json'), 'utf8'),
) as JobsOverview;
const jobs = recorded.jobs;

const job = (over: Partial<JobOverview>): JobOverview => ({
  jid: 'a'.repeat(32),
  name: 'job',
  state: 'RUNNING',
  'start-time': 1000,
  'end-time': -1,
  duration: 10,
  'last-modification': 1000,
  tasks: { running: 1, total: 1 },
  ...over,
});

describe('jobs list helpers (recorded Flink 2.2 /jobs/overview)', () => {
  it('counts jobs per state, failures first', () => {
    expect(countStates(jobs)).toEqual([
      { state: 'FAILED', count: 1 },
      { state: 'RUNNING', count: 3 },
      { state: 'CANCELED', count: 1 },
      { state: 'FINISHED', count: 2 },
    ]);
  });

  it('searches by name and by id, every term must match', () => {
    expect(searchJobs(jobs, 'failingjob').map((j) => j.name)).toEqual(['streamdash FailingJob']);
    const failing = jobs.find((j) => j.name === 'streamdash FailingJob')!;
    expect(searchJobs(jobs, failing.jid.slice(0, 8).toUpperCase()).map((j) => j.jid)).toEqual([failing.jid]);
    expect(
      searchJobs(jobs, 'STREAMDASH target')
        .map((j) => j.name)
        .sort(),
    ).toEqual(['streamdash cancel target', 'streamdash stop target']);
    expect(searchJobs(jobs, 'streamdash nothing-like-this')).toEqual([]);
    expect(searchJobs(jobs, '  ')).toBe(jobs);
  });

  it('filters by one or several states from the URL', () => {
    expect(parseStates('failed, running')).toEqual(new Set(['FAILED', 'RUNNING']));
    expect(filterByState(jobs, parseStates('FAILED')).map((j) => j.state)).toEqual(['FAILED']);
    expect(filterByState(jobs, parseStates('FAILED,CANCELED'))).toHaveLength(2);
    expect(filterByState(jobs, parseStates(undefined))).toBe(jobs);
  });

  it('a chip click shows only that state, a second click shows all; with a modifier it adds', () => {
    expect(toggleState(new Set(), 'FAILED', true)).toBe('FAILED');
    expect(toggleState(new Set(['FAILED']), 'FAILED', true)).toBeUndefined();
    expect(toggleState(new Set(['FAILED']), 'RUNNING', true)).toBe('RUNNING');
    expect(toggleState(new Set(['FAILED']), 'RUNNING', false)).toBe('FAILED,RUNNING');
    expect(toggleState(new Set(['FAILED', 'RUNNING']), 'FAILED', false)).toBe('RUNNING');
  });

  it('orders running jobs first (newest first), then finished ones by end time', () => {
    const ordered = defaultOrder(jobs);
    expect(ordered.slice(0, 3).every((j) => j.state === 'RUNNING')).toBe(true);
    const ends = ordered.slice(3).map((j) => j['end-time']);
    expect(ends).toEqual([...ends].sort((a, b) => b - a));
    const starts = ordered.slice(0, 3).map((j) => j['start-time']);
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
  });

  it('keeps the sort in two URL params and ignores unknown columns', () => {
    expect(sortFromSearch('duration', true)).toEqual({ id: 'duration', desc: true });
    expect(sortFromSearch('name', undefined)).toEqual({ id: 'name', desc: false });
    expect(sortFromSearch('bogus', true)).toBeNull();
    expect(searchFromSort({ id: 'end', desc: false })).toEqual({ sort: 'end', desc: undefined });
    expect(searchFromSort({ id: 'end', desc: true })).toEqual({ sort: 'end', desc: true });
    expect(searchFromSort(null)).toEqual({ sort: undefined, desc: undefined });
  });

  it('counts tasks and durations', () => {
    expect(totalTasks(job({ tasks: { running: 2, failed: 1, total: 3 } }))).toBe(3);
    expect(totalTasks(job({ tasks: { running: 2, failed: 1 } }))).toBe(3);
    expect(jobDuration(job({ 'start-time': 1000, duration: 5 }), 4000)).toBe(3000);
    expect(jobDuration(job({ 'end-time': 2000, duration: 1000 }), 9000)).toBe(1000);
  });
});
