/**
 * Event time (Flink): a watermark far behind the clock that is not catching up, with the idle
 * source subtask that holds it back when one is found; and source vertices that emit nothing.
 */
import { aggregatedValues } from '@/api/flink/metric-values';
import type { JobDetails } from '@/api/flink/schemas';
import { formatDuration } from '@/lib/format';
import { problem, quote } from './common';
import { sourceVertexIds, type FlinkHistory, type Sample } from './history';
import { links } from './links';
import type { Thresholds } from './thresholds';
import type { FlinkInput, Problem } from './types';

/** The vertices whose watermarks tell the job's event-time progress: those nobody consumes (sinks), at most 3. */
export function watermarkVertexIds(details: JobDetails): string[] {
  const consumed = new Set(details.plan.nodes.flatMap((n) => (n.inputs ?? []).map((i) => i.id)));
  return details.plan.nodes
    .filter((n) => !consumed.has(n.id))
    .map((n) => n.id)
    .slice(0, 3);
}

export interface Lag {
  vertexId: string;
  lagMs: number;
  /** Watermark did not move at all across the samples. */
  stuck: boolean;
  /** Lag grew (or stayed) across the samples; undefined with a single sample. */
  growing?: boolean;
  samples: Sample[];
}

/** The worst event-time lag among the job's watched vertices. */
export function worstLag(input: FlinkInput, history: FlinkHistory, jobId: string): Lag | undefined {
  const jmNow = input.now + input.clockOffsetMs;
  let worst: Lag | undefined;
  for (const [key, samples] of Object.entries(history.watermarks)) {
    const [job, vertexId] = key.split('/');
    if (job !== jobId || !vertexId || samples.length === 0) continue;
    const first = samples[0] as Sample;
    const last = samples[samples.length - 1] as Sample;
    const lagMs = jmNow - last.v;
    const lagFirst = first.t + input.clockOffsetMs - first.v;
    const lagLast = last.t + input.clockOffsetMs - last.v;
    const lag: Lag = {
      vertexId,
      lagMs,
      stuck: samples.length >= 2 && last.v === first.v && last.t - first.t >= 10_000,
      ...(samples.length >= 2 ? { growing: lagLast >= lagFirst - 1000 } : {}),
      samples,
    };
    if (!worst || lag.lagMs > worst.lagMs) worst = lag;
  }
  return worst;
}

/** Jobs whose source metrics are worth asking for: the watermark lags. */
export function jobsFlaggedForWatermarks(input: FlinkInput, history: FlinkHistory, t: Thresholds): string[] {
  return Object.keys(input.jobDetails).filter((jobId) => {
    const lag = worstLag(input, history, jobId);
    return lag !== undefined && lag.lagMs >= t.watermarkLagMs && lag.growing !== false;
  });
}

/** A source vertex with a subtask that emits nothing while others do (or is idle all the time). */
export function idleSource(input: FlinkInput, details: JobDetails): { id: string; name: string } | undefined {
  for (const id of sourceVertexIds(details)) {
    const m = input.vertexMetrics[details.jid]?.[id];
    if (!m) continue;
    const min = aggregatedValues(m.data, 'min');
    const max = aggregatedValues(m.data, 'max');
    const silent = min.numRecordsOutPerSecond === 0 && (max.numRecordsOutPerSecond ?? 0) > 0;
    const idle = (max.idleTimeMsPerSecond ?? 0) >= 999 && (min.busyTimeMsPerSecond ?? 1) === 0;
    if (silent || idle) return { id, name: details.vertices.find((v) => v.id === id)?.name ?? id };
  }
  return undefined;
}

/**
 * Since when the lag has been at least `thresholdMs`, from the watermark's own value: watermarks
 * never go back, so at any time t after `watermark + thresholdMs` the lag was at least the
 * threshold. Not before the job started (its watermarks begin then). Browser clock.
 */
export function lagSince(lag: Lag, jobStart: number, thresholdMs: number, clockOffsetMs: number): number {
  const watermark = (lag.samples[lag.samples.length - 1] as Sample).v;
  return Math.max(watermark + thresholdMs, jobStart) - clockOffsetMs;
}

export function watermarkRule(input: FlinkInput, history: FlinkHistory, t: Thresholds): Problem[] {
  const out: Problem[] = [];
  for (const [jobId, d] of Object.entries(input.jobDetails)) {
    if (d.data.state !== 'RUNNING') continue;
    const lag = worstLag(input, history, jobId);
    if (!lag || lag.lagMs < t.watermarkLagMs || lag.growing === false) continue;
    const culprit = idleSource(input, d.data);
    const vertexName = d.data.vertices.find((v) => v.id === lag.vertexId)?.name ?? lag.vertexId;
    const state = lag.stuck ? 'is stuck' : lag.growing ? 'is falling behind' : 'lags';
    const since = lagSince(lag, d.data['start-time'], t.watermarkLagMs, input.clockOffsetMs);
    out.push(
      problem(input, 'watermark-lag', jobId, {
        severity: 'medium',
        jobId,
        jobName: d.data.name,
        title: lag.stuck ? 'Watermark stuck' : 'Watermark lagging',
        explanation: `The watermark of ${quote(vertexName)} ${state}, ${formatDuration(lag.lagMs)} behind${
          culprit ? `; source ${quote(culprit.name)} has an idle subtask that holds it back` : ''
        }.`,
        figure: { label: 'Event-time lag', value: lag.lagMs, format: 'duration' },
        href: links.job(input.cluster.id, jobId, culprit?.id ?? lag.vertexId, 'watermarks'),
        linkLabel: 'Watermarks',
        since,
        series: {
          key: `flink:${input.cluster.id}:job:${jobId}:wm-lag`,
          label: 'Event-time lag',
          format: 'duration',
        },
      }),
    );
  }
  return out;
}

export function sourceIdleRule(input: FlinkInput, history: FlinkHistory, t: Thresholds): Problem[] {
  const out: Problem[] = [];
  for (const [jobId, perSource] of Object.entries(history.sourceRecords)) {
    const details = input.jobDetails[jobId]?.data;
    if (!details || details.state !== 'RUNNING') continue;
    for (const [vertexId, samples] of Object.entries(perSource)) {
      const last = samples[samples.length - 1];
      if (!last || samples.length < 2) continue;
      // The first sample of the final flat run.
      let i = samples.length - 1;
      while (i > 0 && (samples[i - 1] as Sample).v === last.v) i--;
      const flatSince = (samples[i] as Sample).t;
      const idleFor = last.t - flatSince;
      if (idleFor < t.sourceIdleMs) continue;
      const name = details.vertices.find((v) => v.id === vertexId)?.name ?? vertexId;
      out.push(
        problem(input, 'source-idle', `${jobId}/${vertexId}`, {
          severity: 'medium',
          jobId,
          jobName: details.name,
          title: 'Source idle',
          explanation: `${quote(name)} emitted no records for ${formatDuration(idleFor)} while the job runs.`,
          figure: { label: 'No records for', value: idleFor, format: 'duration' },
          href: links.job(input.cluster.id, jobId, vertexId),
          linkLabel: 'Vertex',
          since: flatSince,
          // A change before the flat run dates its start; a run as old as the samples only says "seen".
          sinceBasis: i > 0 ? 'data' : 'seen',
        }),
      );
    }
  }
  return out;
}
