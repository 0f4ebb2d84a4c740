/**
 * Legacy .xls, WPS .et and .ods: one table written with exceljs, saved by LibreOffice Calc
 * (headless) as .xlsx, .xls and .ods, reads as the same rows through openTable; an .xls renamed
 * .et reads the same, and the record reader agrees with SheetJS on it; an .xls imports through
 * the real accounts import, all or nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isBiff8, openBiffBook } from '../../electron/excel/read/biff-book';
import type { NormalCell } from '../../electron/excel/read/cell-value';
import { checkOleWorkbook } from '../../electron/excel/read/ole-guard';
import { openSheetJsBook } from '../../electron/excel/read/sheetjs-book';
import { openTable } from '../../electron/excel/read/table-source';
import { signedInApp, type TestApp } from '../helpers/app';
import { tempDir } from '../helpers/db';
import { newUscc } from '../helpers/fixtures';
import { inspect, runImport, stage } from '../helpers/imports';
import { convertWithLibreOffice, soffice } from '../helpers/libreoffice';
import { oleFile } from '../helpers/ole';

/** Saves `file` in `format` (xlsx, xls, ods) with LibreOffice Calc; returns the new file. */
function convert(file: string, format: 'xlsx' | 'xls' | 'ods'): string {
  const filter = {
    xlsx: 'xlsx:Calc MS Excel 2007 XML',
    xls: 'xls:MS Excel 97',
    ods: 'ods:calc8',
  }[format];
  return convertWithLibreOffice(file, filter);
}

/** The rows of the first sheet, as `{ row, cells }` with trailing empty cells left out. */
async function rowsOf(file: string) {
  const table = await openTable(file);
  const rows: { row: number; cells: NormalCell[] }[] = [];
  for await (const r of table.rows(table.sheets[0]!.name)) {
    const cells = [...r.cells];
    while (cells.length > 0 && cells.at(-1)!.kind === 'empty') cells.pop();
    if (cells.length > 0) rows.push({ row: r.row, cells });
  }
  return { table, rows };
}

const [a, b] = [newUscc(), newUscc()];

