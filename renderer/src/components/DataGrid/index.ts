export { DataGrid, type DataGridProps } from './DataGrid';
export type { FetchPage, FilterOption, GridColumnDef, GridSort, PageResult } from './types';
