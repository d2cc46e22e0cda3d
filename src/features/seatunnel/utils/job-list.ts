import type { SeaTunnelJob } from '@/api/seatunnel/normalise';
import { isTerminalState } from '@/api/polling';
import type { SortState } from '@/components/data-table';
import { countToNumber, parseEngineTime } from './format';

/*
 * The jobs list: the running map and the finished history merged into one list of rows, with
 * search, state chips and the sort kept in the URL.
 */

export interface JobRow {
  job: SeaTunnelJob;
  createdMs: number | null;
  finishedMs: number | null;
  /** Finished jobs: finish - create; running jobs: until `now`. */
  durationMs: number | null;
  running: boolean;
}

/** States in chip order: what needs attention, what runs, then what is over. */
export const STATE_ORDER = [
  'FAILED',
  'FAILING',
  'RUNNING',
  'PENDING',
  'CREATED',
  'INITIALIZING',
  'SCHEDULED',
  'DOING_SAVEPOINT',
  'CANCELING',
  'CANCELED',
  'FINISHED',
  'SAVEPOINT_DONE',
  'UNKNOWABLE',
];

/** The finished states the engine's `/finished-jobs/:state` knows. */
export const FINISHED_STATES = ['FINISHED', 'CANCELED', 'FAILED', 'UNKNOWABLE'] as const;

/** States in which a stop request still means something. */
export function isStoppable(job: Pick<SeaTunnelJob, 'jobStatus'>): boolean {
  const s = job.jobStatus.toUpperCase();
  return !isTerminalState(s) && s !== 'CANCELING' && s !== 'DOING_SAVEPOINT';
}

/**
 * One row per job id. A job can be in both lists for a moment (it just ended, or — in some
 * engines — SAVEPOINT_DONE stays in the running map): the finished entry wins.
 */
export function mergeJobs(
  running: readonly SeaTunnelJob[] | undefined,
  finished: readonly SeaTunnelJob[] | undefined,
  now: number,
): JobRow[] {
  const byId = new Map<string, SeaTunnelJob>();
  for (const j of running ?? []) byId.set(j.jobId, j);
  for (const j of finished ?? []) {
    const seen = byId.get(j.jobId);
    if (!seen || isTerminalState(j.jobStatus)) byId.set(j.jobId, j);
  }
  return [...byId.values()].map((job) => toRow(job, now));
}

export function toRow(job: SeaTunnelJob, now: number): JobRow {
  const createdMs = parseEngineTime(job.startTime ?? job.createTime);
  const finishedMs = parseEngineTime(job.finishTime);
  const running = !isTerminalState(job.jobStatus);
  const end = finishedMs ?? (running ? now : null);
  const durationMs = createdMs !== null && end !== null ? Math.max(0, end - createdMs) : null;
  return { job, createdMs, finishedMs, durationMs, running };
}

/** Running first, then newest first. */
export function defaultOrder(rows: readonly JobRow[]): JobRow[] {
  return [...rows].sort(
    (a, b) =>
      Number(b.running) - Number(a.running) ||
      (b.createdMs ?? 0) - (a.createdMs ?? 0) ||
      (a.job.jobId < b.job.jobId ? 1 : -1),
  );
}

/** Every word must appear in the name or the id (case-insensitive). */
export function searchJobs(rows: readonly JobRow[], q: string): JobRow[] {
  const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((r) => {
    const hay = `${r.job.jobName.toLowerCase()} ${r.job.jobId}`;
    return words.every((w) => hay.includes(w));
  });
}

export interface StateCount {
  state: string;
  count: number;
}

/** Jobs per state; `always` states get a chip even at 0 (the engine's finished states, RUNNING). */
export function countStates(rows: readonly JobRow[], always: readonly string[] = []): StateCount[] {
  const counts = new Map<string, number>(always.map((s) => [s, 0]));
  for (const r of rows) {
    const s = r.job.jobStatus.toUpperCase();
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const rank = (s: string) => {
    const i = STATE_ORDER.indexOf(s);
    return i < 0 ? STATE_ORDER.length : i;
  };
  return [...counts.entries()]
    .map(([state, count]) => ({ state, count }))
    .sort((a, b) => rank(a.state) - rank(b.state) || a.state.localeCompare(b.state));
}

/** `?state=FAILED,CANCELED` → {FAILED, CANCELED}. */
export function parseStates(param: string | undefined): Set<string> {
  return new Set(
    (param ?? '')
      .split(',')
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean),
  );
}

/** A click on a chip: only that state (or none when it was the only one); `add` toggles it. */
export function toggleState(current: ReadonlySet<string>, state: string, only: boolean): string | undefined {
  let next: Set<string>;
  if (only) next = current.size === 1 && current.has(state) ? new Set() : new Set([state]);
  else {
    next = new Set(current);
    if (!next.delete(state)) next.add(state);
  }
  return next.size ? [...next].join(',') : undefined;
}

export function filterByState(rows: readonly JobRow[], states: ReadonlySet<string>): JobRow[] {
  return states.size === 0 ? [...rows] : rows.filter((r) => states.has(r.job.jobStatus.toUpperCase()));
}

export const SORTABLE = ['name', 'state', 'created', 'finished', 'duration', 'received', 'written', 'qps'];

export function sortFromSearch(sort: string | undefined, desc: boolean | undefined): SortState | null {
  return sort && SORTABLE.includes(sort) ? { id: sort, desc: desc ?? false } : null;
}

export function searchFromSort(sort: SortState | null): { sort?: string; desc?: boolean } {
  return sort ? { sort: sort.id, desc: sort.desc || undefined } : { sort: undefined, desc: undefined };
}

export const sortValues: Record<string, (r: JobRow) => string | number | null> = {
  name: (r) => r.job.jobName.toLowerCase(),
  state: (r) => r.job.jobStatus,
  created: (r) => r.createdMs,
  finished: (r) => r.finishedMs,
  duration: (r) => r.durationMs,
  received: (r) => countToNumber(r.job.metrics.sourceReceivedCount),
  written: (r) => countToNumber(r.job.metrics.sinkWriteCount),
  qps: (r) => r.job.metrics.sourceReceivedQPS,
};

/** "name (id)" list for a confirmation, capped so a dialog stays readable. */
export function describeJobs(jobs: readonly Pick<SeaTunnelJob, 'jobId' | 'jobName'>[], max = 8): string[] {
  const lines = jobs.slice(0, max).map((j) => `${j.jobName || '(unnamed)'} (${j.jobId})`);
  if (jobs.length > max) lines.push(`… and ${jobs.length - max} more`);
  return lines;
}
