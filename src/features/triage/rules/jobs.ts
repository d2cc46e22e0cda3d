/** Job state rules (Flink): failed, restarting / restarted, stuck in a transitional state. */
import { parseMetricValue } from '@/api/flink/metric-values';
import { isTerminalState } from '@/api/polling';
import { formatTimestamp } from '@/lib/format';
import { exceptionSummary, problem, quote } from './common';
import type { FlinkHistory } from './history';
import { links } from './links';
import type { Thresholds } from './thresholds';
import type { FlinkInput, Problem } from './types';

const jmNow = (input: FlinkInput) => input.now + input.clockOffsetMs;

/** The newest root exception, as one line. */
function lastException(input: FlinkInput, jobId: string): string | undefined {
  const entry = input.exceptions[jobId]?.data.exceptionHistory.entries[0];
  if (!entry) return undefined;
  const summary = exceptionSummary(entry.stacktrace);
  return summary || entry.exceptionName;
}

export function jobFailedRule(input: FlinkInput, t: Thresholds): Problem[] {
  const now = jmNow(input);
  const out: Problem[] = [];
  for (const job of input.jobs?.data ?? []) {
    if (job.state !== 'FAILED') continue;
    const ended = job['end-time'] > 0 ? job['end-time'] : job['last-modification'];
    if (now - ended > t.failedJobMaxAgeMs) continue;
    const cause = lastException(input, job.jid);
    out.push(
      problem(input, 'job-failed', job.jid, {
        severity: 'critical',
        jobId: job.jid,
        jobName: job.name,
        title: 'Job failed',
        explanation: cause ? `Failed with ${cause}` : `${quote(job.name)} ended in state FAILED.`,
        figure: { label: 'State', value: 0, format: 'count', text: 'FAILED' },
        href: links.exceptions(input.cluster.id, job.jid),
        linkLabel: 'Exceptions',
        since: ended,
      }),
    );
  }
  return out;
}

/**
 * Jobs this dashboard saw alive that the cluster no longer lists: critical when they were
 * RUNNING (a JobManager restarted without HA forgets its jobs; nothing brings them back).
 */
export function jobLostRule(input: FlinkInput, t: Thresholds): Problem[] {
  const out: Problem[] = [];
  for (const lost of input.lostJobs ?? []) {
    if (input.now - lost.goneSince > t.failedJobMaxAgeMs) continue;
    const { job } = lost;
    const restart =
      lost.restartedAt !== undefined
        ? ' The JobManager stopped answering and came back without it: a restart without high availability.'
        : '';
    out.push(
      problem(input, 'job-lost', job.jid, {
        severity: job.state === 'RUNNING' ? 'critical' : 'high',
        jobId: job.jid,
        jobName: job.name,
        title: 'Job lost',
        explanation: `The cluster no longer knows ${quote(job.name)}, last seen ${job.state}.${restart}`,
        figure: { label: 'Last known state', value: 0, format: 'count', text: job.state },
        href: links.job(input.cluster.id, job.jid),
        linkLabel: 'Job page',
        since: lost.goneSince,
      }),
    );
  }
  return out;
}

/**
 * Restarts within the window: exception history timestamps, the numRestarts counter's growth, and
 * recoveries by a new JobManager (HA failover: `start-time` moved on; Flink then starts numRestarts
 * and the exception history again, so neither shows it).
 */
export function restartCount(
  input: FlinkInput,
  history: FlinkHistory,
  jobId: string,
  windowMs: number,
): { count: number; atLeast: boolean; oldest?: number; failovers: number; lastFailover?: number } {
  const now = jmNow(input);
  const from = now - windowMs;
  const ex = input.exceptions[jobId]?.data.exceptionHistory;
  const inWindow = (ex?.entries ?? []).filter((e) => e.timestamp >= from);
  const fromExceptions = inWindow.length;
  // Every entry in the window, and the list was cut: there may have been more.
  const atLeast =
    Boolean(ex?.truncated) && fromExceptions === (ex?.entries.length ?? 0) && fromExceptions > 0;
  const fromCounter = counterGrowth(history.restarts[jobId] ?? [], input.now - windowMs);
  const recovered = (history.recoveries[jobId] ?? []).filter((t) => t >= from);
  const oldest = Math.min(...inWindow.map((e) => e.timestamp), ...recovered);
  return {
    count: Math.max(fromExceptions, fromCounter) + recovered.length,
    atLeast: atLeast && fromCounter <= fromExceptions,
    ...(Number.isFinite(oldest) ? { oldest } : {}),
    failovers: recovered.length,
    ...(recovered.length ? { lastFailover: Math.max(...recovered) } : {}),
  };
}

