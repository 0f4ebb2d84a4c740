/**
 * The sales workflows through the API: opportunities and their stages, tenders from announcement
 * to award, contracts under the price guard, system allocations, deliveries, invoices, follow-ups,
 * activities and the deadlines they all feed — with the impossible transitions refused.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../shared/result';
import { addDays, chinaDate } from '../../shared/dates';
import { vinCheckCharacter } from '../../shared/vin';
import { signedInApp, type TestApp, addStaff } from '../helpers/app';
import { account } from '../helpers/fixtures';
import { versionOf } from '../helpers/versions';

let app: TestApp;
afterEach(async () => app?.close());

/** A VIN with its check character computed, from a 16-character stem (position 9 left out). */
function vin(stem: string): string {
  const draft = `${stem.slice(0, 8)}0${stem.slice(8)}`;
  return `${stem.slice(0, 8)}${vinCheckCharacter(draft)}${stem.slice(8)}`;
}

async function expectError(
  call: Promise<{ ok: boolean; error?: { code: ErrorCode; details?: unknown } }>,
  code: ErrorCode,
  kind: string,
) {
  const r = await call;
  expect(r.ok).toBe(false);
  expect(r.error?.code).toBe(code);
  expect(JSON.stringify(r.error?.details)).toContain(kind);
}

async function setup() {
  app = await signedInApp('manager');
  const me = await app.value('auth.current', {});
  const gov = await app.value('accounts.create', {
    account: account({ name: '杭州市公安局', buyerType: 'government' }),
  });
  const price = await app.value('prices.save', {
    entry: {
      model: '帕萨特',
      configuration: '330TSI 精英版',
      retailFen: 22_000_000,
      floorFen: 19_000_000,
    },
  });
  return { me: me!, gov, price };
}

const past = (days: number) => addDays(chinaDate(), -days);

