import type { ReactNode } from 'react';

/** A value a column sorts by; null/undefined/NaN (unknown metrics) always sort last. */
export type SortValue = string | number | boolean | null | undefined;

export interface Column<T> {
  /** Stable id, also used as the sort key in the URL. */
  id: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Makes the column sortable by clicking its header. */
  sortValue?: (row: T) => SortValue;
  /** First click sorts descending (for metrics where "biggest first" is what people want). */
  descFirst?: boolean;
  align?: 'left' | 'right' | 'center';
  /** px (number) or any CSS width; columns without one share the remaining space. */
  width?: number | string;
  /** Header tooltip, e.g. the exact metric name. */
  title?: string;
  /** Extra classes for this column's cells. */
  className?: string;
}

export interface SortState {
  id: string;
  desc: boolean;
}
