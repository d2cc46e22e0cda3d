import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { flinkKeys } from './keys';
import { subtasksMetricsQuery, vertexMetricsQuery } from './queries';

const c = 'prod';
const j = 'a'.repeat(32);
const other = 'b'.repeat(32);
const v = 'c'.repeat(32);

/** Every key below one job, from details down to a subtask attempt and an operation status. */
const jobScoped = [
  flinkKeys.jobDetails(c, j),
  flinkKeys.jobStatus(c, j),
  flinkKeys.jobPlan(c, j),
  flinkKeys.jobConfig(c, j),
  flinkKeys.jobExceptions(c, j, {}),
  flinkKeys.jobMetrics(c, j, { get: ['x'] }),
  flinkKeys.resourceRequirements(c, j),
  flinkKeys.checkpointStats(c, j),
  flinkKeys.checkpointSubtasks(c, j, 25, v),
  flinkKeys.checkpointTriggerStatus(c, j, 't'),
  flinkKeys.savepointStatus(c, j, 't'),
  flinkKeys.vertexDetails(c, j, v),
  flinkKeys.vertexFlameGraph(c, j, v, { type: 'FULL' }),
  flinkKeys.subtasksMetrics(c, j, v, { get: ['a'] }),
  flinkKeys.subtaskMetrics(c, j, v, 0, {}),
  flinkKeys.subtaskAttemptAccumulators(c, j, v, 0, 1),
];

describe('flinkKeys', () => {
  it('starts every cluster key with [flink, clusterId] (connection tracking relies on it)', () => {
    for (const key of [
      ...jobScoped,
      flinkKeys.tmLog(c, 'tm'),
      flinkKeys.jmConfig(c),
      flinkKeys.jarsList(c),
    ]) {
      expect(key.slice(0, 2)).toEqual(['flink', c]);
    }
  });

  it('invalidating a job clears everything of that job and nothing of another', async () => {
    const qc = new QueryClient();
    for (const key of jobScoped) qc.setQueryData(key, 1);
    qc.setQueryData(flinkKeys.jobDetails(c, other), 1);
    qc.setQueryData(flinkKeys.taskManagersList(c), 1);
    await qc.invalidateQueries({ queryKey: flinkKeys.job(c, j) });
    for (const key of jobScoped) expect(qc.getQueryState(key)?.isInvalidated, JSON.stringify(key)).toBe(true);
    expect(qc.getQueryState(flinkKeys.jobDetails(c, other))?.isInvalidated).toBe(false);
    expect(qc.getQueryState(flinkKeys.taskManagersList(c))?.isInvalidated).toBe(false);
  });

  it('invalidating a vertex clears its subtasks but not its siblings', async () => {
    const qc = new QueryClient();
    qc.setQueryData(flinkKeys.subtaskDetails(c, j, v, 3), 1);
    qc.setQueryData(flinkKeys.vertexDetails(c, j, 'd'.repeat(32)), 1);
    await qc.invalidateQueries({ queryKey: flinkKeys.vertex(c, j, v) });
    expect(qc.getQueryState(flinkKeys.subtaskDetails(c, j, v, 3))?.isInvalidated).toBe(true);
    expect(qc.getQueryState(flinkKeys.vertexDetails(c, j, 'd'.repeat(32)))?.isInvalidated).toBe(false);
  });

  it('gives the same metrics in another order the same cache entry', () => {
    expect(vertexMetricsQuery(c, j, v, { get: ['b', 'a'] }).queryKey).toEqual(
      vertexMetricsQuery(c, j, v, { get: ['a', 'b', 'a'] }).queryKey,
    );
    expect(subtasksMetricsQuery(c, j, v, { get: ['b', 'a'], agg: ['max', 'min'] }).queryKey).toEqual(
      subtasksMetricsQuery(c, j, v, { get: ['a', 'b'], agg: ['min', 'max'] }).queryKey,
    );
  });
});