/**
 * How much a counter grew since `from` (browser clock). A drop means it started again at 0 (a new
 * JobManager): what it counts after the drop is growth too.
 */
export function counterGrowth(samples: { t: number; v: number }[], from: number): number {
  // The newest sample at or before the window start (or the first one in it) is the baseline.
  let start = 0;
  samples.forEach((s, i) => {
    if (s.t <= from) start = i;
  });
  let growth = 0;
  for (let i = start + 1; i < samples.length; i++) {
    const a = (samples[i - 1] as { v: number }).v;
    const b = (samples[i] as { v: number }).v;
    growth += b >= a ? b - a : b;
  }
  return growth;
}

export function jobRestartsRule(input: FlinkInput, history: FlinkHistory, t: Thresholds): Problem[] {
  const out: Problem[] = [];
  const minutes = Math.round(t.restartWindowMs / 60_000);
  for (const job of input.jobs?.data ?? []) {
    if (isTerminalState(job.state)) continue;
    const restarting = job.state === 'RESTARTING';
    const { count, atLeast, oldest, failovers, lastFailover } = restartCount(
      input,
      history,
      job.jid,
      t.restartWindowMs,
    );
    if (!restarting && count === 0) continue;
    const details = input.jobDetails[job.jid]?.data;
    const restartingSince = details?.timestamps.RESTARTING || undefined;
    const cause = lastException(input, job.jid);
    const counted =
      count > 0
        ? `${atLeast ? 'at least ' : ''}${count} restart${count === 1 ? '' : 's'} in the last ${minutes} min`
        : '';
    out.push(
      problem(input, 'job-restarts', job.jid, {
        severity: restarting || count >= t.restartsHigh ? 'high' : 'medium',
        jobId: job.jid,
        jobName: job.name,
        title: restarting ? 'Job restarting' : 'Job restarted',
        explanation: [
          counted ? counted[0]?.toUpperCase() + counted.slice(1) : 'Restarting now',
          lastFailover
            ? `${failovers === 1 ? 'one' : failovers} by a new JobManager (failover), the last at ${formatTimestamp(lastFailover)}`
            : '',
          cause ? `last failure: ${cause}` : '',
        ]
          .filter(Boolean)
          .join('; '),
        figure: { label: `Restarts (${minutes} min)`, value: count, format: 'count' },
        // after a failover Flink's exception history starts empty; the timeline keeps the run before
        href: lastFailover
          ? links.timeline(input.cluster.id, job.jid)
          : links.exceptions(input.cluster.id, job.jid),
        linkLabel: lastFailover ? 'Timeline' : 'Exceptions',
        since: oldest ?? (restarting ? restartingSince : undefined),
        series: {
          key: `flink:${input.cluster.id}:job:${job.jid}:restarts`,
          label: 'Restarts (total)',
          format: 'count',
        },
      }),
    );
  }
  return out;
}

/** States a job passes through; staying in one longer than `stuckStateMs` means it is stuck. */
export const TRANSITIONAL_STATES = [
  'CREATED',
  'INITIALIZING',
  'RESTARTING',
  'CANCELLING',
  'FAILING',
  'RECONCILING',
];

export function jobStuckRule(input: FlinkInput, t: Thresholds): Problem[] {
  const out: Problem[] = [];
  for (const job of input.jobs?.data ?? []) {
    if (!TRANSITIONAL_STATES.includes(job.state)) continue;
    const details = input.jobDetails[job.jid]?.data;
    // With details, the job manager's own clock and the time the state was entered.
    const entered =
      details && details.state === job.state
        ? details.timestamps[job.state] || details['start-time']
        : job['last-modification'];
    const now = details && details.state === job.state ? details.now : jmNow(input);
    const stuckFor = now - entered;
    if (!(entered > 0) || stuckFor < t.stuckStateMs) continue;
    out.push(
      problem(input, 'job-stuck', job.jid, {
        severity: 'high',
        jobId: job.jid,
        jobName: job.name,
        title: `Stuck in ${job.state}`,
        explanation: `${quote(job.name)} has been ${job.state} for longer than ${Math.round(t.stuckStateMs / 1000)} s${
          job.state === 'CREATED' || job.state === 'RESTARTING' ? '; often it waits for free slots' : ''
        }.`,
        figure: { label: `In ${job.state}`, value: stuckFor, format: 'duration' },
        href: links.timeline(input.cluster.id, job.jid),
        linkLabel: 'Timeline',
        since: entered,
      }),
    );
  }
  return out;
}

/** numRestarts etc. as numbers. */
export function jobMetricNumber(input: FlinkInput, jobId: string, id: string): number | undefined {
  return parseMetricValue(input.jobMetrics[jobId]?.data.find((m) => m.id === id)?.value);
}
