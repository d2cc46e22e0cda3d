import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SubtaskAttempt, SubtasksAccumulators } from '@/api/flink/schemas';
import { accumulatorRows, earlierAttempts, hostOf, stateDurations } from './subtasks';

/** A recorded Flink 2.2.1 answer. */
const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(join(process.cwd(), 'e2e/fixtures/flink/2.2', `${name}.json`), 'utf8')) as T;

describe('subtask helpers', () => {
  it('shows the host of an endpoint', () => {
    expect(hostOf('172.19.0.5:37437')).toBe('172.19.0.5');
    expect(hostOf('localhost:45241')).toBe('localhost');
    expect(hostOf('(unassigned)')).toBe('(unassigned)');
    expect(hostOf(undefined)).toBe('—');
  });

  it('lists the earlier attempts of a restarted subtask, newest first', () => {
    const restarted = fixture<SubtaskAttempt>(
      'jobs__jobid__vertices__vertexid__subtasks__subtaskindex--restarted',
    );
    expect(restarted.attempt).toBeGreaterThan(0);
    expect(earlierAttempts(restarted.attempt)).toEqual(
      Array.from({ length: restarted.attempt }, (_, i) => restarted.attempt - 1 - i),
    );
    expect(earlierAttempts(0)).toEqual([]);
  });

  it('orders the time per state along the life cycle, skipping states never entered', () => {
    expect(
      stateDurations({
        'status-duration': { RUNNING: 5, CREATED: 1, FAILED: 0, DEPLOYING: 2, SCHEDULED: 3 },
      }),
    ).toEqual([
      ['CREATED', 1],
      ['SCHEDULED', 3],
      ['DEPLOYING', 2],
      ['RUNNING', 5],
    ]);
    expect(stateDurations({ 'status-duration': undefined })).toEqual([]);
  });

  it('flattens subtask accumulators to one row per subtask and name', () => {
    const data = fixture<SubtasksAccumulators>('jobs__jobid__vertices__vertexid__subtasks__accumulators');
    const rows = accumulatorRows(data);
    expect(rows).toHaveLength(data.subtasks.reduce((n, s) => n + s['user-accumulators'].length, 0));
    expect(rows[0]).toMatchObject({
      subtask: 0,
      attempt: 0,
      name: data.subtasks[0]?.['user-accumulators'][0]?.name,
    });
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    expect(accumulatorRows(undefined)).toEqual([]);
  });
});
