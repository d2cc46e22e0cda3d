/**
 * Why a SeaTunnel job is PENDING, from what the REST API tells: the engine keeps a job PENDING
 * while it waits for slots (`job-schedule-strategy: WAIT` with fixed slots); `/overview` gives
 * the free (`unassignedSlot`) and total slots, the job's `envOptions` its `parallelism` and any
 * `tag_filter` that limits it to tagged workers. The engine says nothing more (no reason field):
 * past that, its log does.
 */
import type { SeaTunnelJob, SeaTunnelOverview } from './normalise';

export interface PendingExplanation {
  /** The job's `env.parallelism`, when it set one. */
  parallelism: number | undefined;
  freeSlots: number | undefined;
  totalSlots: number | undefined;
  /** The `tag_filter` env option as the engine printed it. */
  tagFilter: string | undefined;
  /** One or two sentences for the page and for triage. */
  text: string;
}

export function explainPending(
  job: Pick<SeaTunnelJob, 'envOptions'>,
  overview: Pick<SeaTunnelOverview, 'totalSlot' | 'unassignedSlot'> | undefined,
): PendingExplanation {
  const p = Number(job.envOptions.parallelism);
  const parallelism = Number.isInteger(p) && p > 0 ? p : undefined;
  const tagFilter = Object.entries(job.envOptions).find(
    ([k]) => k === 'tag_filter' || k.startsWith('tag_filter.'),
  );
  const tags = tagFilter
    ? tagFilter[0] === 'tag_filter'
      ? tagFilter[1]
      : tagFilterText(job.envOptions)
    : undefined;
  const base = { parallelism, tagFilter: tags };
  const asks = parallelism !== undefined ? ` for parallelism ${parallelism}` : '';
  if (!overview)
    return {
      ...base,
      freeSlots: undefined,
      totalSlots: undefined,
      text: `The engine holds the job until it gets slots${asks}; the cluster overview has not answered yet.`,
    };
  const free = overview.unassignedSlot;
  const total = overview.totalSlot;
  const slots = { ...base, freeSlots: free, totalSlots: total };
  const tagNote = tags
    ? ` Its tag_filter ${tags} limits it to workers with those tags: the free slots may be on other workers (see the workers' tags).`
    : '';
  if (total === 0)
    return {
      ...slots,
      text: `The engine holds the job until it gets slots${asks}; it reports no slot counts (dynamic slots), so the REST API cannot tell what it waits for: its log can.${tagNote}`,
    };
  if (parallelism !== undefined && free < parallelism)
    return {
      ...slots,
      text: `Waiting for slots: it asks for parallelism ${parallelism} and ${free} of ${total} slots are free. It starts when running jobs release slots, or when workers are added.${tagNote}`,
    };
  return {
    ...slots,
    text: tags
      ? `${free} of ${total} slots are free, yet the job waits.${tagNote}`
      : `${free} of ${total} slots are free${asks ? `, enough${asks}` : ''}, yet the job waits: the REST API gives no reason; the engine's log for this job does.`,
  };
}

/** `tag_filter.zone=eu, tag_filter.team=a` (flattened keys) → `{zone=eu, team=a}`. */
function tagFilterText(env: Record<string, string>): string {
  const parts = Object.entries(env)
    .filter(([k]) => k.startsWith('tag_filter.'))
    .map(([k, v]) => `${k.slice('tag_filter.'.length)}=${v}`);
  return `{${parts.join(', ')}}`;
}
