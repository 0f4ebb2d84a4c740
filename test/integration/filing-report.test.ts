/**
 * The filing report filled into the manufacturer's own workbook: the header rows, merged titles,
 * styles and column positions stay; the data area is filled; the signature rows below it move
 * down to make room. Then LibreOffice renders it (xlsx → PDF → image) with that layout intact.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { chinaDate } from '../../shared/dates';
import { stageCopy } from '../../electron/imports/staging';
import { signedInApp, type TestApp } from '../helpers/app';
import { tempDir } from '../helpers/db';
import { exportedFile, submittedGovernmentFiling } from '../helpers/sales';
import { auditHead } from '../../electron/audit/head';

let app: TestApp;
afterEach(async () => app?.close());

const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

/** A manufacturer's form: a merged title, a signature line, headers in its own order and words. */
async function manufacturerTemplate(): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('报备明细');
  sheet.columns = [8, 30, 24, 14, 22, 14, 14, 16].map((width) => ({ width }));
  sheet.mergeCells('A1:H1');
  sheet.getCell('A1').value = '一汽-大众大客户销售报备汇总表';
  sheet.getCell('A1').font = { bold: true, size: 16 };
  sheet.getCell('A1').alignment = { horizontal: 'center' };
  sheet.mergeCells('A2:D2');
  sheet.getCell('A2').value = '经销商（盖章）：';
  sheet.mergeCells('E2:H2');
  sheet.getCell('E2').value = '报备月份：';
  const headers = [
    '序号',
    '客户名称',
    '统一社会信用代码',
    '车型',
    '车架号(VIN)',
    '发票号码',
    '开票日期',
    '备注',
  ];
  headers.forEach((h, i) => {
    const cell = sheet.getCell(3, i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.border = border;
  });
  for (let c = 1; c <= 8; c++) {
    sheet.getCell(4, c).border = border;
    sheet.getCell(5, c).border = border;
  }
  sheet.mergeCells('A6:D6');
  sheet.getCell('A6').value = '填表人：';
  sheet.mergeCells('E6:H6');
  sheet.getCell('E6').value = '区域经理签字：';
  const file = path.join(tempDir(), '厂家报备模板.xlsx');
  await book.xlsx.writeFile(file);
  return file;
}

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
const pdftoppm = ['/usr/bin/pdftoppm'].find((p) => fs.existsSync(p));

/** Dark pixels of a binary greyscale PGM (P5), as rendered by pdftoppm -gray. */
function darkPixels(pgm: Buffer): { width: number; height: number; dark: number } {
  const header = pgm.subarray(0, 64).toString('latin1');
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header)!;
  const [width, height] = [Number(m[1]), Number(m[2])];
  const pixels = pgm.subarray(m[0].length);
  let dark = 0;
  for (const p of pixels) if (p < 128) dark++;
  return { width, height, dark };
}

describe('the filing report’s dealer', () => {
  it('is refused until the dealership’s name and code are set, saying where to set them', async () => {
    app = await signedInApp('manager');
    await submittedGovernmentFiling(app, 2);
    const builtIn = (await app.value('reports.templates', {})).find((t) => t.builtIn)!;
    const report = { templateId: builtIn.id, from: chinaDate(), to: chinaDate() };
    const refused = await app.call('exports.filingReport', report);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        details: { kind: 'report.dealer_missing', missing: ['name', 'code'] },
      },
    });
    // The name alone is not enough: the manufacturer reads the dealer code.
    await app.value('settings.setDealer', { name: '杭州顺达大众', code: '', brand: '' });
    expect(await app.call('exports.filingReport', report)).toMatchObject({
      ok: false,
      error: { details: { kind: 'report.dealer_missing', missing: ['code'] } },
    });
    await app.value('settings.setDealer', { name: '杭州顺达大众', code: 'ZJ0571A', brand: '' });
    const { jobId } = await app.value('exports.filingReport', report);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await exportedFile(app, jobId));
    expect(book.worksheets[0]!.getCell('A2').text).toContain('经销商：杭州顺达大众（ZJ0571A）');
    // The audit chain's head goes with every report, in its properties (the layout stays the OEM's).
    const head = auditHead(app.database.sqlite)!;
    expect(book.description).toBe(`Keyfleet 审计链头: #${head.id} ${head.hash}`);
  });

  it('carries the claim’s manufacturer reference (厂家报备号)', async () => {
    app = await signedInApp('manager');
    await app.value('settings.setDealer', { name: '杭州顺达大众', code: 'ZJ0571A', brand: '' });
    const { filing } = await submittedGovernmentFiling(app, 2);
    const claim = await app.value('claims.create', { accountId: filing.accountId });
    await app.value('claims.file', { id: claim.id });
    await app.value('claims.recordReply', {
      id: claim.id,
      outcome: 'approved',
      oemReference: 'FAW-VW-KA-2026-0815',
      reply: '同意报备',
      repliedOn: chinaDate(),
    });
    const builtIn = (await app.value('reports.templates', {})).find((t) => t.builtIn)!;
    const { jobId } = await app.value('exports.filingReport', {
      templateId: builtIn.id,
      from: chinaDate(),
      to: chinaDate(),
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await exportedFile(app, jobId));
    const sheet = book.worksheets[0]!;
    const headers = (sheet.getRow(3).values as unknown[]).slice(1).map(String);
    const column = headers.indexOf('厂家报备号') + 1;
    expect(column).toBeGreaterThan(0);
    expect(sheet.getRow(4).getCell(column).text).toBe('FAW-VW-KA-2026-0815');
  });
});