describe('opportunities', () => {
  it('sums demand lines into amount and weighted amount, per stage and in total', async () => {
    const { gov } = await setup();
    const o = await app.value('opportunities.create', {
      accountId: gov.id,
      title: '2027年警用车辆更新',
      lines: [
        { model: '帕萨特', quantity: 10, targetUnitPriceFen: 20_000_000 },
        { model: '途观L', quantity: 2, targetUnitPriceFen: null },
      ],
      budgetFen: 300_000_000,
    });
    expect(o).toMatchObject({
      stage: 'interest',
      probability: 5,
      amountFen: 200_000_000,
      quantity: 12,
    });
    expect(o.weightedFen).toBe(10_000_000);
    await app.value('opportunities.create', {
      accountId: gov.id,
      title: '无明细',
      budgetFen: 50_000_000,
    });
    await app.value('opportunities.move', {
      id: o.id,
      version: await versionOf(app, 'opportunities', o.id),
      stage: 'comparison',
    });

    const board = await app.value('opportunities.board', {});
    const byStage = Object.fromEntries(board.columns.map((c) => [c.stage, c]));
    expect(byStage.comparison).toMatchObject({
      count: 1,
      amountFen: 200_000_000,
      weightedFen: 60_000_000,
    });
    expect(byStage.interest).toMatchObject({
      count: 1,
      amountFen: 50_000_000,
      weightedFen: 2_500_000,
    });
    expect(board.total).toEqual({ count: 2, amountFen: 250_000_000, weightedFen: 62_500_000 });

    // Probabilities are settings: the forecast follows them.
    const settings = await app.value('settings.sales', {});
    await app.value('settings.setSales', {
      ...settings,
      probabilities: { ...settings.probabilities, comparison: 40 },
    });
    const page = await app.value('opportunities.list', {
      sort: [{ field: 'weightedFen', desc: true }],
    });
    expect(page.rows[0]).toMatchObject({ id: o.id, probability: 40, weightedFen: 80_000_000 });
  });

  it('lists each view’s own cards in every stage, and the same view again after a card moves', async () => {
    const { gov } = await setup();
    const firm = await app.value('accounts.create', {
      account: account({ name: '杭州出租汽车集团有限公司', buyerType: 'direct' }),
    });
    const made: Record<string, number> = {};
    for (const [title, accountId, stage] of [
      ['警车甲', gov.id, 'interest'],
      ['警车乙', gov.id, 'design'],
      ['出租车甲', firm.id, 'interest'],
      ['出租车乙', firm.id, 'design'],
      ['出租车丙', firm.id, 'design'],
    ] as const) {
      const o = await app.value('opportunities.create', { accountId, title, budgetFen: 1_000_000 });
      if (stage !== 'interest')
        await app.value('opportunities.move', {
          id: o.id,
          version: await versionOf(app, 'opportunities', o.id),
          stage,
        });
      made[title] = o.id;
    }
    const cards = async (query: object) => {
      const board = await app.value('opportunities.board', query);
      return Object.fromEntries(
        board.columns
          .filter((c) => c.cards.length > 0)
          .map((c) => [c.stage, c.cards.map((x) => x.title).sort()]),
      );
    };
    const government = { filters: [{ field: 'buyerType', op: 'in', values: ['government'] }] };
    expect(await cards({})).toEqual({
      interest: ['出租车甲', '警车甲'],
      design: ['出租车丙', '出租车乙', '警车乙'],
    });
    expect(await cards(government)).toEqual({ interest: ['警车甲'], design: ['警车乙'] });
    expect(await cards({ search: '出租车' })).toEqual({
      interest: ['出租车甲'],
      design: ['出租车丙', '出租车乙'],
    });
    expect(await cards({ cardsPerStage: 1 })).toMatchObject({ design: [expect.any(String)] });
    await app.value('opportunities.move', {
      id: made['警车甲']!,
      version: await versionOf(app, 'opportunities', made['警车甲']!),
      stage: 'comparison',
    });
    expect(await cards(government)).toEqual({ design: ['警车乙'], comparison: ['警车甲'] });
  });

  it('needs a reason to lose, a final contract to win, and keeps the stage history', async () => {
    const { gov } = await setup();
    const o = await app.value('opportunities.create', { accountId: gov.id, title: '执法车' });
    await expectError(
      app.call('opportunities.move', {
        id: o.id,
        version: await versionOf(app, 'opportunities', o.id),
        stage: 'lost',
      }),
      'VALIDATION',
      'stage.lost_reason',
    );
    await expectError(
      app.call('opportunities.move', {
        id: o.id,
        version: await versionOf(app, 'opportunities', o.id),
        stage: 'won',
      }),
      'POLICY',
      'stage.won_contract',
    );
    const lost = await app.value('opportunities.move', {
      id: o.id,
      version: await versionOf(app, 'opportunities', o.id),
      stage: 'lost',
      lostReason: 'price',
      winnerName: '某丰田经销商',
      winningPriceFen: 18_500_000,
    });
    expect(lost).toMatchObject({
      stage: 'lost',
      lostReason: 'price',
      winnerName: '某丰田经销商',
      winningPriceFen: 18_500_000,
      weightedFen: 0,
    });
    const reopened = await app.value('opportunities.move', {
      id: o.id,
      version: await versionOf(app, 'opportunities', o.id),
      stage: 'design',
    });
    expect(reopened.lostReason).toBeNull();
    expect(reopened.stageHistory.map((h) => [h.from, h.to])).toEqual([
      [null, 'interest'],
      ['interest', 'lost'],
      ['lost', 'design'],
    ]);
    const history = await app.value('opportunities.history', { id: o.id });
    expect(history.rows.map((e) => e.action)).toEqual([
      'opportunity.move',
      'opportunity.move',
      'opportunity.create',
    ]);
  });
});

