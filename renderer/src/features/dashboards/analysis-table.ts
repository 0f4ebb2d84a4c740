/**
 * One table definition per analysis: the same columns render the table under a chart and write
 * its .xlsx through exports.table (ECharts' "one dataset, several views", Frappe's "every chart is
 * a query you can open as a grid and export").
 */
import type { ExportTable } from '../export/TableExportButton';
import { formatFenAsWan } from '../../../../shared/values/money';
import type { Lang } from '../../i18n/lang';
import { formatCount, formatDate } from '../../lib/format';

export type CellKind = 'text' | 'integer' | 'money' | 'percent' | 'date';

export interface AnalysisColumn<R> {
  key: string;
  header: string;
  kind: CellKind;
  /** Money in fen, percent as the API gives it (33.3), dates ISO. */
  value: (row: R) => string | number | null;
  /** Only on screen (a compact "done / target"), or only in the export (its two numbers). */
  only?: 'view' | 'export';
}

export function formatCell(kind: CellKind, value: string | number | null, lang: Lang): string {
  if (value === null) return '—';
  if (typeof value === 'string') return kind === 'date' ? formatDate(value, lang) : value;
  switch (kind) {
    case 'money':
      return formatFenAsWan(value);
    case 'percent':
      return `${value.toLocaleString(lang, { maximumFractionDigits: 1 })}%`;
    default:
      return formatCount(value, lang);
  }
}

/** The table as exports.table takes it: percent cells as fractions, the rest as shown here. */
export function exportTableOf<R>(
  title: string,
  columns: readonly AnalysisColumn<R>[],
  rows: readonly R[],
  about: [string, string][] = [],
): ExportTable {
  columns = columns.filter((c) => c.only !== 'view');
  return {
    title,
    columns: columns.map((c) => ({ header: c.header, kind: c.kind })),
    rows: rows.map((r) =>
      columns.map((c) => {
        const v = c.value(r);
        return c.kind === 'percent' && typeof v === 'number' ? v / 100 : v;
      }),
    ),
    about,
  };
}
