/**
 * Per-account facts stay current through the real write paths — contracts made final or cancelled,
 * activities logged and deleted, opportunities opened and lost, the fleet edited — and a refreshed
 * row is what a full rebuild would store; the 交易 tab's standing (segment, KA, scorecard) follows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, chinaDate } from '../../shared/dates';
import { refreshAccountFactsInRanges, refreshAllAccountFacts } from '../../electron/value/facts';
import { signedInApp, type TestApp } from '../helpers/app';
import { tempDir } from '../helpers/db';
import { account, newUscc } from '../helpers/fixtures';
import { inspect, runImport } from '../helpers/imports';
import { finalContract, priceEntry } from '../helpers/sales';
import { versionOf } from '../helpers/versions';

let app: TestApp;
afterEach(async () => app?.close());

const past = (days: number) => addDays(chinaDate(), -days);

async function facts(id: number) {
  return (await app.value('value.account', { id })).facts;
}

/** A new account that bought `quantity` vehicles on one final contract five days ago. */
async function buyerWithContract(quantity: number) {
  const buyer = await app.value('accounts.create', { account: account() });
  const price = await priceEntry(app);
  await finalContract(app, {
    accountId: buyer.id,
    partyName: buyer.name,
    priceId: price.id,
    quantity,
    signedOn: past(5),
  });
  return buyer;
}

