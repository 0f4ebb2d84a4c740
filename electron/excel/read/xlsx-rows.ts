/**
 * The rows of one worksheet as normalised cells: read by sheet-xml, merged ranges filled with
 * their value (a vertically merged 省份 cell belongs to every row it spans), Excel's limits kept.
 */
import { AppError } from '../../../shared/result';
import type { NormalCell } from './cell-value';
import {
  readCellStyles,
  readRows,
  type SheetContext,
  StringBeyondLimit,
  StringReader,
} from './sheet-xml';
import { MAX_COLUMNS, MAX_ROWS, type MergedRange, type WorkbookParts } from './workbook-parts';

export interface SourceRow {
  /** As Excel numbers it, 1-based. */
  row: number;
  cells: NormalCell[];
}

/** Merged cells only repeat their value up to this column: a hostile A1:XFD1048576 stays cheap. */
const MERGE_FILL_COLUMNS = 1024;

/** Fills merged ranges row by row as the rows stream past (rows arrive in ascending order). */
export class MergeFiller {
  private next = 0;
  private active: { range: MergedRange; value: NormalCell }[] = [];
  private readonly ranges: MergedRange[];

  constructor(ranges: readonly MergedRange[]) {
    this.ranges = [...ranges].sort((a, b) => a.top - b.top);
  }

  fill(row: number, cells: NormalCell[]): void {
    while (this.next < this.ranges.length && this.ranges[this.next]!.top <= row) {
      const range = this.ranges[this.next++]!;
      const value =
        range.top === row ? (cells[range.left - 1] ?? { kind: 'empty' }) : { kind: 'empty' };
      this.active.push({ range, value: value as NormalCell });
    }
    if (this.active.length === 0) return;
    this.active = this.active.filter((a) => a.range.bottom >= row);
    for (const { range, value } of this.active) {
      if (value.kind === 'empty') continue;
      const right = Math.min(range.right, MERGE_FILL_COLUMNS);
      for (let c = range.left; c <= right; c++) {
        if (row === range.top && c === range.left) continue;
        while (cells.length < c) cells.push({ kind: 'empty' });
        cells[c - 1] = value;
      }
    }
  }
}

const contexts = new WeakMap<WorkbookParts, Promise<SheetContext>>();
const previewContexts = new WeakMap<WorkbookParts, Promise<SheetContext>>();

/**
 * The most shared strings a preview reads. Its first rows name the first strings (Excel, WPS and
 * exceljs number them in order of first use), so it reads them as its rows name them, up to this
 * many; a file that names a later one early is read again with the whole table.
 */
const PREVIEW_STRINGS = 65_536;

/**
 * Shared strings and date styles, kept per opened workbook for the sheets read after. A sheet
 * starts with the strings' first block and reads on as its rows need (a preview stops at its
 * limit).
 */
function contextOf(file: string, parts: WorkbookParts, preview = false): Promise<SheetContext> {
  const cache = preview ? previewContexts : contexts;
  let ctx = cache.get(parts);
  if (!ctx) {
    const entry = (name: string | null) => parts.entries.find((e) => e.name === name);
    ctx = (async () => {
      const sharedStrings = new StringReader(
        file,
        entry(parts.sharedStringsPath),
        preview ? PREVIEW_STRINGS : Infinity,
      );
      await sharedStrings.reach(0);
      return {
        sharedStrings,
        styles: await readCellStyles(file, entry(parts.stylesPath)),
        date1904: parts.date1904,
      };
    })();
    cache.set(parts, ctx);
  }
  return ctx;
}

/** A table left part-read lets its file go; the next sheet read starts it again. */
async function release(parts: WorkbookParts, ctx: SheetContext, preview: boolean): Promise<void> {
  if (ctx.sharedStrings.strings.complete) return;
  (preview ? previewContexts : contexts).delete(parts);
  await ctx.sharedStrings.close();
}

/**
 * A sheet's rows. `preview`: only the first rows are wanted (an inspection), read with the first
 * shared strings only as long as they suffice.
 */
export async function* readSheetRows(
  file: string,
  parts: WorkbookParts,
  sheetName: string,
  preview = false,
): AsyncGenerator<SourceRow> {
  const sheet = parts.sheets.find((s) => s.name === sheetName);
  if (!sheet)
    throw new AppError('VALIDATION', `the workbook has no sheet called “${sheetName}”`, {
      kind: 'sheet_not_found',
    });
  const entry = parts.entries.find((e) => e.name === sheet.path)!;
  const merges = sheet.merges;
  async function* rowsWith(preview: boolean): AsyncGenerator<SourceRow> {
    const ctx = await contextOf(file, parts, preview);
    const filler = new MergeFiller(merges);
    try {
      for await (const { row, cells } of readRows(file, entry, ctx, {
        maxRows: MAX_ROWS,
        maxColumns: MAX_COLUMNS,
      })) {
        filler.fill(row, cells);
        yield { row, cells };
      }
    } finally {
      await release(parts, ctx, preview);
    }
  }
  let last = 0;
  if (preview)
    try {
      for await (const r of rowsWith(true)) {
        yield r;
        last = r.row;
      }
      return;
    } catch (error) {
      if (!(error instanceof StringBeyondLimit)) throw error;
    }
  // From the top again with the whole table (the merges refill), past the rows already given.
  for await (const r of rowsWith(false)) if (r.row > last) yield r;
}
