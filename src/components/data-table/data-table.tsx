/**
 * DataTable: one table for every list (jobs, vertices, 2,000 subtasks, 10,000 checkpoints).
 * Only the visible rows are in the DOM (fixed row height), the header stays on top while its own
 * container scrolls, headers sort on click, ↑/↓/PgUp/PgDn/Home/End move, Enter opens, Space ticks.
 *
 *   const [sort, setSort] = useSearchSort();                 // keep the sort in the URL
 *   <DataTable label="Jobs" columns={columns} rows={filterRows(jobs, q, ['name'])}
 *     rowKey={(j) => j.jid} sort={sort} onSortChange={setSort}
 *     onRowClick={(j) => open(j.jid)} selectedKey={jid} maxHeight={480} />
 *
 * `columns` should be stable (module constant or useMemo) so rows are not re-rendered needlessly.
 * Cells must fit `rowHeight` (default 36 px; use ~48 for two-line cells): taller rows break the
 * scroll maths. Omit `onSortChange` for a table that keeps its own sort (from `defaultSort`).
 */
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { nextSort, useTableSort } from './sort-rows';
import { Checkbox, HeaderCell, MemoRow, Spacer, TH } from './table-parts';
import type { Column, SortState } from './types';

export interface DataTableProps<T> {
  /** Accessible name of the table, e.g. "Running jobs". */
  label: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Controlled sort; pair with onSortChange. */
  sort?: SortState | null;
  onSortChange?: (sort: SortState | null) => void;
  /** Initial sort when the table keeps its own (no onSortChange). */
  defaultSort?: SortState | null;
  /** The rows arrive sorted already (e.g. by the server): only show the sort state. */
  manualSort?: boolean;
  onRowClick?: (row: T) => void;
  /** Key of the highlighted row (e.g. the one open in a side panel). */
  selectedKey?: string | null;
  /** Ticked keys; giving this (with onSelectionChange) adds a checkbox column. */
  selection?: ReadonlySet<string>;
  onSelectionChange?: (keys: Set<string>) => void;
  /** Rows that may be ticked (e.g. only running jobs can be stopped). */
  isSelectable?: (row: T) => boolean;
  rowHeight?: number;
  /** Max height of the scroll container (px or CSS); ignored with `fill`. Default 600 px. */
  maxHeight?: number | string;
  /** Fill the parent's height instead (the parent needs a definite height, e.g. flex + min-h-0). */
  fill?: boolean;
  empty?: ReactNode;
  rowClassName?: (row: T) => string | undefined;
  testId?: string;
}

const HEADER_HEIGHT = 36;
const CHECKBOX_WIDTH = 40;
const FLEX_MIN_WIDTH = 120;

