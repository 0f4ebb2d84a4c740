/** The export request for a grid view: the same query as the grid's, plus how to write it. */
import type { GridView } from '../../components/DataGrid';
import type { Lang } from '../../i18n/lang';
import type { ExportFormat } from './use-export';

export function exportInputOf<F extends string>(
  format: ExportFormat,
  view: GridView<F>,
  lang: Lang,
) {
  return {
    format,
    lang,
    // Timestamps are written as the wall-clock times the user sees in the grid.
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    filters: view.filters,
    sort: view.sort,
    search: view.search,
    columns: view.columns,
  };
}
