/**
 * The accounts grid's fact columns (sorted and filtered in SQL, null on a colleague's accounts for a
 * specialist) and its Pareto drill-down exported: the rows of exactly that class, the facts as
 * money and dates, and the about sheet describing the value-class filter.
 */
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { addStaff, signedInApp, type TestApp } from '../helpers/app';
import { account } from '../helpers/fixtures';
import { finalContract, priceEntry } from '../helpers/sales';

let app: TestApp;
afterEach(async () => app?.close());

const year = new Date().getUTCFullYear();
const thisYear = { from: `${year}-01-01`, to: `${year}-12-31` };

async function seed() {
  app = await signedInApp('manager');
  const li = await addStaff(app, { name: '李专员', role: 'specialist' });
  const price = await priceEntry(app);
  const big = await app.value('accounts.create', {
    account: account({ name: '杭州市公安局', ownerId: li.id }),
  });
  const small = await app.value('accounts.create', { account: account({ name: '宁波市财政局' }) });
  const none = await app.value('accounts.create', { account: account({ name: '温州市税务局' }) });
  const signedOn = `${year}-01-02`;
  for (const [a, quantity] of [
    [big, 9],
    [small, 1],
  ] as const)
    await finalContract(app, {
      accountId: a.id,
      partyName: a.name,
      priceId: price.id,
      quantity,
      signedOn,
    });
  return { li, big, small, none };
}

describe('the accounts grid’s value columns', () => {
  it('sorts and filters on the facts in SQL; a specialist sees facts of their own accounts only', async () => {
    const { li, big, small, none } = await seed();
    const byRevenue = await app.value('accounts.list', {
      sort: [{ field: 'revenueWan', desc: true }],
      filters: [{ field: 'units', op: 'range', min: 1 }],
    });
    expect(byRevenue.rows.map((r) => [r.id, r.revenueFen, r.units])).toEqual([
      [big.id, 180_000_000, 9],
      [small.id, 20_000_000, 1],
    ]);
    // 万元 in the filter: 180 万元 ≥ 100.
    const over100 = await app.value('accounts.list', {
      filters: [{ field: 'revenueWan', op: 'range', min: 100 }],
    });
    expect(over100.rows.map((r) => r.id)).toEqual([big.id]);
    const never = await app.value('accounts.list', {
      filters: [{ field: 'lastPurchaseOn', op: 'dateRange', to: `${year}-12-31` }],
    });
    expect(never.rows.map((r) => r.id)).not.toContain(none.id);

    await app.value('auth.pick', { staffId: li.id });
    const seen = await app.value('accounts.list', { sort: [{ field: 'name', desc: false }] });
    const facts = Object.fromEntries(seen.rows.map((r) => [r.id, r.revenueFen]));
    expect(facts).toEqual({ [big.id]: 180_000_000, [small.id]: null, [none.id]: null });
    // The card's 交易 tab and the scorecard keep to the specialist's accounts too.
    expect((await app.value('value.account', { id: big.id })).abc).toBe('A');
    const other = await app.call('value.account', { id: small.id });
    expect(other.ok ? null : other.error.code).toBe('FORBIDDEN');
    const card = await app.value('value.scorecard', {});
    expect(card.rows.map((r) => r.id)).toEqual([big.id]);
  });

  it('exports a drill-down: exactly its class, facts as money, the filter described', async () => {
    const { big } = await seed();
    const { jobId } = await app.value('exports.accounts', {
      format: 'xlsx',
      lang: 'zh-CN',
      valueClass: { ...thisYear, basis: 'revenue', cutoffs: { a: 80, b: 95 }, classes: ['A'] },
      columns: [
        { field: 'name', header: '客户名称' },
        { field: 'revenueWan', header: '成交金额' },
        { field: 'lastPurchaseOn', header: '最近成交' },
      ],
    });
    expect((await app.deps.jobs.wait(jobId)).state).toBe('done');
    const delivery = await app.value('exports.deliver', { jobId });
    if (delivery.kind !== 'download') throw new Error('expected a download');
    const file = app.files.get(delivery.url.slice('/api/files/'.length))!.path;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getCell('A2').value).toBe(big.name);
    expect(sheet.getCell('B2').value).toBe(1_800_000);
    expect(sheet.getCell('C2').value).toBeInstanceOf(Date);
    const about = JSON.stringify(wb.getWorksheet('导出说明')!.getSheetValues());
    expect(about).toContain(
      `价值分类（按成交额，${year}-01-01 至 ${year}-12-31，A ≤ 80%，B ≤ 95%）：A 类`,
    );
  });
});
