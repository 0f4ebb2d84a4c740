import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellAsText, normalizeCell } from '../../electron/excel/read/cell-value';
import { tempDir } from '../helpers/db';

describe('cell values', () => {
  it('reads every shape exceljs returns', () => {
    expect(normalizeCell(null)).toEqual({ kind: 'empty' });
    expect(normalizeCell('  杭州市公安局\u200B\u00A0 ')).toEqual({
      kind: 'text',
      text: '杭州市公安局',
    });
    expect(
      normalizeCell({ richText: [{ text: '杭州' }, { text: '市公安局', font: { bold: true } }] }),
    ).toEqual({
      kind: 'text',
      text: '杭州市公安局',
    });
    expect(normalizeCell({ text: '采购公告', hyperlink: 'http://www.ccgp.gov.cn/' })).toEqual({
      kind: 'text',
      text: '采购公告',
    });
    expect(normalizeCell({ formula: 'A1*2', result: 24 })).toEqual({ kind: 'number', value: 24 });
    expect(normalizeCell({ sharedFormula: 'B2', result: '浙江省' })).toEqual({
      kind: 'text',
      text: '浙江省',
    });
    expect(normalizeCell({ formula: '1/0', result: { error: '#DIV/0!' } })).toEqual({
      kind: 'error',
      code: '#DIV/0!',
    });
    expect(normalizeCell({ error: '#N/A' })).toEqual({ kind: 'error', code: '#N/A' });
    expect(normalizeCell(new Date(Date.UTC(2026, 2, 5)))).toEqual({
      kind: 'date',
      iso: '2026-03-05',
    });
    expect(normalizeCell(true)).toEqual({ kind: 'boolean', value: true });
  });

  it('treats WPS in-cell pictures (=DISPIMG) as images, not formulas or text', () => {
    expect(
      normalizeCell({ formula: '_xlfn.DISPIMG("ID_8F2A",1)', result: '=DISPIMG("ID_8F2A",1)' }),
    ).toEqual({ kind: 'image', id: 'ID_8F2A' });
    expect(normalizeCell('=DISPIMG("ID_8F2A",1)')).toEqual({ kind: 'image', id: 'ID_8F2A' });
  });

  it('reads a workbook back through the streaming reader without shifting dates', async () => {
    const file = path.join(tempDir(), 'values.xlsx');
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('客户');
    sheet.addRow(['名称', '日期', '金额', '链接']);
    const row = sheet.addRow([
      '杭州市公安局',
      new Date(Date.UTC(2026, 2, 5)),
      { formula: '100*2', result: 200 },
      { text: '公告', hyperlink: 'https://example.cn' },
    ]);
    row.getCell(2).numFmt = 'yyyy"年"m"月"d"日"';
    await wb.xlsx.writeFile(file);

    const seen: string[][] = [];
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      styles: 'cache',
      sharedStrings: 'cache',
      hyperlinks: 'cache',
      worksheets: 'emit',
    });
    for await (const ws of reader)
      for await (const r of ws as AsyncIterable<ExcelJS.Row>) {
        const cells: string[] = [];
        r.eachCell({ includeEmpty: true }, (c) => cells.push(cellAsText(normalizeCell(c.value))));
        seen.push(cells);
      }
    expect(seen[1]).toEqual(['杭州市公安局', '2026-03-05', '200', '公告']);
  });
});
