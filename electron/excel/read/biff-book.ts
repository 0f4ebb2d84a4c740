/**
 * An .xls / WPS .et workbook in BIFF8 (Excel 97 and later, every WPS), read record by record from
 * its workbook stream: one row of cells exists at a time, so a full 65,536-row sheet needs a few
 * dozen MB. SheetJS builds every cell of the book as a dictionary-mode object first (about
 * 550 bytes each: 430 MB for 65,536 × 12, 9 GB for a full 65,536 × 256 sheet), which no check
 * made before parsing can keep within memory. SheetJS still reads .ods and pre-97 BIFF
 * (sheetjs-book.ts), and the tests hold this reader to its rows.
 */
import { type NormalCell, numberCell, textCell, type NumberStyle } from './cell-value';
import {
  BIFF_ERRORS,
  type BiffRecord,
  continuations,
  damagedBiff,
  RECORD,
  records,
  rkNumber,
  sharedStrings,
  SpanReader,
} from './biff-records';
import { refuse } from './markup-grid';
import { numberStyleOf } from './sheet-xml';
import { MAX_COLUMNS, type MergedRange } from './workbook-parts';
import { MergeFiller, type SourceRow } from './xlsx-rows';
import type { LegacyBook, LegacySheet } from './legacy-book';

const BIFF8 = 0x0600;
const BOF_GLOBALS = 0x0005;
const BOF_WORKSHEET = 0x0010;
const GENERAL: NumberStyle = { date: false };
const EMPTY: NormalCell = { kind: 'empty' };

/** Whether the workbook stream is BIFF8 (the globals' BOF says version 0x0600). */
export function isBiff8(stream: Buffer): boolean {
  return (
    stream.length >= 8 &&
    stream.readUInt16LE(0) === RECORD.BOF &&
    stream.readUInt16LE(4) === BIFF8 &&
    stream.readUInt16LE(6) === BOF_GLOBALS
  );
}

interface Globals {
  sheets: { name: string; hidden: boolean; at: number }[];
  strings: string[];
  styles: NumberStyle[];
  date1904: boolean;
}

/** The workbook globals: sheets, shared strings, cell formats, the date system. */
function readGlobals(stream: Buffer): Globals {
  const globals: Globals = { sheets: [], strings: [], styles: [], date1904: false };
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  for (const record of records(stream)) {
    const { type, body } = record;
    if (type === RECORD.EOF) break;
    if (type === RECORD.BOUNDSHEET && body.length >= 8) {
      // Worksheets only (type 0): macro sheets, charts and VBA modules hold no table.
      if (body[5] !== 0) continue;
      globals.sheets.push({
        at: body.readUInt32LE(0),
        hidden: (body[4]! & 0x03) !== 0,
        name: new SpanReader([body.subarray(6)]).unicodeString(true),
      });
    } else if (type === RECORD.SST) globals.strings = sharedStrings(stream, record);
    else if (type === RECORD.FORMAT && body.length >= 5)
      formats.set(body.readUInt16LE(0), new SpanReader([body.subarray(2)]).unicodeString());
    else if (type === RECORD.XF && body.length >= 4) xfFormats.push(body.readUInt16LE(2));
    else if (type === RECORD.DATEMODE && body.length >= 2)
      globals.date1904 = body.readUInt16LE(0) === 1;
  }
  const byFormat = new Map<number, NumberStyle>();
  globals.styles = xfFormats.map((id) => {
    let style = byFormat.get(id);
    if (!style) byFormat.set(id, (style = numberStyleOf(id, formats)));
    return style;
  });
  return globals;
}

/** The records of one worksheet's substream (embedded chart substreams skipped). */
function* sheetRecords(stream: Buffer, at: number): Generator<BiffRecord> {
  let depth = 0;
  for (const record of records(stream, at)) {
    if (record.type === RECORD.BOF) {
      if (depth === 0 && record.body.readUInt16LE(2) !== BOF_WORKSHEET)
        throw damagedBiff('a sheet entry points at something other than a worksheet');
      depth++;
    } else if (record.type === RECORD.EOF) {
      if (--depth === 0) return;
    } else if (depth === 1) yield record;
    if (depth === 0) throw damagedBiff('a sheet entry points between records');
  }
}

