/**
 * The BIFF8 record reader (biff-book.ts) on hand-built workbook streams — strings split across
 * CONTINUE records, every number encoding, formula results, sheets out of order or holding
 * charts — and against SheetJS on a workbook SheetJS writes.
 */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { isBiff8, openBiffBook } from '../../electron/excel/read/biff-book';
import { RECORD, rkNumber } from '../../electron/excel/read/biff-records';
import { checkOleWorkbook } from '../../electron/excel/read/ole-guard';
import { openSheetJsBook } from '../../electron/excel/read/sheetjs-book';
import type { LegacyBook } from '../../electron/excel/read/legacy-book';
import { biffBook, cell, record, substream, unicodeString } from '../helpers/ole';
import { kindOf } from '../helpers/error-kind';

const R = RECORD;

const u16 = (n: number) => Buffer.from([n & 0xff, n >> 8]);
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0, 0);
  return b;
};
const i32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32LE(n | 0, 0);
  return b;
};
const f64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(n, 0);
  return b;
};

/** XF records for: 0 General, 1 built-in 14 (a date), 2 custom 164, 3 built-in 46 (elapsed). */
const STYLE_RECORDS = [
  record(R.FORMAT, Buffer.concat([u16(164), unicodeString('yyyy"年"m"月"d"日"')])),
  ...[0, 14, 164, 46].map((ifmt) =>
    record(R.XF, Buffer.concat([u16(0), u16(ifmt), Buffer.alloc(16)])),
  ),
];

async function rowsOf(book: LegacyBook, sheet: string) {
  const rows = [];
  for await (const r of book.rows(sheet)) rows.push(r);
  return rows;
}

describe('shared strings across CONTINUE records', () => {
  it('reads a string whose characters change width in a CONTINUE, and runs split between records', async () => {
    const head = Buffer.concat([u32(5), u32(5)]);
    const first = unicodeString('名称');
    // "Fleet 大客户": eight-bit "Fleet " here, the rest in the CONTINUE as UTF-16.
    const splitHead = Buffer.concat([u16(9), Buffer.from([0]), Buffer.from('Fleet ', 'latin1')]);
    const sst = record(R.SST, Buffer.concat([head, first, splitHead]));
    // A rich string (one formatting run of 4 bytes) whose run spills into the next CONTINUE.
    const rich = Buffer.concat([u16(3), Buffer.from([0x08]), u16(1), Buffer.from('abc'), u16(0)]);
    const c1 = record(
      R.CONTINUE,
      Buffer.concat([Buffer.from([1]), Buffer.from('大客户', 'utf16le'), rich]),
    );
    const c2 = record(R.CONTINUE, Buffer.concat([u16(0), unicodeString('tail')]));
    // A string that starts a CONTINUE: its header is read as it is, with no width byte first.
    const c3 = record(R.CONTINUE, unicodeString('起'));
    const cells = [0, 1, 2, 3, 4].map((i) => cell(R.LABELSST, i, 0, 0, u32(i)));
    const stream = biffBook([sst, c1, c2, c3], [{ name: '客户', records: cells }]);
    const rows = await rowsOf(openBiffBook(stream, 100, 10), '客户');
    expect(rows.map((r) => r.cells[0])).toEqual(
      ['名称', 'Fleet 大客户', 'abc', 'tail', '起'].map((text) => ({ kind: 'text', text })),
    );
  });

  it('refuses a cell pointing past the shared strings and a table claiming millions of them', () => {
    const sst = record(R.SST, Buffer.concat([u32(1), u32(1), unicodeString('一')]));
    const missing = biffBook([sst], [{ name: 'S', records: [cell(R.LABELSST, 0, 0, 0, u32(7))] }]);
    const book = openBiffBook(missing, 100, 10);
    return expect(rowsOf(book, 'S')).rejects.toMatchObject({ details: { kind: 'ole_damaged' } });
  });

  it('refuses a shared-string table that claims more strings than the stream can hold', () => {
    const sst = record(R.SST, Buffer.concat([u32(1), u32(50_000_000), unicodeString('一')]));
    expect(kindOf(() => openBiffBook(biffBook([sst], []), 100, 10))).toBe('ole_damaged');
  });
});

