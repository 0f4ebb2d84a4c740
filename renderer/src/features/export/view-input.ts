/** The export request for a grid view: the same query as the grid's, plus how to write it. */
import type { ExportContactsInput } from '../../../../shared/schemas/exports';
import type { GridView } from '../../components/DataGrid';
import type { Lang } from '../../i18n/lang';
import type { ExportFormat } from './use-export';

/** Timestamps are written as the wall-clock times the user sees in the grid. */
export const userTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function exportInputOf<F extends string>(
  format: ExportFormat,
  view: GridView<F>,
  lang: Lang,
) {
  return {
    format,
    lang,
    timeZone: userTimeZone(),
    filters: view.filters,
    sort: view.sort,
    search: view.search,
    columns: view.columns,
  };
}

/** A grid's view for `exports.grid`, all but which grid: its list input and visible columns. */
export interface GridViewInput<F extends string> {
  format: ExportFormat;
  lang: Lang;
  timeZone: string;
  query: { filters: GridView<F>['filters']; sort: GridView<F>['sort']; search?: string };
  columns: GridView<F>['columns'];
}

export function gridViewInputOf<F extends string>(
  format: ExportFormat,
  view: GridView<F>,
  lang: Lang,
): GridViewInput<F> {
  return {
    format,
    lang,
    timeZone: userTimeZone(),
    query: {
      filters: view.filters,
      sort: view.sort,
      ...(view.search ? { search: view.search } : {}),
    },
    columns: view.columns,
  };
}

/**
 * The contacts of the accounts a view shows: its filters and quick search select the accounts;
 * its sort and columns do not apply (the contacts file has its own columns).
 */
export function contactsExportInputOf<F extends string>(
  format: ExportFormat,
  view: GridView<F>,
  lang: Lang,
  includePersonal: boolean,
): ExportContactsInput {
  return {
    format,
    lang,
    timeZone: userTimeZone(),
    filters: view.filters,
    search: view.search,
    includePersonal,
  };
}