const CELL_RECORDS = new Set<number>([
  RECORD.LABELSST,
  RECORD.LABEL,
  RECORD.NUMBER,
  RECORD.RK,
  RECORD.MULRK,
  RECORD.BOOLERR,
  RECORD.FORMULA,
]);

interface SheetShape {
  rowCount: number;
  merges: MergedRange[];
  /** Whether cells come row by row, as every writer puts them. */
  ordered: boolean;
}

/** One pass over a sheet's record headers: its last row, merges, and whether it is in order. */
function shapeOf(stream: Buffer, at: number): SheetShape {
  const shape: SheetShape = { rowCount: 0, merges: [], ordered: true };
  let last = -1;
  for (const { type, body } of sheetRecords(stream, at)) {
    if (CELL_RECORDS.has(type) && body.length >= 6) {
      const row = body.readUInt16LE(0);
      const lastColumn =
        type === RECORD.MULRK ? body.readUInt16LE(body.length - 2) : body.readUInt16LE(2);
      if (lastColumn >= MAX_COLUMNS)
        throw refuse('too_many_columns', `the sheet goes past column ${MAX_COLUMNS}`);
      if (row < last) shape.ordered = false;
      last = row;
      shape.rowCount = Math.max(shape.rowCount, row + 1);
    } else if (type === RECORD.MERGECELLS && body.length >= 2) {
      const count = Math.min(body.readUInt16LE(0), Math.floor((body.length - 2) / 8));
      for (let i = 0; i < count; i++) {
        const p = 2 + i * 8;
        shape.merges.push({
          top: body.readUInt16LE(p) + 1,
          bottom: body.readUInt16LE(p + 2) + 1,
          left: body.readUInt16LE(p + 4) + 1,
          right: body.readUInt16LE(p + 6) + 1,
        });
      }
    }
  }
  return shape;
}

/** The cells of one sheet, record by record, as (row, column, cell) — 0-based. */
function* sheetCells(
  stream: Buffer,
  at: number,
  globals: Globals,
): Generator<[number, number, NormalCell]> {
  const styleOf = (xf: number) => globals.styles[xf] ?? GENERAL;
  const number = (value: number, xf: number) => numberCell(value, styleOf(xf), globals.date1904);
  // A formula whose result is text gives it in the STRING record that follows.
  let pending: [number, number] | null = null;
  for (const record of sheetRecords(stream, at)) {
    const { type, body } = record;
    if (type === RECORD.STRING && pending) {
      const text = new SpanReader([body, ...continuations(stream, record)]).unicodeString();
      yield [pending[0], pending[1], textCell(text)];
      pending = null;
      continue;
    }
    if (type === RECORD.BLANK || type === RECORD.MULBLANK) {
      // A styled blank says its row exists: a merged range above may reach into it.
      if (body.length >= 4) yield [body.readUInt16LE(0), body.readUInt16LE(2), EMPTY];
      continue;
    }
    if (!CELL_RECORDS.has(type)) continue;
    if (body.length < 8) throw damagedBiff('a cell record is cut short');
    const row = body.readUInt16LE(0);
    const column = body.readUInt16LE(2);
    const xf = body.readUInt16LE(4);
    switch (type) {
      case RECORD.LABELSST: {
        const text = globals.strings[body.readUInt32LE(6)];
        if (text === undefined) throw damagedBiff('a cell refers to a missing shared string');
        yield [row, column, textCell(text)];
        break;
      }
      case RECORD.LABEL: {
        const reader = new SpanReader([body.subarray(6), ...continuations(stream, record)]);
        yield [row, column, textCell(reader.unicodeString())];
        break;
      }
      case RECORD.NUMBER:
        if (body.length < 14) throw damagedBiff('a number cell is cut short');
        yield [row, column, number(body.readDoubleLE(6), xf)];
        break;
      case RECORD.RK:
        yield [row, column, number(rkNumber(body.readInt32LE(6)), xf)];
        break;
      case RECORD.MULRK:
        for (let p = 4, c = column; p + 6 <= body.length - 2; p += 6, c++)
          yield [row, c, number(rkNumber(body.readInt32LE(p + 2)), body.readUInt16LE(p))];
        break;
      case RECORD.BOOLERR:
        yield [
          row,
          column,
          body[7] === 1
            ? { kind: 'error', code: BIFF_ERRORS[body[6]!] ?? '#VALUE!' }
            : { kind: 'boolean', value: body[6] === 1 },
        ];
        break;
      case RECORD.FORMULA: {
        // The cached result: a double, or a tagged value when its last two bytes are 0xFFFF.
        if (body.length < 14) throw damagedBiff('a formula cell is cut short');
        if (body.readUInt16LE(12) !== 0xffff) {
          yield [row, column, number(body.readDoubleLE(6), xf)];
          break;
        }
        const tag = body[6];
        if (tag === 0) pending = [row, column];
        else if (tag === 1) yield [row, column, { kind: 'boolean', value: body[8] === 1 }];
        else if (tag === 2)
          yield [row, column, { kind: 'error', code: BIFF_ERRORS[body[8]!] ?? '#VALUE!' }];
        break;
      }
    }
  }
}

