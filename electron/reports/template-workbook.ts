/**
 * A report template's workbook, read with exceljs: an uploaded one inspected (its sheets, first
 * rows and the header row to suggest), a kept one checked for its sheet, and opened to be filled
 * by the report job. Inspection and check run as reads in the read worker (reads/registry.ts),
 * the filling in the job's worker: a workbook is never parsed on the thread that answers the UI.
 */
import ExcelJS from 'exceljs';
import { rowLayout, type RowLayout } from '../../shared/report-layout';
import { AppError } from '../../shared/result';
import type { TemplateInspection } from '../../shared/schemas/reports';
import { DEFAULT_ZIP_LIMITS, inspectZip } from '../excel/read/zip-guard';
import type { ReadFunction } from '../reads/registry';
import { matchHeader } from './header-match';

const PREVIEW_ROWS = 15;

/** Opens a workbook after checking its zip (no bombs, not truncated, not encrypted). */
export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  inspectZip(file, { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 512 * 1024 ** 2 });
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.readFile(file);
  } catch (error) {
    throw new AppError('VALIDATION', `the template cannot be read as .xlsx: ${String(error)}`, {
      kind: 'report.template_unreadable',
    });
  }
  return book;
}

function rowTexts(sheet: ExcelJS.Worksheet, rows: number): string[][] {
  const out: string[][] = [];
  const width = Math.min(sheet.columnCount, 100);
  for (let r = 1; r <= Math.min(rows, sheet.rowCount); r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(row.getCell(c).text.trim());
    out.push(cells);
  }
  return out;
}

function mergesOf(sheet: ExcelJS.Worksheet): string[] {
  return (sheet.model as { merges?: string[] }).merges ?? [];
}

/** The header row is the early row of `rows` whose cells name the most report fields. */
function suggest(sheetName: string, rows: string[][]): TemplateInspection['suggestion'] {
  let best: RowLayout & { row: number } = { row: 1, columns: [], unmatched: [] };
  rows.forEach((cells, i) => {
    const layout = rowLayout(cells, matchHeader);
    if (layout.columns.length > best.columns.length) best = { row: i + 1, ...layout };
  });
  return {
    sheetName,
    headerRow: best.row,
    firstDataRow: best.row + 1,
    columns: best.columns,
    unmatched: best.unmatched,
  };
}

/** An uploaded template's visible sheets, their first rows, and the header row it suggests. */
export const templateInspectionRead: ReadFunction<
  { file: string; fileName: string },
  TemplateInspection
> = async (_db, { file, fileName }) => {
  const book = await loadWorkbook(file);
  const sheets = book.worksheets.filter((s) => s.state !== 'hidden');
  if (sheets.length === 0)
    throw new AppError('VALIDATION', 'the workbook has no visible sheet', {
      kind: 'report.template_empty',
    });
  const inspected = sheets.map((sheet) => {
    const rows = rowTexts(sheet, PREVIEW_ROWS);
    return { sheet, rows, suggestion: suggest(sheet.name, rows) };
  });
  const pick = inspected.reduce((a, b) =>
    b.suggestion.columns.length > a.suggestion.columns.length ? b : a,
  );
  if (pick.suggestion.columns.length === 0)
    throw new AppError('VALIDATION', 'no header of the template names a known report field', {
      kind: 'report.no_headers',
    });
  return {
    fileName,
    sheets: inspected.map(({ sheet, rows }) => ({
      name: sheet.name,
      rows,
      merges: mergesOf(sheet),
    })),
    suggestion: pick.suggestion,
  };
};

/** The sheet a template's workbook fills: the one named, else its first; refused if missing. */
export const templateSheetRead: ReadFunction<
  { file: string; sheetName: string | null },
  string
> = async (_db, { file, sheetName }) => {
  const book = await loadWorkbook(file);
  const sheet = sheetName ? book.getWorksheet(sheetName) : book.worksheets[0];
  if (!sheet)
    throw new AppError('VALIDATION', `the template has no sheet named ${sheetName ?? ''}`, {
      fields: [
        { path: 'sheetName', code: 'report.no_such_sheet', message: 'report.no_such_sheet' },
      ],
      kind: 'report.no_such_sheet',
    });
  return sheet.name;
};
