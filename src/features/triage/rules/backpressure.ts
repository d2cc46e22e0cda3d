/**
 * Back-pressure (Flink): a vertex back-pressured most of the time, and the likely bottleneck: the
 * busiest vertex downstream of it that is not back-pressured itself (a back-pressured vertex waits
 * for buffers of its consumers; the first consumer that is not waiting is the slow one).
 */
import { aggregatedValues } from '@/api/flink/metric-values';
import type { JobDetails } from '@/api/flink/schemas';
import { formatPercent } from '@/lib/format';
import { problem, quote } from './common';
import type { FlinkHistory } from './history';
import { links } from './links';
import type { Thresholds } from './thresholds';
import type { FlinkInput, Problem } from './types';

export interface VertexShares {
  /** Share of time back-pressured (worst subtask when from metrics, average otherwise), 0..1. */
  bp: number;
  busy: number;
  idle?: number;
  /** Where the numbers come from: current metrics, the change between two polls, or the job's lifetime. */
  basis: 'metrics' | 'recent' | 'lifetime';
}

function share(part: number, total: number): number {
  return total > 0 ? Math.min(1, Math.max(0, part / total)) : 0;
}

/** Per vertex: metrics of flagged jobs first, then accumulated times between polls, then over the lifetime. */
export function vertexShares(
  input: FlinkInput,
  history: FlinkHistory,
  jobId: string,
): Record<string, VertexShares> {
  const details = input.jobDetails[jobId]?.data;
  if (!details) return {};
  const out: Record<string, VertexShares> = {};
  const samples = history.vertexTimes[jobId] ?? [];
  const [prev, last] = samples.length >= 2 ? [samples[0], samples[1]] : [undefined, samples[0]];
  for (const v of details.vertices) {
    const m = input.vertexMetrics[jobId]?.[v.id];
    if (m) {
      const max = aggregatedValues(m.data, 'max');
      const bp = max.backPressuredTimeMsPerSecond;
      const busy = max.busyTimeMsPerSecond;
      if (bp !== undefined || busy !== undefined) {
        out[v.id] = {
          bp: (bp ?? 0) / 1000,
          busy: (busy ?? 0) / 1000,
          ...(max.idleTimeMsPerSecond !== undefined ? { idle: max.idleTimeMsPerSecond / 1000 } : {}),
          basis: 'metrics',
        };
        continue;
      }
    }
    const a = prev?.byVertex[v.id];
    const b = last?.byVertex[v.id];
    if (a && b) {
      const dBp = b.bp - a.bp;
      const dBusy = b.busy - a.busy;
      const dIdle = b.idle - a.idle;
      const total = dBp + dBusy + dIdle;
      if (total > 0 && dBp >= 0 && dBusy >= 0 && dIdle >= 0) {
        out[v.id] = {
          bp: share(dBp, total),
          busy: share(dBusy, total),
          idle: share(dIdle, total),
          basis: 'recent',
        };
        continue;
      }
    }
    const acc = b ?? {
      bp: v.metrics['accumulated-backpressured-time'] ?? 0,
      busy: v.metrics['accumulated-busy-time'] ?? 0,
      idle: v.metrics['accumulated-idle-time'] ?? 0,
    };
    const total = acc.bp + acc.busy + acc.idle;
    if (total > 0 && Number.isFinite(total)) {
      out[v.id] = {
        bp: share(acc.bp, total),
        busy: share(acc.busy, total),
        idle: share(acc.idle, total),
        basis: 'lifetime',
      };
    }
  }
  return out;
}

/** vertex id → ids of the vertices consuming its output (from the plan's inputs). */
export function consumersOf(details: JobDetails): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const node of details.plan.nodes) {
    for (const input of node.inputs ?? []) {
      const list = out.get(input.id) ?? [];
      list.push(node.id);
      out.set(input.id, list);
    }
  }
  return out;
}

export interface Bottleneck {
  /** The worst back-pressured vertex. */
  pressured: { id: string; name: string; shares: VertexShares };
  /** The likely cause downstream of it, when one is busy. */
  bottleneck?: { id: string; name: string; shares: VertexShares };
}

