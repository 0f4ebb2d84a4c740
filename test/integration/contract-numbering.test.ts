/**
 * Contracts from a won tender: the draft prefills purchaser, won lots and awarded prices; the
 * number comes from the numbering setting and is the next free one; the card knows the award.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, chinaDate } from '../../shared/dates';
import { signedInApp, type TestApp, addStaff } from '../helpers/app';
import { account } from '../helpers/fixtures';
import { priceEntry } from '../helpers/sales';
import { versionOf } from '../helpers/versions';

let app: TestApp;
afterEach(async () => app?.close());

const past = (days: number) => addDays(chinaDate(), -days);
const year = chinaDate().slice(0, 4);

async function wonTender() {
  const gov = await app.value('accounts.create', {
    account: account({ name: '温州市公安局', buyerType: 'government' }),
  });
  const price = await priceEntry(app, '帕萨特');
  const opp = await app.value('opportunities.create', { accountId: gov.id, title: '执法车' });
  const t = await app.value('tenders.create', {
    projectNo: 'WZCG-2026-088',
    name: '执法执勤车辆',
    method: 'open_tender',
    purchaserId: gov.id,
    opportunityId: opp.id,
    announcedOn: past(40),
    bidDeadlineAt: `${past(30)}T01:30:00.000Z`,
    openingAt: `${past(30)}T01:30:00.000Z`,
    lots: [
      { lotNo: '1', quantity: 6, bidAmountFen: 120_000_000, bidModel: '帕萨特' },
      { lotNo: '2', quantity: 2, bidAmountFen: 60_000_000, bidModel: '途昂' },
    ],
  });
  const awarded = await app.value('tenders.recordResults', {
    id: t.id,
    version: await versionOf(app, 'tenders', t.id),
    awardedOn: past(25),
    lots: [
      { lotId: t.lots[0]!.id, result: 'won', winningAmountFen: 118_800_000 },
      {
        lotId: t.lots[1]!.id,
        result: 'lost',
        winnerName: '某丰田店',
        winnerBrand: '丰田',
        winningAmountFen: 55_000_000,
      },
    ],
  });
  return { gov, price, opp, tender: awarded };
}

describe('contract numbering', () => {
  it('numbers from the default pattern, one past the highest number in use', async () => {
    app = await signedInApp('manager');
    const { price, gov } = await wonTender();
    expect(await app.value('contracts.nextNumber', {})).toEqual({
      number: `HT${year}-0001`,
      pattern: 'HT{yyyy}-{seq:4}',
    });
    const make = (number: string) =>
      app.value('contracts.create', {
        number,
        accountId: gov.id,
        partyName: gov.name,
        lines: [{ priceId: price.id, quantity: 1, unitPriceFen: 20_000_000 }],
      });
    await make(`HT${year}-0001`);
    await make(`ht${year}-0007`);
    await make(`HT${Number(year) - 1}-0042`);
    expect((await app.value('contracts.nextNumber', {})).number).toBe(`HT${year}-0008`);
  });

  it('follows a changed pattern; refuses an invalid one with its reason; managers only', async () => {
    app = await signedInApp('manager');
    const bad = await app.call('settings.setContractNumbering', { pattern: 'KA{yyyy}-0001' });
    expect(bad.ok).toBe(false);
    expect(JSON.stringify(!bad.ok && bad.error.details)).toContain(
      'contract_number.pattern_no_seq',
    );
    await app.value('settings.setContractNumbering', { pattern: 'KA{yy}{mm}-{seq:3}' });
    expect((await app.value('settings.contractNumbering', {})).pattern).toBe('KA{yy}{mm}-{seq:3}');
    const ym = `${year.slice(2)}${chinaDate().slice(5, 7)}`;
    expect((await app.value('contracts.nextNumber', {})).number).toBe(`KA${ym}-001`);

    const specialist = await addStaff(app, { name: '专员', role: 'specialist' });
    await app.value('auth.pick', { staffId: specialist.id });
    const refused = await app.call('settings.setContractNumbering', { pattern: 'X{seq:2}' });
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
  });
});

describe('a contract drafted from a won tender', () => {
  it('is prefilled from the won lot only: model, quantity, awarded unit price, purchaser', async () => {
    app = await signedInApp('manager');
    const { gov, price, opp, tender } = await wonTender();
    const draft = await app.value('contracts.draftFromTender', { id: tender.id });
    expect(draft).toEqual({
      number: `HT${year}-0001`,
      accountId: gov.id,
      accountName: '温州市公安局',
      partyName: '温州市公安局',
      opportunity: { id: opp.id, title: '执法车' },
      tender: { id: tender.id, projectNo: 'WZCG-2026-088' },
      awardFen: 118_800_000,
      lines: [
        {
          lotNo: '1',
          model: '帕萨特',
          priceId: price.id,
          quantity: 6,
          unitPriceFen: 19_800_000,
          awardFen: 118_800_000,
        },
      ],
    });
    // The draft writes nothing.
    expect((await app.value('contracts.list', {})).total).toBe(0);

    const contract = await app.value('contracts.create', {
      number: draft.number,
      accountId: draft.accountId,
      partyName: draft.partyName,
      tenderId: draft.tender.id,
      opportunityId: draft.opportunity!.id,
      lines: [{ priceId: price.id, quantity: 6, unitPriceFen: 19_500_000 }],
    });
    // The card carries the award beside the contract's own total.
    expect(contract.tender).toEqual({
      id: tender.id,
      projectNo: 'WZCG-2026-088',
      awardFen: 118_800_000,
    });
    expect(contract.totalFen).toBe(117_000_000);
    expect((await app.value('contracts.draftFromTender', { id: tender.id })).number).toBe(
      `HT${year}-0002`,
    );
  });

  it('finds the price-list entry by model and configuration, and leaves an ambiguous model to the user', async () => {
    app = await signedInApp('manager');
    const { gov } = await wonTender();
    const entry = (model: string, configuration: string) =>
      app.value('prices.save', {
        entry: { model, configuration, retailFen: 25_000_000, floorFen: 20_000_000 },
      });
    const business = await entry('途昂', '380TSI 商务版');
    await entry('途昂', '530V6 旗舰版');
    const t = await app.value('tenders.create', {
      projectNo: 'WZCG-2026-101',
      name: '公务用车',
      method: 'open_tender',
      purchaserId: gov.id,
      announcedOn: past(40),
      bidDeadlineAt: `${past(30)}T01:30:00.000Z`,
      openingAt: `${past(30)}T01:30:00.000Z`,
      lots: [
        { lotNo: 'A', quantity: 1, bidAmountFen: 24_000_000, bidModel: '途昂 380TSI 商务版' },
        { lotNo: 'B', quantity: 3, bidAmountFen: 70_000_000, bidModel: '途昂' },
      ],
    });
    await app.value('tenders.recordResults', {
      id: t.id,
      version: await versionOf(app, 'tenders', t.id),
      awardedOn: past(25),
      lots: t.lots.map((l) => ({ lotId: l.id, result: 'won' as const })),
    });
    const draft = await app.value('contracts.draftFromTender', { id: t.id });
    expect(draft.lines.map((l) => [l.lotNo, l.priceId, l.unitPriceFen])).toEqual([
      ['A', business.id, 24_000_000],
      ['B', null, 23_333_333],
    ]);
    expect(draft.awardFen).toBe(94_000_000);
  });

  it('is refused for a tender we did not win', async () => {
    app = await signedInApp('manager');
    const { gov } = await wonTender();
    const open = await app.value('tenders.create', {
      projectNo: 'WZCG-2026-099',
      name: '未定标',
      method: 'open_tender',
      purchaserId: gov.id,
      lots: [{ lotNo: '1', quantity: 1 }],
    });
    const r = await app.call('contracts.draftFromTender', { id: open.id });
    expect(!r.ok && r.error.details).toMatchObject({ kind: 'contract.tender_not_won' });
  });
});
