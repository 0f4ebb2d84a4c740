/**
 * Files "exported to Excel" that are not workbooks: HTML tables saved as .xls, SpreadsheetML 2003,
 * CSV in the encodings Chinese and Western offices write, and the formats refused by name — each
 * sniffed from its bytes (never its name) and read into the same rows and merges the xlsx reader
 * gives. Hostile markup (deep nesting, billion laughs) is refused without being expanded.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cellAsText } from '../../electron/excel/read/cell-value';
import { sniffFile } from '../../electron/excel/read/sniff';
import { openTable } from '../../electron/excel/read/table-source';
import { detectTextEncoding } from '../../electron/excel/read/text-decode';
import { tempDir } from '../helpers/db';
import { zip } from '../helpers/zip';
import { kindOfAsync as kindOf } from '../helpers/error-kind';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

function write(name: string, data: string | Buffer): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, data);
  return file;
}

async function rowsOf(file: string, sheet?: string, encoding?: 'windows-1252' | 'gb18030') {
  const source = await openTable(file, path.basename(file), { encoding });
  const out: { row: number; cells: string[] }[] = [];
  for await (const r of source.rows(sheet ?? source.sheets[0]!.name))
    out.push({ row: r.row, cells: r.cells.map(cellAsText) });
  return { source, rows: out };
}

describe('sniffing by content', () => {
  const sniff = (text: string | Buffer) => sniffFile(Buffer.from(text));
  it('tells markup, SYLK, DIF and CSV apart whatever the name', () => {
    expect(sniff('\uFEFF  <!DOCTYPE html><html><body><table>')).toBe('html');
    expect(sniff('<table><tr><td>1</td></tr></table>')).toBe('html');
    expect(sniff(fs.readFileSync(path.join(FIXTURES, 'tender-list.html.xls')))).toBe('html');
    expect(sniff(fs.readFileSync(path.join(FIXTURES, 'tenders-2003.xml')))).toBe('spreadsheetml');
    expect(sniff('<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">')).toBe(
      'spreadsheetml',
    );
    expect(
      sniff(
        '<?mso-application progid="Excel.Sheet"?><Workbook xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">',
      ),
    ).toBe('spreadsheetml');
    expect(sniff('<?xml version="1.0"?><note>x</note>')).toBe('xml');
    expect(sniff('ID;PWXL;N;E\r\nC;Y1;X1;K"a"\r\nE\r\n')).toBe('sylk');
    expect(sniff('TABLE\r\n0,1\r\n"EXCEL"\r\n')).toBe('dif');
    expect(sniff('单位名称,地址\n<b>,x\n')).toBe('text');
    expect(
      sniff(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<table>', 'utf16le')])),
    ).toBe('html');
  });

  it('refuses .xlsb, Apple Numbers, SYLK, DIF and foreign XML with their own names', async () => {
    const xlsb = write(
      'a.xlsx',
      zip([
        {
          name: '[Content_Types].xml',
          data: Buffer.from(
            '<Types><Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>',
          ),
        },
        { name: 'xl/workbook.bin', data: Buffer.from([1, 2, 3]) },
      ]),
    );
    const numbers = write(
      'a.numbers',
      zip([
        { name: 'Index/Document.iwa', data: Buffer.from([1, 2, 3]) },
        { name: 'Metadata/Properties.plist', data: Buffer.from('x') },
      ]),
    );
    expect(await kindOf(() => openTable(xlsb))).toBe('xlsb');
    expect(await kindOf(() => openTable(numbers))).toBe('apple_numbers');
    expect(await kindOf(() => openTable(write('a.slk', 'ID;PWXL;N;E\r\nE\r\n')))).toBe('sylk');
    expect(await kindOf(() => openTable(write('a.dif', 'TABLE\r\n0,1\r\n""\r\n')))).toBe('dif');
    expect(await kindOf(() => openTable(write('a.xml', '<?xml version="1.0"?><a/>')))).toBe(
      'xml_not_spreadsheet',
    );
  });
});

describe('HTML tables saved as .xls', () => {
  it('reads a procurement export: merged title, <th> header, <br>, entities, full-width digits kept as text', async () => {
    const { source, rows } = await rowsOf(path.join(FIXTURES, 'tender-list.html.xls'));
    expect(source.format).toBe('html');
    expect(source.encoding).toBe('utf-8');
    expect(source.sheets).toHaveLength(1);
    expect(source.sheets[0]!.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 6 }]);
    expect(rows[0]!.cells[0]).toBe('2026年第四季度公务用车采购招标公告一览');
    expect(rows[1]!.cells).toEqual([
      '项目编号',
      '项目名称',
      '采购人',
      '采购方式',
      '预算金额',
      '数量',
    ]);
    expect(rows[3]!.cells[1]).toBe('宁波市交通运输局\n巡查车辆采购');
    expect(rows[3]!.cells[4]).toBe('１８５.５万元');
    expect(rows[4]!.cells[1]).toBe('温州市应急管理局应急保障车 & 指挥车采购');
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5]);
  });

  it('places cells around rowspans, keeps nested tables apart and lists every table with values', async () => {
    const html = `<html><body>
      <table><tr><td>页面标题</td></tr></table>
      <table><caption>车辆清单</caption>
        <tr><td rowspan="2">浙江</td><td>杭州</td><td>3</td></tr>
        <tr><td>宁波</td><td>4<table><tr><td>内</td><td>表</td></tr></table></td></tr>
        <tr><td>江苏</td><td colspan="2">南京&nbsp;合计</td></tr>
      </table></body></html>`;
    const { source, rows } = await rowsOf(write('list.xls', html));
    expect(source.sheets.map((s) => s.name)).toEqual(['车辆清单', '表2', '表3']);
    expect(source.sheets[0]!.merges).toEqual([
      { top: 1, left: 1, bottom: 2, right: 1 },
      { top: 3, left: 2, bottom: 3, right: 3 },
    ]);
    // Merged values fill every cell they cover, as the xlsx reader does.
    expect(rows.map((r) => r.cells)).toEqual([
      ['浙江', '杭州', '3'],
      ['浙江', '宁波', '4'],
      ['江苏', '南京 合计', '南京 合计'],
    ]);
    const nested = await rowsOf(write('list.xls', html), '表2');
    expect(nested.rows[0]!.cells).toEqual(['内', '表']);
  });

  it('reads a GBK page by its <meta charset>', async () => {
    const html =
      '<html><head><meta charset="gb2312"></head><table><tr><td>单位</td><td>金额</td></tr></table></html>';
    const { source, rows } = await rowsOf(write('gbk.xls', iconv.encode(html, 'gb18030')));
    expect(source.encoding).toBe('gb18030');
    expect(rows[0]!.cells).toEqual(['单位', '金额']);
  });

  it('refuses a page without a table, and 100 MB of nested tags, after reading only a little', async () => {
    expect(
      await kindOf(() => openTable(write('x.xls', '<html><body><p>hi</p></body></html>'))),
    ).toBe('markup_no_table');
    const file = path.join(tempDir(), 'deep.xls');
    const piece = Buffer.from('<div>'.repeat(200_000));
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, '<html><body><table><tr><td>');
    for (let written = 0; written < 100 * 1024 ** 2; written += piece.length)
      fs.writeSync(fd, piece);
    fs.closeSync(fd);
    const before = process.memoryUsage().rss;
    expect(await kindOf(() => openTable(file))).toBe('markup_too_deep');
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 ** 2);
  });
});

describe('SpreadsheetML 2003', () => {
  it('reads sheets by name, index gaps, merges, typed values and hidden sheets', async () => {
    const { source, rows } = await rowsOf(path.join(FIXTURES, 'tenders-2003.xml'));
    expect(source.format).toBe('spreadsheetml');
    expect(source.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['招标公告', false],
      ['旧数据', true],
    ]);
    expect(source.sheets[0]!.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 5 },
      { top: 3, left: 2, bottom: 4, right: 2 },
    ]);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 6]);
    expect(rows[2]!.cells).toEqual([
      'ZJ-XML-2026-001',
      '执法执勤车辆采购',
      '2026-11-05',
      '320',
      'TRUE',
    ]);
    expect(rows[3]!.cells).toEqual([
      'ZJ-XML-2026-002',
      '执法执勤车辆采购',
      '2026-11-20 14:30',
      '',
      'FALSE',
    ]);
    expect(rows[4]!.cells).toEqual(['合计 & 备注']);
  });

  it('reads a Number under a date, elapsed-time or inherited style as the xlsx reader would', async () => {
    const xml = `<?xml version="1.0"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Styles>
  <Style ss:ID="Default"><NumberFormat/></Style>
  <Style ss:ID="d1"><NumberFormat ss:Format="Short Date"/></Style>
  <Style ss:ID="d2"><NumberFormat ss:Format="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></Style>
  <Style ss:ID="d3" ss:Parent="d2"><Font ss:Bold="1"/></Style>
  <Style ss:ID="t1"><NumberFormat ss:Format="[h]:mm:ss"/></Style>
  <Style ss:ID="m1"><NumberFormat ss:Format="#,##0.00"/></Style>
 </Styles>
 <Worksheet ss:Name="S"><Table>
  <Row>
   <Cell ss:StyleID="d1"><Data ss:Type="Number">46086</Data></Cell>
   <Cell ss:StyleID="d2"><Data ss:Type="Number">46087</Data></Cell>
   <Cell ss:StyleID="d3"><Data ss:Type="Number">46088</Data></Cell>
   <Cell ss:StyleID="t1"><Data ss:Type="Number">1.5</Data></Cell>
   <Cell ss:StyleID="m1"><Data ss:Type="Number">46086</Data></Cell>
   <Cell><Data ss:Type="Number">7</Data></Cell>
  </Row>
 </Table></Worksheet>
</Workbook>`;
    const { rows } = await rowsOf(write('styled.xml', xml));
    expect(rows[0]!.cells).toEqual([
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '36:00:00',
      '46086',
      '7',
    ]);
  });

  it('refuses a billion-laughs file without expanding it', async () => {
    const entities = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
    ).join('');
    const xml = `<?xml version="1.0"?><!DOCTYPE Workbook [<!ENTITY lol0 "lol">${entities}]><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="a"><Table><Row><Cell><Data ss:Type="String">&lol9;</Data></Cell></Row></Table></Worksheet></Workbook>`;
    const before = process.memoryUsage().rss;
    expect(await kindOf(() => openTable(write('lol.xml', xml)))).toBe('xml_doctype');
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 ** 2);
  });
});

describe('CSV encodings, detected', () => {
  const csv = 'name,city\nMéxico,São Paulo\n';
  it('reads Windows-1252 as such, GB18030 as such, UTF-8 with and without a BOM', async () => {
    const western = await rowsOf(write('w.csv', iconv.encode(csv, 'win1252')));
    expect(western.source.encoding).toBe('windows-1252');
    expect(western.rows[1]!.cells).toEqual(['México', 'São Paulo']);
    const chinese = '单位名称,地址\n杭州市公安局,杭州市上城区\n';
    const gb = await rowsOf(write('g.csv', iconv.encode(chinese, 'gb18030')));
    expect(gb.source.encoding).toBe('gb18030');
    expect(gb.source.encodings).toContain('windows-1252');
    expect(gb.rows[1]!.cells).toEqual(['杭州市公安局', '杭州市上城区']);
    for (const bytes of [Buffer.from(chinese), Buffer.from('\uFEFF' + chinese)]) {
      const utf8 = await rowsOf(write('u.csv', bytes));
      expect(utf8.source.encoding).toBe('utf-8');
      expect(utf8.rows[1]!.cells).toEqual(['杭州市公安局', '杭州市上城区']);
    }
  });

  it('reads the file again in the encoding the user switches to', async () => {
    const file = write('w.csv', iconv.encode(csv, 'win1252'));
    const switched = await rowsOf(file, undefined, 'gb18030');
    expect(switched.source.encoding).toBe('gb18030');
    expect(switched.source.encodings[0]).toBe('gb18030');
    expect(switched.rows[1]!.cells[0]).not.toBe('México');
    expect(detectTextEncoding(iconv.encode('Müller;Straße\n', 'win1252'), false).encoding).toBe(
      'windows-1252',
    );
  });
});