export function DataTable<T>({
  label,
  columns,
  rows: inputRows,
  rowKey,
  sort: controlledSort,
  onSortChange,
  defaultSort,
  manualSort,
  onRowClick,
  selectedKey,
  selection,
  onSelectionChange,
  isSelectable,
  rowHeight = 36,
  maxHeight = 600,
  fill,
  empty,
  rowClassName,
  testId,
}: DataTableProps<T>) {
  const [ownSort, setOwnSort] = useState<SortState | null>(defaultSort ?? null);
  const sort = onSortChange ? (controlledSort ?? null) : ownSort;
  const setSort = onSortChange ?? setOwnSort;
  const rows = useTableSort(inputRows, columns, manualSort ? null : sort, rowKey);

  const baseId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const lastTicked = useRef<number | null>(null);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const activeIndex = useMemo(
    () => (activeKey === null ? -1 : rows.findIndex((r) => rowKey(r) === activeKey)),
    [rows, rowKey, activeKey],
  );

  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  // The app does not use the React Compiler, so its warning about useVirtualizer does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    overscan: 8,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    initialRect: { width: 0, height: typeof maxHeight === 'number' ? maxHeight : 600 },
  });
  // Bring a selection made elsewhere (URL, graph click) into view, once per selection; waits for
  // the row to arrive if the data is still loading.
  const scrolledFor = useRef<string | null>(null);
  useEffect(() => {
    if (!selectedKey || scrolledFor.current === selectedKey) return;
    const i = rows.findIndex((r) => rowKey(r) === selectedKey);
    if (i < 0) return;
    scrolledFor.current = selectedKey;
    virtualizer.scrollToIndex(i, { align: 'auto' });
  }, [selectedKey, rows, rowKey, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const padTop = first ? first.start - HEADER_HEIGHT : 0;
  const padBottom = last ? virtualizer.getTotalSize() - last.end : 0;

  const checkable = selection !== undefined && onSelectionChange !== undefined;
  const canTick = useCallback((row: T) => (isSelectable ? isSelectable(row) : true), [isSelectable]);
  const tickable = useMemo(() => (checkable ? rows.filter(canTick) : []), [checkable, rows, canTick]);
  const tickedCount = useMemo(
    () => (selection ? tickable.filter((r) => selection.has(rowKey(r))).length : 0),
    [tickable, selection, rowKey],
  );
  const colCount = columns.length + (checkable ? 1 : 0);
  const minWidth =
    (checkable ? CHECKBOX_WIDTH : 0) +
    columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : FLEX_MIN_WIDTH), 0);

  const toggle = useCallback(
    (index: number, range: boolean) => {
      if (!selection || !onSelectionChange) return;
      const row = rows[index];
      if (row === undefined || !canTick(row)) return;
      const next = new Set(selection);
      const on = !selection.has(rowKey(row));
      const from = range && lastTicked.current !== null ? Math.min(lastTicked.current, index) : index;
      const to = range && lastTicked.current !== null ? Math.max(lastTicked.current, index) : index;
      for (let i = from; i <= to; i++) {
        const r = rows[i];
        if (r === undefined || !canTick(r)) continue;
        if (on) next.add(rowKey(r));
        else next.delete(rowKey(r));
      }
      lastTicked.current = index;
      onSelectionChange(next);
    },
    [selection, onSelectionChange, rows, rowKey, canTick],
  );

  const toggleAll = () => {
    if (!selection || !onSelectionChange) return;
    const next = new Set(selection);
    const on = tickedCount < tickable.length;
    for (const r of tickable) {
      if (on) next.add(rowKey(r));
      else next.delete(rowKey(r));
    }
    onSelectionChange(next);
  };

  const activate = useCallback(
    (row: T) => {
      setActiveKey(rowKey(row));
      onRowClick?.(row);
    },
    [rowKey, onRowClick],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (e.target !== e.currentTarget || rows.length === 0) return;
    const start = activeIndex >= 0 ? activeIndex : rows.findIndex((r) => rowKey(r) === selectedKey);
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / rowHeight) - 1);
    const lastIndex = rows.length - 1;
    let next: number;
    switch (e.key) {
      case 'ArrowDown':
        next = start < 0 ? 0 : Math.min(lastIndex, start + 1);
        break;
      case 'ArrowUp':
        next = start < 0 ? 0 : Math.max(0, start - 1);
        break;
      case 'PageDown':
        next = Math.min(lastIndex, Math.max(0, start) + page);
        break;
      case 'PageUp':
        next = Math.max(0, start - page);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = lastIndex;
        break;
      case 'Enter': {
        const row = start >= 0 ? rows[start] : undefined;
        if (row !== undefined) onRowClick?.(row);
        e.preventDefault();
        return;
      }
      case ' ':
        if (start >= 0) toggle(start, e.shiftKey);
        e.preventDefault();
        return;
      default:
        return;
    }
    e.preventDefault();
    const row = rows[next];
    if (row !== undefined) setActiveKey(rowKey(row));
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  return (
    <div
      ref={scrollRef}
      data-testid={testId}
      className={`relative overflow-auto rounded-lg border border-slate-200 bg-white has-[table:focus-visible]:ring-2 has-[table:focus-visible]:ring-sky-500 dark:border-slate-800 dark:bg-slate-900 ${fill ? 'h-full min-h-0' : ''}`}
      style={fill ? undefined : { maxHeight }}
    >
      <table
        role="grid"
        aria-label={label}
        aria-rowcount={rows.length + 1}
        aria-multiselectable={checkable || undefined}
        aria-activedescendant={activeIndex >= 0 ? `${baseId}-row-${activeIndex}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        className="w-full table-fixed border-separate border-spacing-0 text-sm outline-none"
        style={{ minWidth }}
      >
        <colgroup>
          {checkable ? <col style={{ width: CHECKBOX_WIDTH }} /> : null}
          {columns.map((c) => (
            <col key={c.id} style={c.width === undefined ? undefined : { width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
            {checkable ? (
              <th scope="col" className={`${TH} text-center`}>
                <Checkbox
                  label={`Select all ${tickable.length}`}
                  checked={tickable.length > 0 && tickedCount === tickable.length}
                  indeterminate={tickedCount > 0 && tickedCount < tickable.length}
                  disabled={tickable.length === 0}
                  onChange={toggleAll}
                />
              </th>
            ) : null}
            {columns.map((c) => (
              <HeaderCell key={c.id} column={c} sort={sort} onSort={(col) => setSort(nextSort(sort, col))} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={colCount} className="px-3 py-8 text-center text-sm text-slate-500">
                {empty ?? 'Nothing here.'}
              </td>
            </tr>
          ) : null}
          {padTop > 0 ? <Spacer height={padTop} colSpan={colCount} /> : null}
          {items.map((item) => {
            const row = rows[item.index] as T;
            const key = rowKey(row);
            return (
              <MemoRow
                key={key}
                id={`${baseId}-row-${item.index}`}
                row={row}
                index={item.index}
                columns={columns}
                height={rowHeight}
                selected={key === selectedKey}
                active={item.index === activeIndex}
                ticked={checkable ? selection.has(key) : undefined}
                tickable={checkable && canTick(row)}
                clickable={onRowClick !== undefined}
                extraClass={rowClassName?.(row)}
                onActivate={activate}
                onTick={toggle}
              />
            );
          })}
          {padBottom > 0 ? <Spacer height={padBottom} colSpan={colCount} /> : null}
        </tbody>
      </table>
    </div>
  );
}
