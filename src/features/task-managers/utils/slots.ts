/**
 * Which jobs occupy a task manager's slots: `/taskmanagers/:id` lists `allocatedSlots`
 * (`{jobId, resource}` per slot, Flink 1.16+); `/jobs/overview` names the jobs.
 */
import type { JobOverview, ResourceProfile, TaskManagerDetails } from '@/api/flink/schemas';

export interface JobSlots {
  jobId: string;
  name: string | undefined;
  state: string | undefined;
  slots: number;
  /** Summed resources of the job's slots (memory in MB, as Flink reports profiles). */
  cpuCores: number;
  taskHeapMemory: number;
  managedMemory: number;
  networkMemory: number;
  /** Colour index, stable per job within this task manager. */
  tone: number;
}

export interface SlotCell {
  /** Undefined for a free slot (or one whose job Flink did not report). */
  jobId: string | undefined;
  tone: number | undefined;
}

const add = (a: number, b: number) => (Number.isFinite(b) && b > 0 ? a + b : a);

export function jobsInSlots(
  tm: Pick<TaskManagerDetails, 'allocatedSlots'>,
  jobs: readonly JobOverview[] | undefined,
): JobSlots[] {
  const byId = new Map(jobs?.map((j) => [j.jid, j]));
  const out = new Map<string, JobSlots>();
  for (const slot of tm.allocatedSlots ?? []) {
    let entry = out.get(slot.jobId);
    if (!entry) {
      const job = byId.get(slot.jobId);
      entry = {
        jobId: slot.jobId,
        name: job?.name,
        state: job?.state,
        slots: 0,
        cpuCores: 0,
        taskHeapMemory: 0,
        managedMemory: 0,
        networkMemory: 0,
        tone: 0,
      };
      out.set(slot.jobId, entry);
    }
    const r: ResourceProfile = slot.resource;
    entry.slots++;
    entry.cpuCores = add(entry.cpuCores, r.cpuCores);
    entry.taskHeapMemory = add(entry.taskHeapMemory, r.taskHeapMemory);
    entry.managedMemory = add(entry.managedMemory, r.managedMemory);
    entry.networkMemory = add(entry.networkMemory, r.networkMemory);
  }
  const list = [...out.values()].sort(
    (a, b) => b.slots - a.slots || (a.name ?? a.jobId).localeCompare(b.name ?? b.jobId),
  );
  list.forEach((j, i) => (j.tone = i));
  return list;
}

/**
 * One cell per slot for the slot picture: occupied slots first, grouped by job, then free ones.
 * Without `allocatedSlots` (older Flink) the used count comes from `freeSlots`.
 */
export function slotCells(
  tm: Pick<TaskManagerDetails, 'slotsNumber' | 'freeSlots' | 'allocatedSlots'>,
  jobs: readonly JobSlots[],
): SlotCell[] {
  // The picture stops at MAX_SLOT_CELLS: a task manager claiming 1e308 slots must not hang the page.
  const total = Math.min(MAX_SLOT_CELLS, Math.max(0, tm.slotsNumber) || 0);
  const cells: SlotCell[] = [];
  if (tm.allocatedSlots) {
    for (const j of jobs)
      for (let i = 0; i < j.slots && cells.length < MAX_SLOT_CELLS; i++)
        cells.push({ jobId: j.jobId, tone: j.tone });
  } else {
    const used = Math.min(MAX_SLOT_CELLS, Math.max(0, tm.slotsNumber - tm.freeSlots) || 0);
    for (let i = 0; i < used; i++) cells.push({ jobId: undefined, tone: -1 });
  }
  while (cells.length < total) cells.push({ jobId: undefined, tone: undefined });
  return cells;
}

/** More slots than any real task manager has; beyond it the picture is cut (the figures are not). */
export const MAX_SLOT_CELLS = 1024;
