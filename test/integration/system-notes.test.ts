/**
 * Notes the application writes (a stage moved by a tender or a contract, a follow-up's day after
 * delivery) are stored as codes with parameters and read back as such: no sentence in either
 * language reaches the database, and the words come from shared/system-notes in the reader's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, chinaDate } from '../../shared/dates';
import { renderSystemNote } from '../../shared/system-notes';
import { signedInApp, type TestApp } from '../helpers/app';
import { account } from '../helpers/fixtures';
import { deliverAll, finalContract, priceEntry } from '../helpers/sales';
import { versionOf } from '../helpers/versions';

let app: TestApp;
afterEach(async () => app?.close());

const past = (days: number) => addDays(chinaDate(), -days);
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

function schedule() {
  return {
    announcedOn: past(40),
    docSaleStartOn: past(38),
    docSaleEndOn: past(33),
    bidDeadlineAt: `${past(30)}T01:30:00.000Z`,
    openingAt: `${past(30)}T01:30:00.000Z`,
    openingPlace: null,
  };
}

describe('notes the application writes', () => {
  it('a tender bid and its won and lost results note the stage change as codes', async () => {
    app = await signedInApp('manager');
    const gov = await app.value('accounts.create', {
      account: account({ name: '杭州市公安局', buyerType: 'government' }),
    });
    const o1 = await app.value('opportunities.create', { accountId: gov.id, title: '执法车 A' });
    const o2 = await app.value('opportunities.create', { accountId: gov.id, title: '执法车 B' });
    const tender = (projectNo: string, opportunityId: number) =>
      app.value('tenders.create', {
        projectNo,
        name: projectNo,
        method: 'open_tender',
        purchaserId: gov.id,
        opportunityId,
        ...schedule(),
        lots: [{ lotNo: '1', quantity: 3, bidAmountFen: 60_000_000, bidModel: '帕萨特' }],
      });
    const won = await tender('T-WON', o1.id);
    await app.value('tenders.recordResults', {
      id: won.id,
      version: await versionOf(app, 'tenders', won.id),
      awardedOn: past(25),
      lots: [{ lotId: won.lots[0]!.id, result: 'won' }],
    });
    const lost = await tender('T-LOST', o2.id);
    await app.value('tenders.recordResults', {
      id: lost.id,
      version: await versionOf(app, 'tenders', lost.id),
      awardedOn: past(25),
      lots: [{ lotId: lost.lots[0]!.id, result: 'lost', winnerName: '某丰田店' }],
    });

    const h1 = (await app.value('opportunities.get', { id: o1.id })).stageHistory;
    const h2 = (await app.value('opportunities.get', { id: o2.id })).stageHistory;
    expect(h1.map((h) => [h.cause, h.to, h.note, h.systemNote])).toEqual([
      ['manual', 'interest', null, null],
      ['tender', 'comparison', null, { code: 'tender.bid', params: { projectNo: 'T-WON' } }],
      ['tender', 'commitment', null, { code: 'tender.won', params: { projectNo: 'T-WON' } }],
    ]);
    expect(h2.at(-1)).toMatchObject({
      cause: 'tender',
      to: 'lost',
      note: null,
      systemNote: { code: 'tender.lost', params: { projectNo: 'T-LOST' } },
    });

    // No sentence in the table: the application's notes are codes, only people write text.
    const raw = await app.database.db
      .selectFrom('opportunity_stages')
      .select(['note', 'note_code', 'note_params'])
      .where('cause', '!=', 'manual')
      .execute();
    expect(raw.every((r) => r.note === null && r.note_code !== null)).toBe(true);
  });

  it('a final contract notes 使用 as a code; a person’s lost note stays their text', async () => {
    app = await signedInApp('manager');
    const gov = await app.value('accounts.create', {
      account: account({ name: '杭州市公安局', buyerType: 'government' }),
    });
    const price = await priceEntry(app);
    const opp = await app.value('opportunities.create', { accountId: gov.id, title: '执法车' });
    const draft = await app.value('contracts.create', {
      number: 'HT2026-0007',
      accountId: gov.id,
      opportunityId: opp.id,
      partyName: '杭州市公安局',
      signedOn: past(10),
      lines: [{ priceId: price.id, quantity: 1, unitPriceFen: 20_000_000 }],
    });
    await app.value('contracts.finalize', { id: draft.id });
    const other = await app.value('opportunities.create', { accountId: gov.id, title: '另一单' });
    await app.value('opportunities.move', {
      id: other.id,
      version: await versionOf(app, 'opportunities', other.id),
      stage: 'lost',
      lostReason: 'price',
      lostNote: 'HT-1: final',
    });

    const history = (await app.value('opportunities.get', { id: opp.id })).stageHistory;
    expect(history.at(-1)).toMatchObject({
      cause: 'contract',
      to: 'in_use',
      note: null,
      systemNote: { code: 'contract.final', params: { number: 'HT2026-0007' } },
    });
    const typed = (await app.value('opportunities.get', { id: other.id })).stageHistory.at(-1)!;
    expect(typed).toMatchObject({ cause: 'manual', note: 'HT-1: final', systemNote: null });
  });

  it('a follow-up is titled by names only and says its day as a code, worded in each language', async () => {
    app = await signedInApp('manager');
    const gov = await app.value('accounts.create', {
      account: account({ name: '杭州市公安局', buyerType: 'government' }),
    });
    const price = await priceEntry(app);
    const contract = await finalContract(app, {
      accountId: gov.id,
      partyName: '杭州市公安局',
      priceId: price.id,
      quantity: 1,
      signedOn: past(20),
    });
    await deliverAll(app, contract, past(10), null);
    const cal = await app.value('calendar.list', { from: past(10), to: addDays(chinaDate(), 60) });
    const followUps = cal.items.filter((i) => i.kind === 'follow_up');
    expect(followUps.length).toBeGreaterThan(0);
    for (const item of followUps) {
      expect(item.title).toBe(`${contract.number} 杭州市公安局`);
      expect(item.note).toMatchObject({ code: 'follow_up.after_delivery' });
    }
    const seven = followUps.find(
      (i) => i.note?.code === 'follow_up.after_delivery' && i.note.params.days === 7,
    )!;
    expect(renderSystemNote(seven.note!, 'zh', seven.title)).toBe(
      `${contract.number} 杭州市公安局（交车后7天）`,
    );
    expect(renderSystemNote(seven.note!, 'en', seven.title)).toBe(
      `${contract.number} 杭州市公安局 (7 days after delivery)`,
    );
    // Reminders and my day carry the same code.
    const day = await app.value('myDay.get', {});
    const mine = [...day.due, ...day.overdue].filter((i) => i.kind === 'follow_up');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((i) => i.note?.code === 'follow_up.after_delivery')).toBe(true);
    expect(CJK.test(renderSystemNote(seven.note!, 'en'))).toBe(false);
  });
});
