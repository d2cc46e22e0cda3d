/**
 * One row per vertex of the job for the back-pressure table, merged from `/jobs/:jobid` (names,
 * parallelism, plan edges), the aggregated subtask metrics (busy / back-pressured time, records)
 * and the `/backpressure` sample.
 */
import type { AggregatedMetricList, JobDetails } from '@/api/flink/schemas';
import type { PressureNode } from './bottleneck';
import type { VertexPressure } from './levels';
import { skewOf, type Skew } from './skew';

export interface VertexLoad {
  /** Shares of time of the worst subtask, 0..1. */
  backPressured: number | undefined;
  busy: number | undefined;
  idle: number | undefined;
}

const share = (msPerSecond: number | undefined) =>
  msPerSecond === undefined || !Number.isFinite(msPerSecond)
    ? undefined
    : Math.min(1, Math.max(0, msPerSecond / 1000));

function metric(list: AggregatedMetricList | undefined, id: string) {
  return list?.find((m) => m.id === id);
}

const finite = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? n : undefined);

function maxOf(values: (number | undefined)[]): number | undefined {
  const known = values.filter((x): x is number => x !== undefined);
  return known.length ? Math.max(...known) : undefined;
}

/**
 * Busy and back-pressured time of the worst subtask: from the `*TimeMsPerSecond` metrics (max over
 * subtasks), else from the back-pressure sample (its ratios come from the same metrics).
 */
export function vertexLoad(
  metrics: AggregatedMetricList | undefined,
  pressure: VertexPressure | undefined,
): VertexLoad {
  const sampled = pressure?.kind === 'sampled' ? pressure.subtasks : [];
  return {
    backPressured:
      share(finite(metric(metrics, 'backPressuredTimeMsPerSecond')?.max)) ??
      maxOf(sampled.map((s) => s.backPressured)),
    busy: share(finite(metric(metrics, 'busyTimeMsPerSecond')?.max)) ?? maxOf(sampled.map((s) => s.busy)),
    idle: share(finite(metric(metrics, 'idleTimeMsPerSecond')?.max)) ?? maxOf(sampled.map((s) => s.idle)),
  };
}

/** Records in per subtask (records out for a source, which reads nothing from the network). */
export function recordSkew(
  metrics: AggregatedMetricList | undefined,
  isSource: boolean,
  parallelism: number,
): Skew | undefined {
  const m = metric(metrics, isSource ? 'numRecordsOut' : 'numRecordsIn');
  if (!m) return undefined;
  return skewOf({ min: finite(m.min), max: finite(m.max), avg: finite(m.avg) }, parallelism);
}

/** vertex id → ids of the vertices that feed it, from the plan's `inputs` (sources have none). */
export function planInputs(job: Pick<JobDetails, 'plan'>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const node of job.plan.nodes)
    out.set(
      node.id,
      (node.inputs ?? []).map((i) => i.id),
    );
  return out;
}

export interface VertexInfo {
  id: string;
  name: string;
  parallelism: number;
  status: string;
  inputs: string[];
  isSource: boolean;
}

/** The job's vertices in Flink's order (sources first), with their inputs from the plan. */
export function vertexInfos(job: Pick<JobDetails, 'plan' | 'vertices'>): VertexInfo[] {
  const inputs = planInputs(job);
  return job.vertices.map((v) => {
    const ins = inputs.get(v.id) ?? [];
    return {
      id: v.id,
      name: v.name,
      parallelism: v.parallelism,
      status: v.status,
      inputs: ins,
      isSource: ins.length === 0,
    };
  });
}

export function pressureNode(info: VertexInfo, load: VertexLoad): PressureNode {
  return {
    id: info.id,
    name: info.name,
    inputs: info.inputs,
    backPressured: load.backPressured,
    busy: load.busy,
  };
}