/** A sheet's cells grouped into rows, in row order (sorted first if the file was not). */
async function* sheetRows(
  stream: Buffer,
  at: number,
  globals: Globals,
  shape: SheetShape,
  maxRows: number,
): AsyncGenerator<SourceRow> {
  const filler = new MergeFiller(shape.merges);
  const finish = (row: number, cells: NormalCell[]): SourceRow | null => {
    for (let c = 0; c < cells.length; c++) cells[c] ??= EMPTY;
    // Trailing empty cells say nothing, as in an .xlsx row.
    while (cells.length > 0 && cells[cells.length - 1]!.kind === 'empty') cells.pop();
    filler.fill(row + 1, cells);
    return cells.length > 0 ? { row: row + 1, cells } : null;
  };
  if (!shape.ordered) {
    const byRow = new Map<number, NormalCell[]>();
    for (const [row, column, cell] of sheetCells(stream, at, globals)) {
      if (row >= maxRows) continue;
      let cells = byRow.get(row);
      if (!cells) byRow.set(row, (cells = []));
      if (cell !== EMPTY || !cells[column]) cells[column] = cell;
    }
    for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
      const out = finish(row, byRow.get(row)!);
      if (out) yield out;
    }
    return;
  }
  let current = -1;
  let cells: NormalCell[] = [];
  for (const [row, column, cell] of sheetCells(stream, at, globals)) {
    if (row !== current) {
      const out = current >= 0 ? finish(current, cells) : null;
      if (out) yield out;
      if (row >= maxRows) return;
      current = row;
      cells = [];
    }
    if (cell !== EMPTY || !cells[column]) cells[column] = cell;
  }
  const out = current >= 0 ? finish(current, cells) : null;
  if (out) yield out;
}

/** Reads a BIFF8 workbook stream (isBiff8); `maxRows` ends each sheet's rows early (a preview). */
export function openBiffBook(stream: Buffer, maxRows: number, maxSheets: number): LegacyBook {
  const globals = readGlobals(stream);
  if (globals.sheets.length > maxSheets)
    throw refuse('too_many_sheets', `the workbook has ${globals.sheets.length} sheets`);
  const shapes = new Map<string, { at: number; shape: SheetShape }>();
  const sheets: LegacySheet[] = globals.sheets.map(({ name, hidden, at }) => {
    if (at >= stream.length) throw damagedBiff(`the sheet “${name}” points past the end`);
    const shape = shapeOf(stream, at);
    shapes.set(name, { at, shape });
    return { name, hidden, rowCount: shape.rowCount, merges: shape.merges };
  });
  return {
    sheets,
    rows(name) {
      const sheet = shapes.get(name);
      if (!sheet) throw refuse('sheet_not_found', `the workbook has no sheet called “${name}”`);
      return sheetRows(stream, sheet.at, globals, sheet.shape, maxRows);
    },
  };
}