describe('account facts follow the write paths', () => {
  it('revenue, units, purchases, margins, repeat buying, contact, pipeline, cancellations and fleet share', async () => {
    app = await signedInApp('manager');
    await app.value('settings.setDealer', {
      name: '杭州大众4S店',
      code: 'ZJ001',
      brand: '一汽-大众',
    });
    const buyer = await app.value('accounts.create', {
      account: account({ fleet: [{ brand: '丰田', model: '凯美瑞', count: 10, year: 2018 }] }),
    });
    const price = await priceEntry(app); // retail 220,000.00, floor 190,000.00
    expect(await facts(buyer.id)).toMatchObject({
      revenueFen: 0,
      purchases: 0,
      repeatBuyer: false,
    });

    const first = { accountId: buyer.id, partyName: buyer.name, priceId: price.id };
    await finalContract(app, { ...first, quantity: 2, signedOn: past(400) });
    await finalContract(app, { ...first, quantity: 3, signedOn: past(10) });
    let f = await facts(buyer.id);
    expect(f).toMatchObject({
      revenueFen: 100_000_000,
      units: 5,
      purchases: 2,
      purchaseYears: 2,
      repeatBuyer: true,
      maxBatchUnits: 3,
      firstPurchaseOn: past(400),
      lastPurchaseOn: past(10),
      marginFloorFen: 5_000_000,
      marginRetailFen: -10_000_000,
      fleetTotal: 10,
      fleetShare: 0.5,
    });

    // A draft counts for nothing; cancelled, it counts as a cancellation.
    const draft = await app.value('contracts.create', {
      number: 'HT-DRAFT-1',
      accountId: buyer.id,
      partyName: buyer.name,
      signedOn: null,
      tenderId: null,
      lines: [{ priceId: price.id, quantity: 1, unitPriceFen: 20_000_000 }],
    });
    expect((await facts(buyer.id)).revenueFen).toBe(100_000_000);
    await app.value('contracts.cancel', { id: draft.id, reason: '客户改期' });
    expect((await facts(buyer.id)).cancelledContracts).toBe(1);

    const visit = await app.value('activities.create', {
      type: 'visit',
      accountId: buyer.id,
      occurredOn: past(3),
    });
    expect((await facts(buyer.id)).lastContactOn).toBe(past(3));

    const o = await app.value('opportunities.create', {
      accountId: buyer.id,
      title: '2027年更新',
      lines: [{ model: '帕萨特', quantity: 4, targetUnitPriceFen: 20_000_000 }],
    });
    f = await facts(buyer.id);
    expect(f).toMatchObject({ openPipelineFen: 80_000_000, openOpportunities: 1 });
    await app.value('opportunities.move', {
      id: o.id,
      version: await versionOf(app, 'opportunities', o.id),
      stage: 'lost',
      lostReason: 'price',
    });
    expect((await facts(buyer.id)).openPipelineFen).toBe(0);

    await app.value('activities.delete', { id: visit.id });
    expect((await facts(buyer.id)).lastContactOn).toBeNull();

    // The fleet edited on the account: the share divides by the new total.
    const current = await app.value('accounts.get', { id: buyer.id });
    await app.value('accounts.update', {
      id: buyer.id,
      version: current.version,
      account: account({
        name: current.name,
        uscc: current.uscc,
        fleet: [{ brand: '丰田', model: '凯美瑞', count: 20, year: 2018 }],
      }),
    });
    expect((await facts(buyer.id)).fleetShare).toBe(0.25);

    // What the workflows stored is what a rebuild stores.
    const stored = await app.deps.db.selectFrom('account_facts').selectAll().execute();
    await refreshAllAccountFacts(app.deps.db);
    expect(await app.deps.db.selectFrom('account_facts').selectAll().execute()).toEqual(stored);
  });

  it('an accounts import stores its new accounts’ facts and leaves the others’ as a rebuild would', async () => {
    app = await signedInApp('manager');
    const buyer = await buyerWithContract(3);
    // Three new accounts, and the buyer's address changed by its USCC.
    const file = path.join(tempDir(), 'accounts.csv');
    const lines = ['单位名称,统一社会信用代码,客户类型,详细地址'];
    for (const n of [1, 2, 3])
      lines.push(`导入事实测试${n}有限公司,${newUscc()},企业,文三路${n}号`);
    lines.push(`${buyer.name},${buyer.uscc},企业,新地址 8 号`);
    fs.writeFileSync(file, lines.join('\n') + '\n');
    const inspection = await inspect(app, file);
    const { summary } = await runImport(app, inspection.fileId, inspection.sheets[0]!, 'commit');
    expect(summary).toMatchObject({ create: 3, update: 1, committed: true });

    const facts = () =>
      app!.deps.db.selectFrom('account_facts').selectAll().orderBy('account_id').execute();
    const stored = await facts();
    expect(stored).toHaveLength(4);
    expect(stored.find((f) => f.account_id === buyer.id)).toMatchObject({ units: 3, purchases: 1 });
    await refreshAllAccountFacts(app.deps.db);
    expect(await facts()).toEqual(stored);

    // By id ranges, accounts with records (the buyer's contract) and without (one with a fleet)
    // get what a rebuild gives them.
    await app.deps.db
      .updateTable('accounts')
      .set({ fleet_total: 5 })
      .where('name', '=', '导入事实测试1有限公司')
      .execute();
    await refreshAllAccountFacts(app.deps.db);
    const rebuilt = await facts();
    expect(rebuilt.filter((f) => f.fleet_share_bp === 0)).toHaveLength(1);
    await app.deps.db.deleteFrom('account_facts').execute();
    await refreshAccountFactsInRanges(app.deps.db, [[1, 1_000_000]]);
    expect(await facts()).toEqual(rebuilt);
  });

  it('the 交易 tab explains the standing: class, segment, KA and the score line by line', async () => {
    app = await signedInApp('manager');
    const buyer = await buyerWithContract(12);
    const v = await app.value('value.account', { id: buyer.id });
    expect(v).toMatchObject({ abc: 'A', rank: 1, grade: 'C', segment: 'value', ka: true });
    expect(v.segmentReason).toEqual({ code: 'segment.value', params: { abc: 'A', rank: 1 } });
    expect(v.kaReason).toEqual({ code: 'ka.batch', params: { units: 12, min: 10 } });
    expect(v.contracts).toHaveLength(1);
    // Weights 50/30/20: class A is 100 value points → 50; growth 30 potential points → 9.
    expect(v.scoreLines.map((l) => [l.code, l.points])).toEqual([
      ['score.value_class', 50],
      ['score.potential_fleet', 0],
      ['score.potential_growth', 9],
      ['score.potential_pipeline', 0],
      ['score.risk_lost_tenders', 0],
      ['score.risk_cancelled', 0],
      ['score.risk_overdue', 0],
    ]);
    expect(v.score).toBe(59);
  });
});
