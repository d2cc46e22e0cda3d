/**
 * The triage engine: every rule over one cluster's polled data, and the ranking across clusters.
 *
 *   history = observeFlink(history, input);             // once per new poll answer
 *   const problems = evaluateFlink(input, history, resolveThresholds(settings.triage, clusterId));
 *   rankProblems([...flinkProblems, ...seatunnelProblems]);
 */
import { isTerminalState } from '@/api/polling';
import { backPressureRule, jobsFlaggedForBackPressure } from './backpressure';
import { checkpointFailuresRule, checkpointGrowthRule, checkpointsMissingRule } from './checkpoints';
import { clusterUnreachableRule } from './cluster';
import type { FlinkHistory, SeaTunnelHistory } from './history';
import { sourceVertexIds } from './history';
import { jobFailedRule, jobLostRule, jobRestartsRule, jobStuckRule } from './jobs';
import { seaTunnelFailedRule, seaTunnelPendingRule, seaTunnelSinkStalledRule } from './seatunnel';
import { taskManagersFlagged, tmHeartbeatRule, tmLostRule, tmMemoryRules } from './task-managers';
import type { Thresholds } from './thresholds';
import { SEVERITY_RANK, type FlinkInput, type Problem, type SeaTunnelInput } from './types';
import { jobsFlaggedForWatermarks, sourceIdleRule, watermarkRule, watermarkVertexIds } from './watermarks';

export function evaluateFlink(input: FlinkInput, history: FlinkHistory, t: Thresholds): Problem[] {
  return [
    ...clusterUnreachableRule(input),
    ...jobFailedRule(input, t),
    ...jobLostRule(input, t),
    ...jobRestartsRule(input, history, t),
    ...jobStuckRule(input, t),
    ...checkpointFailuresRule(input, history, t),
    ...checkpointsMissingRule(input, t),
    ...checkpointGrowthRule(input, history, t),
    ...backPressureRule(input, history, t),
    ...watermarkRule(input, history, t),
    ...sourceIdleRule(input, history, t),
    ...tmLostRule(input, history, t),
    ...tmHeartbeatRule(input, t),
    ...tmMemoryRules(input, t),
  ];
}

export function evaluateSeaTunnel(
  input: SeaTunnelInput,
  history: SeaTunnelHistory,
  t: Thresholds,
): Problem[] {
  return [
    ...clusterUnreachableRule(input),
    ...seaTunnelFailedRule(input, t),
    ...seaTunnelSinkStalledRule(input, history, t),
    ...seaTunnelPendingRule(input, t),
  ];
}

/** Rules in order of how much they usually matter, for ties within a severity. */
const RULE_WEIGHT: Record<Problem['rule'], number> = {
  'cluster-unreachable': 0,
  'job-failed': 1,
  'job-lost': 1,
  'seatunnel-job-failed': 1,
  'tm-lost': 2,
  'job-restarts': 3,
  'job-stuck': 4,
  'checkpoints-missing': 5,
  'checkpoints-failing': 6,
  'seatunnel-sink-stalled': 7,
  'seatunnel-job-pending': 4,
  backpressure: 8,
  'tm-heap': 9,
  'tm-heartbeat': 10,
  'watermark-lag': 11,
  'source-idle': 12,
  'checkpoints-growing': 13,
  'tm-gc': 14,
};

/** Worst first: severity, then the kind of rule, then the oldest problem, then by title. */
export function rankProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      RULE_WEIGHT[a.rule] - RULE_WEIGHT[b.rule] ||
      (a.since ?? Infinity) - (b.since ?? Infinity) ||
      a.title.localeCompare(b.title) ||
      a.id.localeCompare(b.id),
  );
}

/** What the collector should additionally ask for, given what it has. */
export interface FlinkNeeds {
  /** Non-terminal jobs to check in depth (details, checkpoints, exceptions, metrics), capped. */
  jobs: string[];
  /** Failed jobs whose exceptions explain the failure. */
  failedJobs: string[];
  /** jobId → vertex ids for `/subtasks/metrics` (back-pressure, idle sources). */
  vertexMetrics: Record<string, string[]>;
  /** jobId → vertex ids for `/watermarks`. */
  watermarks: Record<string, string[]>;
  /** Task managers for per-TM metrics. */
  taskManagers: string[];
}

export function flinkNeeds(input: FlinkInput, history: FlinkHistory, t: Thresholds): FlinkNeeds {
  const jmNow = input.now + input.clockOffsetMs;
  const all = input.jobs?.data ?? [];
  // Jobs in trouble-prone states first, then the running ones, newest first.
  const live = all
    .filter((j) => !isTerminalState(j.state))
    .sort(
      (a, b) =>
        Number(a.state === 'RUNNING') - Number(b.state === 'RUNNING') || b['start-time'] - a['start-time'],
    )
    .slice(0, Math.max(0, t.maxJobsPolled))
    .map((j) => j.jid);
  const failedJobs = all
    .filter((j) => j.state === 'FAILED' && jmNow - j['end-time'] <= t.failedJobMaxAgeMs)
    .sort((a, b) => b['end-time'] - a['end-time'])
    .slice(0, 10)
    .map((j) => j.jid);
  const liveSet = new Set(live);
  const vertexMetrics: Record<string, string[]> = {};
  for (const jobId of jobsFlaggedForBackPressure(input, history, t)) {
    const details = input.jobDetails[jobId]?.data;
    if (details && liveSet.has(jobId)) vertexMetrics[jobId] = details.vertices.map((v) => v.id);
  }
  for (const jobId of jobsFlaggedForWatermarks(input, history, t)) {
    const details = input.jobDetails[jobId]?.data;
    if (!details || !liveSet.has(jobId)) continue;
    vertexMetrics[jobId] = [...new Set([...(vertexMetrics[jobId] ?? []), ...sourceVertexIds(details)])];
  }
  const watermarks: Record<string, string[]> = {};
  for (const jobId of live) {
    const details = input.jobDetails[jobId]?.data;
    if (details?.state === 'RUNNING' && details['job-type'] !== 'BATCH')
      watermarks[jobId] = watermarkVertexIds(details);
  }
  return { jobs: live, failedJobs, vertexMetrics, watermarks, taskManagers: taskManagersFlagged(input, t) };
}
