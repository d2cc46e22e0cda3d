/** Checkpoint rules (Flink): failing, none completed for several intervals, duration/size growing fast. */
import type { FailedCheckpoint } from '@/api/flink/schemas';
import { formatBytes, formatDuration } from '@/lib/format';
import { firstLine, problem } from './common';
import type { CheckpointPoint, FlinkHistory } from './history';
import { links } from './links';
import type { Thresholds } from './thresholds';
import type { FlinkInput, Problem } from './types';

/** Without checkpointing Flink reports an interval of Long.MAX_VALUE. */
export function checkpointingEnabled(interval: number | undefined): interval is number {
  return interval !== undefined && interval > 0 && interval < 1e15;
}

export function checkpointFailuresRule(input: FlinkInput, history: FlinkHistory, t: Thresholds): Problem[] {
  const out: Problem[] = [];
  const jmNow = input.now + input.clockOffsetMs;
  const minutes = Math.round(t.checkpointFailureWindowMs / 60_000);
  for (const [jobId, { data: stats }] of Object.entries(input.checkpoints)) {
    const job = input.jobs?.data.find((j) => j.jid === jobId);
    if (!job || job.state !== 'RUNNING') continue;
    const failed = stats.latest.failed;
    const completed = stats.latest.completed;
    const from = jmNow - t.checkpointFailureWindowMs;
    const failedInHistory = stats.history.filter(
      (c): c is FailedCheckpoint => c.status === 'FAILED' && c.failure_timestamp >= from && !c.is_savepoint,
    );
    // The counter's growth covers failures older than the (short) history list.
    const samples = history.failedCheckpoints[jobId] ?? [];
    let grown = 0;
    const last = samples[samples.length - 1];
    if (last) {
      let base = samples[0];
      for (const s of samples) if (s.t <= input.now - t.checkpointFailureWindowMs) base = s;
      if (base) grown = last.v - base.v;
    }
    const failures = Math.max(failedInHistory.length, grown);
    const failingNow = Boolean(
      failed && (!completed || failed.failure_timestamp > completed.latest_ack_timestamp),
    );
    if (!failingNow && failures === 0) continue;
    const message = firstLine(failed?.failure_message) || 'no reason given';
    const sinceCompleted = completed ? completed.latest_ack_timestamp : 0;
    const failedSinceCompleted = failedInHistory.filter((c) => c.trigger_timestamp > sinceCompleted);
    out.push(
      problem(input, 'checkpoints-failing', jobId, {
        severity: failingNow ? 'high' : 'medium',
        jobId,
        jobName: job.name,
        title: failingNow ? 'Checkpoints failing' : 'Checkpoint failures',
        explanation: failingNow
          ? `Checkpoint ${failed?.id ?? ''} failed (${message}) and none completed since${completed ? '' : ' the job started'}.`
          : `${failures} checkpoint${failures === 1 ? '' : 's'} failed in the last ${minutes} min, the latest: ${message}`,
        figure: {
          label: `Failed (${minutes} min)`,
          value: Math.max(failures, failingNow ? 1 : 0),
          format: 'count',
        },
        href: links.checkpoints(input.cluster.id, jobId, failed?.id),
        linkLabel: 'Checkpoints',
        since: failingNow
          ? (earliest(failedSinceCompleted.map((c) => c.trigger_timestamp)) ?? failed?.failure_timestamp)
          : earliest(failedInHistory.map((c) => c.failure_timestamp)),
        series: {
          key: `flink:${input.cluster.id}:job:${jobId}:cp-failed`,
          label: 'Failed checkpoints (total)',
          format: 'count',
        },
      }),
    );
  }
  return out;
}

const earliest = (xs: number[]) => (xs.length ? Math.min(...xs) : undefined);

