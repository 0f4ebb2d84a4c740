/**
 * The merged ranges a preview shows as one cell. The import fills a merged range's value into
 * every cell it covers (a vertically merged 省份 belongs to each row), and the preview rows carry
 * those same values so the header guess and the column samples see what the import will; but a
 * title merged across the sheet should be seen once, as Excel shows it, not copied into every
 * column. Only ranges inside the preview that hold a value and cover more than one cell are
 * listed, cut to the preview's rows and columns; ranges that overlap one already listed (Excel
 * never writes those) are left out.
 */
import type { SheetInspection } from '../../shared/schemas/imports';
import type { MergedRange } from '../excel/read/workbook-parts';

/** A hostile sheet can declare 100,000 ranges; a preview never needs more than this many. */
const MAX_CONSIDERED = 2000;

export function previewMerges(
  merges: readonly MergedRange[],
  preview: SheetInspection['preview'],
  columns: number,
): SheetInspection['merges'] {
  const last = preview.at(-1)?.row;
  if (last === undefined || merges.length === 0) return [];
  const cellsOf = new Map(preview.map((p) => [p.row, p.cells]));
  const taken = new Set<string>();
  const out: SheetInspection['merges'] = [];
  const inside = merges
    .filter((m) => m.top <= last && m.left <= columns)
    .sort((a, b) => a.top - b.top || a.left - b.left)
    .slice(0, MAX_CONSIDERED);
  for (const m of inside) {
    // Columns from 1 (Excel) to 0-based indexes, as the preview's cells are.
    const range = {
      top: m.top,
      left: m.left - 1,
      bottom: Math.min(m.bottom, last),
      right: Math.min(m.right, columns) - 1,
    };
    if (!cellsOf.get(range.top)?.[range.left]) continue;
    const rows = preview.filter((p) => p.row >= range.top && p.row <= range.bottom);
    if (rows.length * (range.right - range.left + 1) < 2) continue;
    const keys = rows.flatMap((p) =>
      Array.from({ length: range.right - range.left + 1 }, (_, i) => `${p.row}:${range.left + i}`),
    );
    if (keys.some((k) => taken.has(k))) continue;
    for (const k of keys) taken.add(k);
    out.push(range);
  }
  return out;
}
