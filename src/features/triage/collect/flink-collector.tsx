/**
 * Polls one Flink cluster for triage, evaluates the rules after every new answer, publishes the
 * problems and records key metrics. Requests stay bounded: the cluster's cheap endpoints
 * (overview, jobs overview, task managers, one aggregated task manager metrics call), per
 * non-terminal job (capped by `maxJobsPolled`) details, checkpoints, exceptions and three job
 * metrics, and vertex or task manager metrics only for what the rules flagged (flinkNeeds).
 */
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { useConnectionStatus } from '@/api/connection-status';
import { useLostJobs } from '@/api/flink/known-jobs-store';
import { getMetricHistory, recordMetrics } from '@/api/metric-store';
import { usePollInterval } from '@/api/polling';
import {
  METRICS_MIN_MS,
  checkpointConfigQuery,
  checkpointStatsQuery,
  jobDetailsQuery,
  jobExceptionsQuery,
  jobMetricsQuery,
  subtasksMetricsQuery,
  taskManagerMetricsQuery,
  useClusterOverview,
  useJobsOverview,
  useTaskManagers,
  useTaskManagersMetrics,
  vertexWatermarksQuery,
} from '@/api/flink/queries';
import { VERTEX_LOAD_AGGS, VERTEX_LOAD_METRICS } from '@/api/flink/queries-job-graph';
import { useMetricFetchInterval } from '@/api/flink/queries-tm-extra';
import { evaluateFlink, flinkNeeds } from '../rules/engine';
import { dateBySeries } from '../rules/held-since';
import { observeFlink } from '../rules/history';
import { TM_METRICS } from '../rules/task-managers';
import { resolveThresholds } from '../rules/thresholds';
import type { FlinkInput, Timed } from '../rules/types';
import { jobKey, type JobStateEntry } from '../store/notify';
import { watchedJobs } from '../store/preferences';
import { publishCluster } from '../store/triage-store';
import {
  flinkHistory,
  flinkNeedsOf,
  loadStoredTaskManagers,
  setFlinkHistory,
  setFlinkNeeds,
  subscribeFlinkNeeds,
} from './histories';
import { flinkSamples } from './samples';
import type { CollectorProps } from './collector-props';
import { useCoalescedRun } from './use-coalesced-run';
import { useTimedQueries } from './use-timed-queries';

const JOB_METRICS = ['numRestarts', 'lastCheckpointDuration', 'lastCheckpointSize'] as const;
const MIN_MAX = ['min', 'max'] as const;
/** Exceptions: enough entries to count restarts over 10 min at a fast pace. */
const MAX_EXCEPTIONS = 20;
/** Answers arriving within this long after one another are evaluated together. */
const EVALUATE_AFTER_MS = 500;

const pairs = (byJob: Record<string, string[]>) =>
  Object.entries(byJob).flatMap(([j, vs]) => vs.map((v) => `${j}/${v}`));
const split = (pair: string) => {
  const i = pair.indexOf('/');
  return [pair.slice(0, i), pair.slice(i + 1)] as const;
};
function nest<T>(byPair: Record<string, Timed<T>>): Record<string, Record<string, Timed<T>>> {
  const out: Record<string, Record<string, Timed<T>>> = {};
  for (const [pair, v] of Object.entries(byPair)) {
    const [j, vertex] = split(pair);
    (out[j] ??= {})[vertex] = v;
  }
  return out;
}

const timed = <T,>(q: { data: T | undefined; dataUpdatedAt: number }): Timed<T> | undefined =>
  q.data === undefined ? undefined : { data: q.data, at: q.dataUpdatedAt };

/** Job manager clock minus browser clock: the median over job details (`now` is the JM's time). */
export function clockOffset(details: Record<string, Timed<{ now: number }>>): number {
  const offsets = Object.values(details)
    .map((d) => d.data.now - d.at)
    .sort((a, b) => a - b);
  const mid = offsets[Math.floor(offsets.length / 2)];
  // Below a second it is network latency, not a clock difference.
  return mid === undefined || Math.abs(mid) < 1000 ? 0 : mid;
}

