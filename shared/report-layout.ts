/**
 * A report template's layout read from one header row: the field each header asks for, by the
 * caller's matcher (the backend's synonyms, or the fields' own names in the template editor), and
 * the headers that name none.
 */
import type { ReportField } from './filing-enums';
import type { TemplateColumn } from './schemas/reports';

export interface RowLayout {
  columns: TemplateColumn[];
  unmatched: { column: number; header: string }[];
}

export type HeaderMatcher = (header: string, taken: ReadonlySet<ReportField>) => ReportField | null;

export function rowLayout(cells: readonly string[], match: HeaderMatcher): RowLayout {
  const taken = new Set<ReportField>();
  const columns: TemplateColumn[] = [];
  const unmatched: RowLayout['unmatched'] = [];
  let previous = '';
  cells.forEach((raw, i) => {
    const text = raw.trim();
    // A merged title repeats its text in every cell it spans: count it once.
    if (!text || text === previous) {
      previous = text;
      return;
    }
    previous = text;
    const field = match(text, taken);
    if (field) {
      taken.add(field);
      columns.push({ field, header: text.slice(0, 100), column: i + 1 });
    } else unmatched.push({ column: i + 1, header: text });
  });
  return { columns, unmatched };
}
