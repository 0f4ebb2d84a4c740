import type { ReactNode } from 'react';
import type { ColumnKind, Filter, ListQuery } from '../../../../shared/list';

export interface FilterOption {
  value: string;
  label: string;
}

/** One column of a DataGrid. `id` is a field of the list's column whitelist (e.g. ACCOUNT_COLUMNS). */
export interface GridColumnDef<Row, F extends string> {
  id: F;
  header: string;
  kind: ColumnKind;
  cell: (row: Row) => ReactNode;
  /** Choices of an enum filter. */
  options?: readonly FilterOption[];
  /** Default width in pixels. */
  width?: number;
  /** Hidden until the user shows it in the column settings. */
  defaultVisible?: boolean;
  align?: 'left' | 'right' | 'center';
  /**
   * A number column stored in a smaller unit than people type (money in fen, typed in 元 or 万元):
   * the range filter is entered in `label` units and sent multiplied by `scale`.
   */
  filterUnit?: { scale: number; label: string };
}

export interface GridSort<F extends string> {
  field: F;
  desc: boolean;
}

/** What a grid shows right now: its visible columns and the query behind its rows. */
export interface GridView<F extends string> {
  /** Visible columns in display order, with their header text as shown. */
  columns: { field: F; header: string }[];
  /** The filters (fixed ones included), sort and search the grid sends with its page queries. */
  filters: Filter[];
  sort: GridSort<F>[];
  search: string | undefined;
}

export interface PageResult<Row> {
  rows: Row[];
  total: number;
  /** The count stopped at `total`: more rows match. */
  capped?: boolean | undefined;
}

/** Loads one page; rejects (e.g. with ApiCallError) when the page cannot be loaded. */
export type FetchPage<Row, F extends string> = (query: ListQuery<F>) => Promise<PageResult<Row>>;

export type { Filter };
