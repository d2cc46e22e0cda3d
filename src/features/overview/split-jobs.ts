import type { JobOverview } from '@/api/flink/schemas';
import { isTerminalState } from '@/api/polling';

/** Running (not yet terminal) jobs by start time, and finished ones newest first. */
export function splitJobs(jobs: JobOverview[]): { running: JobOverview[]; finished: JobOverview[] } {
  const running = jobs
    .filter((j) => !isTerminalState(j.state))
    .sort((a, b) => b['start-time'] - a['start-time']);
  const finished = jobs
    .filter((j) => isTerminalState(j.state))
    .sort(
      (a, b) =>
        (b['end-time'] > 0 ? b['end-time'] : b['start-time']) -
        (a['end-time'] > 0 ? a['end-time'] : a['start-time']),
    );
  return { running, finished };
}
