/**
 * Jobs this dashboard has seen, and which of them the cluster no longer knows ("lost"): the one
 * place that decides it. The jobs list, the cluster overview, the job page and triage all read the
 * verdicts of this module (through known-jobs-store.ts), so they agree after every poll.
 *
 * A job is lost when an answer the cluster gave after we saw the job alive lacks it (the jobs list)
 * or says 404 for it (its details), while its last known state was not terminal. A Flink
 * JobManager without high availability forgets every job when it restarts; a finished job is
 * forgotten after `jobstore.expiration-time`, which is normal and not "lost".
 */
import { isTerminalState } from '../polling';
import type { JobDetails, JobOverview } from './schemas';

export interface KnownJob {
  /** The last answer that listed the job (or a list entry made from its details). */
  job: JobOverview;
  /** When that answer arrived. */
  seenAt: number;
  /** When the first answer without the job arrived (a request sent after `seenAt`). */
  goneSince?: number;
  /** The cluster stopped answering after `seenAt` and answered again at this time: a restart. */
  restartedAt?: number;
}

/** One cluster's known jobs by id. */
export type KnownJobs = Record<string, KnownJob>;

/**
 * How long a job seen alive stays "seen" without a newer sighting. Flink keeps a finished job
 * listed for `jobstore.expiration-time` (1 h by default): a job seen less than that ago cannot
 * have ended and been cleaned up unnoticed, so its absence means it was lost.
 */
export const REMEMBER_MS = 60 * 60_000;
/** A lost job is reported this long, then forgotten. */
export const LOST_KEEP_MS = 24 * 60 * 60_000;
/** Bounded storage: the most recently seen jobs per cluster. */
export const MAX_KNOWN = 500;

/** What the cluster's connection did between a sighting and the answer without the job. */
export interface OutageSeen {
  /** First failed poll. */
  from: number;
  /** First answer after it (undefined: still unreachable). */
  to?: number;
}

/** An answer: when its request left and when it arrived. */
export interface AnswerTimes {
  requestedAt: number;
  at: number;
}

function restartBetween(seenAt: number, at: number, outage: OutageSeen | undefined): number | undefined {
  if (!outage || outage.from < seenAt) return undefined;
  // Still flagged as down when the answer arrived (the 404 raced the recovery): it is back now.
  const back = outage.to ?? at;
  return back <= at ? back : undefined;
}

function markGone(entry: KnownJob, when: AnswerTimes, outage: OutageSeen | undefined): KnownJob | undefined {
  if (entry.goneSince !== undefined) return entry;
  // The request may have been answered before the sighting happened on the server.
  if (when.requestedAt < entry.seenAt) return entry;
  if (when.at - entry.seenAt > REMEMBER_MS) return undefined;
  const restartedAt = restartBetween(entry.seenAt, when.at, outage);
  return { ...entry, goneSince: when.at, ...(restartedAt !== undefined ? { restartedAt } : {}) };
}

function trim(known: KnownJobs, now: number): KnownJobs {
  const kept = Object.entries(known).filter(([, e]) =>
    e.goneSince !== undefined ? now - e.goneSince <= LOST_KEEP_MS : now - e.seenAt <= LOST_KEEP_MS,
  );
  if (kept.length > MAX_KNOWN) kept.sort(([, a], [, b]) => b.seenAt - a.seenAt).splice(MAX_KNOWN);
  return Object.fromEntries(kept);
}

/** `/jobs/overview` answered: every listed job is seen; a known one missing from it is gone. */
export function observeJobList(
  known: KnownJobs,
  jobs: readonly JobOverview[],
  when: AnswerTimes,
  outage?: OutageSeen,
): KnownJobs {
  const out: KnownJobs = {};
  const listed = new Set<string>();
  for (const job of jobs) {
    listed.add(job.jid);
    out[job.jid] = { job, seenAt: when.at };
  }
  for (const [jid, entry] of Object.entries(known)) {
    if (listed.has(jid)) continue;
    const next = markGone(entry, when, outage);
    if (next) out[jid] = next;
  }
  return trim(out, when.at);
}

/** A `/jobs/overview` entry made from a job's details. */
export function overviewFromDetails(details: JobDetails): JobOverview {
  const tasks: Record<string, number> = { total: 0 };
  for (const [state, n] of Object.entries(details['status-counts'])) {
    tasks[state.toLowerCase()] = n;
    tasks.total = (tasks.total ?? 0) + n;
  }
  return {
    jid: details.jid,
    name: details.name,
    state: details.state,
    'start-time': details['start-time'],
    'end-time': details['end-time'],
    duration: details.duration,
    'last-modification': details.now,
    tasks: tasks as JobOverview['tasks'],
    ...(details['job-type'] !== undefined ? { 'job-type': details['job-type'] } : {}),
  };
}

/** `/jobs/:jobid` answered: the job is seen. */
export function observeJobDetails(known: KnownJobs, details: JobDetails, at: number): KnownJobs {
  return { ...known, [details.jid]: { job: overviewFromDetails(details), seenAt: at } };
}

