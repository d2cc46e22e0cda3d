import { setOverlay } from './palette-store';

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The header's search field look-alike that opens the palette. */
export function PaletteButton() {
  return (
    <button
      type="button"
      data-testid="palette-button"
      onClick={() => setOverlay('palette')}
      title="Jump to a cluster, job, vertex or task manager"
      className="flex items-center gap-2 rounded border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-500 hover:border-slate-400 hover:text-slate-800 dark:border-slate-700 dark:bg-slate-800 dark:hover:text-slate-100"
    >
      <span aria-hidden>⌕</span>
      <span className="hidden lg:inline">Search…</span>
      <kbd className="rounded border border-slate-200 px-1 font-sans text-[10px] dark:border-slate-600">
        {isMac() ? '⌘K' : 'Ctrl K'}
      </kbd>
    </button>
  );
}