export function FlinkCollector({ cluster, triageConfig, onNotify }: CollectorProps) {
  const c = cluster.id;
  const t = useMemo(() => resolveThresholds(triageConfig, c), [triageConfig, c]);
  const poll = usePollInterval(c);
  const slow = usePollInterval(c, { minimumMs: METRICS_MIN_MS });
  const connection = useConnectionStatus(c);
  const needs = useSyncExternalStore(
    subscribeFlinkNeeds,
    useCallback(() => flinkNeedsOf(c), [c]),
  );

  const lostJobs = useLostJobs(c);
  const overview = useClusterOverview(c);
  const jobs = useJobsOverview(c);
  const taskManagers = useTaskManagers(c);
  const tmAggregate = useTaskManagersMetrics(c, { get: TM_METRICS, agg: MIN_MAX });

  const metricFetchInterval = useMetricFetchInterval(c);
  const details = useTimedQueries(needs.jobs, (j) => ({ ...jobDetailsQuery(c, j), refetchInterval: poll }));
  const checkpoints = useTimedQueries(needs.jobs, (j) => ({
    ...checkpointStatsQuery(c, j),
    refetchInterval: slow,
  }));
  const checkpointConfig = useTimedQueries(needs.jobs, (j) => checkpointConfigQuery(c, j));
  const failed = useMemo(() => new Set(needs.failedJobs), [needs.failedJobs]);
  const exceptions = useTimedQueries([...needs.jobs, ...needs.failedJobs], (j) => ({
    ...jobExceptionsQuery(c, j, { maxExceptions: MAX_EXCEPTIONS }),
    // A failed job's exceptions do not change.
    ...(failed.has(j) ? { staleTime: Infinity } : { refetchInterval: slow }),
  }));
  const jobMetrics = useTimedQueries(needs.jobs, (j) => ({
    ...jobMetricsQuery(c, j, { get: JOB_METRICS }),
    refetchInterval: slow,
  }));
  const vertexMetrics = useTimedQueries(pairs(needs.vertexMetrics), (pair) => {
    const [j, v] = split(pair);
    return {
      ...subtasksMetricsQuery(c, j, v, { get: VERTEX_LOAD_METRICS, agg: VERTEX_LOAD_AGGS }),
      refetchInterval: slow,
    };
  });
  const watermarks = useTimedQueries(pairs(needs.watermarks), (pair) => {
    const [j, v] = split(pair);
    return { ...vertexWatermarksQuery(c, j, v), refetchInterval: slow };
  });
  const tmMetrics = useTimedQueries(needs.taskManagers, (id) => ({
    ...taskManagerMetricsQuery(c, id, { get: TM_METRICS }),
    refetchInterval: slow,
  }));

  useEffect(() => {
    void loadStoredTaskManagers(c);
  }, [c]);

  const signature = [
    overview.dataUpdatedAt,
    jobs.dataUpdatedAt,
    taskManagers.dataUpdatedAt,
    tmAggregate.dataUpdatedAt,
    details.signature,
    checkpoints.signature,
    checkpointConfig.signature,
    exceptions.signature,
    jobMetrics.signature,
    vertexMetrics.signature,
    watermarks.signature,
    tmMetrics.signature,
    connection.disconnectedSince ?? 0,
    lostJobs.map((j) => j.job.jid).join(','),
    JSON.stringify(t),
  ].join(';');

  const evaluate = () => {
    const now = Date.now();
    const input: FlinkInput = {
      kind: 'flink',
      cluster: { id: c, name: cluster.name },
      now,
      clockOffsetMs: clockOffset(details.byId),
      connection: {
        ...(connection.disconnectedSince !== undefined
          ? { disconnectedSince: connection.disconnectedSince }
          : {}),
        ...(connection.lastError !== undefined ? { lastError: connection.lastError } : {}),
      },
      ...(timed(overview) ? { overview: timed(overview) } : {}),
      ...(jobs.data ? { jobs: { data: jobs.data.jobs, at: jobs.dataUpdatedAt } } : {}),
      ...(taskManagers.data
        ? { taskManagers: { data: taskManagers.data.taskmanagers, at: taskManagers.dataUpdatedAt } }
        : {}),
      ...(timed(tmAggregate) ? { tmAggregate: timed(tmAggregate) } : {}),
      tmMetrics: tmMetrics.byId,
      jobDetails: details.byId,
      checkpoints: checkpoints.byId,
      checkpointConfig: Object.fromEntries(
        Object.entries(checkpointConfig.byId).map(([j, v]) => [j, v.data]),
      ),
      exceptions: exceptions.byId,
      jobMetrics: jobMetrics.byId,
      vertexMetrics: nest(vertexMetrics.byId),
      watermarks: nest(watermarks.byId),
      lostJobs,
    };
    const history = observeFlink(flinkHistory(c), input);
    setFlinkHistory(c, history, now);
    const jobStates: Record<string, JobStateEntry> = {};
    for (const j of jobs.data?.jobs ?? []) {
      jobStates[jobKey(c, j.jid)] = { clusterId: c, jobId: j.jid, name: j.name, state: j.state };
    }
    // Recorded first, so the series that dates a problem includes this poll.
    for (const batch of flinkSamples(input, history, metricFetchInterval))
      recordMetrics(batch.values, batch.t);
    // Nothing answered yet: no verdict (an outage is one, and comes with disconnectedSince).
    if (jobs.data || connection.disconnectedSince !== undefined) {
      const problems = dateBySeries(evaluateFlink(input, history, t), (key) => getMetricHistory().get(key));
      onNotify(publishCluster(c, problems, jobStates, watchedJobs(), now));
    }
    setFlinkNeeds(c, flinkNeeds(input, history, t));
  };

  useCoalescedRun(evaluate, signature, EVALUATE_AFTER_MS);

  return null;
}
