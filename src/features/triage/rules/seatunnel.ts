/** SeaTunnel rules: a job failed; a running job's sink stopped writing while its source reads; a job waits for slots. */
import { explainPending } from '@/api/seatunnel/pending';
import { formatDuration } from '@/lib/format';
import { exceptionSummary, problem, quote } from './common';
import type { FlowSample, SeaTunnelHistory } from './history';
import type { Thresholds } from './thresholds';
import type { Problem, SeaTunnelInput } from './types';

/**
 * SeaTunnel's times are engine-local "YYYY-MM-DD HH:mm:ss" without a zone; read as the browser's
 * local time (right when both share a zone, which the dashboard cannot know).
 */
export function parseEngineTime(text: string | null): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(text ?? '');
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const t = new Date(y as number, (mo as number) - 1, d, h, mi, s).getTime();
  return Number.isFinite(t) ? t : undefined;
}

export function seaTunnelFailedRule(input: SeaTunnelInput, t: Thresholds): Problem[] {
  return (input.failed?.data ?? []).flatMap((job) => {
    if (job.jobStatus.toUpperCase() !== 'FAILED') return [];
    const ended = parseEngineTime(job.finishTime);
    if (ended !== undefined && input.now - ended > t.failedJobMaxAgeMs) return [];
    const cause = exceptionSummary(job.errorMsg);
    return [
      problem(input, 'seatunnel-job-failed', job.jobId, {
        severity: 'critical',
        jobId: job.jobId,
        jobName: job.jobName,
        title: 'Job failed',
        explanation: cause ? `Failed with ${cause}` : `${quote(job.jobName)} ended in state FAILED.`,
        figure: { label: 'State', value: 0, format: 'count', text: 'FAILED' },
        href: `/clusters/${encodeURIComponent(input.cluster.id)}/jobs/${encodeURIComponent(job.jobId)}`,
        linkLabel: 'Job',
        ...(ended !== undefined ? { since: ended } : {}),
      }),
    ];
  });
}

const big = (s: string | number | null | undefined): bigint | undefined => {
  if (s === null || s === undefined) return undefined;
  try {
    return BigInt(s);
  } catch {
    return undefined;
  }
};

/**
 * Since when the sink count is flat while the source count grew, from the poll samples. `dated`:
 * an earlier sample had another sink count, so the sink's last write is known to precede `since`
 * by at most one poll; otherwise the flat run began before this dashboard watched.
 */
export function stallFrom(
  samples: readonly FlowSample[],
): { since: number; until: number; read: bigint; dated: boolean } | undefined {
  const last = samples[samples.length - 1];
  if (!last || samples.length < 2) return undefined;
  let i = samples.length - 1;
  while (i > 0 && (samples[i - 1] as FlowSample).sink === last.sink) i--;
  const first = samples[i] as FlowSample;
  const read = (big(last.source) ?? 0n) - (big(first.source) ?? 0n);
  if (first === last || read <= 0n) return undefined;
  return { since: first.t, until: last.t, read, dated: i > 0 };
}

export function seaTunnelSinkStalledRule(
  input: SeaTunnelInput,
  history: SeaTunnelHistory,
  t: Thresholds,
): Problem[] {
  const out: Problem[] = [];
  for (const job of input.running?.data ?? []) {
    if (job.jobStatus.toUpperCase() !== 'RUNNING') continue;
    const m = job.metrics;
    const stall = stallFrom(history.flows[job.jobId] ?? []);
    const byPolls = stall !== undefined && stall.until - stall.since >= t.sinkStallMs;
    const source = big(m.sourceReceivedCount);
    const sink = big(m.sinkWriteCount);
    // The engine's own rates say so already on the first poll.
    const byRates =
      m.sinkWriteQPS === 0 &&
      (m.sourceReceivedQPS ?? 0) > 0 &&
      source !== undefined &&
      sink !== undefined &&
      source > sink;
    if (!byPolls && !byRates) continue;
    const behind = source !== undefined && sink !== undefined && source > sink ? source - sink : 0n;
    out.push(
      problem(input, 'seatunnel-sink-stalled', job.jobId, {
        severity: 'high',
        jobId: job.jobId,
        jobName: job.jobName,
        title: 'Sink stopped writing',
        explanation: byPolls
          ? `The source read ${stall.read.toString()} records in ${formatDuration(stall.until - stall.since)} while the sink wrote none${
              m.intermediateQueueSize !== null ? ` (queue: ${String(m.intermediateQueueSize)})` : ''
            }.`
          : `The source reads ${Math.round(m.sourceReceivedQPS ?? 0)} records/s while the sink writes 0/s${
              m.intermediateQueueSize !== null ? ` (queue: ${String(m.intermediateQueueSize)})` : ''
            }.`,
        figure: { label: 'Read, not written', value: Number(behind), format: 'count' },
        href: `/clusters/${encodeURIComponent(input.cluster.id)}/jobs/${encodeURIComponent(job.jobId)}`,
        linkLabel: 'Job',
        ...(byPolls ? { since: stall.since, sinceBasis: stall.dated ? 'data' : 'seen' } : {}),
        series: {
          key: `seatunnel:${input.cluster.id}:job:${job.jobId}:sink-count`,
          label: 'Sink write count',
          format: 'count',
        },
      }),
    );
  }
  return out;
}

/** A job PENDING for long: the engine waits for slots; why, as far as the REST API tells. */
export function seaTunnelPendingRule(input: SeaTunnelInput, t: Thresholds): Problem[] {
  return (input.running?.data ?? []).flatMap((job) => {
    if (job.jobStatus.toUpperCase() !== 'PENDING') return [];
    const created = parseEngineTime(job.createTime);
    if (created === undefined || input.now - created < t.seatunnelPendingMs) return [];
    const why = explainPending(job, input.overview?.data);
    return [
      problem(input, 'seatunnel-job-pending', job.jobId, {
        severity: 'medium',
        jobId: job.jobId,
        jobName: job.jobName,
        title: 'Job pending',
        explanation: `Pending for ${formatDuration(input.now - created)}. ${why.text}`,
        figure: { label: 'Pending for', value: input.now - created, format: 'duration' },
        href: `/clusters/${encodeURIComponent(input.cluster.id)}/jobs/${encodeURIComponent(job.jobId)}`,
        linkLabel: 'Job',
        since: created,
      }),
    ];
  });
}