describe('numbers, dates, booleans, errors and formula results', () => {
  it('decodes RK, MULRK and NUMBER cells through the cell formats', async () => {
    expect(rkNumber((1234 << 2) | 2)).toBe(1234);
    expect(rkNumber((-5 << 2) | 2)).toBe(-5);
    expect(rkNumber((123456 << 2) | 3)).toBe(1234.56);
    expect(rkNumber(0x3fe00000)).toBe(0.5);
    const mulrk = record(
      R.MULRK,
      Buffer.concat([
        u16(1),
        u16(0),
        u16(0),
        i32((7 << 2) | 2),
        u16(1),
        i32((46086 << 2) | 2),
        u16(2),
        i32((46087 << 2) | 2),
        u16(2),
      ]),
    );
    const stream = biffBook(STYLE_RECORDS, [
      {
        name: 'N',
        records: [
          cell(R.NUMBER, 0, 0, 0, f64(3.25)),
          cell(R.NUMBER, 0, 1, 3, f64(1.5)), // 36 hours as [h]:mm:ss
          cell(R.RK, 0, 2, 1, i32((46086 << 2) | 2)),
          mulrk,
        ],
      },
    ]);
    const rows = await rowsOf(openBiffBook(stream, 100, 10), 'N');
    expect(rows).toEqual([
      {
        row: 1,
        cells: [
          { kind: 'number', value: 3.25 },
          { kind: 'duration', seconds: 129600, text: '36:00:00' },
          { kind: 'date', iso: '2026-03-05' },
        ],
      },
      {
        row: 2,
        cells: [
          { kind: 'number', value: 7 },
          { kind: 'date', iso: '2026-03-05' },
          { kind: 'date', iso: '2026-03-06' },
        ],
      },
    ]);
  });

  it('counts dates from 1904 when the workbook says so', async () => {
    const stream = biffBook(
      [...STYLE_RECORDS, record(R.DATEMODE, u16(1))],
      [{ name: 'D', records: [cell(R.NUMBER, 0, 0, 1, f64(46086 - 1462))] }],
    );
    const rows = await rowsOf(openBiffBook(stream, 100, 10), 'D');
    expect(rows[0]!.cells).toEqual([{ kind: 'date', iso: '2026-03-05' }]);
  });

  it('takes booleans, errors, labels and cached formula results, text from the STRING record', async () => {
    const result = (bytes: number[]) => Buffer.concat([Buffer.from(bytes), u16(0), u32(0), u16(0)]);
    const stream = biffBook(STYLE_RECORDS, [
      {
        name: 'F',
        records: [
          cell(R.BOOLERR, 0, 0, 0, Buffer.from([1, 0])),
          cell(R.BOOLERR, 0, 1, 0, Buffer.from([0x07, 1])),
          cell(R.LABEL, 0, 2, 0, unicodeString('  备注\u200B ')),
          cell(R.FORMULA, 1, 0, 0, result([0, 0, 0, 0, 0, 0, 0xff, 0xff])),
          record(R.STRING, unicodeString('宜昌嘉禾')),
          cell(R.FORMULA, 1, 1, 0, result([1, 0, 1, 0, 0, 0, 0xff, 0xff])),
          cell(R.FORMULA, 1, 2, 0, result([2, 0, 0x2a, 0, 0, 0, 0xff, 0xff])),
          cell(R.FORMULA, 1, 3, 2, Buffer.concat([f64(46086), u16(0), u32(0), u16(0)])),
          cell(R.BLANK, 1, 5, 0, Buffer.alloc(0)),
        ],
      },
    ]);
    const rows = await rowsOf(openBiffBook(stream, 100, 10), 'F');
    expect(rows.map((r) => r.cells)).toEqual([
      [
        { kind: 'boolean', value: true },
        { kind: 'error', code: '#DIV/0!' },
        { kind: 'text', text: '备注' },
      ],
      [
        { kind: 'text', text: '宜昌嘉禾' },
        { kind: 'boolean', value: true },
        { kind: 'error', code: '#N/A' },
        { kind: 'date', iso: '2026-03-05' },
      ],
    ]);
  });
});