/** The table every format carries: a merged title, Chinese dates, money, 万元 text, a formula. */
async function sourceBook(): Promise<string> {
  const file = path.join(tempDir(), '客户名单.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  ws.addRow(['浙江省大客户名单']);
  ws.mergeCells('A1:H1');
  ws.addRow([
    '单位名称',
    '统一社会信用代码',
    '客户类型',
    '建档日期',
    '年度预算（万元）',
    '预算说明',
    '车辆数',
    '翻倍',
  ]);
  ws.addRow([
    '杭州市公安局',
    a,
    '政府采购',
    new Date(Date.UTC(2026, 2, 5)),
    1200.5,
    '120万元',
    '１２',
    { formula: 'E3*2', result: 2401 },
  ]);
  ws.addRow([]);
  ws.addRow([
    '宁波顺达汽车租赁有限公司',
    b,
    '直销',
    new Date(Date.UTC(2026, 11, 31)),
    88,
    '８８万元',
    '5',
    { formula: 'E5*2', result: 176 },
  ]);
  ws.getCell('D5').numFmt = 'm"月"d"日"';
  ws.getCell('D3').numFmt = 'yyyy"年"m"月"d"日"';
  ws.getColumn(5).numFmt = '#,##0.00';
  await wb.xlsx.writeFile(file);
  return file;
}

let app: TestApp;
afterEach(async () => app?.close());

describe.skipIf(!soffice)('the same table saved as .xlsx, .xls, .et and .ods', () => {
  let files: Record<'xlsx' | 'xls' | 'ods' | 'et', string>;
  beforeAll(async () => {
    const source = await sourceBook();
    const xls = convert(source, 'xls');
    const et = path.join(tempDir(), '客户名单.et');
    fs.copyFileSync(xls, et);
    files = { xlsx: convert(source, 'xlsx'), xls, ods: convert(source, 'ods'), et };
    // LibreOffice's first start on a fresh machine builds its profile and font caches.
  }, 300_000);

  it('reads identical rows, merged title and formats from each', async () => {
    const xlsx = await rowsOf(files.xlsx);
    expect(xlsx.rows.map((r) => r.row)).toEqual([1, 2, 3, 5]);
    expect(xlsx.rows[2]!.cells).toEqual([
      { kind: 'text', text: '杭州市公安局' },
      { kind: 'text', text: a },
      { kind: 'text', text: '政府采购' },
      { kind: 'date', iso: '2026-03-05' },
      { kind: 'number', value: 1200.5 },
      { kind: 'text', text: '120万元' },
      { kind: 'text', text: '１２' },
      { kind: 'number', value: 2401 },
    ]);
    expect(xlsx.rows[3]!.cells[3]).toEqual({ kind: 'date', iso: '2026-12-31' });
    for (const format of ['xls', 'et', 'ods'] as const) {
      const other = await rowsOf(files[format]);
      expect(other.table.format, format).toBe(format === 'et' ? 'xls' : format);
      expect(other.rows, format).toEqual(xlsx.rows);
      expect(
        other.table.sheets.map((s) => [s.name, s.hidden, s.merges]),
        format,
      ).toEqual(xlsx.table.sheets.map((s) => [s.name, s.hidden, s.merges]));
    }
  });

  it('reads the .xls record by record exactly as SheetJS parses it', async () => {
    const bytes = fs.readFileSync(files.xls);
    const { bytes: stream } = checkOleWorkbook(bytes, 64 * 1024 ** 2);
    expect(isBiff8(stream)).toBe(true);
    const ours = openBiffBook(stream, 1000, 10);
    const theirs = openSheetJsBook(bytes, 'xls', 1000);
    expect(ours.sheets).toEqual(theirs.sheets);
    const all = async (book: typeof ours) => {
      const rows = [];
      for await (const r of book.rows(book.sheets[0]!.name)) rows.push(r);
      return rows;
    };
    expect(await all(ours)).toEqual(await all(theirs));
  });

  it('imports the accounts of an .xls through the real path, all or nothing', async () => {
    app = await signedInApp();
    const inspection = await inspect(app, files.xls);
    expect(inspection.format).toBe('xls');
    const sheet = inspection.sheets[0]!;
    expect(sheet.headerRow).toBe(2);
    expect(sheet.merges).toEqual([{ top: 1, left: 0, bottom: 1, right: 7 }]);
    const { summary } = await runImport(app, inspection.fileId, sheet, 'commit', {
      policy: 'allOrNothing',
    });
    expect(summary).toMatchObject({ create: 2, reject: 0, committed: true });
    const list = await app.value('accounts.list', {});
    expect(list.rows.map((r) => r.uscc).sort()).toEqual([a, b].sort());
  });
});

describe('an .xls through the real import path', () => {
  const count = async () => (await app.value('accounts.list', { limit: 1 })).total;

  it('commits nothing when one row is bad (all or nothing)', async () => {
    app = await signedInApp();
    const ws = XLSX.utils.aoa_to_sheet([
      ['单位名称', '统一社会信用代码', '客户类型'],
      ['杭州市公安局', newUscc(), '政府采购'],
      ['错误代码有限公司', '91330100XXXXXXXXXX', '直销'],
    ]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '客户名单');
    const file = path.join(tempDir(), '名单.xls');
    fs.writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer);
    const inspection = await inspect(app, file);
    const sheet = inspection.sheets[0]!;
    const blocked = await runImport(app, inspection.fileId, sheet, 'commit');
    expect(blocked.summary).toMatchObject({ committed: false, create: 1, reject: 1 });
    expect(await count()).toBe(0);
  });

  it('refuses a hostile compound file with its reason and changes nothing', async () => {
    app = await signedInApp();
    const file = path.join(tempDir(), 'huge.xls');
    fs.writeFileSync(file, oleFile({ declaredSize: 0x7ffffff0 }));
    const staged = await stage(app, file);
    const { jobId } = await app.value('imports.inspect', { fileId: staged.fileId });
    const job = await app.deps.jobs.wait(jobId);
    expect(job.state).toBe('failed');
    expect(job.error).toMatchObject({ kind: 'ole_damaged' });
    expect(await count()).toBe(0);
  });
});
