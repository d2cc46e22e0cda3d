import type { JobRunLog } from '@/api/flink/job-runs';
import type { JobDetails, SubtaskTimes } from '@/api/flink/schemas';

/** One coloured stretch of a Gantt row. `open` means it has not ended (drawn up to "now"). */
export interface Segment {
  state: string;
  start: number;
  end: number;
  open: boolean;
}

export interface TimelineRow {
  id: string;
  label: string;
  detail?: string;
  status: string;
  segments: Segment[];
}

export interface Timeline {
  rows: TimelineRow[];
  /** Rows that have no time yet (vertices not scheduled). */
  waiting: TimelineRow[];
  start: number;
  end: number;
  now: number;
}

const known = (t: number) => Number.isFinite(t) && t > 0;

/** Vertices of `/jobs/:jobid` as bars from start to end (to the cluster's `now` when still going). */
export function vertexTimeline(job: Pick<JobDetails, 'vertices' | 'now'>): Timeline {
  const rows: TimelineRow[] = [];
  const waiting: TimelineRow[] = [];
  for (const v of job.vertices) {
    const base = { id: v.id, label: v.name, detail: `parallelism ${v.parallelism}`, status: v.status };
    if (!known(v['start-time'])) {
      waiting.push({ ...base, segments: [] });
      continue;
    }
    const open = !known(v['end-time']);
    const end = open ? Math.max(job.now, v['start-time']) : Math.max(v['end-time'], v['start-time']);
    rows.push({ ...base, segments: [{ state: v.status, start: v['start-time'], end, open }] });
  }
  return { rows, waiting, ...range(rows, job.now) };
}

/** The order subtask states normally follow; used to break ties of equal timestamps. */
export const SUBTASK_STATES = [
  'CREATED',
  'SCHEDULED',
  'DEPLOYING',
  'INITIALIZING',
  'RUNNING',
  'FINISHED',
  'CANCELING',
  'CANCELED',
  'FAILED',
  'RECONCILING',
] as const;

const FINAL = new Set(['FINISHED', 'CANCELED', 'FAILED']);

/**
 * Per subtask, the stretches between the state timestamps of `/subtasktimes` (0 = never entered).
 * A final state (FINISHED/CANCELED/FAILED) ends the row; otherwise the last state lasts until `now`.
 */
export function subtaskTimeline(times: SubtaskTimes): Timeline {
  const rank = (s: string) => {
    const i = (SUBTASK_STATES as readonly string[]).indexOf(s);
    return i < 0 ? SUBTASK_STATES.length : i;
  };
  const rows: TimelineRow[] = [];
  const waiting: TimelineRow[] = [];
  for (const st of times.subtasks) {
    const entered = Object.entries(st.timestamps)
      .filter(([, t]) => known(t))
      .sort(([a, ta], [b, tb]) => ta - tb || rank(a) - rank(b));
    const last = entered[entered.length - 1];
    const row: TimelineRow = {
      id: String(st.subtask),
      label: `Subtask ${st.subtask}`,
      detail: st.endpoint,
      status: last ? last[0] : 'CREATED',
      segments: [],
    };
    entered.forEach(([state, start], i) => {
      const next = entered[i + 1];
      if (next) row.segments.push({ state, start, end: next[1], open: false });
      else if (!FINAL.has(state))
        row.segments.push({ state, start, end: Math.max(times.now, start), open: true });
    });
    if (entered.length === 0) waiting.push(row);
    else rows.push(row);
  }
  return { rows, waiting, ...range(rows, times.now) };
}

function range(rows: TimelineRow[], now: number): { start: number; end: number; now: number } {
  let start = Infinity;
  let end = -Infinity;
  for (const r of rows) {
    for (const s of r.segments) {
      start = Math.min(start, s.start);
      end = Math.max(end, s.end);
    }
  }
  if (!Number.isFinite(start)) return { start: now, end: now, now };
  if (end <= start) end = start + 1;
  return { start, end, now };
}

const STEPS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000,
  600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000,
  172_800_000, 604_800_000,
];

/** Tick times for an axis from `start` to `end`: at most `maxTicks`, at a "nice" step. */
export function timeTicks(start: number, end: number, maxTicks = 8): { step: number; ticks: number[] } {
  const span = Math.max(1, end - start);
  const step =
    STEPS.find((s) => span / s <= maxTicks) ?? Math.ceil(span / maxTicks / 604_800_000) * 604_800_000;
  // Sub-second steps count from the start (labels read "+500 ms"); longer ones sit on round clock times.
  const origin = step < 1000 ? start : 0;
  const ticks: number[] = [];
  for (let t = origin + Math.ceil((start - origin) / step) * step; t <= end; t += step) ticks.push(t);
  return { step, ticks };
}

/** Position of `t` in [start, end] as a percentage (clamped). */
export function percentOf(t: number, start: number, end: number): number {
  if (end <= start) return 0;
  return Math.min(100, Math.max(0, ((t - start) / (end - start)) * 100));
}

/**
 * The start-up of a long-running vertex: from the first timestamp until every subtask reached
 * its current state (a little margin after). Deployment takes seconds while a job runs for days,
 * so on the whole run the start-up phases would be invisible. Undefined when there is nothing to zoom.
 */
export function startupRange(t: Timeline): { start: number; end: number } | undefined {
  let settled = -Infinity;
  for (const r of t.rows) {
    const open = r.segments.find((s) => s.open);
    const last = r.segments[r.segments.length - 1];
    const at = open ? open.start : last ? last.end : -Infinity;
    settled = Math.max(settled, at);
  }
  if (!Number.isFinite(settled) || settled <= t.start) return undefined;
  const end = settled + Math.max(1000, (settled - t.start) * 0.1);
  return end < t.end ? { start: t.start, end } : undefined;
}

/** The row of the dashboard's outages in the runs timeline, and its segments' state. */
export const UNREACHABLE = 'NO ANSWER';

/**
 * The job's runs as the dashboard saw them (one row per run: the job states Flink reported, the
 * older runs ending when they were last seen), and a row for the stretches the JobManager did not
 * answer. `now` is the cluster's time of the newest answer.
 */
export function runsTimeline(log: JobRunLog): Timeline {
  const rows: TimelineRow[] = log.runs.map((run, i) => {
    const current = i === log.runs.length - 1;
    const segments: Segment[] = run.states.map((s, j) => {
      const next = run.states[j + 1];
      const end = next ? next.at : Math.max(run.lastSeenAt, s.at);
      return { state: s.state, start: s.at, end, open: !next && current };
    });
    return {
      id: `run-${i + 1}`,
      label: i === 0 ? 'Run 1' : `Run ${i + 1} (recovered)`,
      status: run.lastState,
      segments,
    };
  });
  if (log.outages.length > 0) {
    const now = log.runs[log.runs.length - 1]?.lastSeenAt ?? 0;
    rows.push({
      id: 'outages',
      label: 'JobManager not answering',
      status: UNREACHABLE,
      segments: log.outages.map((o) => ({
        state: UNREACHABLE,
        start: o.from,
        end: o.to ?? Math.max(now, o.from),
        open: o.to === undefined,
      })),
    });
  }
  const now = Math.max(0, ...log.runs.map((r) => r.lastSeenAt), ...log.outages.map((o) => o.to ?? o.from));
  return { rows, waiting: [], ...range(rows, now) };
}