describe('sheets', () => {
  it('lists worksheets only, with hidden state, row count and merges; skips embedded charts', async () => {
    const chart = substream(0x0020, [cell(R.NUMBER, 0, 0, 0, f64(99))]);
    const merge = record(R.MERGECELLS, Buffer.concat([u16(1), u16(0), u16(1), u16(0), u16(2)]));
    const stream = biffBook(STYLE_RECORDS, [
      {
        name: '名单',
        records: [
          cell(R.NUMBER, 0, 0, 0, f64(1)),
          cell(R.BLANK, 1, 0, 0, Buffer.alloc(0)),
          chart,
          cell(R.NUMBER, 4, 0, 0, f64(5)),
          merge,
        ],
      },
      { name: '图表', type: 2, records: [] },
      { name: '隐藏', hidden: true, records: [] },
    ]);
    const book = openBiffBook(stream, 100, 10);
    expect(book.sheets).toEqual([
      {
        name: '名单',
        hidden: false,
        rowCount: 5,
        merges: [{ top: 1, bottom: 2, left: 1, right: 3 }],
      },
      { name: '隐藏', hidden: true, rowCount: 0, merges: [] },
    ]);
    const rows = await rowsOf(book, '名单');
    // The merged range fills its cells from its top-left one, as in an .xlsx.
    expect(rows.map((r) => [r.row, r.cells.length])).toEqual([
      [1, 3],
      [2, 3],
      [5, 1],
    ]);
    expect(kindOf(() => book.rows('图表'))).toBe('sheet_not_found');
  });

  it('sorts cells a writer put out of order, and stops at the preview row', async () => {
    const stream = biffBook(STYLE_RECORDS, [
      {
        name: 'S',
        records: [
          cell(R.NUMBER, 2, 0, 0, f64(3)),
          cell(R.NUMBER, 0, 1, 0, f64(2)),
          cell(R.NUMBER, 0, 0, 0, f64(1)),
        ],
      },
    ]);
    const rows = await rowsOf(openBiffBook(stream, 100, 10), 'S');
    expect(rows.map((r) => r.cells.map((c) => (c.kind === 'number' ? c.value : null)))).toEqual([
      [1, 2],
      [3],
    ]);
    const preview = await rowsOf(openBiffBook(stream, 1, 10), 'S');
    expect(preview.map((r) => r.row)).toEqual([1]);
  });

  it('refuses a column past the limit, too many sheets and a sheet pointing past the end', () => {
    const wide = biffBook([], [{ name: 'W', records: [cell(R.NUMBER, 0, 20_000, 0, f64(1))] }]);
    expect(kindOf(() => openBiffBook(wide, 100, 10))).toBe('too_many_columns');
    const many = biffBook(
      [],
      Array.from({ length: 3 }, (_, i) => ({ name: `S${i}`, records: [] })),
    );
    expect(kindOf(() => openBiffBook(many, 100, 2))).toBe('too_many_sheets');
    const cut = biffBook([], [{ name: 'C', records: [cell(R.NUMBER, 0, 0, 0, f64(1))] }]);
    expect(kindOf(() => openBiffBook(cut.subarray(0, cut.length - 10), 100, 10))).toBe(
      'ole_damaged',
    );
  });
});

describe('against SheetJS', () => {
  it('gives the rows SheetJS gives for a workbook SheetJS writes', async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['客户名称', '统一社会信用代码', '车辆数', '金额', '是否政府'],
      ['宜昌嘉禾实业有限公司', '914205250PPW3K59EF', 12, 1234.56, true],
      ['湖北交投', null, -3, 0.1, false],
      [],
      ['一', '二', 1e9, 46086, 'x'],
    ]);
    ws['!merges'] = [{ s: { r: 3, c: 0 }, e: { r: 3, c: 2 } }];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '客户名单');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['备注']]), '第二页');
    const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer;
    const { bytes: stream } = checkOleWorkbook(bytes, 64 * 1024 ** 2);
    expect(isBiff8(stream)).toBe(true);
    const ours = openBiffBook(stream, 1000, 10);
    const theirs = openSheetJsBook(bytes, 'xls', 1000);
    expect(ours.sheets).toEqual(theirs.sheets);
    for (const sheet of ['客户名单', '第二页'])
      expect(await rowsOf(ours, sheet)).toEqual(await rowsOf(theirs, sheet));
  });
});
