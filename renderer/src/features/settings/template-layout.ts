/**
 * A report template's layout read from a header row the user picked in the preview: which field
 * each header asks for. The backend's suggestion (with its synonyms) is used for the row it
 * suggested; another row is matched here against the fields' own names in both languages.
 */
import {
  REPORT_FIELDS,
  REPORT_FIELD_VALUES,
  type ReportField,
} from '../../../../shared/filing-enums';
import { rowLayout, type RowLayout } from '../../../../shared/report-layout';
import type { TemplateInspection } from '../../../../shared/schemas/reports';

export type { RowLayout };

/** Width-, case- and space-folded, without bracketed units such as （元）. */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[\s:：*＊.]/g, '');
}

const NAMES = REPORT_FIELD_VALUES.map(
  (f) => [f, [fold(REPORT_FIELDS[f].zh), fold(REPORT_FIELDS[f].en)]] as const,
);

function matchField(header: string, taken: ReadonlySet<ReportField>): ReportField | null {
  const h = fold(header);
  if (!h) return null;
  const free = NAMES.filter(([f]) => !taken.has(f));
  const exact = free.find(([, names]) => names.includes(h));
  if (exact) return exact[0];
  const within = free.find(([, names]) => names.some((n) => n.length >= 2 && h.includes(n)));
  return within ? within[0] : null;
}

export function layoutOfRow(cells: readonly string[]): RowLayout {
  return rowLayout(cells, matchField);
}

type Sheet = TemplateInspection['sheets'][number];

/** The layout of a header row: the backend's suggestion where it made one, else matched here. */
export function layoutAt(inspection: TemplateInspection, sheet: Sheet, row: number): RowLayout {
  const s = inspection.suggestion;
  if (s.sheetName === sheet.name && s.headerRow === row)
    return { columns: s.columns, unmatched: s.unmatched };
  return layoutOfRow(sheet.rows[row - 1] ?? []);
}

/** The early row naming the most fields: the guess for a sheet the backend did not pick. */
export function guessHeaderRow(inspection: TemplateInspection, sheet: Sheet): number {
  if (inspection.suggestion.sheetName === sheet.name) return inspection.suggestion.headerRow;
  let best = { row: 1, n: 0 };
  sheet.rows.forEach((cells, i) => {
    const n = layoutOfRow(cells).columns.length;
    if (n > best.n) best = { row: i + 1, n };
  });
  return best.row;
}

/** Excel's column letters: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
