import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CsvParser, detectDelimiter, parseCsv } from '../../electron/excel/read/csv-parse';
import { sniffFile } from '../../electron/excel/read/sniff';
import { detectEncoding } from '../../electron/excel/read/text-decode';
import { inspectZip } from '../../electron/excel/read/zip-guard';
import { tempDir } from '../helpers/db';
import { zip } from '../helpers/zip';
import { kindOf } from '../helpers/error-kind';

const WORKBOOK = [
  { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
  { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
  { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet/>') },
];

function write(bytes: Buffer, name = 'file.xlsx'): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('what kind of file it is', () => {
  it('tells xlsx, legacy xls/et, password-protected workbooks and text apart by their bytes', () => {
    expect(sniffFile(zip(WORKBOOK))).toBe('xlsx');
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(600),
    ]);
    expect(sniffFile(ole)).toBe('xls');
    expect(sniffFile(Buffer.concat([ole, Buffer.from('EncryptedPackage', 'utf16le')]))).toBe(
      'encrypted-ooxml',
    );
    expect(sniffFile(Buffer.from('单位名称,信用代码\r\n'))).toBe('text');
    expect(sniffFile(Buffer.from([0x00, 0x01, 0x02, 0x00]))).toBe('unknown');
  });
});

describe('zip guard', () => {
  it('accepts a real workbook written by exceljs', async () => {
    const file = path.join(tempDir(), 'real.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('客户').addRow(['单位名称', '统一社会信用代码']);
    await wb.xlsx.writeFile(file);
    expect(inspectZip(file).map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
  });

  it('refuses truncated, encrypted, bomb-like and non-workbook archives with a reason', () => {
    const good = zip(WORKBOOK);
    expect(kindOf(() => inspectZip(write(good)))).toBe('ok');
    expect(kindOf(() => inspectZip(write(good.subarray(0, good.length - 40))))).toBe('truncated');
    expect(
      kindOf(() =>
        inspectZip(
          write(zip([...WORKBOOK, { name: 'x', data: Buffer.from('y'), encrypted: true }])),
        ),
      ),
    ).toBe('encrypted');
    // 64 MiB of zeros deflates to ~64 KiB: a 1000:1 ratio.
    const bomb = { name: 'xl/worksheets/sheet2.xml', data: Buffer.alloc(64 * 1024 ** 2) };
    expect(kindOf(() => inspectZip(write(zip([...WORKBOOK, bomb]))))).toBe('zip_bomb');
    const liar = {
      name: 'xl/sharedStrings.xml',
      data: Buffer.from('<sst/>'),
      declaredSize: 0xfffffff0,
    };
    expect(kindOf(() => inspectZip(write(zip([...WORKBOOK, liar]))))).toBe('zip_bomb');
    expect(
      kindOf(() => inspectZip(write(zip([{ name: 'readme.txt', data: Buffer.from('hi') }])))),
    ).toBe('not_xlsx');
    expect(kindOf(() => inspectZip(write(Buffer.from('not a zip at all'))))).toBe('truncated');
  });

  it('refuses thousands of sheets', () => {
    const sheets = Array.from({ length: 600 }, (_, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: Buffer.from('<w/>'),
    }));
    expect(kindOf(() => inspectZip(write(zip([...WORKBOOK.slice(0, 2), ...sheets]))))).toBe(
      'too_many_sheets',
    );
  });
});

describe('CSV text', () => {
  it('reads UTF-8 with and without a BOM, and GB18030/GBK', () => {
    const text = '单位名称,信用代码\r\n杭州市公安局,11330100002496127J\r\n';
    /** As the CSV reader decodes: the detected encoding, past the BOM. */
    const decode = (bytes: Buffer) => {
      const { encoding, bomLength } = detectEncoding(bytes);
      return { text: new TextDecoder(encoding).decode(bytes.subarray(bomLength)), encoding };
    };
    expect(decode(Buffer.from('\uFEFF' + text))).toEqual({ text, encoding: 'utf-8' });
    expect(decode(Buffer.from(text))).toEqual({ text, encoding: 'utf-8' });
    // 杭州 in GBK: BA BC D6 DD
    const gbk = Buffer.from([0xba, 0xbc, 0xd6, 0xdd, 0x2c, 0x31]);
    expect(decode(gbk)).toEqual({ text: '杭州,1', encoding: 'gb18030' });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toEqual({
      encoding: 'utf-16le',
      bomLength: 2,
    });
  });

  it('parses a file fed in pieces exactly as in one piece, wherever the pieces are cut', () => {
    const text = '名称,备注\r\n"北京,朝阳","他说""好"""\r\n"两行\r\n文字",x\r\n末行,\r\n';
    const whole = [...parseCsv(text, ',')];
    expect(whole).toEqual([
      ['名称', '备注'],
      ['北京,朝阳', '他说"好"'],
      ['两行\r\n文字', 'x'],
      ['末行', ''],
    ]);
    for (const size of [1, 2, 3, 5, 7]) {
      const parser = new CsvParser(',');
      const rows: string[][] = [];
      for (let i = 0; i < text.length; i += size)
        rows.push(...parser.push(text.slice(i, i + size)));
      rows.push(...parser.end());
      expect(rows, `pieces of ${size}`).toEqual(whole);
    }
  });

  it('parses quotes, embedded separators and line breaks, and finds the delimiter', () => {
    const text = '名称,地址,备注\r\n"北京,朝阳","他说""好""","两行\n文字"\n末行,,\n';
    expect([...parseCsv(text)]).toEqual([
      ['名称', '地址', '备注'],
      ['北京,朝阳', '他说"好"', '两行\n文字'],
      ['末行', '', ''],
    ]);
    expect(detectDelimiter('a\tb\tc\n1\t2\t3')).toBe('\t');
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect([...parseCsv('a;b\n1;2', ';')]).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});
