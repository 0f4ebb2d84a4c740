/**
 * HTML tables saved as .xls and SpreadsheetML 2003 through the real import: a procurement site's
 * tender list imports with its merged title found; the same table saved by LibreOffice as xlsx,
 * html and xml 2003 reads as identical rows (skipped where LibreOffice is not installed); hostile
 * markup is refused with its reason and the database is left as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { cellAsText } from '../../electron/excel/read/cell-value';
import { openTable } from '../../electron/excel/read/table-source';
import { signedInApp, type TestApp } from '../helpers/app';
import { tempDir } from '../helpers/db';
import { inspect, runImport, stage } from '../helpers/imports';
import { convertWithLibreOffice, soffice } from '../helpers/libreoffice';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

let app: TestApp;
afterEach(async () => app?.close());

async function rowsOf(file: string): Promise<string[][]> {
  const source = await openTable(file);
  const out: string[][] = [];
  for await (const r of source.rows(source.sheets[0]!.name)) out.push(r.cells.map(cellAsText));
  return out;
}

describe('a tender list exported as an HTML .xls', () => {
  it('imports with its merged title found above the header', async () => {
    app = await signedInApp('manager');
    const inspection = await inspect(app, path.join(FIXTURES, 'tender-list.html.xls'), 'tenders');
    expect(inspection.format).toBe('html');
    const sheet = inspection.sheets[0]!;
    expect(sheet.headerRow).toBe(2);
    expect(sheet.merges).toEqual([{ top: 1, left: 0, bottom: 1, right: 5 }]);
    expect(sheet.columns.map((c) => c.field)).toEqual([
      'projectNo',
      'tenderName',
      'purchaser',
      'method',
      'budget',
      'quantity',
    ]);
    const r = await runImport(app, inspection.fileId, sheet, 'commit', { target: 'tenders' });
    expect(r.report.rows.flatMap((row) => row.reasons.map((x) => x.code))).toEqual([]);
    expect(r.summary).toMatchObject({ create: 3, reject: 0, committed: true });
    const list = await app.value('tenders.list', { sort: [{ field: 'projectNo', desc: false }] });
    expect(list.rows.map((t) => t.projectNo)).toEqual([
      'ZJ-HTML-2026-001',
      'ZJ-HTML-2026-002',
      'ZJ-HTML-2026-003',
    ]);
  });
});

describe('a CSV in Windows-1252', () => {
  it('is read in the detected encoding, and the import reads it in the one the user chose', async () => {
    app = await signedInApp('manager');
    const file = path.join(tempDir(), 'mexico.csv');
    fs.writeFileSync(file, iconv.encode('name,region\r\nMéxico Fleet S.A.,\r\n', 'win1252'));
    const inspection = await inspect(app, file);
    expect(inspection.encoding).toBe('windows-1252');
    expect(inspection.encodings).toEqual(['windows-1252', 'gb18030', 'utf-8']);
    const sheet = inspection.sheets[0]!;
    const nameIn = async (encoding: 'windows-1252' | 'gb18030') => {
      const { jobId } = await app.value('imports.run', {
        fileId: inspection.fileId,
        sheet: sheet.name,
        encoding,
        headerRow: sheet.headerRow!,
        columns: sheet.columns.map((c) => ({ index: c.index, field: c.field })),
        mode: 'dryRun',
      });
      expect((await app.deps.jobs.wait(jobId)).error).toBeNull();
      const { runId } = await app.value('imports.summary', { jobId });
      return (await app.value('imports.report', { runId, limit: 10 })).rows[0]!.name;
    };
    expect(await nameIn('windows-1252')).toBe('México Fleet S.A.');
    expect(await nameIn('gb18030')).toBe('M閤ico Fleet S.A.');
  });
});

describe('hostile markup', () => {
  it('is refused with its reason, and an import of it changes nothing', async () => {
    app = await signedInApp('manager');
    const good = await inspect(app, path.join(FIXTURES, 'tender-list.html.xls'), 'tenders');
    const dir = tempDir();
    const deep = path.join(dir, 'deep.xls');
    const fd = fs.openSync(deep, 'w');
    fs.writeSync(fd, '<html><body><table><tr><td>');
    const piece = Buffer.from('<span>'.repeat(100_000));
    for (let n = 0; n < 100 * 1024 ** 2; n += piece.length) fs.writeSync(fd, piece);
    fs.closeSync(fd);
    const lol = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`,
    );
    const laughs = path.join(dir, 'laughs.xls');
    fs.writeFileSync(
      laughs,
      `<?xml version="1.0"?><!DOCTYPE Workbook [<!ENTITY l0 "lol">${lol.join('')}]><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="招标公告"><Table><Row><Cell><Data ss:Type="String">&l9;</Data></Cell></Row></Table></Worksheet></Workbook>`,
    );
    for (const [file, kind] of [
      [deep, 'markup_too_deep'],
      [laughs, 'xml_doctype'],
    ] as const) {
      const staged = await stage(app, file);
      const { jobId } = await app.value('imports.inspect', { fileId: staged.fileId });
      expect((await app.deps.jobs.wait(jobId)).error?.kind).toBe(kind);
      const sheet = good.sheets[0]!;
      const run = await app.value('imports.run', {
        target: 'tenders',
        fileId: staged.fileId,
        sheet: sheet.name,
        headerRow: 2,
        columns: sheet.columns.map((c) => ({ index: c.index, field: c.field })),
        mode: 'commit',
        policy: 'validOnly',
      });
      expect((await app.deps.jobs.wait(run.jobId)).error?.kind).toBe(kind);
    }
    expect((await app.value('tenders.list', {})).total).toBe(0);
  });
});

describe.skipIf(!soffice)('the same table saved by LibreOffice as xlsx, html and xml 2003', () => {
  it('reads as identical rows', async () => {
    // Written as Excel 2003 XML by hand, then saved by Calc (LibreOffice's 2003 XML export fails on
    // some workbooks other writers make: its XSLT recurses over repeated column styles).
    const source = path.join(tempDir(), 'lo-source.xml');
    const cell = (type: string, value: string | number) =>
      `<Cell><Data ss:Type="${type}">${value}</Data></Cell>`;
    const row = (...cells: string[]) => `<Row>${cells.join('')}</Row>`;
    fs.writeFileSync(
      source,
      `<?xml version="1.0" encoding="UTF-8"?><?mso-application progid="Excel.Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Styles><Style ss:ID="d"><NumberFormat ss:Format="yyyy-mm-dd"/></Style></Styles><Worksheet ss:Name="招标公告"><Table>${[
        row(
          `<Cell ss:MergeAcross="3"><Data ss:Type="String">2026年公务用车采购招标公告</Data></Cell>`,
        ),
        row(...['项目编号', '项目名称', '开标日期', '预算（万元）'].map((h) => cell('String', h))),
        row(
          cell('String', 'ZJ-2026-001'),
          cell('String', '执法执勤车辆采购'),
          `<Cell ss:StyleID="d"><Data ss:Type="DateTime">2026-11-05T00:00:00.000</Data></Cell>`,
          cell('Number', 320),
        ),
        row(
          cell('String', 'ZJ-2026-002'),
          cell('String', '应急保障车 &amp; 指挥车'),
          `<Cell ss:StyleID="d"><Data ss:Type="DateTime">2026-11-20T00:00:00.000</Data></Cell>`,
          cell('Number', 96.5),
        ),
      ].join('')}</Table></Worksheet></Workbook>`,
    );
    const xlsx = convertWithLibreOffice(source, 'xlsx:Calc MS Excel 2007 XML');
    const html = convertWithLibreOffice(xlsx, 'html:HTML (StarCalc)');
    const xml = convertWithLibreOffice(xlsx, 'xml:MS Excel 2003 XML');
    const expected = await rowsOf(xlsx);
    expect(expected[2]).toEqual(['ZJ-2026-001', '执法执勤车辆采购', '2026-11-05', '320']);
    expect(await rowsOf(html)).toEqual(expected);
    expect(await rowsOf(xml)).toEqual(expected);
  }, 240_000);
});
