/** Shown only on first load; later refreshes keep the old data on screen instead. */
export function PageSkeleton({ rows = 4 }: { rows?: number }) {
  return (
    <div className="animate-pulse space-y-3 p-1" aria-busy="true" aria-label="Loading">
      <div className="h-6 w-1/3 rounded bg-slate-200 dark:bg-slate-800" />
      {Array.from({ length: rows }, (_, i) => (
        <div
          key={i}
          className="h-4 rounded bg-slate-200 dark:bg-slate-800"
          style={{ width: `${90 - i * 12}%` }}
        />
      ))}
    </div>
  );
}