export function checkpointsMissingRule(input: FlinkInput, t: Thresholds): Problem[] {
  const out: Problem[] = [];
  const jmNow = input.now + input.clockOffsetMs;
  for (const [jobId, { data: stats }] of Object.entries(input.checkpoints)) {
    const job = input.jobs?.data.find((j) => j.jid === jobId);
    const interval = input.checkpointConfig[jobId]?.interval;
    if (!job || job.state !== 'RUNNING' || !checkpointingEnabled(interval)) continue;
    const details = input.jobDetails[jobId]?.data;
    const runningSince = details?.timestamps.RUNNING || job['start-time'];
    const completedAt = stats.latest.completed?.latest_ack_timestamp ?? 0;
    const limit = Math.max(t.checkpointMissedIntervals * interval, t.checkpointGapMinMs);
    const reference = Math.max(completedAt, runningSince);
    const gap = jmNow - reference;
    if (gap <= limit) continue;
    out.push(
      problem(input, 'checkpoints-missing', jobId, {
        severity: 'high',
        jobId,
        jobName: job.name,
        title: 'No checkpoint completed',
        explanation: `${completedAt ? 'The last checkpoint completed' : 'No checkpoint completed since the job started'} ${formatDuration(gap)} ago, with checkpoints due every ${formatDuration(interval)}${
          stats.counts.in_progress ? `; ${stats.counts.in_progress} in progress` : ''
        }.`,
        figure: { label: 'Since last completed', value: gap, format: 'duration' },
        href: links.checkpoints(input.cluster.id, jobId, stats.latest.completed?.id),
        linkLabel: 'Checkpoints',
        since: reference + interval,
      }),
    );
  }
  return out;
}

const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Earlier and recent averages (first and last third) of a checkpoint figure. */
export function trendOf(points: readonly CheckpointPoint[], pick: (p: CheckpointPoint) => number) {
  const third = Math.max(1, Math.floor(points.length / 3));
  return {
    earlier: avg(points.slice(0, third).map(pick)),
    recent: avg(points.slice(-third).map(pick)),
  };
}

export function checkpointGrowthRule(input: FlinkInput, history: FlinkHistory, t: Thresholds): Problem[] {
  const out: Problem[] = [];
  const jmNow = input.now + input.clockOffsetMs;
  for (const [jobId, all] of Object.entries(history.completedCheckpoints)) {
    const job = input.jobs?.data.find((j) => j.jid === jobId);
    if (!job || job.state !== 'RUNNING') continue;
    const points = all.filter((p) => p.t >= jmNow - t.checkpointTrendWindowMs);
    if (points.length < 6) continue;
    const duration = trendOf(points, (p) => p.duration);
    const size = trendOf(points, (p) => p.size);
    const durationGrows =
      duration.earlier > 0 &&
      duration.recent / duration.earlier >= t.checkpointGrowthFactor &&
      duration.recent >= t.checkpointGrowthMinDurationMs;
    const sizeGrows =
      size.earlier > 0 &&
      size.recent / size.earlier >= t.checkpointGrowthFactor &&
      size.recent >= t.checkpointGrowthMinBytes;
    if (!durationGrows && !sizeGrows) continue;
    const timeout = input.checkpointConfig[jobId]?.timeout;
    const nearTimeout =
      durationGrows && timeout !== undefined && timeout > 0 && duration.recent >= timeout / 2;
    const parts = [
      durationGrows
        ? `duration ${formatDuration(duration.earlier)} → ${formatDuration(duration.recent)}`
        : '',
      sizeGrows ? `size ${formatBytes(size.earlier)} → ${formatBytes(size.recent)}` : '',
    ].filter(Boolean);
    const minutes = Math.round((jmNow - (points[0] as CheckpointPoint).t) / 60_000);
    out.push(
      problem(input, 'checkpoints-growing', jobId, {
        severity: nearTimeout ? 'high' : 'medium',
        jobId,
        jobName: job.name,
        title: durationGrows ? 'Checkpoints getting slower' : 'Checkpoints getting bigger',
        explanation: `Over the last ${Math.max(1, minutes)} min: ${parts.join(', ')}${
          nearTimeout ? `; half of the ${formatDuration(timeout)} timeout is used` : ''
        }.`,
        figure: durationGrows
          ? { label: 'Recent duration', value: duration.recent, format: 'duration' }
          : { label: 'Recent size', value: size.recent, format: 'bytes' },
        href: links.checkpoints(input.cluster.id, jobId, points[points.length - 1]?.id),
        linkLabel: 'Checkpoints',
        series: durationGrows
          ? {
              key: `flink:${input.cluster.id}:job:${jobId}:cp-duration`,
              label: 'Checkpoint duration',
              format: 'duration',
            }
          : {
              key: `flink:${input.cluster.id}:job:${jobId}:cp-size`,
              label: 'Checkpoint size',
              format: 'bytes',
            },
      }),
    );
  }
  return out;
}