describe('government tenders', () => {
  const schedule = () => ({
    announcedOn: past(40),
    docSaleStartOn: past(38),
    docSaleEndOn: past(33),
    bidDeadlineAt: `${past(30)}T01:30:00.000Z`,
    openingAt: `${past(30)}T01:30:00.000Z`,
    openingPlace: '杭州市公共资源交易中心',
  });

  it('keeps dates in order, records amendments, refuses an award before the opening', async () => {
    const { gov } = await setup();
    const base = {
      projectNo: 'HZCG-2026-001',
      name: '公安执法执勤车辆采购',
      method: 'open_tender' as const,
      purchaserId: gov.id,
      lots: [{ lotNo: '1', quantity: 10, budgetFen: 200_000_000 }],
    };
    await expectError(
      app.call('tenders.create', {
        ...base,
        announcedOn: '2026-10-10',
        docSaleStartOn: '2026-10-01',
      }),
      'VALIDATION',
      'tender.sale_before_announcement',
    );
    const future = addDays(chinaDate(), 10);
    const t = await app.value('tenders.create', {
      ...base,
      announcedOn: past(5),
      docSaleStartOn: past(4),
      docSaleEndOn: addDays(chinaDate(), 2),
      bidDeadlineAt: `${future}T01:30:00.000Z`,
      openingAt: `${future}T01:30:00.000Z`,
      bondFen: 2_000_000,
      bondPaidOn: past(1),
      bondRefundDueOn: addDays(future, 5),
    });
    expect(t).toMatchObject({ status: 'announced', phase: 'doc_sale', quantity: 10 });
    await expectError(
      app.call('tenders.create', { ...base, projectNo: ' hzcg-2026-001 ' }),
      'CONFLICT',
      'tender.project_taken',
    );
    await expectError(
      app.call('tenders.recordResults', {
        id: t.id,
        version: await versionOf(app, 'tenders', t.id),
        awardedOn: chinaDate(),
        lots: [{ lotId: t.lots[0]!.id, result: 'won' }],
      }),
      'POLICY',
      'tender.award_before_opening',
    );
    const later = addDays(future, 3);
    const amended = await app.value('tenders.amend', {
      id: t.id,
      version: await versionOf(app, 'tenders', t.id),
      publishedOn: chinaDate(),
      summary: '开标时间推迟三天',
      changes: { bidDeadlineAt: `${later}T01:30:00.000Z`, openingAt: `${later}T01:30:00.000Z` },
    });
    expect(amended.amendments).toHaveLength(1);
    expect(amended.amendments[0]!.changes.openingAt).toEqual([
      `${future}T01:30:00.000Z`,
      `${later}T01:30:00.000Z`,
    ]);
    const cal = await app.value('calendar.list', {
      from: chinaDate(),
      to: addDays(chinaDate(), 30),
    });
    const kinds = cal.items.filter((i) => i.entity === 'tender').map((i) => [i.kind, i.dueOn]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['doc_sale_end', addDays(chinaDate(), 2)],
        ['bid_deadline', later],
        ['opening', later],
        ['bond_refund_due', addDays(future, 5)],
      ]),
    );
  });

  it('a won lot moves the opportunity to 承诺; a lost tender loses it with winner and price', async () => {
    const { gov } = await setup();
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
        lots: [{ lotNo: '1', quantity: 5, bidAmountFen: 100_000_000, bidModel: '帕萨特' }],
      });
    const won = await tender('T-WON', o1.id);
    expect((await app.value('opportunities.get', { id: o1.id })).stage).toBe('comparison');
    await app.value('tenders.recordResults', {
      id: won.id,
      version: await versionOf(app, 'tenders', won.id),
      awardedOn: past(25),
      publicityEndOn: past(22),
      lots: [{ lotId: won.lots[0]!.id, result: 'won' }],
    });
    const opp1 = await app.value('opportunities.get', { id: o1.id });
    expect(opp1.stage).toBe('commitment');
    expect(opp1.stageHistory.at(-1)).toMatchObject({ cause: 'tender', to: 'commitment' });
    expect(opp1.tenderNo).toBe('T-WON');

    const lost = await tender('T-LOST', o2.id);
    const after = await app.value('tenders.recordResults', {
      id: lost.id,
      version: await versionOf(app, 'tenders', lost.id),
      awardedOn: past(25),
      lots: [
        {
          lotId: lost.lots[0]!.id,
          result: 'lost',
          winnerName: '杭州某丰田4S店',
          winnerBrand: '丰田',
          winnerModel: '凯美瑞',
          winningAmountFen: 92_500_000,
        },
      ],
    });
    expect(after.status).toBe('awarded');
    const opp2 = await app.value('opportunities.get', { id: o2.id });
    expect(opp2).toMatchObject({
      stage: 'lost',
      lostReason: 'tender_lost',
      winnerName: '杭州某丰田4S店 · 丰田',
      winningPriceFen: 92_500_000,
    });
    const history = await app.value('tenders.lotResults', {
      filters: [{ field: 'winnerBrand', op: 'contains', value: '丰田' }],
    });
    expect(history.rows).toEqual([
      expect.objectContaining({
        projectNo: 'T-LOST',
        winnerModel: '凯美瑞',
        quantity: 5,
        winningUnitFen: 18_500_000,
      }),
    ]);
  });
});

