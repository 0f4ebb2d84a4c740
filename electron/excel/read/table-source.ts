/**
 * One way to read any file a user picks for import: sniffed by its bytes (sniff.ts decides every
 * kind), checked before parsing, then offered as sheets of rows. CSV is one sheet named after the
 * file; an HTML page gives a sheet per table; SpreadsheetML 2003 its worksheets.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/result';
import { readCsvRows, textEncodingOf } from './csv-rows';
import { readHtmlTables } from './html-tables';
import { openLegacyBook } from './legacy-book';
import { type MarkupSheet, refuse } from './markup-grid';
import { sniffFile, sniffZip } from './sniff';
import { readSpreadsheetMl } from './spreadsheet-ml';
import type { TextEncoding } from './text-decode';
import { cachedWorkbookParts } from './parts-cache';
import type { MergedRange, WorkbookParts } from './workbook-parts';
import { readEntryText } from './zip-entry';
import { listZip } from './zip-guard';
import { MergeFiller, readSheetRows, type SourceRow } from './xlsx-rows';

interface SourceSheet {
  name: string;
  rowCount: number | null;
  hidden: boolean;
  /** Merged ranges (Excel's 1-based rows and columns); none in a CSV file. */
  merges: readonly MergedRange[];
}

interface TableSource {
  format: 'xlsx' | 'csv' | 'html' | 'spreadsheetml' | 'xls' | 'ods';
  /** The text encoding read (CSV, HTML, XML); null for workbooks. */
  encoding: TextEncoding | null;
  /** The encodings the user may switch to, most likely first; empty for workbooks. */
  encodings: TextEncoding[];
  sheets: SourceSheet[];
  rows(sheet: string): AsyncGenerator<SourceRow>;
}

interface OpenOptions {
  /** The user's choice of text encoding, replacing the detected one. */
  encoding?: TextEncoding | null;
  /** Only the first rows of each sheet are wanted (.xls/.ods then build no more; an .xlsx reads its first shared strings). */
  previewRows?: number;
  /** Where an .xlsx's checked structure is kept between reads of the same file (parts-cache.ts). */
  structureCache?: string | undefined;
}

const SAVE_AS_XLSX = 'open it in Excel or WPS and save it as .xlsx';

function notFound(sheet: string): AppError {
  return refuse('sheet_not_found', `the file has no sheet called “${sheet}”`);
}

/** Sheets read whole by a markup reader, each row's merged cells filled as the xlsx reader does. */
function markupSource(
  format: 'html' | 'spreadsheetml',
  encoding: TextEncoding,
  encodings: TextEncoding[],
  sheets: MarkupSheet[],
): TableSource {
  return {
    format,
    encoding,
    encodings,
    sheets: sheets.map((s) => ({
      name: s.name,
      rowCount: s.rows.at(-1)?.row ?? 0,
      hidden: s.hidden,
      merges: s.merges,
    })),
    rows: async function* (name) {
      const sheet = sheets.find((s) => s.name === name);
      if (!sheet) throw notFound(name);
      const filler = new MergeFiller(sheet.merges);
      for (const { row, cells } of sheet.rows) {
        const copy = [...cells];
        filler.fill(row, copy);
        yield { row, cells: copy };
      }
    },
  };
}

/** A zip: an .xlsx/.xlsm read, a .xlsb or Apple Numbers file refused by name. */
async function zipSource(
  file: string,
  { structureCache, previewRows }: OpenOptions,
): Promise<TableSource> {
  const entries = listZip(file);
  const types = entries.find((e) => e.name.toLowerCase() === '[content_types].xml');
  const contentTypes =
    types && types.size < 1024 ** 2 ? await readEntryText(file, types, 1024 ** 2) : null;
  switch (
    sniffZip(
      entries.map((e) => e.name),
      contentTypes,
    )
  ) {
    case 'xlsb':
      throw refuse('xlsb', `this is an Excel binary workbook (.xlsb); ${SAVE_AS_XLSX}`);
    case 'numbers':
      throw refuse('apple_numbers', 'this is an Apple Numbers file; export it as .xlsx in Numbers');
    case 'xlsx': {
      const parts: WorkbookParts = await cachedWorkbookParts(file, structureCache);
      return {
        format: 'xlsx',
        encoding: null,
        encodings: [],
        sheets: parts.sheets.map((s) => ({
          name: s.name,
          rowCount: s.rows,
          hidden: s.hidden,
          merges: s.merges,
        })),
        rows: (sheet) => readSheetRows(file, parts, sheet, previewRows !== undefined),
      };
    }
  }
}

export async function openTable(
  file: string,
  displayName = path.basename(file),
  options: OpenOptions = {},
): Promise<TableSource> {
  if (!fs.existsSync(file))
    throw new AppError('NOT_FOUND', 'the file is gone', { kind: 'file_gone' });
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(8192);
  const n = fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  if (n === 0) throw refuse('empty_file', 'the file is empty');
  const name = path.parse(displayName).name || 'CSV';

  const sniffed = sniffFile(head.subarray(0, n));
  switch (sniffed) {
    case 'xls':
    case 'ods': {
      // .xls, WPS .et and .ods: checked, then parsed whole by SheetJS (sheetjs-book.ts).
      const book = await openLegacyBook(file, sniffed, options.previewRows);
      return {
        format: sniffed,
        encoding: null,
        encodings: [],
        sheets: book.sheets,
        rows: (sheet) => book.rows(sheet),
      };
    }
    case 'encrypted-ooxml':
      throw refuse(
        'encrypted',
        'the workbook is password-protected; remove the password and save it again',
      );
    case 'sylk':
      throw refuse('sylk', `this is a SYLK file; ${SAVE_AS_XLSX}`);
    case 'dif':
      throw refuse('dif', `this is a DIF file; ${SAVE_AS_XLSX}`);
    case 'xml':
      throw refuse('xml_not_spreadsheet', `this XML file is not an Excel 2003 spreadsheet`);
    case 'unknown':
      throw refuse('unknown_format', 'this is neither an Excel workbook (.xlsx) nor a CSV file');
    case 'html': {
      const read = await readHtmlTables(file, head.subarray(0, n), name, options.encoding);
      const { candidates } = textEncodingOf(file, read.encoding);
      return markupSource('html', read.encoding, candidates, read.sheets);
    }
    case 'spreadsheetml': {
      const read = await readSpreadsheetMl(file, options.encoding);
      return markupSource('spreadsheetml', read.encoding, [read.encoding], read.sheets);
    }
    case 'text': {
      const detected = textEncodingOf(file, options.encoding);
      return {
        format: 'csv',
        encoding: detected.encoding,
        encodings: detected.candidates,
        sheets: [{ name, rowCount: null, hidden: false, merges: [] }],
        rows: (sheet) => {
          if (sheet !== name)
            throw refuse('sheet_not_found', `a CSV file has one sheet, “${name}”`);
          return readCsvRows(file, detected);
        },
      };
    }
    case 'xlsx':
      return zipSource(file, options);
  }
}
