/**
 * .ods and pre-97 BIFF .xls read with SheetJS (@e965/xlsx), after legacy-book.ts has checked the
 * container. The library parses a whole file in memory; its cells are mapped through the same
 * rules as the .xlsx reader (cell-value.ts: dates by format code in the 1900 or 1904 system,
 * elapsed times, text cleaned), merged ranges reported 1-based and filled by MergeFiller.
 */
import * as XLSX from '@e965/xlsx';
import { AppError } from '../../../shared/result';
import { BIFF_ERRORS } from './biff-records';
import { type NormalCell, numberCell, textCell } from './cell-value';
import { isDurationFormat } from './duration';
import type { LegacyBook, LegacySheet } from './legacy-book';
import { isDateFormat } from './sheet-xml';
import { MAX_COLUMNS, MAX_ROWS } from './workbook-parts';
import { DEFAULT_ZIP_LIMITS } from './zip-guard';
import { MergeFiller } from './xlsx-rows';

/**
 * The built-in number formats of a Chinese Excel or WPS (ids 27–36 and 50–58). A BIFF file refers
 * to them by id without writing their codes; SheetJS knows only the US table and leaves such a
 * 2026年3月5日 a bare number.
 */
const CHINESE_BUILTINS: Record<number, string> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};
/** Where custom format ids start; below are built-ins. */
const FIRST_CUSTOM_FORMAT = 164;

/**
 * SheetJS keeps one format table for the whole process, and its BIFF reader does not reset it:
 * a previous file's custom formats would apply to this one. Reset it, with the Chinese built-ins.
 */
function resetFormatTable(): void {
  const table = XLSX.SSF.get_table() as Record<number, string | undefined>;
  for (const id of Object.keys(table).map(Number))
    if (id >= FIRST_CUSTOM_FORMAT) table[id] = undefined;
  Object.assign(table, CHINESE_BUILTINS);
}

/** Format codes by style, cached: a sheet has few formats and many cells. */
function styleOf(cache: Map<string, { duration?: string; date: boolean }>, code: string) {
  let style = cache.get(code);
  if (!style) {
    style = isDurationFormat(code)
      ? { duration: code, date: false }
      : { date: code !== 'General' && isDateFormat(code) };
    cache.set(code, style);
  }
  return style;
}

type Styles = Map<string, { duration?: string; date: boolean }>;

function cellOf(cell: XLSX.CellObject | undefined, styles: Styles, date1904: boolean): NormalCell {
  if (!cell || cell.v === undefined || cell.v === null) return { kind: 'empty' };
  switch (cell.t) {
    case 'n':
      return numberCell(cell.v as number, styleOf(styles, String(cell.z ?? 'General')), date1904);
    case 'b':
      return { kind: 'boolean', value: Boolean(cell.v) };
    case 'e':
      return { kind: 'error', code: BIFF_ERRORS[cell.v as number] ?? '#VALUE!' };
    case 's':
      return textCell(String(cell.v));
    case 'd': {
      const d = cell.v instanceof Date ? cell.v : new Date(String(cell.v));
      return Number.isNaN(d.getTime())
        ? textCell(String(cell.v))
        : { kind: 'date', iso: d.toISOString().slice(0, 10) };
    }
    default:
      return { kind: 'empty' };
  }
}

function limitsOf(sheet: XLSX.WorkSheet): { rows: number; columns: number } | null {
  const ref = (sheet['!fullref'] as string | undefined) ?? sheet['!ref'];
  if (!ref) return null;
  const range = XLSX.utils.decode_range(ref);
  return { rows: range.e.r + 1, columns: range.e.c + 1 };
}

/** Parses `bytes` (checked by legacy-book.ts); builds only the first `maxRows` rows of a sheet. */
export function openSheetJsBook(bytes: Buffer, kind: 'xls' | 'ods', maxRows: number): LegacyBook {
  let wb: XLSX.WorkBook;
  try {
    resetFormatTable();
    wb = XLSX.read(bytes, {
      type: 'buffer',
      dense: true,
      cellNF: true,
      cellDates: false,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      cellText: false,
      // One row past the limit shows that a sheet goes past it; the rest is never built.
      sheetRows: maxRows,
    });
  } catch (error) {
    const text = String(error instanceof Error ? error.message : error);
    if (/password|encrypt/i.test(text))
      throw new AppError('VALIDATION', 'the workbook is password-protected', { kind: 'encrypted' });
    throw new AppError('VALIDATION', `the workbook cannot be read: ${text}`, {
      kind: kind === 'xls' ? 'ole_damaged' : 'not_xlsx',
    });
  }
  if (wb.SheetNames.length > DEFAULT_ZIP_LIMITS.maxSheets)
    throw new AppError('VALIDATION', `the workbook has ${wb.SheetNames.length} sheets`, {
      kind: 'too_many_sheets',
      count: wb.SheetNames.length,
    });
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const sheets: LegacySheet[] = wb.SheetNames.map((name, i) => {
    const sheet = wb.Sheets[name]!;
    const limits = limitsOf(sheet);
    if (limits && limits.rows > MAX_ROWS)
      throw new AppError('VALIDATION', `the sheet goes past row ${MAX_ROWS}`, {
        kind: 'too_many_rows',
      });
    if (limits && limits.columns > MAX_COLUMNS)
      throw new AppError('VALIDATION', `the sheet goes past column ${MAX_COLUMNS}`, {
        kind: 'too_many_columns',
      });
    return {
      name,
      rowCount: limits?.rows ?? 0,
      hidden: (wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0,
      merges: (sheet['!merges'] ?? []).map((m) => ({
        top: m.s.r + 1,
        left: m.s.c + 1,
        bottom: m.e.r + 1,
        right: m.e.c + 1,
      })),
    };
  });

  const consumed = new Set<string>();
  return {
    sheets,
    async *rows(name) {
      const sheet = wb.Sheets[name];
      const info = sheets.find((s) => s.name === name);
      if (!sheet || !info)
        throw new AppError('VALIDATION', `the workbook has no sheet called “${name}”`, {
          kind: 'sheet_not_found',
        });
      // Each row is released once converted, so that the library's cells and the import's own
      // memory do not add up: a sheet's rows are read once.
      if (consumed.has(name))
        throw new AppError('INTERNAL', `the rows of “${name}” were read already`);
      consumed.add(name);
      const data = (sheet['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
      const styles: Styles = new Map();
      const filler = new MergeFiller(info.merges);
      for (let r = 0; r < data.length; r++) {
        const source = data[r];
        if (!source) continue;
        const cells: NormalCell[] = [];
        for (let c = 0; c < source.length; c++) cells.push(cellOf(source[c], styles, date1904));
        data[r] = undefined;
        // Trailing empty cells say nothing (a styled blank cell is not data), as in an .xlsx row.
        while (cells.length > 0 && cells[cells.length - 1]!.kind === 'empty') cells.pop();
        filler.fill(r + 1, cells);
        if (cells.length > 0) yield { row: r + 1, cells };
      }
    },
  };
}