describe('contracts, deliveries and follow-ups', () => {
  async function contractFor(accountId: number, priceId: number, unitPriceFen: number, extra = {}) {
    return app.value('contracts.create', {
      number: `HT-${Math.random().toString(36).slice(2, 8)}`,
      accountId,
      partyName: '杭州市公安局',
      signedOn: past(20),
      lines: [{ priceId, quantity: 3, unitPriceFen }],
      ...extra,
    });
  }

  it('refuses a price above retail and holds a below-floor price until another manager approves it', async () => {
    const { gov, price } = await setup();
    await expectError(
      app.call('contracts.create', {
        number: 'HT-1',
        accountId: gov.id,
        partyName: gov.name,
        lines: [{ priceId: price.id, quantity: 1, unitPriceFen: 22_000_001 }],
      }),
      'POLICY',
      'price.above_retail',
    );
    const c = await contractFor(gov.id, price.id, 18_000_000);
    expect(c.belowFloor).toBe(1);
    expect(c.finalBlockers).toEqual(['contract.approval_missing']);
    await expectError(
      app.call('contracts.finalize', { id: c.id }),
      'POLICY',
      'contract.approval_missing',
    );
    const asked = await app.value('contracts.requestApproval', {
      contractId: c.id,
      reason: '批量采购 3 台，客户为年度重点',
    });
    expect(asked.status).toBe('pending_approval');
    const approvalId = asked.approvals[0]!.id;
    await expectError(
      app.call('contracts.decideApproval', { approvalId, approve: true, note: '同意' }),
      'FORBIDDEN',
      'own_request',
    );

    const specialist = await addStaff(app, { name: '小李', role: 'specialist' });
    const boss = await addStaff(app, { name: '王总', role: 'manager' });
    await app.value('auth.pick', { staffId: specialist.id });
    await expectError(
      app.call('contracts.decideApproval', { approvalId, approve: true, note: '同意' }),
      'FORBIDDEN',
      'role',
    );
    await app.value('auth.pick', { staffId: boss.id });
    const decided = await app.value('contracts.decideApproval', {
      approvalId,
      approve: true,
      note: '同意，年度框架客户',
    });
    expect(decided.approvals[0]).toMatchObject({
      state: 'approved',
      decidedBy: { name: boss.name },
      decisionNote: '同意，年度框架客户',
    });
    expect(decided.finalBlockers).toEqual([]);

    // Changing a below-floor price voids the approval.
    const changed = await app.value('contracts.update', {
      id: c.id,
      version: await versionOf(app, 'contracts', c.id),
      contract: {
        number: c.number,
        accountId: gov.id,
        partyName: c.partyName,
        signedOn: c.signedOn,
        lines: [{ id: c.lines[0]!.id, priceId: price.id, quantity: 3, unitPriceFen: 17_500_000 }],
      },
    });
    expect(changed.approvals[0]!.state).toBe('superseded');
    expect(changed.finalBlockers).toEqual(['contract.approval_missing']);
  });

  it('delivers no more than contracted, checks VINs, schedules follow-ups and rolls invoices up', async () => {
    const { gov, price } = await setup();
    const o = await app.value('opportunities.create', { accountId: gov.id, title: '执法车' });
    const c = await contractFor(gov.id, price.id, 20_000_000, {
      opportunityId: o.id,
      deliveryDueOn: past(5),
    });
    await expectError(
      app.call('contracts.deliver', {
        contractId: c.id,
        lineId: c.lines[0]!.id,
        vin: vin('LSVAU2180N212345'),
        deliveredOn: past(10),
      }),
      'POLICY',
      'delivery.contract_not_final',
    );
    const final = await app.value('contracts.finalize', { id: c.id });
    expect(final.status).toBe('final');
    expect((await app.value('opportunities.get', { id: o.id })).stage).toBe('in_use');

    const lineId = c.lines[0]!.id;
    const good = vin('LSVAU2180N212345');
    const wrongCheck = good.slice(0, 8) + (good[8] === '1' ? '2' : '1') + good.slice(9);
    await expectError(
      app.call('contracts.deliver', {
        contractId: c.id,
        lineId,
        vin: 'LSVAU2180N21234',
        deliveredOn: past(10),
      }),
      'VALIDATION',
      'vin.length',
    );
    await expectError(
      app.call('contracts.deliver', {
        contractId: c.id,
        lineId,
        vin: 'LSVAU2I80N2123456',
        deliveredOn: past(10),
      }),
      'VALIDATION',
      'vin.forbidden_letter',
    );
    await expectError(
      app.call('contracts.deliver', {
        contractId: c.id,
        lineId,
        vin: wrongCheck,
        deliveredOn: past(10),
      }),
      'VALIDATION',
      'vin.check_digit',
    );
    await expectError(
      app.call('contracts.deliver', { contractId: c.id, lineId, vin: good, deliveredOn: past(30) }),
      'VALIDATION',
      'delivery.before_signing',
    );

    const vins = [good, vin('LSVAU2180N212346'), vin('LSVAU2180N212347')];
    let detail = final;
    for (const v of vins)
      detail = await app.value('contracts.deliver', {
        contractId: c.id,
        lineId,
        vin: v.toLowerCase(),
        plate: '浙A·12345',
        registrationOwner: '杭州市公安局',
        deliveredOn: past(10),
      });
    expect(detail.delivered).toBe(3);
    await expectError(
      app.call('contracts.deliver', {
        contractId: c.id,
        lineId,
        vin: vin('LSVAU2180N212348'),
        deliveredOn: past(9),
      }),
      'POLICY',
      'delivery.exceeds_contract',
    );
    await expectError(
      app.call('contracts.deliver', { contractId: c.id, lineId, vin: good, deliveredOn: past(9) }),
      'CONFLICT',
      'vin.taken',
    );
    expect(detail.followUps.map((f) => [f.days, f.dueOn])).toEqual([
      [7, addDays(past(10), 7)],
      [30, addDays(past(10), 30)],
    ]);

    const invoiced = await app.value('contracts.invoice', {
      contractId: c.id,
      number: '33002600001',
      issuedOn: past(9),
      buyerName: '杭州市公安局',
      amountFen: 60_000_000,
      deliveryIds: detail.deliveries.map((d) => d.id),
    });
    expect(invoiced.invoicedFen).toBe(60_000_000);
    expect(invoiced.invoices[0]!.vins).toEqual(vins);
    await expectError(
      app.call('contracts.invoice', {
        contractId: c.id,
        number: '33002600002',
        issuedOn: past(9),
        buyerName: 'x',
        amountFen: 1,
      }),
      'POLICY',
      'invoice.exceeds_contract',
    );

    // The 7-day follow-up is overdue (due 3 days ago): it shows in my day, then is done.
    const day = await app.value('myDay.get', {});
    const overdue = day.overdue.find((i) => i.kind === 'follow_up');
    expect(overdue).toMatchObject({
      dueOn: addDays(past(10), 7),
      overdue: true,
      entity: 'follow_up',
    });
    expect(day.overdue.find((i) => i.kind === 'delivery_due')).toBeUndefined();
    const done = await app.value('followUps.complete', {
      id: overdue!.entityId,
      outcome: '车辆使用正常，客户满意',
    });
    expect(done.doneBy).not.toBeNull();
    expect((await app.value('myDay.get', {})).overdue.some((i) => i.kind === 'follow_up')).toBe(
      false,
    );

    const won = await app.value('opportunities.move', {
      id: o.id,
      version: await versionOf(app, 'opportunities', o.id),
      stage: 'won',
      contractId: c.id,
    });
    expect(won).toMatchObject({ stage: 'won', contractId: c.id, probability: 100 });
  });

  it('allocates a system contract to subordinate units only, and delivers per allocation', async () => {
    const { price } = await setup();
    const head = await app.value('accounts.create', {
      account: account({ name: '中国工商银行浙江省分行', buyerType: 'system' }),
    });
    const units: { id: number; name: string }[] = [];
    for (const city of ['杭州', '宁波', '温州'])
      units.push(
        await app.value('accounts.create', {
          account: account({
            name: `中国工商银行${city}分行`,
            buyerType: 'system',
            parentId: head.id,
          }),
        }),
      );
    const outsider = await app.value('accounts.create', {
      account: account({ name: '中国建设银行杭州分行', buyerType: 'system' }),
    });
    const c = await app.value('contracts.create', {
      number: 'ICBC-2026-01',
      kind: 'system',
      accountId: head.id,
      partyName: head.name,
      signedOn: past(20),
      lines: [{ priceId: price.id, quantity: 6, unitPriceFen: 20_000_000 }],
    });
    const lineId = c.lines[0]!.id;
    await expectError(
      app.call('contracts.allocate', {
        contractId: c.id,
        unitId: outsider.id,
        lineId,
        quantity: 1,
      }),
      'POLICY',
      'allocation.not_subordinate',
    );
    for (const u of units)
      await app.value('contracts.allocate', {
        contractId: c.id,
        unitId: u.id,
        lineId,
        quantity: 2,
      });
    await expectError(
      app.call('contracts.allocate', { contractId: c.id, unitId: head.id, lineId, quantity: 1 }),
      'POLICY',
      'allocation.not_subordinate',
    );
    let detail = await app.value('contracts.finalize', { id: c.id });
    expect(detail.lines[0]!.allocated).toBe(6);
    const hz = detail.allocations.find((x) => x.unit.id === units[0]!.id)!;
    await expectError(
      app.call('contracts.deliver', {
        contractId: c.id,
        lineId,
        vin: vin('LSVAU2180N300001'),
        deliveredOn: past(5),
      }),
      'VALIDATION',
      'delivery.allocation_missing',
    );
    for (const n of [1, 2])
      detail = await app.value('contracts.deliver', {
        contractId: c.id,
        lineId,
        allocationId: hz.id,
        vin: vin(`LSVAU2180N30000${n}`),
        registrationOwner: units[0]!.name,
        deliveredOn: past(5),
      });
    await expectError(
      app.call('contracts.deliver', {
        contractId: c.id,
        lineId,
        allocationId: hz.id,
        vin: vin('LSVAU2180N300003'),
        deliveredOn: past(5),
      }),
      'POLICY',
      'delivery.exceeds_allocation',
    );
    expect(detail.allocations.map((x) => [x.unit.name, x.quantity, x.delivered])).toEqual([
      ['中国工商银行杭州分行', 2, 2],
      ['中国工商银行宁波分行', 2, 0],
      ['中国工商银行温州分行', 2, 0],
    ]);
    expect(detail.delivered).toBe(2);
    expect(detail.followUps.every((f) => f.unitName === '中国工商银行杭州分行')).toBe(true);
  });
});

