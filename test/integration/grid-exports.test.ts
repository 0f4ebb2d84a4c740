/**
 * `exports.grid` for every grid: the file holds the rows its list method returns for the same
 * view (filters, sort, search), in the same order, with the visible columns asked for; the about
 * sheet describes the view; a specialist's export holds only what their list shows; a cancelled
 * export leaves no file. One team server with demo sales work (every grid has rows), read by a
 * manager and by a specialist who owns some of the accounts.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../electron/app/create-app';
import type { Caller } from '../../electron/session/session';
import type { MethodName } from '../../shared/api';
import type { Filter } from '../../shared/list';
import type { ExportGridRequest, GridName } from '../../shared/schemas/grid-exports';
import { untilJobPast } from '../helpers/app';
import { actingAs, teamApp, type TeamApp } from '../helpers/team';

let team: TeamApp;
let app: App;
let boss: Caller;
let li: Caller;
let liId: number;

type Row = Record<string, unknown>;

async function value<T>(caller: Caller, method: MethodName, input: unknown): Promise<T> {
  const r = await app.dispatch(method, input, caller);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** What a grid's list shows for a view: all its rows (the demo's lists fit in a few pages). */
async function listAll(caller: Caller, method: MethodName, view: object) {
  const rows: Row[] = [];
  let total = 0;
  do {
    const page = await value<{ rows: Row[]; total: number }>(caller, method, {
      ...view,
      offset: rows.length,
      limit: 500,
    });
    rows.push(...page.rows);
    total = page.total;
    if (page.rows.length === 0) break;
  } while (rows.length < total);
  return { rows, total };
}

async function exportGrid(caller: Caller, input: ExportGridRequest) {
  const { jobId } = await value<{ jobId: string }>(caller, 'exports.grid', input);
  const job = await app.deps.jobs.wait(jobId);
  expect(job.state, job.error?.message).toBe('done');
  const result = await value<{ rows: number; fileName: string }>(caller, 'exports.result', {
    jobId,
  });
  const delivery = await value<{ kind: string; url: string }>(caller, 'exports.deliver', {
    jobId,
  });
  const shelved = app.files.get(delivery.url.slice('/api/files/'.length))!;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(shelved.path);
  return { result, wb };
}

