/**
 * The .xlsx reader on hand-written SpreadsheetML: the forms Excel, WPS and LibreOffice write that
 * general readers get wrong, and files built to hurt.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellAsText, type NormalCell } from '../../electron/excel/read/cell-value';
import { isDurationFormat } from '../../electron/excel/read/duration';
import { isDateFormat, StringReader } from '../../electron/excel/read/sheet-xml';
import { openTable } from '../../electron/excel/read/table-source';
import { readWorkbookParts } from '../../electron/excel/read/workbook-parts';
import { DEFAULT_ZIP_LIMITS } from '../../electron/excel/read/zip-guard';
import { tempDir } from '../helpers/db';
import { zip } from '../helpers/zip';
import { kindOfAsync as kindOf } from '../helpers/error-kind';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

interface Book {
  sheet: string;
  strings?: string[];
  date1904?: boolean;
  /** Extra parts, or replacements, by name; null leaves a usual part out. */
  parts?: Record<string, string | Buffer | null>;
  declared?: Record<string, number>;
}

/** Open file descriptors of this process (0 where /proc is not there to count them). */
const openFiles = () =>
  fs.existsSync('/proc/self/fd') ? fs.readdirSync('/proc/self/fd').length : 0;

function xlsx(book: Book): string {
  const parts: Record<string, string | Buffer | null> = {
    '[Content_Types].xml': '<Types/>',
    'xl/workbook.xml': `<workbook ${NS} ${R_NS}><workbookPr${book.date1904 ? ' date1904="1"' : ''}/><sheets><sheet name="名单 &amp; 备注" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    '_rels/.rels': `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/_rels/workbook.xml.rels': `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    // Styles: 0 general, 1 builtin 14 (m/d/yyyy), 2 builtin 31 (yyyy年m月d日 in a Chinese Excel),
    // 3 builtin 58 (m月d日), 4 custom 176 with a locale tag, 5 custom money format; elapsed
    // times: 6 custom [h]:mm:ss, 7 builtin 46 ([h]:mm:ss), 8 [mm]:ss, 9 [ss], 10 [h]"小时"mm"分",
    // 11 [h], 12 [h]:mm:ss.00.
    'xl/styles.xml': `<styleSheet ${NS}><numFmts count="8"><numFmt numFmtId="176" formatCode="[$-804]yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="&quot;¥&quot;#,##0.00"/><numFmt numFmtId="178" formatCode="[h]:mm:ss"/><numFmt numFmtId="179" formatCode="[mm]:ss"/><numFmt numFmtId="180" formatCode="[ss]"/><numFmt numFmtId="181" formatCode="[h]&quot;小时&quot;mm&quot;分&quot;"/><numFmt numFmtId="182" formatCode="[h]"/><numFmt numFmtId="183" formatCode="[h]:mm:ss.00"/></numFmts><cellXfs count="13"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="58"/><xf numFmtId="176"/><xf numFmtId="177"/><xf numFmtId="178"/><xf numFmtId="46"/><xf numFmtId="179"/><xf numFmtId="180"/><xf numFmtId="181"/><xf numFmtId="182"/><xf numFmtId="183"/></cellXfs></styleSheet>`,
    'xl/sharedStrings.xml': `<sst ${NS}>${(book.strings ?? []).map((s) => `<si>${s}</si>`).join('')}</sst>`,
    'xl/worksheets/sheet1.xml': `<worksheet ${NS}>${book.sheet}</worksheet>`,
    ...book.parts,
  };
  const file = path.join(tempDir(), 'book.xlsx');
  fs.writeFileSync(
    file,
    zip(
      Object.entries(parts).flatMap(([name, data]) =>
        data === null
          ? []
          : [
              {
                name,
                data: Buffer.isBuffer(data) ? data : Buffer.from(data),
                declaredSize: book.declared?.[name],
              },
            ],
      ),
    ),
  );
  return file;
}

async function rows(file: string): Promise<{ row: number; cells: NormalCell[] }[]> {
  const source = await openTable(file);
  const out = [];
  for await (const r of source.rows(source.sheets[0]!.name)) out.push(r);
  return out;
}

