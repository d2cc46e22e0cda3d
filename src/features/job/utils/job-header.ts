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
export function liveDuration(
  job: Pick<JobDetails, 'state' | 'start-time' | 'duration' | 'now'>,
  now: number,
  receivedAt: number,
): number {
  if (isTerminalState(job.state) || job['start-time'] <= 0) return job.duration;
  const clusterNow = job.now + Math.max(0, now - receivedAt);
  return Math.max(job.duration, clusterNow - job['start-time']);
}

/** A running duration down to the second, so the header visibly ticks: "42 s", "2 h 18 m 05 s", "3 d 4 h 12 m 00 s". */
export function formatLiveDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  if (d > 0) return `${d} d ${h} h ${two(m)} m ${two(sec)} s`;
  if (h > 0) return `${h} h ${two(m)} m ${two(sec)} s`;
  if (m > 0) return `${m} m ${two(sec)} s`;
  return `${sec} s`;
}
