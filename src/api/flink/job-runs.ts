/**
 * What the dashboard itself observed of one job across JobManager failovers.
 *
 * With high availability, a JobManager that takes over recovers the job under the same id but as a
 * new execution: `start-time` becomes the new INITIALIZING time, the state timestamps, attempt
 * numbers, `numRestarts` and the exception history start again (docs/real-flink-notes.md, "JobManager
 * failover with ZooKeeper HA"). Flink keeps no record of the run before, so the dashboard keeps it:
 * one entry per run (each `start-time` seen) and the stretches when the JobManager did not answer.
 * All times are on the JobManager's clock (browser times are moved by the offset of the last answer).
 */
import type { JobDetails } from './schemas';

/** A later `start-time` under the same job id: a new JobManager recovered the job (failover). */
export function isRecoveredRun(previousStart: number, nextStart: number): boolean {
  return previousStart > 0 && nextStart > previousStart;
}

export interface JobRunState {
  state: string;
  /** When the cluster says the job entered the state. */
  at: number;
}

export interface JobRun {
  startTime: number;
  /** States entered during this run, in time order (from the answer's `timestamps`). */
  states: JobRunState[];
  /** The first answer about this run (JobManager clock). */
  firstSeenAt: number;
  /** The newest answer about this run, and the state it reported. */
  lastSeenAt: number;
  lastState: string;
}

export interface JobOutage {
  from: number;
  /** When the next answer came; undefined while the JobManager still does not answer. */
  to?: number | undefined;
  /** The last error seen, as the dashboard showed it. */
  error: string;
}

export interface JobRunLog {
  runs: JobRun[];
  outages: JobOutage[];
  /** JobManager clock minus browser clock, from the last answer. */
  offsetMs: number;
}

export const EMPTY_RUN_LOG: JobRunLog = { runs: [], outages: [], offsetMs: 0 };

const MAX_KEPT = 20;

type Answer = Pick<JobDetails, 'state' | 'start-time' | 'timestamps' | 'now'>;

function statesOf(answer: Answer): JobRunState[] {
  const start = answer['start-time'];
  return Object.entries(answer.timestamps)
    .filter(([, at]) => at > 0 && at >= start)
    .map(([state, at]) => ({ state, at }))
    .sort((a, b) => a.at - b.at);
}

/** Adds one `/jobs/:jobid` answer, received at `receivedAt` (browser clock). */
export function observeJobAnswer(log: JobRunLog, answer: Answer, receivedAt: number): JobRunLog {
  const offsetMs = answer.now > 0 ? answer.now - receivedAt : log.offsetMs;
  const seenAt = receivedAt + offsetMs;
  const start = answer['start-time'];
  const last = log.runs[log.runs.length - 1];
  const outages = log.outages.map((o) => (o.to === undefined ? { ...o, to: seenAt } : o));
  let runs = log.runs;
  const run = (firstSeenAt: number): JobRun => ({
    startTime: start,
    states: statesOf(answer),
    firstSeenAt,
    lastSeenAt: seenAt,
    lastState: answer.state,
  });
  if (!last || isRecoveredRun(last.startTime, start)) runs = [...log.runs, run(seenAt)].slice(-MAX_KEPT);
  else if (last.startTime === start && seenAt >= last.lastSeenAt)
    runs = [...log.runs.slice(0, -1), run(last.firstSeenAt)];
  return { runs, outages, offsetMs };
}

/** Adds a failed poll (JobManager unreachable, 5xx, timeout) at `failedAt` (browser clock). */
export function observeJobError(log: JobRunLog, failedAt: number, error: string): JobRunLog {
  if (log.runs.length === 0) return log;
  const at = failedAt + log.offsetMs;
  const open = log.outages[log.outages.length - 1];
  if (open && open.to === undefined) {
    return { ...log, outages: [...log.outages.slice(0, -1), { ...open, error }] };
  }
  return { ...log, outages: [...log.outages, { from: at, error }].slice(-MAX_KEPT) };
}

/** One failover: the run before, what the dashboard saw in between, the run after. */
export interface JobFailover {
  before: JobRun;
  after: JobRun;
  /** Outages between the last answer about `before` and the start of `after`. */
  outages: JobOutage[];
}

export function failovers(log: JobRunLog): JobFailover[] {
  const out: JobFailover[] = [];
  for (let i = 1; i < log.runs.length; i++) {
    const before = log.runs[i - 1] as JobRun;
    const after = log.runs[i] as JobRun;
    out.push({
      before,
      after,
      outages: log.outages.filter((o) => o.from >= before.lastSeenAt && o.from < after.firstSeenAt),
    });
  }
  return out;
}
