/**
 * Sorting for DataTable (also usable alone): `useTableSort(rows, columns, sort, rowKey)`.
 * Ties are broken by row key, then by input order, so rows with equal values do not jump
 * between polls; unknown values sort last in both directions.
 */
import { useMemo } from 'react';
import type { Column, SortState, SortValue } from './types';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function isMissing(v: SortValue): v is null | undefined {
  return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
}

function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return collator.compare(String(a), String(b));
}

export function sortRows<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  sort: SortState | null | undefined,
  rowKey?: (row: T) => string,
): readonly T[] {
  const column = sort ? columns.find((c) => c.id === sort.id) : undefined;
  if (!sort || !column?.sortValue) return rows;
  const getValue = column.sortValue;
  // Decorate once: sortValue and rowKey may be costly and a comparator calls them n·log n times.
  const values = rows.map((row) => getValue(row));
  const keys = rowKey ? rows.map((row) => rowKey(row)) : undefined;
  const order = rows.map((_, i) => i);
  const dir = sort.desc ? -1 : 1;
  order.sort((i, j) => {
    const a = values[i];
    const b = values[j];
    const aMissing = isMissing(a);
    const bMissing = isMissing(b);
    if (aMissing !== bMissing) return aMissing ? 1 : -1;
    if (!aMissing) {
      const c = compareValues(a, b);
      if (c !== 0) return c * dir;
    }
    if (keys) {
      const ka = keys[i] as string;
      const kb = keys[j] as string;
      if (ka !== kb) return ka < kb ? -1 : 1;
    }
    return i - j;
  });
  return order.map((i) => rows[i] as T);
}

/** The sort after clicking a header: first direction, the other direction, then unsorted. */
export function nextSort<T>(current: SortState | null | undefined, column: Column<T>): SortState | null {
  const first = column.descFirst ?? false;
  if (current?.id !== column.id) return { id: column.id, desc: first };
  if (current.desc === first) return { id: column.id, desc: !first };
  return null;
}

/** Sorted rows, recomputed only when rows, columns or the sort change. */
export function useTableSort<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  sort: SortState | null | undefined,
  rowKey?: (row: T) => string,
): readonly T[] {
  const id = sort?.id;
  const desc = sort?.desc;
  return useMemo(
    () => sortRows(rows, columns, id === undefined ? null : { id, desc: desc ?? false }, rowKey),
    [rows, columns, id, desc, rowKey],
  );
}

/** "cpu:desc" <-> { id: 'cpu', desc: true }, for keeping the sort in the URL. */
export function sortToParam(sort: SortState | null | undefined): string | undefined {
  return sort ? `${sort.id}:${sort.desc ? 'desc' : 'asc'}` : undefined;
}

export function sortFromParam(param: string | null | undefined): SortState | null {
  if (!param) return null;
  const i = param.lastIndexOf(':');
  const id = i > 0 ? param.slice(0, i) : param;
  return { id, desc: i > 0 && param.slice(i + 1) === 'desc' };
}