describe('reading cells', () => {
  it('reads dates in the 1900 system, East Asian built-in formats (31, 58) and custom 年月日 formats, never shifted by a day, with their time of day', async () => {
    const file = xlsx({
      sheet: `<sheetData><row r="1"><c r="A1" s="1"><v>46086</v></c><c r="B1" s="2"><v>46086</v></c><c r="C1" s="3"><v>46086</v></c><c r="D1" s="4"><v>46086.99</v></c><c r="E1" s="5"><v>1234.5</v></c><c r="F1"><v>46086</v></c></row></sheetData>`,
    });
    const [r] = await rows(file);
    expect(r!.cells).toEqual([
      { kind: 'date', iso: '2026-03-05' },
      { kind: 'date', iso: '2026-03-05' },
      { kind: 'date', iso: '2026-03-05' },
      // 23:46 the same day: the time of day is kept beside the date, never carried into it.
      { kind: 'date', iso: '2026-03-05', time: '23:46' },
      { kind: 'number', value: 1234.5 },
      { kind: 'number', value: 46086 },
    ]);
  });

  it('reads dates of a workbook in the 1904 system', async () => {
    const file = xlsx({
      date1904: true,
      sheet: `<sheetData><row r="1"><c r="A1" s="1"><v>44624</v></c></row></sheetData>`,
    });
    expect((await rows(file))[0]!.cells).toEqual([{ kind: 'date', iso: '2026-03-05' }]);
  });

  it('reads shared, rich, inline and formula text, hyperlinked cells, booleans, errors and WPS cell pictures', async () => {
    const file = xlsx({
      strings: [
        '<t xml:space="preserve"> 杭州市公安局\u00A0 </t>',
        '<r><rPr><b/></rPr><t>宁波</t></r><r><t>顺达</t></r><rPh sb="0" eb="2"><t>ニンポー</t></rPh>',
        '<t>R&amp;D &lt;部&gt;_x000D_</t>',
        '<t/>',
      ],
      sheet: `<sheetData><row r="2" spans="1:9">
        <c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c>
        <c r="D2" t="inlineStr"><is><t>内联\u200B文本</t></is></c>
        <c r="E2" t="str"><f>A2&amp;"分局"</f><v>杭州市公安局分局</v></c>
        <c r="F2"><f>SUM(1,2)</f><v>3</v></c>
        <c r="G2" t="b"><v>1</v></c><c r="H2" t="e"><v>#N/A</v></c>
        <c r="I2" t="str"><f>_xlfn.DISPIMG("ID_5A1B",1)</f><v>=DISPIMG("ID_5A1B",1)</v></c>
        <c r="K2" t="s"><v>3</v></c>
      </row></sheetData><hyperlinks><hyperlink ref="A2" r:id="rId9" display="杭州市公安局"/></hyperlinks>`,
    });
    const [r] = await rows(file);
    expect(r!.row).toBe(2);
    expect(r!.cells).toEqual([
      { kind: 'text', text: '杭州市公安局' },
      { kind: 'text', text: '宁波顺达' },
      { kind: 'text', text: 'R&D <部>' },
      { kind: 'text', text: '内联文本' },
      { kind: 'text', text: '杭州市公安局分局' },
      { kind: 'number', value: 3 },
      { kind: 'boolean', value: true },
      { kind: 'error', code: '#N/A' },
      { kind: 'image', id: 'ID_5A1B' },
      { kind: 'empty' },
      { kind: 'empty' },
    ]);
  });

  it('fills merged cells, reads rows and cells without references and namespace-prefixed markup', async () => {
    const file = xlsx({
      strings: ['<t>浙江</t>', '<t>杭州</t>', '<t>宁波</t>'],
      sheet: `<x:sheetData xmlns:x="x"><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c></x:row><x:row><x:c/><x:c t="s"><x:v>2</x:v></x:c></x:row></x:sheetData><mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells>`,
    });
    expect(
      (await rows(file)).map((r) => r.cells.map((c) => (c.kind === 'text' ? c.text : c.kind))),
    ).toEqual([
      ['浙江', '杭州'],
      ['浙江', '宁波'],
    ]);
  });

  it('previews a sheet from its first shared strings, and from the whole table when an early row names a later one', async () => {
    // 70,000 strings: past the 65,536 a preview reads first. Row 3 names the last one, after
    // rows 1 and 2 were read; the merged A2:A3 fills row 3 again on the second read.
    const strings = Array.from({ length: 70_000 }, (_, i) => `<t>名称${i}</t>`);
    const s = (ref: string, i: number) => `<c r="${ref}" t="s"><v>${i}</v></c>`;
    const early = `<row r="1">${s('A1', 0)}${s('B1', 1)}</row><row r="2">${s('A2', 2)}</row>`;
    const texts = async (file: string, preview: boolean) => {
      const source = await openTable(file, 'book.xlsx', preview ? { previewRows: 1000 } : {});
      const out: string[][] = [];
      for await (const r of source.rows(source.sheets[0]!.name)) out.push(r.cells.map(cellAsText));
      return out;
    };
    const inOrder = xlsx({ strings, sheet: `<sheetData>${early}</sheetData>` });
    expect(await texts(inOrder, true)).toEqual([['名称0', '名称1'], ['名称2']]);

    const late = xlsx({
      strings,
      sheet: `<sheetData>${early}<row r="3">${s('B3', 69_999)}</row><row r="4">${s('A4', 3)}</row></sheetData><mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>`,
    });
    const whole = await texts(late, false);
    expect(whole).toEqual([['名称0', '名称1'], ['名称2'], ['名称2', '名称69999'], ['名称3']]);
    const open = openFiles();
    expect(await texts(late, true)).toEqual(whole);
    expect(await texts(inOrder, true)).toEqual([['名称0', '名称1'], ['名称2']]);
    // The previews read only what their rows name, and let the file go.
    expect(openFiles()).toBe(open);
  });

  it('reads the shared strings as the rows name them, and lets the file go when a sheet is done', async () => {
    const strings = Array.from({ length: 70_000 }, (_, i) => `<t>名称${i}</t>`);
    const s = (ref: string, i: number) => `<c r="${ref}" t="s"><v>${i}</v></c>`;
    const file = xlsx({ strings, sheet: '<sheetData/>' });
    const entry = readWorkbookParts(file).then((p) =>
      p.entries.find((e) => e.name === p.sharedStringsPath),
    );
    const reader = new StringReader(file, await entry);
    await reader.reach(0);
    // A block of 4,096 first, then whole blocks as far as a row needs, then the end.
    expect([reader.strings.length, reader.strings.complete]).toEqual([4096, false]);
    await reader.reach(10_000);
    expect([reader.strings.length, reader.strings.get(10_000)]).toEqual([12_288, '名称10000']);
    await reader.reach(90_000);
    expect([reader.strings.length, reader.strings.complete]).toEqual([70_000, true]);
    expect(reader.strings.get(69_999)).toBe('名称69999');

    // Out of order, past the end (an empty cell, as before), and back: the same texts as ever.
    const open = openFiles();
    const book = xlsx({
      strings,
      sheet: `<sheetData><row r="1">${s('A1', 1)}</row><row r="2">${s('A2', 50_000)}${s('B2', 80_000)}${s('C2', 2)}</row><row r="3">${s('A3', 0)}</row></sheetData>`,
    });
    const source = await openTable(book, 'book.xlsx');
    const rows: string[][] = [];
    for await (const r of source.rows(source.sheets[0]!.name)) rows.push(r.cells.map(cellAsText));
    expect(rows).toEqual([['名称1'], ['名称50000', '', '名称2'], ['名称0']]);
    // A sheet naming only its first strings leaves the table part-read; its file is closed.
    const first = await openTable(
      xlsx({ strings, sheet: `<sheetData><row r="1">${s('A1', 0)}</row></sheetData>` }),
    );
    for await (const r of first.rows(first.sheets[0]!.name))
      expect(r.cells.map(cellAsText)).toEqual(['名称0']);
    expect(openFiles()).toBe(open);
  });

  it('names sheets as the workbook does (entities decoded)', async () => {
    const source = await openTable(xlsx({ sheet: '<sheetData/>' }));
    expect(source.sheets.map((s) => s.name)).toEqual(['名单 & 备注']);
  });

  it('tells date formats from number formats', () => {
    for (const code of [
      'yyyy-mm-dd',
      'yyyy"年"m"月"d"日"',
      '[$-804]m"月"d"日"',
      'h:mm',
      'dd/mm/yy',
    ])
      expect(isDateFormat(code), code).toBe(true);
    for (const code of ['0.00', '#,##0', '"¥"#,##0.00', '0.00E+00', 'General', '[Red]0.0', '@'])
      expect(isDateFormat(code), code).toBe(false);
  });

  it('tells elapsed-time formats ([h], [mm], [ss]) from dates and times of day', () => {
    for (const code of [
      '[h]:mm:ss',
      '[H]:MM',
      '[mm]:ss',
      '[ss]',
      '[hh]"小时"mm"分"',
      '[Red][h]:mm',
    ])
      expect([isDurationFormat(code), isDateFormat(code)], code).toEqual([true, false]);
    for (const code of ['h:mm', 'hh:mm:ss', 'yyyy-mm-dd h:mm', '[$-804]h"时"mm"分"', '0.00', '@'])
      expect(isDurationFormat(code), code).toBe(false);
  });

  it('reads elapsed-time cells as durations shown as Excel shows them, never as dates', async () => {
    // 36 h 30 min = 1.5208333… days; 90 min = 0.0625 days.
    const long = 36.5 / 24;
    const file = xlsx({
      sheet: `<sheetData><row r="1"><c r="A1" s="6"><v>${long}</v></c><c r="B1" s="7"><v>${long}</v></c><c r="C1" s="8"><v>0.0625</v></c><c r="D1" s="9"><v>0.0625</v></c><c r="E1" s="10"><v>${long}</v></c><c r="F1" s="11"><v>${135_600 / 86_400}</v></c><c r="G1" s="6"><v>-0.0625</v></c><c r="H1" s="12"><v>${(3661.257 / 86400).toString()}</v></c><c r="I1" s="6"><v>${(59.6 / 86400).toString()}</v></c></row></sheetData>`,
    });
    const [r] = await rows(file);
    expect(r!.cells).toEqual([
      { kind: 'duration', seconds: 131_400, text: '36:30:00' },
      { kind: 'duration', seconds: 131_400, text: '36:30:00' },
      { kind: 'duration', seconds: 5400, text: '90:00' },
      { kind: 'duration', seconds: 5400, text: '5400' },
      { kind: 'duration', seconds: 131_400, text: '36小时30分' },
      // Units above the seconds are whole units, as Excel shows them: 37 h 40 min is "37" under [h].
      { kind: 'duration', seconds: 135_600, text: '37' },
      { kind: 'duration', seconds: -5400, text: '-1:30:00' },
      { kind: 'duration', seconds: 3661.257, text: '1:01:01.26' },
      // Seconds are rounded to the decimals shown: 59.6 s is a whole minute.
      { kind: 'duration', seconds: 59.6, text: '0:01:00' },
    ]);
    expect(r!.cells.map(cellAsText).slice(0, 2)).toEqual(['36:30:00', '36:30:00']);
  });

  it('normalises line ends as XML does (CR LF and lone CR become LF; &#13; and _x000D_ keep a CR)', async () => {
    const file = xlsx({
      strings: [
        '<t xml:space="preserve">第一行\r\n第二行\r第三行</t>',
        '<t>甲&#13;&#10;乙</t>',
        '<t>丙_x000D_\r\n丁</t>',
      ],
      sheet: `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><t>内联\r\n文本</t></is></c><c r="E1" t="str"><f>A1</f><v>公式\r\n结果</v></c></row></sheetData>`,
    });
    const [r] = await rows(file);
    expect(r!.cells).toEqual([
      { kind: 'text', text: '第一行\n第二行\n第三行' },
      { kind: 'text', text: '甲\r\n乙' },
      { kind: 'text', text: '丙\r\n丁' },
      { kind: 'text', text: '内联\n文本' },
      { kind: 'text', text: '公式\n结果' },
    ]);
  });

  it('keeps the white space of a text run only under xml:space="preserve", as Excel does', async () => {
    const file = xlsx({
      strings: [
        '<r><t>宁波 </t></r><r><t>\n 顺达</t></r>',
        '<r><t xml:space="preserve">宁波 </t></r><r><t>顺达</t></r>',
        // A run of white space only is kept: it is the space between two words.
        '<r><t>hello</t></r><r><t> </t></r><r><t>world</t></r>',
      ],
      sheet: `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><r><t>杭州 </t></r><r><t xml:space="preserve"> 公安局</t></r></is></c></row></sheetData>`,
    });
    const [r] = await rows(file);
    expect(r!.cells.map((c) => (c.kind === 'text' ? c.text : c.kind))).toEqual([
      '宁波顺达',
      '宁波 顺达',
      'hello world',
      '杭州 公安局',
    ]);
  });
});

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const rels = (list: [id: string, type: string, target: string, external?: boolean][]) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list
    .map(
      ([id, type, target, external]) =>
        `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"${external ? ' TargetMode="External"' : ''}/>`,
    )
    .join('')}</Relationships>`;

/** A workbook whose parts are where the relationships say, none of them at the usual paths. */
function unusualBook(extra: Book['parts'] = {}, declared?: Record<string, number>): string {
  return xlsx({
    sheet: '',
    declared,
    parts: {
      'xl/workbook.xml': null,
      'xl/_rels/workbook.xml.rels': null,
      'xl/styles.xml': null,
      'xl/sharedStrings.xml': null,
      'xl/worksheets/sheet1.xml': null,
      '_rels/.rels': rels([
        ['rId3', 'extended-properties', 'docProps/app.xml'],
        ['rId1', 'officeDocument', 'data/book.xml'],
      ]),
      'data/book.xml': `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ${R_NS}><x:sheets><x:sheet name="第一" sheetId="1" r:id="s1"/><x:sheet name="第二" sheetId="2" r:id="s2"/><x:sheet name="第三" sheetId="3" r:id="s3"/></x:sheets></x:workbook>`,
      'data/_rels/book.xml.rels': rels([
        ['s1', 'worksheet', 'sheets/first.xml'],
        ['s2', 'worksheet', '/data/sheets/second.xml'],
        ['s3', 'worksheet', './../data/./sheets/third%20one.xml'],
        ['t1', 'sharedStrings', '../common/strings.xml'],
        ['t2', 'styles', 'look/styles.xml'],
        ['h1', 'hyperlink', 'http://www.ccgp.gov.cn/', true],
      ]),
      'common/strings.xml': `<sst ${NS}><si><t>杭州市公安局</t></si></sst>`,
      'data/look/styles.xml': `<styleSheet ${NS}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="31"/></cellXfs></styleSheet>`,
      'data/sheets/first.xml': `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>46086</v></c></row></sheetData></worksheet>`,
      'data/sheets/second.xml': `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>2</v></c></row></sheetData></worksheet>`,
      'data/sheets/third one.xml': `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>3</v></c></row></sheetData></worksheet>`,
      ...extra,
    },
  });
}

async function sheetRows(file: string, sheet: string) {
  const source = await openTable(file);
  const out: NormalCell[][] = [];
  for await (const r of source.rows(sheet)) out.push(r.cells);
  return out;
}

describe('finding the parts through the package relationships', () => {
  it('reads a workbook whose parts are not at the usual paths (relative, absolute, ../ and escaped targets)', async () => {
    const file = unusualBook();
    const source = await openTable(file);
    expect(source.sheets.map((s) => s.name)).toEqual(['第一', '第二', '第三']);
    expect(await sheetRows(file, '第一')).toEqual([
      [
        { kind: 'text', text: '杭州市公安局' },
        { kind: 'date', iso: '2026-03-05' },
      ],
    ]);
    expect(await sheetRows(file, '第二')).toEqual([[{ kind: 'number', value: 2 }]]);
    expect(await sheetRows(file, '第三')).toEqual([[{ kind: 'number', value: 3 }]]);
  });

  it('still reads a usual workbook that has no package relationships', async () => {
    const file = xlsx({
      strings: ['<t>浙江</t>'],
      sheet: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>',
      parts: { '_rels/.rels': null },
    });
    expect((await rows(file))[0]!.cells).toEqual([{ kind: 'text', text: '浙江' }]);
  });

  it('refuses zips that are not workbooks, and never follows a target out of the package', async () => {
    // A Word document: the package's main part is not a workbook.
    const docx = xlsx({
      sheet: '',
      parts: {
        'xl/workbook.xml': null,
        '_rels/.rels': rels([['rId1', 'officeDocument', 'word/document.xml']]),
        'word/document.xml': '<w:document xmlns:w="w"><w:body/></w:document>',
      },
    });
    expect(await kindOf(() => openTable(docx))).toBe('not_xlsx');
    const escaping = unusualBook({
      '_rels/.rels': rels([['rId1', 'officeDocument', '../../data/book.xml']]),
    });
    expect(await kindOf(() => openTable(escaping))).toBe('not_xlsx');
    const noMain = xlsx({ sheet: '', parts: { 'xl/workbook.xml': null } });
    expect(await kindOf(() => openTable(noMain))).toBe('not_xlsx');
  });

  it('keeps every guard for parts found through relationships: real sizes, sheet count', async () => {
    const big = `<worksheet ${NS}><sheetData>${'<row><c><v>1</v></c></row>'.repeat(50_000)}</sheetData></worksheet>`;
    const bomb = unusualBook({ 'data/sheets/second.xml': big }, { 'data/sheets/second.xml': 1000 });
    expect(await kindOf(() => openTable(bomb))).toBe('zip_bomb');
    const strings = unusualBook(
      { 'common/strings.xml': `<sst ${NS}>${'<si><t>x</t></si>'.repeat(50_000)}</sst>` },
      { 'common/strings.xml': 1000 },
    );
    expect(await kindOf(() => openTable(strings))).toBe('zip_bomb');
    expect(
      await kindOf(() => readWorkbookParts(unusualBook(), { ...DEFAULT_ZIP_LIMITS, maxSheets: 2 })),
    ).toBe('too_many_sheets');
  });
});

describe('files built to hurt', () => {
  it('refuses a part that inflates to more than its directory declares', async () => {
    const big = `<worksheet ${NS}><sheetData>${'<row><c><v>1</v></c></row>'.repeat(50_000)}</sheetData></worksheet>`;
    const file = xlsx({
      sheet: '',
      parts: { 'xl/worksheets/sheet1.xml': big },
      declared: { 'xl/worksheets/sheet1.xml': 1000 },
    });
    expect(await kindOf(() => openTable(file))).toBe('zip_bomb');
  });

  it('refuses absurd dimensions and cells beyond Excel’s last row or column', async () => {
    expect(
      await kindOf(() => openTable(xlsx({ sheet: '<dimension ref="A1:L99999999"/><sheetData/>' }))),
    ).toBe('too_many_rows');
    expect(
      await kindOf(() => openTable(xlsx({ sheet: '<dimension ref="A1:ZZZ9"/><sheetData/>' }))),
    ).toBe('too_many_columns');
    expect(
      await kindOf(() =>
        rows(xlsx({ sheet: '<sheetData><row r="2000000"><c><v>1</v></c></row></sheetData>' })),
      ),
    ).toBe('too_many_rows');
    expect(
      await kindOf(() =>
        rows(xlsx({ sheet: '<sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData>' })),
      ),
    ).toBe('too_many_columns');
  });

  it('refuses legacy, encrypted, empty and unknown files with their own reasons', async () => {
    const dir = tempDir();
    const write = (name: string, bytes: Buffer) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, bytes);
      return file;
    };
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(600),
    ]);
    // A compound file is read as .xls / .et once its structure checks out (ole-guard.ts).
    expect(await kindOf(() => openTable(write('a.xls', ole)))).toBe('ole_damaged');
    expect(await kindOf(() => openTable(write('a.et', ole)))).toBe('ole_damaged');
    expect(
      await kindOf(() =>
        openTable(
          write('p.xlsx', Buffer.concat([ole, Buffer.from('EncryptedPackage', 'utf16le')])),
        ),
      ),
    ).toBe('encrypted');
    expect(await kindOf(() => openTable(write('e.xlsx', Buffer.alloc(0))))).toBe('empty_file');
    expect(await kindOf(() => openTable(write('u.xlsx', Buffer.from([0, 1, 2, 0]))))).toBe(
      'unknown_format',
    );
    const good = fs.readFileSync(xlsx({ sheet: '<sheetData/>' }));
    expect(await kindOf(() => openTable(write('t.xlsx', good.subarray(0, good.length - 30))))).toBe(
      'truncated',
    );
  });
});
