/**
 * The workbook structure kept between the import wizard's reads of one staged file: the later
 * reads take it instead of running the pre-pass again, and a different file never passes for
 * the one checked.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openTable } from '../../electron/excel/read/table-source';
import { tempDir } from '../helpers/db';

async function book(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['客户名单']);
  ws.mergeCells('A1:C1');
  ws.addRow(['单位名称', '客户类型', '省份']);
  for (let i = 0; i < rows; i++) ws.addRow([`单位${i}`, '政府机关', '浙江']);
  await wb.xlsx.writeFile(file);
}

async function read(file: string, cache: string) {
  const source = await openTable(file, 'list.xlsx', { structureCache: cache });
  const rows: string[][] = [];
  for await (const { cells } of source.rows('名单'))
    rows.push(cells.map((c) => (c.kind === 'text' ? c.text : c.kind)));
  return { sheets: source.sheets, rows };
}

describe('the workbook structure cache', () => {
  it('is written by the first read and used by the next', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'staged.bin');
    const cache = path.join(dir, 'staged.parts.json');
    await book(file, 3);
    const first = await read(file, cache);
    expect(first.sheets[0]!.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
    expect(first.rows[0]).toEqual(['客户名单', '客户名单', '客户名单']);
    expect(fs.existsSync(cache)).toBe(true);

    // The record is what the next read goes by: a merge changed in it shows in the rows.
    const record = JSON.parse(fs.readFileSync(cache, 'utf8'));
    record.parts.sheets[0].merges[0].right = 2;
    fs.writeFileSync(cache, JSON.stringify(record));
    const second = await read(file, cache);
    expect(second.rows[0]).toEqual(['客户名单', '客户名单', 'empty']);
    expect(second.rows).toHaveLength(first.rows.length);
  });

  it('is ignored for a file that is not the one it describes', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'staged.bin');
    const cache = path.join(dir, 'staged.parts.json');
    await book(file, 3);
    await read(file, cache);
    await book(file, 40);
    const again = await read(file, cache);
    expect(again.sheets[0]!.rowCount).toBe(42);
    expect(again.rows).toHaveLength(42);
    expect(JSON.parse(fs.readFileSync(cache, 'utf8')).parts.sheets[0].rows).toBe(42);
  });

  it('is not needed: an unreadable or foreign record only means the pre-pass runs', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'staged.bin');
    const cache = path.join(dir, 'staged.parts.json');
    await book(file, 2);
    fs.writeFileSync(cache, '{not json');
    expect((await read(file, cache)).rows).toHaveLength(4);
    fs.writeFileSync(cache, JSON.stringify({ version: 0, size: fs.statSync(file).size }));
    expect((await read(file, cache)).rows).toHaveLength(4);
  });
});
