/**
 * A tender's published schedule changes only through an amendment (更正公告) once announced, so the
 * amendment trail on the card always ends at the date the tender shows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, chinaDate } from '../../shared/dates';
import type { TenderInput } from '../../shared/schemas/tenders';
import { type AmendmentTrail, trailMismatches } from '../../shared/tender-amendments';
import { signedInApp, type TestApp } from '../helpers/app';
import { account } from '../helpers/fixtures';
import { versionOf } from '../helpers/versions';

let app: TestApp;
afterEach(async () => app?.close());

const day = (n: number) => addDays(chinaDate(), n);

async function setup(announced: boolean) {
  app = await signedInApp('specialist');
  const gov = await app.value('accounts.create', {
    account: account({ name: '宁波市公安局', buyerType: 'government' }),
  });
  const input: TenderInput = {
    projectNo: 'NBCG-2026-017',
    name: '执法执勤车辆采购',
    method: 'open_tender',
    purchaserId: gov.id,
    agency: null,
    announcementUrl: null,
    opportunityId: null,
    ownerId: null,
    budgetFen: 300_000_000,
    intentionOn: day(-20),
    announcedOn: announced ? day(-5) : null,
    docSaleStartOn: announced ? day(-4) : null,
    docSaleEndOn: day(3),
    bidDeadlineAt: `${day(10)}T01:30:00.000Z`,
    openingAt: `${day(10)}T01:30:00.000Z`,
    openingPlace: null,
    bondFen: null,
    bondPaidOn: null,
    bondRefundDueOn: null,
    bondRefundedOn: null,
    lots: [
      {
        lotNo: '1',
        name: null,
        requirements: null,
        quantity: 8,
        budgetFen: null,
        bidAmountFen: null,
        bidModel: null,
      },
    ],
    notes: null,
  };
  const t = await app.value('tenders.create', input);
  const edit = async (change: Partial<TenderInput>) =>
    app.call('tenders.update', {
      id: t.id,
      version: await versionOf(app, 'tenders', t.id),
      tender: { ...input, lots: t.lots.map((l) => ({ ...input.lots[0]!, id: l.id })), ...change },
    });
  return { t, input, edit };
}

describe('tender dates and the amendment trail', () => {
  it('a planned tender’s dates edit freely, and announcing it is an edit', async () => {
    const { edit } = await setup(false);
    const moved = await edit({
      openingAt: `${day(12)}T01:30:00.000Z`,
      bidDeadlineAt: `${day(12)}T01:30:00.000Z`,
    });
    expect(moved.ok).toBe(true);
    const announced = await edit({
      announcedOn: day(-1),
      bidDeadlineAt: `${day(12)}T01:30:00.000Z`,
      openingAt: `${day(12)}T01:30:00.000Z`,
    });
    expect(announced.ok && announced.value.status).toBe('announced');
    expect(announced.ok && announced.value.amendments).toEqual([]);
  });

  it('refuses an edit of an announced date with a pointer to 更正, and keeps the date', async () => {
    const { t, edit } = await setup(true);
    const r = await edit({
      openingAt: `${day(14)}T01:30:00.000Z`,
      bidDeadlineAt: `${day(14)}T01:30:00.000Z`,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('POLICY');
    expect(r.error.details).toMatchObject({ kind: 'tender.schedule_needs_amendment' });
    const paths = (r.error.details as { fields: { path: string }[] }).fields.map((f) => f.path);
    expect(paths.sort()).toEqual(['bidDeadlineAt', 'openingAt']);
    const after = await app.value('tenders.get', { id: t.id });
    expect(after.openingAt).toBe(t.openingAt);
    // The budget and the announcement date are published facts too.
    for (const change of [
      { budgetFen: 310_000_000 },
      { announcedOn: day(-6) },
      { docSaleEndOn: null },
    ])
      expect((await edit(change)).ok).toBe(false);
  });

  it('still lets an edit fill in a published fact never typed in, and change everything else', async () => {
    const { edit } = await setup(true);
    const r = await edit({
      openingPlace: '宁波市公共资源交易中心',
      name: '执法执勤车辆采购项目',
      agency: '某代理',
    });
    expect(r.ok).toBe(true);
    expect(r.ok && r.value).toMatchObject({
      openingPlace: '宁波市公共资源交易中心',
      agency: '某代理',
    });
  });

  it('an amendment moves the date, and the trail ends where the tender stands', async () => {
    const { t, input, edit } = await setup(true);
    const later = `${day(14)}T01:30:00.000Z`;
    const amended = await app.value('tenders.amend', {
      id: t.id,
      version: await versionOf(app, 'tenders', t.id),
      publishedOn: chinaDate(),
      summary: '开标时间推迟',
      changes: { bidDeadlineAt: later, openingAt: later },
    });
    expect(amended.openingAt).toBe(later);
    expect(amended.amendments.at(-1)!.changes.openingAt).toEqual([t.openingAt, later]);
    expect(trailMismatches(amended, amended.amendments)).toEqual([]);
    // Re-saving the form with the amended dates changes nothing of the schedule: allowed.
    const resaved = await edit({ bidDeadlineAt: later, openingAt: later, notes: '已更正' });
    expect(resaved.ok).toBe(true);
    // Going back to the old date by an edit is refused: the trail would disagree.
    const back = await edit({ bidDeadlineAt: input.bidDeadlineAt, openingAt: input.openingAt });
    expect(back.ok).toBe(false);
    const card = await app.value('tenders.get', { id: t.id });
    expect(trailMismatches(card, card.amendments)).toEqual([]);
  });

  it('a field an amendment touched is locked even on a tender not yet announced', async () => {
    const { t, edit } = await setup(false);
    await app.value('tenders.amend', {
      id: t.id,
      version: await versionOf(app, 'tenders', t.id),
      publishedOn: chinaDate(),
      summary: '预算调整',
      changes: { budgetFen: 280_000_000 },
    });
    const r = await edit({ budgetFen: 290_000_000 });
    expect(!r.ok && r.error.details).toMatchObject({ kind: 'tender.schedule_needs_amendment' });
    // Other planned dates still edit freely.
    expect((await edit({ budgetFen: 280_000_000, docSaleEndOn: day(4) })).ok).toBe(true);
  });

  it('an awarded tender’s dates are history: refused without pointing to an amendment', async () => {
    const { t, edit } = await setup(true);
    const past = `${day(-1)}T01:30:00.000Z`;
    await app.value('tenders.amend', {
      id: t.id,
      version: await versionOf(app, 'tenders', t.id),
      publishedOn: chinaDate(),
      summary: '提前开标',
      changes: { docSaleEndOn: day(-2), bidDeadlineAt: past, openingAt: past },
    });
    await app.value('tenders.recordResults', {
      id: t.id,
      version: await versionOf(app, 'tenders', t.id),
      awardedOn: chinaDate(),
      lots: [{ lotId: t.lots[0]!.id, result: 'won', winningAmountFen: 160_000_000 }],
    });
    const r = await edit({
      docSaleEndOn: day(-2),
      bidDeadlineAt: past,
      openingAt: `${day(-1)}T02:00:00.000Z`,
    });
    expect(!r.ok && r.error.details).toMatchObject({ kind: 'tender.schedule_final' });
  });
});

describe('trailMismatches', () => {
  it('names a field changed outside the trail, with both values', () => {
    const trail: AmendmentTrail[] = [
      { changes: { openingAt: ['2026-06-20T01:30:00.000Z', '2026-06-23T01:30:00.000Z'] } },
      { changes: { openingPlace: [null, '三楼'] } },
    ];
    expect(
      trailMismatches({ openingAt: '2026-06-23T01:30:00.000Z', openingPlace: '三楼' }, trail),
    ).toEqual([]);
    expect(
      trailMismatches({ openingAt: '2026-06-25T01:30:00.000Z', openingPlace: '三楼' }, trail),
    ).toEqual([
      {
        field: 'openingAt',
        amendedTo: '2026-06-23T01:30:00.000Z',
        current: '2026-06-25T01:30:00.000Z',
      },
    ]);
  });
});
