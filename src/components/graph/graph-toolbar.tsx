/** Search, focus mode and view toggles shown over DagGraph. */
export type FocusMode = 'all' | 'chains' | 'neighbourhood';

const control =
  'rounded border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800';

export function GraphToolbar({
  query,
  onQuery,
  onSubmitQuery,
  matchCount,
  showFocus,
  mode,
  onMode,
  depth,
  onDepth,
  hasSelection,
  expandedCount,
  onCollapseAll,
  minimap,
  onMinimap,
  onFit,
}: {
  query: string;
  onQuery: (q: string) => void;
  onSubmitQuery: () => void;
  matchCount: number;
  showFocus: boolean;
  mode: FocusMode;
  onMode: (m: FocusMode) => void;
  depth: number;
  onDepth: (d: number) => void;
  hasSelection: boolean;
  expandedCount: number;
  onCollapseAll: () => void;
  minimap: boolean;
  onMinimap: (on: boolean) => void;
  onFit: () => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white/95 p-1.5 text-xs shadow-sm dark:border-slate-800 dark:bg-slate-900/95">
      <input
        type="search"
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onSubmitQuery();
        }}
        placeholder="Find operator…"
        aria-label="Find operator"
        className="w-44 rounded border border-slate-300 bg-white px-2 py-0.5 dark:border-slate-700 dark:bg-slate-950"
      />
      {query.trim() ? (
        <span role="status" className={matchCount ? 'text-slate-500' : 'text-amber-700 dark:text-amber-400'}>
          {matchCount ? `${matchCount} ${matchCount === 1 ? 'match' : 'matches'}` : 'No match'}
        </span>
      ) : null}
      {showFocus ? (
        <>
          <select
            aria-label="Focus mode"
            value={mode}
            onChange={(e) => onMode(e.target.value as FocusMode)}
            className={control}
          >
            <option value="all">All operators</option>
            <option value="chains">Collapse chains</option>
            <option value="neighbourhood">Neighbourhood of selected</option>
          </select>
          {mode === 'neighbourhood' ? (
            hasSelection ? (
              <select
                aria-label="Neighbourhood depth"
                value={depth}
                onChange={(e) => onDepth(Number(e.target.value))}
                className={control}
              >
                {[1, 2, 3, 5].map((d) => (
                  <option key={d} value={d}>
                    {d} {d === 1 ? 'hop' : 'hops'}
                  </option>
                ))}
              </select>
            ) : (
              <span className="text-slate-500">Select an operator</span>
            )
          ) : null}
          {mode === 'chains' && expandedCount > 0 ? (
            <button type="button" className={control} onClick={onCollapseAll}>
              Collapse {expandedCount} expanded
            </button>
          ) : null}
        </>
      ) : null}
      <button type="button" className={control} onClick={onFit}>
        Fit view
      </button>
      <button type="button" className={control} aria-pressed={minimap} onClick={() => onMinimap(!minimap)}>
        Minimap
      </button>
    </div>
  );
}
