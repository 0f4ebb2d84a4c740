/**
 * How the preview draws merged ranges: the top-left cell spans the range, the cells it covers
 * are not drawn, so a title merged across the sheet reads once, as in Excel. The rows' values
 * stay as the import reads them (filled into every covered cell); only the drawing changes.
 */
import type { SheetInspection } from '../schemas/imports';

interface CellSpan {
  rowSpan: number;
  colSpan: number;
}

const HIDDEN: CellSpan = { rowSpan: 0, colSpan: 0 };

/** Spans by `${row}:${column}` (Excel row number, 0-based column) for the first `width` columns. */
export function previewSpans(
  sheet: Pick<SheetInspection, 'preview' | 'merges'>,
  width: number,
): Map<string, CellSpan> {
  const spans = new Map<string, CellSpan>();
  for (const m of sheet.merges) {
    if (m.left >= width) continue;
    const right = Math.min(m.right, width - 1);
    // Rows the preview leaves out (empty in the sheet) take no height in it.
    const rows = sheet.preview.filter((p) => p.row >= m.top && p.row <= m.bottom).map((p) => p.row);
    if (rows[0] !== m.top) continue;
    for (const row of rows)
      for (let column = m.left; column <= right; column++) spans.set(`${row}:${column}`, HIDDEN);
    spans.set(`${m.top}:${m.left}`, { rowSpan: rows.length, colSpan: right - m.left + 1 });
  }
  return spans;
}
