/**
 * Ctrl/⌘-K: jump to any page, cluster, view, job (by name or id), vertex or task manager.
 * ↑/↓ choose, Enter opens, Esc closes. Server-provided names are shown as text.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from '@/app/router';
import { setOverlay, useOverlay } from './palette-store';
import { KIND_LABEL, searchItems, type PaletteItem } from './search';
import { usePaletteItems } from './use-palette-items';

export function CommandPalette() {
  const open = useOverlay() === 'palette';
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
    }
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      else dialog.removeAttribute('open');
      if (previous?.isConnected) previous.focus();
    };
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-label="Command palette"
      data-testid="command-palette"
      onCancel={(e) => {
        e.preventDefault();
        setOverlay(null);
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget) setOverlay(null);
      }}
      className="mx-auto mt-[12vh] w-[calc(100%-2rem)] max-w-2xl overflow-hidden rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      {open ? <PaletteBody /> : null}
    </dialog>
  );
}

function PaletteBody() {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const { items, loading } = usePaletteItems(true);
  const results = useMemo(() => searchItems(items, query, 50), [items, query]);
  const navigate = useNavigate();
  const listId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const current = Math.min(active, Math.max(0, results.length - 1));

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${current}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const go = (item: PaletteItem | undefined) => {
    if (!item) return;
    setOverlay(null);
    navigate(item.href);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((current + 1) % Math.max(1, results.length));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((current - 1 + results.length) % Math.max(1, results.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      go(results[current]);
    }
  };

  return (
    <div className="flex max-h-[70vh] flex-col">
      <div className="flex items-center gap-2 border-b border-slate-200 px-4 dark:border-slate-800">
        <span aria-hidden className="text-slate-400">
          ⌕
        </span>
        <input
          autoFocus
          role="combobox"
          aria-expanded
          aria-controls={listId}
          aria-activedescendant={results[current] ? `${listId}-${current}` : undefined}
          aria-label="Search clusters, jobs, vertices, task managers"
          data-testid="palette-input"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          placeholder="Jump to a cluster, job (name or id), vertex, task manager…"
          className="h-12 min-w-0 flex-1 bg-transparent text-base outline-none placeholder:text-slate-400"
        />
        {loading ? <span className="text-xs text-slate-400">loading…</span> : null}
        <kbd className="rounded border border-slate-300 px-1.5 text-[10px] text-slate-500 dark:border-slate-700">
          Esc
        </kbd>
      </div>
      <ul
        ref={listRef}
        id={listId}
        role="listbox"
        aria-label="Results"
        className="min-h-0 flex-1 overflow-auto py-1"
        data-testid="palette-results"
      >
        {results.length === 0 ? (
          <li className="px-4 py-6 text-center text-sm text-slate-500">
            {loading ? 'Loading…' : 'Nothing matches.'}
          </li>
        ) : (
          results.map((item, i) => (
            <li
              key={item.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === current}
              data-index={i}
              data-kind={item.kind}
              data-testid="palette-item"
              onMouseMove={() => i !== current && setActive(i)}
              onClick={() => go(item)}
              className={`flex cursor-pointer items-center gap-3 px-4 py-2 ${
                i === current ? 'bg-sky-50 dark:bg-sky-950/60' : ''
              }`}
            >
              <span className="min-w-0 flex-1">
                <span className="block truncate text-sm font-medium">{item.label}</span>
                {item.detail ? (
                  <span className="block truncate text-xs text-slate-500">{item.detail}</span>
                ) : null}
              </span>
              <span className="shrink-0 rounded bg-slate-100 px-1.5 py-0.5 text-[10px] font-medium uppercase tracking-wide text-slate-600 dark:bg-slate-800 dark:text-slate-300">
                {KIND_LABEL[item.kind]}
              </span>
            </li>
          ))
        )}
      </ul>
      <div className="flex gap-3 border-t border-slate-200 px-4 py-1.5 text-[11px] text-slate-500 dark:border-slate-800">
        <span>↑↓ choose</span>
        <span>↵ open</span>
        <span>? shortcuts</span>
      </div>
    </div>
  );
}