describe('the filing report in the manufacturer’s template', () => {
  it('keeps the template’s layout, fills the data area and moves the signature rows down', async () => {
    app = await signedInApp('manager');
    await app.value('settings.setDealer', { name: '杭州顺达大众', code: 'ZJ0571A', brand: '大众' });
    const { contract } = await submittedGovernmentFiling(app, 3);

    const staged = await stageCopy(app.dataDir, await manufacturerTemplate());
    const seen = await app.value('reports.inspectTemplate', { fileId: staged.fileId });
    expect(seen.suggestion).toMatchObject({ sheetName: '报备明细', headerRow: 3, firstDataRow: 4 });
    expect(seen.suggestion.columns.map((c) => [c.column, c.field])).toEqual([
      [1, 'seq'],
      [2, 'accountName'],
      [3, 'uscc'],
      [4, 'model'],
      [5, 'vin'],
      [6, 'invoiceNo'],
      [7, 'invoiceDate'],
    ]);
    expect(seen.suggestion.unmatched).toEqual([{ column: 8, header: '备注' }]);
    expect(seen.sheets[0]!.merges).toEqual(expect.arrayContaining(['A1:H1', 'A2:D2', 'E6:H6']));

    const template = await app.value('reports.saveTemplate', {
      name: '一汽-大众报备汇总表',
      granularity: 'vehicle',
      sheetName: seen.suggestion.sheetName,
      headerRow: seen.suggestion.headerRow,
      firstDataRow: seen.suggestion.firstDataRow,
      columns: seen.suggestion.columns,
      sourceFileId: staged.fileId,
    });
    expect(template.source?.fileName).toBe('厂家报备模板.xlsx');

    const { jobId } = await app.value('exports.filingReport', {
      templateId: template.id,
      from: chinaDate(),
      to: chinaDate(),
    });
    const file = await exportedFile(app, jobId);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('报备明细')!;
    expect(sheet.getCell('A1').text).toBe('一汽-大众大客户销售报备汇总表');
    expect((sheet.model as { merges: string[] }).merges).toEqual(
      expect.arrayContaining(['A1:H1', 'A2:D2', 'E2:H2', 'A7:D7', 'E7:H7']),
    );
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      '序号',
      '客户名称',
      '统一社会信用代码',
      '车型',
      '车架号(VIN)',
      '发票号码',
      '开票日期',
      '备注',
    ]);
    const vins = [4, 5, 6].map((r) => sheet.getCell(r, 5).text);
    expect(vins.sort()).toEqual(contract.deliveries.map((d) => d.vin).sort());
    expect([4, 5, 6].map((r) => sheet.getCell(r, 1).value)).toEqual([1, 2, 3]);
    expect(sheet.getCell(4, 2).text).toBe('杭州市公安局');
    expect(sheet.getCell(4, 6).text).toBe(contract.invoices[0]!.number);
    expect(sheet.getCell(6, 5).border?.bottom?.style).toBe('thin');
    expect(sheet.getCell('A7').text).toBe('填表人：');
    expect(sheet.getCell('E7').text).toBe('区域经理签字：');
    expect(sheet.getColumn(2).width).toBe(30);
  });

  it('refuses a workbook it cannot read, and a sheet the template does not have, saying which', async () => {
    app = await signedInApp('manager');
    // A zip whose workbook part is cut off: the read worker's exceljs throws, the user is told.
    const broken = new JSZip();
    broken.file('[Content_Types].xml', '<Types/>');
    broken.file('xl/workbook.xml', '<workbook><sheets><sheet name="明细"');
    const notXlsx = path.join(tempDir(), '厂家报备模板.xlsx');
    fs.writeFileSync(notXlsx, await broken.generateAsync({ type: 'nodebuffer' }));
    const unreadable = await stageCopy(app.dataDir, notXlsx);
    expect(await app.call('reports.inspectTemplate', { fileId: unreadable.fileId })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { kind: 'report.template_unreadable' } },
    });

    const staged = await stageCopy(app.dataDir, await manufacturerTemplate());
    const seen = await app.value('reports.inspectTemplate', { fileId: staged.fileId });
    const saved = await app.call('reports.saveTemplate', {
      name: '厂家模板',
      granularity: 'vehicle',
      sheetName: '汇总',
      headerRow: 3,
      firstDataRow: 4,
      columns: seen.suggestion.columns,
      sourceFileId: staged.fileId,
    });
    expect(saved).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        details: {
          kind: 'report.no_such_sheet',
          fields: [{ path: 'sheetName', code: 'report.no_such_sheet' }],
        },
      },
    });
    expect((await app.value('reports.templates', {})).map((t) => t.name)).not.toContain('厂家模板');
  });

  it.skipIf(!soffice || !pdftoppm)(
    'opens in LibreOffice and renders with the template’s layout',
    async () => {
      app = await signedInApp('manager');
      await app.value('settings.setDealer', {
        name: '杭州顺达大众',
        code: 'ZJ0571A',
        brand: '大众',
      });
      const { contract } = await submittedGovernmentFiling(app, 2);
      const staged = await stageCopy(app.dataDir, await manufacturerTemplate());
      const seen = await app.value('reports.inspectTemplate', { fileId: staged.fileId });
      const template = await app.value('reports.saveTemplate', {
        name: '厂家模板',
        granularity: 'vehicle',
        sheetName: seen.suggestion.sheetName,
        headerRow: 3,
        firstDataRow: 4,
        columns: seen.suggestion.columns,
        sourceFileId: staged.fileId,
      });
      const { jobId } = await app.value('exports.filingReport', {
        templateId: template.id,
        from: chinaDate(),
        to: chinaDate(),
      });
      const xlsx = await exportedFile(app, jobId);

      const out = tempDir();
      const profile = tempDir();
      const input = path.join(out, 'report.xlsx');
      fs.copyFileSync(xlsx, input);
      execFileSync(
        soffice!,
        [
          `-env:UserInstallation=file://${profile}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          out,
          input,
        ],
        { stdio: 'pipe', timeout: 120_000 },
      );
      const pdf = path.join(out, 'report.pdf');
      expect(fs.statSync(pdf).size).toBeGreaterThan(1000);

      // The text in reading order: title, signature line, headers, the rows, the footer.
      const text = execFileSync('/usr/bin/pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      const order = [
        '一汽-大众大客户销售报备汇总表',
        '经销商（盖章）',
        '序号',
        '车架号(VIN)',
        contract.deliveries[0]!.vin,
        '填表人',
      ];
      const at = order.map((s) => text.indexOf(s));
      expect(at.every((i) => i >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);

      execFileSync(pdftoppm!, [
        '-r',
        '40',
        '-gray',
        '-f',
        '1',
        '-l',
        '1',
        pdf,
        path.join(out, 'page'),
      ]);
      const image = fs.readdirSync(out).find((f) => f.startsWith('page') && f.endsWith('.pgm'))!;
      const { width, height, dark } = darkPixels(fs.readFileSync(path.join(out, image)));
      expect(width).toBeGreaterThan(200);
      expect(height).toBeGreaterThan(200);
      // Text and table borders are drawn: a blank or failed render has (almost) no dark pixels.
      expect(dark).toBeGreaterThan(500);
    },
    // LibreOffice starts with a fresh profile: a minute or more on a loaded machine.
    240_000,
  );
});
