/**
 * The .xlsx reader on hand-written SpreadsheetML: the forms Excel, WPS and LibreOffice write that
 * general readers get wrong, and files built to hurt.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NormalCell } from '../../electron/excel/read/cell-value';
import { isDateFormat } from '../../electron/excel/read/sheet-xml';
import { openTable } from '../../electron/excel/read/table-source';
import { tempDir } from '../helpers/db';
import { zip } from '../helpers/zip';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

interface Book {
  sheet: string;
  strings?: string[];
  date1904?: boolean;
  /** Extra parts, or replacements, by name. */
  parts?: Record<string, string | Buffer>;
  declared?: Record<string, number>;
}

function xlsx(book: Book): string {
  const parts: Record<string, string | Buffer> = {
    '[Content_Types].xml': '<Types/>',
    'xl/workbook.xml': `<workbook ${NS} ${R_NS}><workbookPr${book.date1904 ? ' date1904="1"' : ''}/><sheets><sheet name="名单 &amp; 备注" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    // Styles: 0 general, 1 builtin 14 (m/d/yyyy), 2 builtin 31 (yyyy年m月d日 in a Chinese Excel),
    // 3 builtin 58 (m月d日), 4 custom 176 with a locale tag, 5 custom money format.
    'xl/styles.xml': `<styleSheet ${NS}><numFmts count="2"><numFmt numFmtId="176" formatCode="[$-804]yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="&quot;¥&quot;#,##0.00"/></numFmts><cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="58"/><xf numFmtId="176"/><xf numFmtId="177"/></cellXfs></styleSheet>`,
    'xl/sharedStrings.xml': `<sst ${NS}>${(book.strings ?? []).map((s) => `<si>${s}</si>`).join('')}</sst>`,
    'xl/worksheets/sheet1.xml': `<worksheet ${NS}>${book.sheet}</worksheet>`,
    ...book.parts,
  };
  const file = path.join(tempDir(), 'book.xlsx');
  fs.writeFileSync(
    file,
    zip(
      Object.entries(parts).map(([name, data]) => ({
        name,
        data: Buffer.isBuffer(data) ? data : Buffer.from(data),
        declaredSize: book.declared?.[name],
      })),
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

const kindOf = async (fn: () => Promise<unknown>) => {
  try {
    await fn();
    return 'ok';
  } catch (error) {
    return (error as { details?: { kind?: string } }).details?.kind ?? String(error);
  }
};

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
      '[h]:mm:ss',
      'dd/mm/yy',
    ])
      expect(isDateFormat(code), code).toBe(true);
    for (const code of ['0.00', '#,##0', '"¥"#,##0.00', '0.00E+00', 'General', '[Red]0.0', '@'])
      expect(isDateFormat(code), code).toBe(false);
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
    expect(await kindOf(() => openTable(write('a.xls', ole)))).toBe('legacy_xls');
    expect(await kindOf(() => openTable(write('a.et', ole)))).toBe('legacy_xls');
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
