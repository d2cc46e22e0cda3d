import type { JobDetails } from '@/api/flink/schemas';
import { isTerminalState } from '@/api/polling';

/** Subtask counts per state over all vertices, lower-case keys as in `/jobs/overview`. */
export function subtaskCounts(job: Pick<JobDetails, 'vertices'>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of job.vertices) {
    for (const [state, n] of Object.entries(v.tasks)) {
      const k = state.toLowerCase();
      if (k === 'total') continue;
      out[k] = (out[k] ?? 0) + n;
    }
  }
  return out;
}

export function totalSubtasks(job: Pick<JobDetails, 'vertices'>): number {
  return job.vertices.reduce((sum, v) => sum + v.parallelism, 0);
}

/**
 * How long the job has run: Flink's `duration` for a terminal job; for a job still going,
 * from its start to `now` (the browser clock, corrected by how far the cluster's clock is off).
 */
export function liveDuration(job: Pick<JobDetails, 'state' | 'start-time' | 'duration' | 'now'>, now: number, receivedAt: number): number {
  if (isTerminalState(job.state) || job['start-time'] <= 0) return job.duration;
  const clusterNow = job.now + Math.max(0, now - receivedAt);
  return Math.max(job.duration, clusterNow - job['start-time']);
}
