/**
 * A large import's rows are read and prepared by a reader thread while the job's thread writes
 * (electron/imports/prepared-rows.ts); a small file's in the job's own thread. The rows must come
 * out the same either way: the same rows, once padded past the threshold with a column nobody
 * maps, import to the same report and the same accounts. A reader thread's failure and a cancel
 * end the job as they would without it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { READER_THREAD_MIN_BYTES } from '../../electron/imports/reader-thread';
import { signedInApp, type TestApp, untilJobPast } from '../helpers/app';
import { tempDir } from '../helpers/db';
import { account, newUscc } from '../helpers/fixtures';
import { type Columns, inspect, runImport } from '../helpers/imports';

const apps: TestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function newApp(): Promise<TestApp> {
  const app = await signedInApp('manager');
  apps.push(app);
  return app;
}

const ROWS = 2500;
const EXISTING_USCC = newUscc();
const HEADERS = [
  '单位名称',
  '统一社会信用代码',
  '客户类型',
  '省份',
  '城市',
  '详细地址',
  '别名',
  '上级单位',
  '负责人',
  '备注',
];
const FIELDS = [
  'name',
  'uscc',
  'buyerType',
  'province',
  'city',
  'address',
  'aliases',
  'parent',
  'owner',
  'notes',
] as const;

/** Rows of every kind an import meets: new, updating, rejected, duplicated, linked to a parent. */
function rows(count = ROWS): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < count; i++) {
    const name = `读取线程测试${String(i).padStart(4, '0')}银行重庆分行`;
    const uscc = i % 3 === 0 ? newUscc() : '';
    const kind = i % 97 === 5 ? '不知道' : i % 2 === 0 ? '企业' : '政府采购';
    out.push([
      name,
      uscc,
      kind,
      i % 11 === 0 ? '' : '浙江',
      i % 11 === 0 ? '' : '杭州',
      `西湖区文三路${i}号`,
      i % 7 === 0 ? `简称${i}、别称${i}` : '',
      i > 0 && i % 13 === 0 ? `读取线程测试${String(i - 1).padStart(4, '0')}银行重庆分行` : '',
      i % 101 === 3 ? '不存在的人' : i % 5 === 0 ? '测试员' : '',
      i % 4 === 0 ? `第${i}行的备注，含逗号与“引号”` : '',
    ]);
  }
  // The same USCC twice in one file; an account that exists already (its address changes).
  out.push([...out[3]!.slice(0, 2), '企业', '', '', '', '', '', '', '']);
  out.push([
    '早已建档的单位',
    EXISTING_USCC,
    '企业',
    '浙江',
    '杭州',
    '新地址 1 号',
    '',
    '',
    '',
    '',
  ]);
  return out;
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as CSV, with `padding` characters a row in a last column nobody maps. */
function csv(data: string[][], padding: number, name: string): string {
  const lines = [[...HEADERS, ...(padding ? ['附注'] : [])].map(csvCell).join(',')];
  for (const r of data)
    lines.push([...r, ...(padding ? ['填'.repeat(padding)] : [])].map(csvCell).join(','));
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

function columnsOf(padded: boolean): Columns {
  return [
    ...FIELDS.map((field, index) => ({ index, field })),
    ...(padded ? [{ index: FIELDS.length, field: null }] : []),
  ];
}

async function importInto(app: TestApp, file: string, padded: boolean, mode: 'dryRun' | 'commit') {
  await app.value('accounts.create', {
    account: account({ name: '早已建档的单位', uscc: EXISTING_USCC }),
  });
  const inspection = await inspect(app, file);
  const sheet = inspection.sheets[0]!;
  const { summary } = await runImport(app, inspection.fileId, sheet, mode, {
    policy: 'validOnly',
    columns: columnsOf(padded),
  });
  const report: unknown[] = [];
  for (let offset = 0; offset < summary.total; offset += 200)
    report.push(
      ...(await app.value('imports.report', { runId: summary.runId, offset, limit: 200 })).rows,
    );
  // A rejected row's cells, as the rejected-rows workbook repeats them (the padding is not the rows').
  const rejectedCells = (
    app.database.sqlite
      .prepare("select cells from import_rows where run_id = ? and outcome = 'reject' order by row")
      .pluck()
      .all(summary.runId) as string[]
  ).map((cells) => (JSON.parse(cells) as string[]).slice(0, HEADERS.length));
  const stored = app.database.sqlite
    .prepare(
      `select a.name, a.name_norm, a.name_sort, a.search_text, a.uscc, a.buyer_type, a.province_code,
              a.city_code, a.address, a.notes, a.owner_id, a.org_nature, p.name as parent,
              a.subordinate_count,
              (select group_concat(alias, '、') from account_aliases where account_id = a.id) as aliases
         from accounts a left join accounts p on p.id = a.parent_id order by a.name`,
    )
    .all();
  const indexed = app.database.sqlite.prepare('select count(*) from accounts_fts').pluck().get();
  // What differs by the file, not by the rows: its name, and the sheet a CSV is named after.
  const {
    runId: _runId,
    finishedAt: _finishedAt,
    fileName: _fileName,
    sheet: _sheet,
    ...counts
  } = summary;
  return { counts, report, rejectedCells, stored, indexed };
}

describe('an import read by a reader thread', () => {
  it('reports and stores exactly what the same rows give read in the job’s own thread', async () => {
    const data = rows();
    const small = csv(data, 0, 'small.csv');
    const large = csv(data, 200, 'large.csv');
    expect(fs.statSync(small).size).toBeLessThan(READER_THREAD_MIN_BYTES);
    expect(fs.statSync(large).size).toBeGreaterThan(READER_THREAD_MIN_BYTES * 2);

    for (const mode of ['dryRun', 'commit'] as const) {
      const inThread = await importInto(await newApp(), small, false, mode);
      const threaded = await importInto(await newApp(), large, true, mode);
      expect(threaded).toEqual(inThread);
      expect(inThread.counts).toMatchObject({ update: 1, committed: mode === 'commit' });
      expect(inThread.counts.reject).toBeGreaterThan(25);
      expect(inThread.counts.create).toBeGreaterThan(ROWS - 60);
    }
  }, 120_000);

  it('fails as the job would without it when the file is not what the wizard saw', async () => {
    const app = await newApp();
    const inspection = await inspect(app, csv(rows(), 200, 'large.csv'));
    const { jobId } = await app.value('imports.run', {
      fileId: inspection.fileId,
      sheet: inspection.sheets[0]!.name,
      headerRow: ROWS + 50,
      columns: columnsOf(true),
      mode: 'commit',
    });
    const job = await app.deps.jobs.wait(jobId);
    expect(job.state).toBe('failed');
    expect(job.error).toMatchObject({ code: 'VALIDATION', kind: 'header_not_found' });
  }, 60_000);

  it('cancelled, leaves nothing', async () => {
    const app = await newApp();
    // Long enough that the cancel comes while rows are still being written.
    const inspection = await inspect(app, csv(rows(20_000), 20, 'large.csv'));
    const before = app.database.sqlite.prepare('select count(*) from accounts').pluck().get();
    const { jobId } = await app.value('imports.run', {
      fileId: inspection.fileId,
      sheet: inspection.sheets[0]!.name,
      headerRow: 1,
      columns: columnsOf(true),
      mode: 'commit',
      policy: 'validOnly',
    });
    await untilJobPast(app, jobId, 500);
    await app.value('jobs.cancel', { id: jobId });
    expect((await app.deps.jobs.wait(jobId)).state).toBe('cancelled');
    expect(app.database.sqlite.prepare('select count(*) from accounts').pluck().get()).toBe(before);
  }, 60_000);
});
