/**
 * The rows of one worksheet, streamed with exceljs, as normalised cells. Added on top of exceljs:
 * the Chinese built-in date formats it does not know (numFmtId 27–36, 50–58 are dates in a
 * Chinese Excel or WPS), merged cells filled with their value, and Excel's size limits enforced.
 */
import ExcelJS from 'exceljs';
import { excelSerialToIsoDate } from '../../../shared/values/date';
import { AppError } from '../../../shared/result';
import { type NormalCell, normalizeCell } from './cell-value';
import { MAX_COLUMNS, MAX_ROWS, type MergedRange, type WorkbookParts } from './workbook-parts';

export interface SourceRow {
  /** As Excel numbers it, 1-based. */
  row: number;
  cells: NormalCell[];
}

/** Built-in formats that mean a date only in East Asian locales, so exceljs reads them as numbers. */
const EAST_ASIAN_DATE_FORMATS = new Set([
  27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58,
]);

/** Merged cells only repeat their value up to this column: a hostile A1:XFD1048576 stays cheap. */
const MERGE_FILL_COLUMNS = 1024;

interface StreamStyles {
  model?: { styles?: { numFmtId?: number }[] };
  getStyleModel(id: number): unknown;
}

function eastAsianDateStyles(styles: StreamStyles | undefined): Set<unknown> {
  const out = new Set<unknown>();
  styles?.model?.styles?.forEach((xf, i) => {
    if (xf.numFmtId !== undefined && EAST_ASIAN_DATE_FORMATS.has(xf.numFmtId)) {
      const model = styles.getStyleModel(i);
      if (model) out.add(model);
    }
  });
  return out;
}

/** Fills merged ranges row by row as the rows stream past (rows arrive in ascending order). */
class MergeFiller {
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

export async function* readSheetRows(
  file: string,
  parts: WorkbookParts,
  sheetName: string,
): AsyncGenerator<SourceRow> {
  const sheet = parts.sheets.find((s) => s.name === sheetName);
  if (!sheet)
    throw new AppError('VALIDATION', `the workbook has no sheet called “${sheetName}”`, {
      kind: 'sheet_not_found',
    });
  const sheetNo = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(sheet.path)?.[1];
  if (!sheetNo)
    throw new AppError('VALIDATION', `the sheet “${sheetName}” is stored in an unusual way`, {
      kind: 'not_xlsx',
    });

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  } as ExcelJS.stream.xlsx.WorkbookStreamReaderOptions);
  let current: string | null = null;
  (reader as unknown as NodeJS.EventEmitter).on('entry', (e: { type: string; id?: string }) => {
    if (e.type === 'worksheet') current = e.id ?? null;
  });
  const filler = new MergeFiller(sheet.merges);

  for await (const worksheet of reader) {
    if (current !== sheetNo) continue;
    const dateStyles = eastAsianDateStyles((reader as unknown as { styles?: StreamStyles }).styles);
    for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
      if (row.number > MAX_ROWS)
        throw new AppError('VALIDATION', `the sheet goes past row ${MAX_ROWS}`, {
          kind: 'too_many_rows',
        });
      const values = row.values as ExcelJS.CellValue[];
      if (values.length - 1 > MAX_COLUMNS)
        throw new AppError('VALIDATION', `the sheet goes past column ${MAX_COLUMNS}`, {
          kind: 'too_many_columns',
        });
      const cells: NormalCell[] = new Array<NormalCell>(Math.max(0, values.length - 1));
      for (let c = 1; c < values.length; c++) {
        const value = values[c];
        if (typeof value === 'number' && dateStyles.size > 0) {
          const style = (row.getCell(c) as unknown as { style?: unknown }).style;
          if (dateStyles.has(style)) {
            const iso = excelSerialToIsoDate(value, parts.date1904);
            cells[c - 1] = iso ? { kind: 'date', iso } : { kind: 'number', value };
            continue;
          }
        }
        cells[c - 1] = normalizeCell(value);
      }
      filler.fill(row.number, cells);
      yield { row: row.number, cells };
    }
    return;
  }
  throw new AppError('VALIDATION', `the sheet “${sheetName}” could not be read`, {
    kind: 'sheet_not_found',
  });
}
