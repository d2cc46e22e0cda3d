/** Marks what a Flink History Server serves: archived when the job ended, it never changes. */
export function ArchivedMark() {
  return (
    <span
      className="rounded bg-violet-100 px-1.5 py-0.5 text-[11px] font-semibold tracking-wide text-violet-900 dark:bg-violet-900/60 dark:text-violet-100"
      title="From the History Server: archived when the job ended; it never changes and takes no action"
      data-testid="archived-mark"
    >
      ARCHIVED
    </span>
  );
}
