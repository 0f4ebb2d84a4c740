export { DataGrid, type DataGridProps } from './DataGrid';
export type {
  FetchPage,
  FilterOption,
  GridColumnDef,
  GridSort,
  GridView,
  PageResult,
} from './types';
