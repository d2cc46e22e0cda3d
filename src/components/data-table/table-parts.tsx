/** Header cells, rows and checkboxes of DataTable (internal). */
import { memo, type ReactNode } from 'react';
import type { Column, SortState } from './types';

export const ALIGN = { left: 'text-left', right: 'text-right', center: 'text-center' } as const;

export const TH =
  'sticky top-0 z-10 border-b border-slate-200 bg-slate-50 px-3 text-xs font-medium uppercase tracking-wide text-slate-500 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-400';

/** A header's hover text holds the header itself, so a cut header reads whole. */
export function headerTitle(header: ReactNode, title: string | undefined): string | undefined {
  if (typeof header !== 'string') return title;
  return title && !title.includes(header) ? `${header}: ${title}` : (title ?? header);
}

export function HeaderCell<T>({
  column,
  sort,
  onSort,
}: {
  column: Column<T>;
  sort: SortState | null;
  onSort: (column: Column<T>) => void;
}) {
  const sortable = column.sortValue !== undefined;
  const active = sort?.id === column.id;
  const ariaSort = !sortable ? undefined : !active ? 'none' : sort.desc ? 'descending' : 'ascending';
  const align = ALIGN[column.align ?? 'left'];
  return (
    <th
      scope="col"
      aria-sort={ariaSort}
      // a cut header reads whole on hover (the truncation rule, src/components/truncated-text.tsx)
      title={headerTitle(column.header, column.title)}
      className={`${TH} ${align} truncate`}
    >
      {sortable ? (
        <button
          type="button"
          onClick={() => onSort(column)}
          className={`inline-flex max-w-full items-center gap-1 uppercase hover:text-slate-900 dark:hover:text-white ${active ? 'text-slate-900 dark:text-white' : ''}`}
        >
          <span className="truncate">{column.header}</span>
          <span aria-hidden className={`text-[10px] ${active ? '' : 'opacity-30'}`}>
            {active && sort.desc ? '▼' : '▲'}
          </span>
        </button>
      ) : (
        column.header
      )}
    </th>
  );
}

export function Spacer({ height, colSpan }: { height: number; colSpan: number }) {
  return (
    <tr aria-hidden style={{ height }}>
      <td colSpan={colSpan} className="p-0" />
    </tr>
  );
}

interface RowProps<T> {
  id: string;
  row: T;
  index: number;
  columns: readonly Column<T>[];
  height: number;
  selected: boolean;
  active: boolean;
  ticked: boolean | undefined;
  tickable: boolean;
  clickable: boolean;
  extraClass: string | undefined;
  onActivate: (row: T) => void;
  onTick: (index: number, range: boolean) => void;
}

function DataRow<T>({
  id,
  row,
  index,
  columns,
  height,
  selected,
  active,
  ticked,
  tickable,
  clickable,
  extraClass,
  onActivate,
  onTick,
}: RowProps<T>) {
  const tone = selected
    ? 'bg-sky-50 dark:bg-sky-950/60'
    : ticked
      ? 'bg-sky-50/50 dark:bg-sky-950/30'
      : clickable
        ? 'hover:bg-slate-50 dark:hover:bg-slate-800/60'
        : '';
  return (
    <tr
      id={id}
      aria-rowindex={index + 2}
      aria-selected={selected || ticked || undefined}
      data-selected={selected || undefined}
      style={{ height }}
      onClick={() => onActivate(row)}
      className={`${tone} ${clickable ? 'cursor-pointer' : ''} ${active ? 'outline outline-1 -outline-offset-1 outline-sky-500' : ''} ${extraClass ?? ''}`}
    >
      {ticked !== undefined ? (
        <td role="gridcell" className={`${TD} text-center`} onClick={(e) => e.stopPropagation()}>
          <Checkbox
            label="Select row"
            checked={ticked}
            disabled={!tickable}
            onChange={(shift) => onTick(index, shift)}
          />
        </td>
      ) : null}
      {columns.map((c, i) => (
        <td
          key={c.id}
          role="gridcell"
          className={`${TD} ${ALIGN[c.align ?? 'left']} ${i === 0 && selected ? 'shadow-[inset_3px_0_0_var(--color-sky-500)]' : ''} ${c.className ?? ''}`}
        >
          {c.cell(row)}
        </td>
      ))}
    </tr>
  );
}

const TD = 'truncate whitespace-nowrap border-b border-slate-100 px-3 py-0 dark:border-slate-800';

/** Rows re-render only when their own props change, not on every scroll frame. */
export const MemoRow = memo(DataRow) as typeof DataRow;

export function Checkbox({
  label,
  checked,
  indeterminate,
  disabled,
  onChange,
}: {
  label: string;
  checked: boolean;
  indeterminate?: boolean;
  disabled?: boolean;
  onChange: (shiftKey: boolean) => void;
}) {
  return (
    <input
      type="checkbox"
      aria-label={label}
      checked={checked}
      disabled={disabled}
      ref={(el) => {
        if (el) el.indeterminate = indeterminate ?? false;
      }}
      onChange={(e) => onChange('shiftKey' in e.nativeEvent && e.nativeEvent.shiftKey === true)}
      className="h-4 w-4 cursor-pointer accent-sky-600 disabled:cursor-not-allowed disabled:opacity-40"
    />
  );
}