/** `/jobs/:jobid` answered 404: a job seen before is gone; one never seen stays unknown. */
export function observeJobMissing(
  known: KnownJobs,
  jobId: string,
  when: AnswerTimes,
  outage?: OutageSeen,
): KnownJobs {
  const entry = known[jobId];
  if (!entry) return known;
  const next = markGone(entry, when, outage);
  if (next === entry) return known;
  const out = { ...known };
  if (next) out[jobId] = next;
  else delete out[jobId];
  return out;
}

/** Lost: gone while its last known state was not terminal. */
export function isLost(entry: KnownJob | undefined): entry is KnownJob & { goneSince: number } {
  return entry?.goneSince !== undefined && !isTerminalState(entry.job.state);
}

/** The lost jobs of one cluster, most recently lost first. */
export function lostJobs(known: KnownJobs): (KnownJob & { goneSince: number })[] {
  return Object.values(known)
    .filter(isLost)
    .sort((a, b) => b.goneSince - a.goneSince);
}

export type GoneCause =
  /** The JobManager was unreachable after the job was seen and came back without it. */
  | { kind: 'restart'; at: number }
  /** The job had ended; the cluster cleaned it up (jobstore.expiration-time). */
  | { kind: 'cleaned-up'; state: string }
  | { kind: 'unknown' };

export function goneCause(entry: KnownJob): GoneCause {
  if (isTerminalState(entry.job.state)) return { kind: 'cleaned-up', state: entry.job.state };
  if (entry.restartedAt !== undefined) return { kind: 'restart', at: entry.restartedAt };
  return { kind: 'unknown' };
}

/** What the job page shows for a job whose details answered 404. */
export interface JobGone {
  lastKnown: JobOverview;
  /** Last answer that had the job. */
  lastSeenAt: number;
  /** First answer without it. */
  since: number;
  cause: GoneCause;
}

/**
 * The job page's verdict. `seenInVisit`: the details query still holds data from this visit;
 * `known`: the store's entry (this visit or remembered). A 404 for a job never seen is a plain
 * "not found"; `undefined` means the job is not gone (or not a 404).
 */
export function jobGoneVerdict(opts: {
  notFound: boolean;
  notFoundAt: number;
  seenInVisit?: { job: JobOverview; at: number } | undefined;
  known: KnownJob | undefined;
}): JobGone | undefined {
  if (!opts.notFound) return undefined;
  const { known, seenInVisit } = opts;
  if (known?.goneSince !== undefined) {
    return {
      lastKnown: known.job,
      lastSeenAt: known.seenAt,
      since: known.goneSince,
      cause: goneCause(known),
    };
  }
  // Seen in this visit, or remembered from an earlier one (loaded after the 404 arrived).
  const seen =
    seenInVisit ??
    (known && known.seenAt <= opts.notFoundAt && opts.notFoundAt - known.seenAt <= REMEMBER_MS
      ? { job: known.job, at: known.seenAt }
      : undefined);
  if (seen) {
    const entry: KnownJob = { job: seen.job, seenAt: seen.at, goneSince: opts.notFoundAt };
    return {
      lastKnown: entry.job,
      lastSeenAt: entry.seenAt,
      since: opts.notFoundAt,
      cause: goneCause(entry),
    };
  }
  return undefined;
}

function isKnownJob(raw: unknown): raw is KnownJob {
  const e = raw as Partial<KnownJob> | null;
  const job = e?.job as Partial<JobOverview> | undefined;
  return (
    typeof e?.seenAt === 'number' &&
    (e.goneSince === undefined || typeof e.goneSince === 'number') &&
    (e.restartedAt === undefined || typeof e.restartedAt === 'number') &&
    typeof job?.jid === 'string' &&
    typeof job.name === 'string' &&
    typeof job.state === 'string' &&
    typeof job['start-time'] === 'number' &&
    typeof job.duration === 'number' &&
    typeof job.tasks === 'object' &&
    job.tasks !== null
  );
}

/**
 * Merges what an earlier page load stored into this page's entries (which win). A job seen alive
 * longer than REMEMBER_MS ago is dropped: it may have ended and been cleaned up meanwhile.
 */
export function mergeKnown(live: KnownJobs, stored: unknown, now: number): KnownJobs {
  if (!stored || typeof stored !== 'object') return live;
  const out: KnownJobs = { ...live };
  for (const [jid, raw] of Object.entries(stored as Record<string, unknown>)) {
    if (out[jid] || !isKnownJob(raw) || raw.job.jid !== jid) continue;
    const fresh =
      raw.goneSince !== undefined ? now - raw.goneSince <= LOST_KEEP_MS : now - raw.seenAt <= REMEMBER_MS;
    if (fresh) out[jid] = raw;
  }
  return out;
}

/** The state lists show for a lost job (not one of Flink's). */
export const LOST_STATE = 'LOST';

/** A lost job as a `/jobs/overview` row: state LOST, its duration stopped when it was last seen. */
export function lostJobRow(lost: KnownJob): JobOverview {
  const j = lost.job;
  const duration =
    j['end-time'] > 0 || j['start-time'] <= 0
      ? j.duration
      : Math.max(j.duration, lost.seenAt - j['start-time']);
  return { ...j, state: LOST_STATE, duration };
}
