/**
 * The account follows its deals: a final contract makes it 成交 (won), a delivery 保有
 * (retained) — never backwards, never over a lifecycle a person set after the deal — and our
 * delivered vehicles add to the fleet lines of the organisation that received them, each change in
 * the account's history with its cause.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, chinaDate } from '../../shared/dates';
import type { AccountInput } from '../../shared/schemas/accounts';
import { signedInApp, type TestApp } from '../helpers/app';
import { account } from '../helpers/fixtures';
import { finalContract, priceEntry, vins } from '../helpers/sales';

let app: TestApp;
afterEach(async () => app?.close());

const past = (days: number) => addDays(chinaDate(), -days);
const thisYear = Number(chinaDate().slice(0, 4));

async function setup(overrides: Partial<AccountInput> = {}, brand = '一汽-大众') {
  app = await signedInApp('manager');
  await app.value('settings.setDealer', { name: '杭州大众4S店', code: 'ZJ001', brand });
  const input = account({ name: '杭州顺达汽车租赁有限公司', lifecycle: 'target', ...overrides });
  const buyer = await app.value('accounts.create', { account: input });
  const price = await priceEntry(app, '帕萨特');
  return { buyer, input, price };
}

async function history(accountId: number) {
  const page = await app.value('accounts.history', { id: accountId, offset: 0, limit: 200 });
  return page.rows;
}

describe('the account follows its deals', () => {
  it('a final contract makes the buyer won, with the contract as the cause', async () => {
    const { buyer, price } = await setup();
    const c = await finalContract(app, {
      accountId: buyer.id,
      partyName: buyer.name,
      priceId: price.id,
      quantity: 2,
      signedOn: past(10),
    });
    const after = await app.value('accounts.get', { id: buyer.id });
    expect(after.lifecycle).toBe('won');
    const entry = (await history(buyer.id)).find((e) => e.action === 'account.lifecycle');
    expect(entry).toMatchObject({
      before: { lifecycle: 'target' },
      after: { lifecycle: 'won', cause: { kind: 'contract.final', contractNo: c.number } },
    });
  });

  it('a delivery makes it retained and adds our brand’s vehicles to its fleet, updating a line of the same model and year', async () => {
    const { buyer, price } = await setup({
      fleet: [
        { brand: '一汽-大众', model: '帕萨特', count: 2, year: thisYear },
        { brand: '丰田', model: '凯美瑞', count: 5, year: 2020 },
        { brand: '一汽-大众', model: '帕萨特', count: 1, year: 2019 },
      ],
    });
    const c = await finalContract(app, {
      accountId: buyer.id,
      partyName: buyer.name,
      priceId: price.id,
      quantity: 3,
      signedOn: past(10),
    });
    const [a, b, d] = vins(3);
    await app.value('contracts.deliver', {
      contractId: c.id,
      lineId: c.lines[0]!.id,
      vin: a!,
      deliveredOn: past(2),
    });
    let after = await app.value('accounts.get', { id: buyer.id });
    expect(after.lifecycle).toBe('retained');
    expect(after.fleet).toEqual(
      expect.arrayContaining([
        { brand: '一汽-大众', model: '帕萨特', count: 3, year: thisYear },
        { brand: '丰田', model: '凯美瑞', count: 5, year: 2020 },
        { brand: '一汽-大众', model: '帕萨特', count: 1, year: 2019 },
      ]),
    );
    expect(after.fleetTotal).toBe(9);

    // A pasted batch: one fleet entry for the batch, not one per vehicle.
    await app.value('contracts.addDeliveries', {
      contractId: c.id,
      lineId: c.lines[0]!.id,
      deliveredOn: past(1),
      rows: [{ vin: b! }, { vin: d! }],
    });
    after = await app.value('accounts.get', { id: buyer.id });
    expect(after.fleet).toContainEqual({
      brand: '一汽-大众',
      model: '帕萨特',
      count: 5,
      year: thisYear,
    });
    expect(after.fleetTotal).toBe(11);
    const entries = await history(buyer.id);
    const fleet = entries.filter((e) => e.action === 'account.fleet');
    expect(fleet).toHaveLength(2);
    expect(fleet[0]).toMatchObject({
      after: {
        lines: [{ brand: '一汽-大众', model: '帕萨特', year: thisYear, before: 3, after: 5 }],
        cause: { kind: 'delivery', contractNo: c.number, vins: [b, d] },
      },
    });
    const lifecycle = entries.filter((e) => e.action === 'account.lifecycle');
    expect(lifecycle.map((e) => (e.after as { lifecycle: string }).lifecycle)).toEqual([
      'retained',
      'won',
    ]);
    expect(lifecycle[0]).toMatchObject({
      after: { cause: { kind: 'delivery', vins: [a], deliveredOn: past(2) } },
    });

    // A removed delivery takes its vehicle off the fleet again.
    const detail = await app.value('contracts.get', { id: c.id });
    await app.value('contracts.removeDelivery', {
      id: detail.deliveries.find((x) => x.vin === d)!.id,
    });
    after = await app.value('accounts.get', { id: buyer.id });
    expect(after.fleet).toContainEqual({
      brand: '一汽-大众',
      model: '帕萨特',
      count: 4,
      year: thisYear,
    });
    expect(after.fleetTotal).toBe(10);
  });

  it('never moves the lifecycle backwards', async () => {
    const { buyer, price } = await setup({ lifecycle: 'retained' });
    await finalContract(app, {
      accountId: buyer.id,
      partyName: buyer.name,
      priceId: price.id,
      quantity: 1,
      signedOn: past(10),
    });
    expect((await app.value('accounts.get', { id: buyer.id })).lifecycle).toBe('retained');
    expect((await history(buyer.id)).some((e) => e.action === 'account.lifecycle')).toBe(false);
  });

  it('leaves a lifecycle a person set after the delivery, and follows a delivery after theirs', async () => {
    const { buyer, input, price } = await setup();
    const c = await finalContract(app, {
      accountId: buyer.id,
      partyName: buyer.name,
      priceId: price.id,
      quantity: 2,
      signedOn: past(30),
    });
    // Today a person puts the account back to 目标 (the deal is being disputed, say).
    const won = await app.value('accounts.get', { id: buyer.id });
    await app.value('accounts.update', {
      id: buyer.id,
      version: won.version,
      account: { ...input, lifecycle: 'target' },
    });
    const [a, b] = vins(2);
    // A vehicle handed over ten days ago, recorded only now: the person's word is the later one.
    await app.value('contracts.deliver', {
      contractId: c.id,
      lineId: c.lines[0]!.id,
      vin: a!,
      deliveredOn: past(10),
    });
    let after = await app.value('accounts.get', { id: buyer.id });
    expect(after.lifecycle).toBe('target');
    // The fleet still follows: the vehicle is theirs.
    expect(after.fleetTotal).toBe(1);
    // A vehicle delivered today comes after the person's change.
    await app.value('contracts.deliver', {
      contractId: c.id,
      lineId: c.lines[0]!.id,
      vin: b!,
      deliveredOn: chinaDate(),
    });
    after = await app.value('accounts.get', { id: buyer.id });
    expect(after.lifecycle).toBe('retained');
  });

  it('adds a system contract’s vehicles to the receiving unit’s fleet, and moves head office and unit', async () => {
    const { price } = await setup();
    const head = await app.value('accounts.create', {
      account: account({ name: '中国工商银行浙江省分行', buyerType: 'system' }),
    });
    const unit = await app.value('accounts.create', {
      account: account({ name: '中国工商银行杭州分行', buyerType: 'system', parentId: head.id }),
    });
    const draft = await app.value('contracts.create', {
      number: 'ICBC-FLEET-1',
      kind: 'system',
      accountId: head.id,
      partyName: head.name,
      signedOn: past(20),
      lines: [{ priceId: price.id, quantity: 2, unitPriceFen: 20_000_000 }],
    });
    await app.value('contracts.allocate', {
      contractId: draft.id,
      unitId: unit.id,
      lineId: draft.lines[0]!.id,
      quantity: 2,
    });
    const c = await app.value('contracts.finalize', { id: draft.id });
    await app.value('contracts.addDeliveries', {
      contractId: c.id,
      lineId: c.lines[0]!.id,
      allocationId: c.allocations[0]!.id,
      deliveredOn: past(1),
      rows: vins(2).map((vin) => ({ vin })),
    });
    const [h, u] = await Promise.all([
      app.value('accounts.get', { id: head.id }),
      app.value('accounts.get', { id: unit.id }),
    ]);
    expect(h.lifecycle).toBe('retained');
    expect(h.fleetTotal).toBe(0);
    expect(u.lifecycle).toBe('retained');
    expect(u.fleet).toEqual([{ brand: '一汽-大众', model: '帕萨特', count: 2, year: thisYear }]);
  });

  it('without our brand set, leaves the fleet alone and says why in the history', async () => {
    const { buyer, price } = await setup({}, '');
    const c = await finalContract(app, {
      accountId: buyer.id,
      partyName: buyer.name,
      priceId: price.id,
      quantity: 1,
      signedOn: past(10),
    });
    await app.value('contracts.deliver', {
      contractId: c.id,
      lineId: c.lines[0]!.id,
      vin: vins(1)[0]!,
      deliveredOn: past(1),
    });
    const after = await app.value('accounts.get', { id: buyer.id });
    expect(after.fleet).toEqual([]);
    expect((await history(buyer.id)).find((e) => e.action === 'account.fleet')).toMatchObject({
      after: { skipped: 'fleet.brand_unset' },
    });
  });
});
