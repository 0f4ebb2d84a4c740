/**
 * One way to read any file a user picks for import: sniffed by its bytes, checked before parsing,
 * then offered as sheets of rows. CSV is one sheet named after the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError, type ErrorKind } from '../../../shared/result';
import { csvEncoding, readCsvRows } from './csv-rows';
import { openLegacyBook } from './sheetjs-book';
import { sniffFile } from './sniff';
import { type MergedRange, readWorkbookParts, type WorkbookParts } from './workbook-parts';
import { readSheetRows, type SourceRow } from './xlsx-rows';

interface SourceSheet {
  name: string;
  rowCount: number | null;
  hidden: boolean;
  /** Merged ranges (Excel's 1-based rows and columns); none in a CSV file. */
  merges: readonly MergedRange[];
}

interface TableSource {
  format: 'xlsx' | 'csv' | 'xls' | 'ods';
  encoding: string | null;
  sheets: SourceSheet[];
  rows(sheet: string): AsyncGenerator<SourceRow>;
}

function refuse(kind: ErrorKind, message: string): AppError {
  return new AppError('VALIDATION', message, { kind });
}

/** `previewRows`: only the first rows of each sheet are wanted (.xls/.ods then build no more). */
export async function openTable(
  file: string,
  displayName = path.basename(file),
  options: { previewRows?: number } = {},
): Promise<TableSource> {
  if (!fs.existsSync(file))
    throw new AppError('NOT_FOUND', 'the file is gone', { kind: 'file_gone' });
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(8192);
  const n = fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  if (n === 0) throw refuse('empty_file', 'the file is empty');

  const sniffed = sniffFile(head.subarray(0, n));
  switch (sniffed) {
    case 'xls':
    case 'ods': {
      // .xls, WPS .et and .ods: checked, then parsed whole by SheetJS (sheetjs-book.ts).
      const kind = sniffed;
      const book = await openLegacyBook(file, kind, options.previewRows);
      return { format: kind, encoding: null, sheets: book.sheets, rows: (s) => book.rows(s) };
    }
    case 'encrypted-ooxml':
      throw refuse(
        'encrypted',
        'the workbook is password-protected; remove the password and save it again',
      );
    case 'unknown':
      throw refuse('unknown_format', 'this is neither an Excel workbook (.xlsx) nor a CSV file');
    case 'text': {
      const { encoding } = csvEncoding(file);
      const name = path.parse(displayName).name || 'CSV';
      return {
        format: 'csv',
        encoding,
        sheets: [{ name, rowCount: null, hidden: false, merges: [] }],
        rows: (sheet) => {
          if (sheet !== name)
            throw refuse('sheet_not_found', `a CSV file has one sheet, “${name}”`);
          return readCsvRows(file);
        },
      };
    }
    case 'xlsx': {
      const parts: WorkbookParts = await readWorkbookParts(file);
      return {
        format: 'xlsx',
        encoding: null,
        sheets: parts.sheets.map((s) => ({
          name: s.name,
          rowCount: s.rows,
          hidden: s.hidden,
          merges: s.merges,
        })),
        rows: (sheet) => readSheetRows(file, parts, sheet),
      };
    }
  }
}
