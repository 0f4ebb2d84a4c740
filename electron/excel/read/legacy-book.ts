/**
 * Legacy .xls / WPS .et (BIFF in an OLE compound file) and .ods (OpenDocument zip): the container
 * checked first (ole-guard.ts, zip-guard.ts), then a BIFF8 workbook read record by record
 * (biff-book.ts) and anything else — .ods, pre-97 BIFF — parsed by SheetJS (sheetjs-book.ts).
 * Both give rows by the .xlsx reader's rules, merged ranges 1-based and filled the same way.
 */
import fs from 'node:fs';
import { AppError } from '../../../shared/result';
import { isBiff8, openBiffBook } from './biff-book';
import { countCells } from './biff-records';
import { checkOleWorkbook } from './ole-guard';
import { MAX_ROWS, type MergedRange } from './workbook-parts';
import { checkOds, MAX_SHEETJS_CELLS, tooManyCells } from './ods-guard';
import { DEFAULT_ZIP_LIMITS } from './zip-guard';
import type { SourceRow } from './xlsx-rows';

/** The largest legacy file read: a full .xls (65,536 rows × 256 columns) stays well below. */
export const MAX_LEGACY_BYTES = 256 * 1024 ** 2;

export interface LegacySheet {
  name: string;
  rowCount: number | null;
  hidden: boolean;
  merges: MergedRange[];
}

export interface LegacyBook {
  sheets: LegacySheet[];
  rows(sheet: string): AsyncGenerator<SourceRow>;
}

function tooLarge(bytes: number): AppError {
  return new AppError(
    'VALIDATION',
    `the file is ${Math.round(bytes / 1024 ** 2)} MB; an .xls or .ods this large cannot be read — save it as .xlsx`,
    { kind: 'file_too_large' },
  );
}

/**
 * Checks and opens `file` (sniffed as `kind`); throws AppError VALIDATION with a reason.
 * `maxRows` gives only the first rows of each sheet (a preview); the row counts stay whole.
 */
export async function openLegacyBook(
  file: string,
  kind: 'xls' | 'ods',
  maxRows = MAX_ROWS + 1,
): Promise<LegacyBook> {
  const size = fs.statSync(file).size;
  if (size > MAX_LEGACY_BYTES) throw tooLarge(size);
  const rows = Math.min(maxRows, MAX_ROWS + 1);
  // SheetJS and its codepages take ~250 ms to load: only for the formats that need it, so an
  // .xlsx or CSV import's worker starts without them.
  const sheetJs = () => import('./sheetjs-book');
  if (kind === 'ods') {
    await checkOds(file, MAX_LEGACY_BYTES, rows);
    return (await sheetJs()).openSheetJsBook(fs.readFileSync(file), 'ods', rows);
  }
  const bytes = fs.readFileSync(file);
  const workbook = checkOleWorkbook(bytes, MAX_LEGACY_BYTES);
  if (isBiff8(workbook.bytes))
    return openBiffBook(workbook.bytes, rows, DEFAULT_ZIP_LIMITS.maxSheets);
  // Excel 5/95: SheetJS, once the cells it would build are counted.
  const cells = countCells(workbook.bytes);
  if (cells > MAX_SHEETJS_CELLS) tooManyCells(cells);
  return (await sheetJs()).openSheetJsBook(bytes, 'xls', rows);
}
