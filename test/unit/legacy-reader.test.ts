/**
 * The .xls / .et and .ods reader's guards (ole-guard.ts, the ODS zip check in sheetjs-book.ts):
 * hostile compound files and archives are refused with a reason before SheetJS sees them; a
 * Chinese built-in date format that a BIFF file names only by its id is read as a date.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { checkOleWorkbook } from '../../electron/excel/read/ole-guard';
import { sniffFile } from '../../electron/excel/read/sniff';
import { openTable } from '../../electron/excel/read/table-source';
import { tempDir } from '../helpers/db';
import { biffStream, filepassRecord, oleFile } from '../helpers/ole';
import { zip } from '../helpers/zip';
import { kindOfAsync as kindOf } from '../helpers/error-kind';

function write(bytes: Buffer, name: string): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, bytes);
  return file;
}

const MB = 1024 ** 2;

/** An .ods archive as LibreOffice lays it out: `mimetype` first and stored. */
function ods(parts: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const mimetype = Buffer.from('application/vnd.oasis.opendocument.spreadsheet');
  return zip([{ name: 'mimetype', data: mimetype, stored: true }, ...parts]);
}

describe('sniffing the legacy formats', () => {
  it('takes a plain compound file as xls and a zip with the ODS mimetype as ods', () => {
    expect(sniffFile(oleFile())).toBe('xls');
    expect(sniffFile(ods([]))).toBe('ods');
    // Another OpenDocument (a text document) is not a spreadsheet.
    const odt = zip([
      {
        name: 'mimetype',
        data: Buffer.from('application/vnd.oasis.opendocument.text'),
        stored: true,
      },
    ]);
    expect(sniffFile(odt)).toBe('xlsx');
  });
});

describe('the compound-file guard', () => {
  it('accepts a well-formed file and names its workbook stream', () => {
    const book = checkOleWorkbook(oleFile(), 256 * MB);
    expect(book).toMatchObject({ stream: 'Workbook', size: 4096 });
    expect(book.bytes.subarray(0, 4)).toEqual(biffStream().subarray(0, 4));
  });

  it('refuses a stream declared larger than the file, before anything is allocated', async () => {
    const file = write(oleFile({ declaredSize: 0x7ffffff0 }), 'huge.xls');
    expect(await kindOf(() => openTable(file))).toBe('ole_damaged');
    expect(() => checkOleWorkbook(oleFile({ declaredSize: 0x7ffffff0 }), 256 * MB)).toThrow(
      /declares 2048 MB/,
    );
  });

  it('refuses a truncated file, a FAT chain in a circle and absurd sector counts', async () => {
    const good = oleFile();
    expect(await kindOf(() => openTable(write(good.subarray(0, 1536), 'cut.xls')))).toBe(
      'ole_damaged',
    );
    // The stream's third sector points back to its first.
    expect(await kindOf(() => openTable(write(oleFile({ fat: { 4: 2 } }), 'loop.xls')))).toBe(
      'ole_damaged',
    );
    expect(() => checkOleWorkbook(oleFile({ fat: { 4: 2 } }), 256 * MB)).toThrow(/circle/);
    expect(
      await kindOf(() => openTable(write(oleFile({ fatSectors: 1_000_000 }), 'fat.xls'))),
    ).toBe('ole_damaged');
    expect(
      await kindOf(() =>
        openTable(write(Buffer.concat([good.subarray(0, 8), Buffer.alloc(600)]), 'z.et')),
      ),
    ).toBe('ole_damaged');
  });

  it('refuses a password-protected .xls (FILEPASS) as encrypted', async () => {
    const locked = oleFile({ stream: biffStream([filepassRecord()]) });
    expect(await kindOf(() => openTable(write(locked, 'locked.xls')))).toBe('encrypted');
  });
});

describe('the ODS guard', () => {
  it('refuses a zip bomb and an archive that lies about its sizes', async () => {
    const bomb = ods([{ name: 'content.xml', data: Buffer.alloc(8 * MB, 0x20) }]);
    expect(await kindOf(() => openTable(write(bomb, 'bomb.ods')))).toBe('zip_bomb');
    const liar = ods([
      { name: 'content.xml', data: Buffer.alloc(2 * MB, 0x20), declaredSize: 1000 },
    ]);
    expect(await kindOf(() => openTable(write(liar, 'liar.ods')))).toBe('zip_bomb');
  });
});

describe('the cells SheetJS would build', () => {
  /** content.xml of one sheet: `rows` as written, each a list of <table:table-cell> tags. */
  const content = (rows: string) =>
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="S">${rows}</table:table></office:spreadsheet></office:body></office:document-content>`,
    );
  const cell = (text: string, repeat = 1) =>
    `<table:table-cell table:number-columns-repeated="${repeat}" office:value-type="string"><text:p>${text}</text:p></table:table-cell>`;

  it('refuses an .ods whose one cell repeats across a million rows, before SheetJS expands it', async () => {
    const rows = `<table:table-row table:number-rows-repeated="1048576">${cell('x', 16384)}</table:table-row>`;
    const bomb = write(ods([{ name: 'content.xml', data: content(rows) }]), 'repeat.ods');
    const before = process.memoryUsage().rss;
    const error = await openTable(bomb).catch((e: unknown) => e);
    expect(error).toMatchObject({ details: { kind: 'too_many_cells' } });
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MB);
  });

  it('reads repeated cells and empty repeated rows as SheetJS does, within the limit', async () => {
    const rows =
      `<table:table-row>${cell('名称')}${cell('备注', 2)}</table:table-row>` +
      `<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>` +
      `<table:table-row table:number-rows-repeated="2">${cell('甲')}</table:table-row>`;
    const manifest = Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
    );
    const file = write(
      ods([
        { name: 'META-INF/manifest.xml', data: manifest },
        { name: 'content.xml', data: content(rows) },
        {
          name: 'styles.xml',
          data: Buffer.from(
            '<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
          ),
        },
      ]),
      'ok.ods',
    );
    const source = await openTable(file);
    const read = [];
    for await (const r of source.rows('S')) read.push([r.row, r.cells.length]);
    expect(read).toEqual([
      [1, 3],
      [1000002, 1],
      [1000003, 1],
    ]);
  });
});

describe('number formats a BIFF file names only by id', () => {
  it('reads a cell under built-in format 31 (yyyy年m月d日) as a date', async () => {
    // SheetJS's writer takes a format's id from its process-wide table: put the code at 31.
    const formats = XLSX.SSF.get_table() as Record<number, string | undefined>;
    formats[31] = 'yyyy"年"m"月"d"日"';
    const ws = XLSX.utils.aoa_to_sheet([['建档日期'], [46086]]);
    ws.A2!.z = 'yyyy"年"m"月"d"日"';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '客户');
    const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer;
    // As in a fresh process, where SheetJS knows only the US built-ins (writing swapped its table).
    delete (XLSX.SSF.get_table() as Record<number, string | undefined>)[31];
    // Renumber a FORMAT record for id 31, if the writer wrote one: the file then refers to 31
    // without saying what it is, as a Chinese Excel's files do.
    for (let i = 0; i + 6 <= bytes.length; i++)
      if (bytes.readUInt16LE(i) === 0x041e && bytes.readUInt16LE(i + 4) === 31)
        bytes.writeUInt16LE(200, i + 4);
    const source = await openTable(write(bytes, 'builtin.xls'));
    const rows = [];
    for await (const r of source.rows('客户')) rows.push(r.cells);
    expect(rows).toEqual([
      [{ kind: 'text', text: '建档日期' }],
      [{ kind: 'date', iso: '2026-03-05' }],
    ]);
  });
});