/**
 * Walks downstream from the worst back-pressured vertex through back-pressured vertices; among the
 * first vertices that are not back-pressured, the busiest (at least `busyHigh`) is the bottleneck.
 */
export function findBottleneck(
  details: JobDetails,
  shares: Record<string, VertexShares>,
  t: Pick<Thresholds, 'backPressureHigh' | 'busyHigh'>,
): Bottleneck | undefined {
  const names = new Map(details.vertices.map((v) => [v.id, v.name]));
  const pressured = details.vertices
    .filter((v) => (shares[v.id]?.bp ?? 0) >= t.backPressureHigh)
    .sort((a, b) => (shares[b.id]?.bp ?? 0) - (shares[a.id]?.bp ?? 0))[0];
  if (!pressured) return undefined;
  const consumers = consumersOf(details);
  const seen = new Set<string>([pressured.id]);
  const queue = [...(consumers.get(pressured.id) ?? [])];
  const candidates: string[] = [];
  while (queue.length) {
    const id = queue.shift() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    if ((shares[id]?.bp ?? 0) >= t.backPressureHigh) queue.push(...(consumers.get(id) ?? []));
    else candidates.push(id);
  }
  const busiest = candidates.sort((a, b) => (shares[b]?.busy ?? 0) - (shares[a]?.busy ?? 0))[0];
  const result: Bottleneck = {
    pressured: { id: pressured.id, name: pressured.name, shares: shares[pressured.id] as VertexShares },
  };
  if (busiest && (shares[busiest]?.busy ?? 0) >= t.busyHigh) {
    result.bottleneck = {
      id: busiest,
      name: names.get(busiest) ?? busiest,
      shares: shares[busiest] as VertexShares,
    };
  }
  return result;
}

/** Jobs whose vertex metrics are worth asking for: some vertex was back-pressured between polls or over its lifetime. */
export function jobsFlaggedForBackPressure(
  input: FlinkInput,
  history: FlinkHistory,
  t: Thresholds,
): string[] {
  const out: string[] = [];
  for (const [jobId, d] of Object.entries(input.jobDetails)) {
    if (d.data.state !== 'RUNNING') continue;
    const shares = vertexShares({ ...input, vertexMetrics: {} }, history, jobId);
    if (Object.values(shares).some((s) => s.bp >= t.backPressureHigh / 2)) out.push(jobId);
  }
  return out;
}

export function backPressureRule(input: FlinkInput, history: FlinkHistory, t: Thresholds): Problem[] {
  const out: Problem[] = [];
  for (const [jobId, d] of Object.entries(input.jobDetails)) {
    if (d.data.state !== 'RUNNING') continue;
    const found = findBottleneck(d.data, vertexShares(input, history, jobId), t);
    if (!found) continue;
    const { pressured, bottleneck } = found;
    const how = pressured.shares.basis === 'lifetime' ? ' (since the job started)' : '';
    out.push(
      problem(input, 'backpressure', jobId, {
        severity: 'high',
        jobId,
        jobName: d.data.name,
        title: bottleneck ? `Back-pressure: bottleneck ${quote(bottleneck.name)}` : 'Back-pressure',
        explanation: bottleneck
          ? `${quote(pressured.name)} is back-pressured ${formatPercent(pressured.shares.bp)} of the time${how}; likely bottleneck: ${quote(bottleneck.name)}, busy ${formatPercent(bottleneck.shares.busy)} and not back-pressured.`
          : `${quote(pressured.name)} is back-pressured ${formatPercent(pressured.shares.bp)} of the time${how}; no vertex downstream is busy, so the cause may be outside the job (network, an external system).`,
        figure: { label: 'Back-pressured', value: pressured.shares.bp, format: 'percent' },
        href: links.backPressure(input.cluster.id, jobId, bottleneck?.id ?? pressured.id),
        linkLabel: 'Back pressure',
        series: {
          key: `flink:${input.cluster.id}:job:${jobId}:bp`,
          label: 'Back-pressured (worst vertex)',
          format: 'percent',
          threshold: t.backPressureHigh,
        },
      }),
    );
  }
  return out;
}