function sheetRows(wb: ExcelJS.Workbook, name: string): unknown[][] {
  const sheet = wb.getWorksheet(name)!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

function aboutText(wb: ExcelJS.Workbook, name: string): string {
  return JSON.stringify(wb.getWorksheet(name)!.getSheetValues());
}

interface GridCase {
  grid: GridName;
  list: MethodName;
  title: string;
  /** A filter that keeps some rows of the demo's list, from one of its rows. */
  filter: (sample: Row) => Filter;
  sort: { field: string; desc: boolean }[];
  /** Two visible columns: a text key (compared with `key` of the list rows) and a second. */
  columns: [{ field: string; header: string }, { field: string; header: string }];
  key: (row: Row) => unknown;
  /** What the sort reads as on the about sheet. */
  sortWords: string;
  /** What the filter reads as on the about sheet. */
  described: (sample: Row) => string;
}

const ownerFilter = (r: Row): Filter => ({
  field: 'ownerId',
  op: 'in',
  values: [String(r.ownerId)],
});

const CASES: GridCase[] = [
  {
    grid: 'opportunities',
    sortWords: '金额 降序',
    list: 'opportunities.list',
    title: '商机列表',
    filter: ownerFilter,
    sort: [{ field: 'amountFen', desc: true }],
    columns: [
      { field: 'title', header: '商机名称' },
      { field: 'amountFen', header: '金额' },
    ],
    key: (r) => r.title,
    described: (r) => `负责人: ${String(r.ownerName)}`,
  },
  {
    grid: 'tenders',
    sortWords: '项目编号 降序',
    list: 'tenders.list',
    title: '招标项目',
    filter: (r) => ({ field: 'status', op: 'in', values: [String(r.status)] }),
    sort: [{ field: 'projectNo', desc: true }],
    columns: [
      { field: 'projectNo', header: '项目编号' },
      { field: 'budgetFen', header: '预算' },
    ],
    key: (r) => r.projectNo,
    described: () => '状态: ',
  },
  {
    grid: 'lotResults',
    sortWords: '中标金额 升序',
    list: 'tenders.lotResults',
    title: '中标结果',
    filter: (r) => ({ field: 'result', op: 'in', values: [String(r.result)] }),
    sort: [{ field: 'winningAmountFen', desc: false }],
    columns: [
      { field: 'projectNo', header: '项目编号' },
      { field: 'winningAmountFen', header: '中标金额' },
    ],
    key: (r) => r.projectNo,
    described: () => '结果: ',
  },
  {
    grid: 'contracts',
    sortWords: '合同金额 降序',
    list: 'contracts.list',
    title: '合同列表',
    filter: ownerFilter,
    sort: [{ field: 'totalFen', desc: true }],
    columns: [
      { field: 'number', header: '合同编号' },
      { field: 'totalFen', header: '合同金额' },
    ],
    key: (r) => r.number,
    described: (r) => `负责人: ${String(r.ownerName)}`,
  },
  {
    grid: 'deliveries',
    sortWords: '车架号 升序',
    list: 'contracts.listDeliveries',
    title: '交车记录',
    filter: ownerFilter,
    sort: [{ field: 'vin', desc: false }],
    columns: [
      { field: 'vin', header: '车架号' },
      { field: 'deliveredOn', header: '交车日期' },
    ],
    key: (r) => r.vin,
    described: (r) => `负责人: ${String(r.ownerName)}`,
  },
  {
    grid: 'invoices',
    sortWords: '金额 降序',
    list: 'contracts.listInvoices',
    title: '发票记录',
    filter: ownerFilter,
    sort: [{ field: 'amountFen', desc: true }],
    columns: [
      { field: 'number', header: '发票号' },
      { field: 'amountFen', header: '金额' },
    ],
    key: (r) => r.number,
    described: (r) => `负责人: ${String(r.ownerName)}`,
  },
  {
    grid: 'activities',
    sortWords: '日期 降序',
    list: 'activities.list',
    title: '活动记录',
    filter: (r) => ({ field: 'staffId', op: 'in', values: [String(r.staffId)] }),
    sort: [{ field: 'occurredOn', desc: true }],
    columns: [
      { field: 'accountName', header: '客户' },
      { field: 'type', header: '类型' },
    ],
    key: (r) => r.accountName,
    described: (r) => `记录人: ${String(r.staffName)}`,
  },
  {
    grid: 'claims',
    sortWords: '客户 升序',
    list: 'claims.list',
    title: '客户报备',
    filter: (r) => ({ field: 'status', op: 'in', values: [String(r.status)] }),
    sort: [{ field: 'accountName', desc: false }],
    columns: [
      { field: 'accountName', header: '客户' },
      { field: 'status', header: '状态' },
    ],
    key: (r) => r.accountName,
    described: () => '状态: ',
  },
  {
    grid: 'filings',
    sortWords: '报备编号 降序',
    list: 'filings.list',
    title: '激励报备',
    filter: (r) => ({ field: 'status', op: 'in', values: [String(r.status)] }),
    sort: [{ field: 'number', desc: true }],
    columns: [
      { field: 'number', header: '报备编号' },
      { field: 'units', header: '台数' },
    ],
    key: (r) => r.number,
    described: () => '状态: ',
  },
];

beforeAll(async () => {
  team = await teamApp();
  app = team.app;
  const demo = app.deps.jobs.start('demo.load', { accounts: 400 }, null);
  expect((await app.deps.jobs.wait(demo.id)).state).toBe('done');
  boss = await team.colleague('zhaoqiang', 'manager');
  li = await team.colleague('liming', 'specialist');
  liId = (await app.deps.db
    .selectFrom('staff')
    .select('id')
    .where('login', '=', 'liming')
    .executeTakeFirstOrThrow())!.id;
  // 李明 takes over the accounts of the demo's busiest specialist: a part of every grid is his.
  const busiest = await app.deps.db
    .selectFrom('contracts as c')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .select('a.owner_id')
    .where('a.owner_id', 'is not', null)
    .groupBy('a.owner_id')
    .orderBy((eb) => eb.fn.countAll(), 'desc')
    .executeTakeFirstOrThrow();
  await app.deps.db
    .updateTable('accounts')
    .set({ owner_id: liId })
    .where('owner_id', '=', busiest.owner_id)
    .execute();
}, 120_000);

afterAll(async () => app?.close());

describe.each(CASES)('exporting the $grid grid', (c) => {
  it('writes the rows, order and columns its list shows for the same view, and describes the view', async () => {
    const everything = await listAll(boss, c.list, {});
    expect(everything.total).toBeGreaterThan(1);
    const sample = everything.rows[Math.floor(everything.rows.length / 2)]!;
    const query = { filters: [c.filter(sample)], sort: c.sort };
    const listed = await listAll(boss, c.list, query);
    expect(listed.total).toBeGreaterThan(0);
    expect(listed.total).toBeLessThanOrEqual(everything.total);

    const { result, wb } = await exportGrid(boss, {
      grid: c.grid,
      query,
      columns: c.columns,
      format: 'xlsx',
      lang: 'zh-CN',
      timeZone: 'Asia/Shanghai',
    } as ExportGridRequest);
    expect(result.rows).toBe(listed.total);
    expect(result.fileName).toMatch(new RegExp(`^${c.title}-\\d{8}-\\d{4}\\.xlsx$`));
    const rows = sheetRows(wb, c.title);
    expect(rows[0]).toEqual(c.columns.map((col) => col.header));
    expect(rows.slice(1).map((r) => r[0] ?? null)).toEqual(listed.rows.map(c.key));
    expect(rows.slice(1).every((r) => r.length <= 2)).toBe(true);

    const about = aboutText(wb, '导出说明');
    expect(about).toContain(`${c.title}，共 ${listed.total} 行`);
    expect(about).toContain('zhaoqiang');
    expect(about).toContain(c.described(sample));
    expect(about).toContain(c.columns.map((col) => col.header).join('、'));
    expect(about).toContain(c.sortWords);
    expect(about).toContain('审计链头');
    expect(about).toContain('全部记录');
  });

  it('holds only the specialist’s records, exactly as their list shows them', async () => {
    const theirs = await listAll(li, c.list, { sort: c.sort });
    const all = await listAll(boss, c.list, { sort: c.sort });
    const { result, wb } = await exportGrid(li, {
      grid: c.grid,
      query: { sort: c.sort },
      columns: c.columns,
      format: 'xlsx',
      lang: 'en',
      timeZone: 'Asia/Shanghai',
    } as ExportGridRequest);
    expect(result.rows).toBe(theirs.total);
    const rows = sheetRows(wb, wb.worksheets[0]!.name);
    expect(rows.slice(1).map((r) => r[0] ?? null)).toEqual(theirs.rows.map(c.key));
    const about = aboutText(wb, 'About this export');
    // Tenders and their lot results are the store's, for everyone; the rest is per team.
    if (c.grid === 'tenders' || c.grid === 'lotResults') {
      expect(theirs.total).toBe(all.total);
      expect(about).toContain('all records');
    } else {
      expect(theirs.total).toBeGreaterThan(0);
      expect(theirs.total).toBeLessThan(all.total);
      expect(about).toContain('only the records of liming’s account teams');
    }
  });
});

describe('the grid export', () => {
  it('describes money ranges in yuan, a quick search and the sort in English', async () => {
    const { wb } = await exportGrid(boss, {
      grid: 'contracts',
      query: {
        filters: [{ field: 'totalFen', op: 'range', min: 100_000_000 }],
        sort: [{ field: 'signedOn', desc: false }],
        search: 'HT',
      },
      columns: [{ field: 'number', header: 'Contract no.' }],
      format: 'xlsx',
      lang: 'en',
      timeZone: 'Asia/Shanghai',
    });
    const about = aboutText(wb, 'About this export');
    expect(about).toContain('Total: ≥ ¥1,000,000.00');
    expect(about).toContain('Signed ascending');
    expect(about).toContain('"Quick search","HT"');
  });

  it('writes money as yuan, dates as dates and labels in the export’s language', async () => {
    const listed = await listAll(boss, 'contracts.list', {
      sort: [{ field: 'number', desc: false }],
    });
    const first = listed.rows[0]!;
    const { wb } = await exportGrid(boss, {
      grid: 'contracts',
      query: { sort: [{ field: 'number', desc: false }] },
      columns: [
        { field: 'totalFen', header: 'Total' },
        { field: 'signedOn', header: 'Signed' },
        { field: 'status', header: 'Status' },
      ],
      format: 'xlsx',
      lang: 'en',
      timeZone: 'Asia/Shanghai',
    });
    const sheet = wb.getWorksheet('Contracts')!;
    expect(sheet.getCell('A2').value).toBe(Number(first.totalFen) / 100);
    expect(sheet.getCell('B2').value).toEqual(new Date(`${String(first.signedOn)}T00:00:00Z`));
    expect(sheet.getCell('C2').value).toMatch(/^[A-Z]/);
  });

  it('refuses a column its grid does not have, and a filter on an unknown field', async () => {
    const column = await app.dispatch(
      'exports.grid',
      {
        grid: 'deliveries',
        query: {},
        columns: [{ field: 'totalFen', header: 'x' }],
        format: 'csv',
      },
      boss,
    );
    expect(column.ok || column.error.code).toBe('VALIDATION');
    const filter = await app.dispatch(
      'exports.grid',
      {
        grid: 'invoices',
        query: { filters: [{ field: 'vin', op: 'contains', value: 'L' }] },
        columns: [{ field: 'number', header: 'x' }],
        format: 'csv',
      },
      boss,
    );
    expect(filter.ok || filter.error.code).toBe('VALIDATION');
  });

  it('removes the partial file when cancelled', { timeout: 120_000 }, async () => {
    // Enough activities that the export is still writing when the cancel comes.
    app.database.sqlite
      .prepare(
        `with recursive n(i) as (select 1 union all select i + 1 from n where i < 150000)
         insert into activities (type, account_id, occurred_on, created_at, updated_at)
         select 'call', (select min(id) from accounts), '2026-01-05',
                '2026-01-05T02:00:00.000Z', '2026-01-05T02:00:00.000Z' from n`,
      )
      .run();
    const solo = actingAs(team, boss);
    const before = fs.readdirSync(`${team.dataDir}/exports`);
    const { jobId } = await solo.value('exports.grid', {
      grid: 'activities',
      query: {},
      columns: [{ field: 'accountName', header: '客户' }],
      format: 'xlsx',
    });
    await untilJobPast(solo, jobId);
    await solo.value('jobs.cancel', { id: jobId });
    expect((await app.deps.jobs.wait(jobId)).state).toBe('cancelled');
    expect(fs.readdirSync(`${team.dataDir}/exports`)).toEqual(before);
    const result = await solo.call('exports.result', { jobId });
    expect(result.ok || result.error).toMatchObject({
      code: 'CONFLICT',
      details: { kind: 'export_not_done' },
    });
  });
});
