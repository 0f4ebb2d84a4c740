/**
 * The accounts import as the import benchmarks run it: a generated sheet of 12 columns (Chinese
 * text, a date, money in 万元) written like Excel writes it (shared strings), imported into an
 * empty database by Keyfleet's job, against exceljs's streaming reader feeding one raw
 * better-sqlite3 transaction of prepared inserts.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { BUYER_TYPES, GRADES, INDUSTRIES, type Label, SOURCES } from '../shared/enums';
import { REGION_TREE, regionName } from '../shared/regions';
import { connect } from '../electron/db/connection';
import { IMPORT_CACHE_KIB } from '../electron/imports/run-import';
import { generateDemoAccounts } from '../electron/demo/generate';

export const IMPORT_HEADERS = [
  '单位名称',
  '统一社会信用代码',
  '客户类型',
  '所属行业',
  '省份',
  '城市',
  '详细地址',
  '客户等级',
  '信息来源',
  '建档日期',
  '年度预算（万元）',
  '备注',
];

/** Writes `count` rows; names and codes stay unique past the generator's own list by a suffix. */
export async function writeImportFile(file: string, count: number): Promise<void> {
  const base = generateDemoAccounts(Math.min(count, 100_000));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: true,
  });
  const ws = wb.addWorksheet('客户名单');
  ws.columns = IMPORT_HEADERS.map((header, i) => ({
    header,
    key: `c${i}`,
    style: i === 9 ? { numFmt: 'yyyy"年"m"月"d"日"' } : undefined,
  }));
  for (let i = 0; i < count; i++) {
    const a = base[i % base.length]!;
    const lap = Math.floor(i / base.length);
    const uscc = lap === 0 ? a.uscc : null;
    ws.addRow([
      lap === 0 ? a.name : `${a.name}（${lap}）`,
      uscc,
      BUYER_TYPES[a.buyerType].zh,
      INDUSTRIES[a.industry].zh,
      regionName(a.provinceCode),
      regionName(a.cityCode),
      a.address,
      GRADES[a.grade].zh,
      SOURCES[a.source].zh,
      new Date(Date.UTC(2020 + (i % 6), i % 12, 1 + (i % 28))),
      Math.round((i % 5000) * 1.5 * 100) / 100,
      a.notes,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

/**
 * What a text exceljs's streaming reader garbled may have been: its reader decodes each 16 KB
 * chunk of XML on its own, so a Chinese character split across two chunks becomes U+FFFD
 * (exceljs issues #2063, #2316) — each run of U+FFFD stands for one character.
 */
export function garbledPattern(text: string): RegExp {
  const parts = text.split(/\uFFFD+/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.')}$`, 'u');
}

/**
 * A label's code; a label exceljs garbled is matched to the one label it can have been (else a
 * region or an enum the file gives would be lost, and the two stores would differ in a code).
 */
function lookUp<T>(table: Map<string, T>, label: string | null | undefined): T | undefined {
  if (label == null) return undefined;
  const found = table.get(label);
  if (found !== undefined || !label.includes('\uFFFD')) return found;
  const pattern = garbledPattern(label);
  const matches = [...table.keys()].filter((key) => pattern.test(key));
  return matches.length === 1 ? table.get(matches[0]!) : undefined;
}

/** Label → code, as a plain lookup: what the raw side does instead of Keyfleet's reading. */
function codes(table: Record<string, Label>): Map<string, string> {
  return new Map(Object.entries(table).map(([code, label]) => [label.zh, code]));
}

/** Province name → its code and its cities' names → codes. */
function regionCodes(): Map<string, { code: string; cities: Map<string, string> }> {
  return new Map(
    REGION_TREE.map((p) => [
      p.name,
      { code: p.code, cities: new Map((p.children ?? []).map((c) => [c.name, c.code])) },
    ]),
  );
}

/** Text as Keyfleet stores it: full-width letters and punctuation folded (NFKC). */
const nfkc = (text: string | null | undefined) => text?.normalize('NFKC') ?? null;

/**
 * The baseline: exceljs's streaming reader and prepared inserts of the same rows in one
 * transaction, labels mapped to codes by lookup tables, text NFKC-folded, nothing checked, on a connection with the
 * same settings and page cache as the import job's.
 */
export async function rawImport(dbFile: string, file: string): Promise<number> {
  const { sqlite, close } = connect(dbFile);
  sqlite.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  const insert = sqlite.prepare(
    `insert into accounts (name, name_norm, name_sort, uscc, buyer_type, industry, province_code,
       city_code, address, grade, lifecycle, source, notes, search_text, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'prospect', ?, ?, ?, ?, ?)`,
  );
  const [buyerTypes, industries, grades, sources] = [BUYER_TYPES, INDUSTRIES, GRADES, SOURCES].map(
    codes,
  ) as [Map<string, string>, Map<string, string>, Map<string, string>, Map<string, string>];
  const regions = regionCodes();
  const now = new Date().toISOString();
  let rows = 0;
  sqlite.exec('begin immediate');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  } as ExcelJS.stream.xlsx.WorkbookStreamReaderOptions);
  for await (const ws of reader)
    for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
      if (row.number === 1) continue;
      const v = row.values as (string | null)[];
      const province = lookUp(regions, v[5]);
      const name = nfkc(v[1]);
      insert.run(
        name,
        name,
        name,
        v[2] ?? null,
        lookUp(buyerTypes, v[3]),
        lookUp(industries, v[4]) ?? null,
        province?.code ?? null,
        (province && lookUp(province.cities, v[6])) ?? null,
        nfkc(v[7]),
        lookUp(grades, v[8]),
        lookUp(sources, v[9]) ?? null,
        nfkc(v[12]),
        name,
        now,
        now,
      );
      rows++;
    }
  sqlite.exec('commit');
  await close();
  return rows;
}

/** A migrated, empty database to copy for every round. */
export function freshCopy(template: string, to: string): string {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(to + suffix, { force: true });
  fs.copyFileSync(template, to);
  return to;
}