describe('activities, KPIs and reminders', () => {
  it('counts today’s activities against targets and lists next steps as deadlines', async () => {
    const { gov, me } = await setup();
    await app.value('kpi.setTargets', { staffId: null, targets: { visit: 2, call: 5 } });
    const today = chinaDate();
    await app.value('activities.create', {
      type: 'visit',
      accountId: gov.id,
      occurredOn: today,
      summary: '拜访装备处',
      nextStep: '送报价单',
      nextStepOn: today,
    });
    await app.value('activities.create', { type: 'call', accountId: gov.id, occurredOn: today });
    const day = await app.value('myDay.get', {});
    expect(day.kpi).toEqual([
      { type: 'visit', target: 2, done: 1 },
      { type: 'call', target: 5, done: 1 },
    ]);
    expect(day.due.map((i) => [i.kind, i.title])).toEqual([
      ['next_step', '杭州市公安局: 送报价单'],
    ]);
    const reminders = await app.value('reminders.due', {});
    expect(reminders.items.map((i) => i.kind)).toContain('next_step');
    await app.value('reminders.dismiss', { deadlineId: reminders.items[0]!.id });
    expect((await app.value('reminders.due', {})).items).toHaveLength(reminders.items.length - 1);

    const list = await app.value('activities.list', {
      filters: [{ field: 'staffId', op: 'in', values: [String(me.id)] }],
    });
    expect(list.total).toBe(2);
    // An account with sales records cannot be deleted from under them.
    await expectError(app.call('accounts.delete', { id: gov.id }), 'POLICY', 'has_sales_records');
  });

  it('keeps an account that only a claim refers to, with a typed answer', async () => {
    app = await signedInApp('manager');
    const claimed = await app.value('accounts.create', {
      account: account({ name: '宁波市城市管理局', buyerType: 'government' }),
    });
    await app.value('claims.create', { accountId: claimed.id });
    await expectError(
      app.call('accounts.delete', { id: claimed.id }),
      'POLICY',
      'has_sales_records',
    );
  });
});
