import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/api';
import { signedInApp, type TestApp } from '../helpers/app';

let app: TestApp;
afterEach(async () => app?.close());

const TABLE: Input<'exports.table'> = {
  title: '帕累托分析: 2026/Q1',
  format: 'xlsx',
  lang: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  columns: [
    { header: '客户', kind: 'text' },
    { header: '销售收入', kind: 'money' },
    { header: '累计占比', kind: 'percent' },
    { header: '台数', kind: 'integer' },
    { header: '最近购买', kind: 'date' },
    { header: '记录时间', kind: 'datetime' },
  ],
  rows: [
    ['杭州市公安局', 1_234_500, 0.8, 12, '2026-03-05', '2026-03-05T02:30:00.000Z'],
    ['宁波市财政局', 100, 1, 0, null, null],
  ],
  about: [['期间', '2026-01-01 至 2026-03-31']],
};

async function written(input: Input<'exports.table'>) {
  const { jobId } = await app.value('exports.table', input);
  expect((await app.deps.jobs.wait(jobId)).state).toBe('done');
  const result = await app.value('exports.result', { jobId });
  const delivery = await app.value('exports.deliver', { jobId });
  if (delivery.kind !== 'download') throw new Error('expected a download');
  return { result, path: app.files.get(delivery.url.slice('/api/files/'.length))!.path };
}

describe('exporting a table the page shows', () => {
  it('writes typed cells (yuan, percent, dates, wall-clock times) and an about sheet with the caller’s lines', async () => {
    app = await signedInApp();
    const { result, path } = await written(TABLE);
    expect(result).toMatchObject({
      rows: 2,
      fileName: expect.stringMatching(/^帕累托分析-2026-Q1-\d{8}-\d{4}\.xlsx$/),
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('帕累托分析  2026 Q1');
    expect(sheet.getCell('B2').value).toBe(12_345);
    expect(sheet.getCell('C2').value).toBe(0.8);
    expect(sheet.getCell('C2').numFmt).toBe('0.0%');
    expect(sheet.getCell('D3').value).toBe(0);
    expect(sheet.getCell('E2').value).toEqual(new Date('2026-03-05T00:00:00Z'));
    // 02:30 UTC is 10:30 in Shanghai: spreadsheets hold wall-clock times.
    expect(sheet.getCell('F2').value).toEqual(new Date('2026-03-05T10:30:00Z'));
    expect(sheet.getCell('E3').value).toBeNull();
    const about = wb.getWorksheet('导出说明')!;
    const lines = new Map<string, string>();
    about.eachRow((row) => lines.set(String(row.getCell(1).value), String(row.getCell(2).value)));
    expect(lines.get('导出内容')).toBe('帕累托分析: 2026/Q1，共 2 行');
    expect(lines.get('期间')).toBe('2026-01-01 至 2026-03-31');
    expect(lines.get('导出人')).toBeTruthy();
  });

  it('writes CSV with yuan and percent as text', async () => {
    app = await signedInApp();
    const { path } = await written({ ...TABLE, format: 'csv', lang: 'en' });
    const lines = fs
      .readFileSync(path, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[1]).toBe('杭州市公安局,12345.00,80.0%,12,2026-03-05,2026-03-05 10:30');
  });

  it('refuses a ragged row, a fractional fen and a bad date before any job starts', async () => {
    app = await signedInApp();
    for (const rows of [
      [['a', 1, 0.1, 1, null]],
      [['a', 1.5, 0.1, 1, null, null]],
      [['a', 1, 0.1, 1, 'yesterday', null]],
      [['a', '1', 0.1, 1, null, null]],
    ]) {
      const r = await app.call('exports.table', { ...TABLE, rows } as Input<'exports.table'>);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('VALIDATION');
    }
  });
});
