/** Shared table: `DataTable`, its `Column`/`SortState` types, sorting and filtering helpers. */
export { DataTable, type DataTableProps } from './data-table';
export { filterRows, type FilterField } from './filter-rows';
export { nextSort, sortFromParam, sortRows, sortToParam, useTableSort } from './sort-rows';
export type { Column, SortState, SortValue } from './types';
