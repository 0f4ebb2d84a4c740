/**
 * Workbooks as an office suite writes them: made with exceljs, then opened and saved again by
 * LibreOffice Calc (headless), which rewrites every part its own way — its own styles and date
 * formats, shared strings, merged ranges, row spans — before Keyfleet imports them.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { stageCopy } from '../../electron/imports/staging';
import { openTable } from '../../electron/excel/read/table-source';
import type { SourceRow } from '../../electron/excel/read/xlsx-rows';
import { signedInApp, type TestApp } from '../helpers/app';
import { tempDir } from '../helpers/db';
import { newUscc } from '../helpers/fixtures';
import { convertWithLibreOffice, soffice } from '../helpers/libreoffice';

/** Re-saves `file` as .xlsx with LibreOffice Calc; returns the new file. */
const resaveWithLibreOffice = (file: string) =>
  convertWithLibreOffice(file, 'xlsx:Calc MS Excel 2007 XML');

let app: TestApp;
afterEach(async () => app?.close());

describe.skipIf(!soffice)('a workbook saved by LibreOffice Calc', () => {
  it('imports with its title row, merged cells, Chinese date format and money as written', async () => {
    const [a, b] = [newUscc(), newUscc()];
    const source = path.join(tempDir(), 'lo-source.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.addRow(['浙江省大客户名单']);
    ws.mergeCells('A1:F1');
    ws.addRow([
      '所属省份',
      '单位名称',
      '统一社会信用代码',
      '客户类型',
      '建档日期',
      '年度预算（万元）',
    ]);
    ws.addRow(['浙江省', '杭州市公安局', a, '政府采购', new Date(Date.UTC(2026, 2, 5)), 1200.5]);
    ws.addRow([null, '宁波顺达汽车租赁有限公司', b, '直销', new Date(Date.UTC(2026, 11, 31)), 88]);
    // 省份 merged down over both rows, as lists often do.
    ws.mergeCells('A3:A4');
    ws.getColumn(5).numFmt = 'yyyy"年"m"月"d"日"';
    ws.getColumn(6).numFmt = '#,##0.00';
    await wb.xlsx.writeFile(source);

    const saved = resaveWithLibreOffice(source);
    const table = await openTable(saved);
    const rows: SourceRow[] = [];
    for await (const r of table.rows(table.sheets[0]!.name)) rows.push(r);
    const text = (r: (typeof rows)[number]) =>
      r.cells.map((c) =>
        c.kind === 'text'
          ? c.text
          : c.kind === 'date'
            ? c.iso
            : c.kind === 'number'
              ? c.value
              : null,
      );
    expect(table.sheets.map((s) => s.name)).toEqual(['客户']);
    expect(text(rows[2]!)).toEqual(['浙江省', '杭州市公安局', a, '政府采购', '2026-03-05', 1200.5]);
    expect(text(rows[3]!)).toEqual([
      '浙江省',
      '宁波顺达汽车租赁有限公司',
      b,
      '直销',
      '2026-12-31',
      88,
    ]);

    app = await signedInApp();
    const staged = await stageCopy(app.dataDir, saved);
    const { jobId } = await app.value('imports.inspect', { fileId: staged.fileId });
    expect((await app.deps.jobs.wait(jobId)).state).toBe('done');
    const sheet = (await app.value('imports.inspection', { jobId })).sheets[0]!;
    expect(sheet.headerRow).toBe(2);
    const run = await app.value('imports.run', {
      fileId: staged.fileId,
      sheet: sheet.name,
      headerRow: 2,
      columns: sheet.columns.map((c) => ({ index: c.index, field: c.field })),
      mode: 'commit',
    });
    expect((await app.deps.jobs.wait(run.jobId)).state).toBe('done');
    expect(await app.value('imports.summary', { jobId: run.jobId })).toMatchObject({
      create: 2,
      reject: 0,
      committed: true,
    });
    const list = await app.value('accounts.list', {});
    expect(list.rows.map((r) => r.provinceCode)).toEqual(['330000', '330000']);
    // LibreOffice's first start on a fresh machine builds its profile and font caches.
  }, 180_000);
});
