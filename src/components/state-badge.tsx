/** Job, task and checkpoint states in one colour language across Flink and SeaTunnel. */
const TONES: Record<string, string> = {
  RUNNING: 'bg-sky-100 text-sky-900 dark:bg-sky-900/60 dark:text-sky-100',
  FINISHED: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100',
  COMPLETED: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100',
  SAVEPOINT_DONE: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100',
  FAILED: 'bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-100',
  /** Not Flink's: a job the cluster no longer knows (src/api/flink/lost-jobs.ts). */
  LOST: 'bg-red-200 text-red-950 dark:bg-red-800/70 dark:text-red-50',
  FAILING: 'bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-100',
  RESTARTING: 'bg-orange-100 text-orange-900 dark:bg-orange-900/60 dark:text-orange-100',
  CANCELED: 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100',
  CANCELLED: 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100',
  CANCELING: 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100',
  CANCELLING: 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100',
  IN_PROGRESS: 'bg-indigo-100 text-indigo-900 dark:bg-indigo-900/60 dark:text-indigo-100',
};
const DEFAULT_TONE = 'bg-violet-100 text-violet-900 dark:bg-violet-900/60 dark:text-violet-100';

export function stateTone(state: string): string {
  return TONES[state.toUpperCase()] ?? DEFAULT_TONE;
}

export function StateBadge({ state }: { state: string }) {
  return (
    <span
      data-state={state}
      className={`inline-block rounded px-1.5 py-0.5 text-[11px] font-semibold tracking-wide ${stateTone(state)}`}
    >
      {state}
    </span>
  );
}
