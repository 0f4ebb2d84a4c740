/**
 * The sales work in browser mode: tenders, opportunities, contracts, deliveries, follow-ups and the
 * deadline calendar, driven through the UI (records that are only the scene are set up through
 * the HTTP API, as a colleague would have entered them).
 */
import { addDays, chinaDate } from '../../shared/dates';
import { vin } from '../helpers/sales';
import {
  choose,
  expect,
  go,
  type KeyfleetServer,
  openAs,
  openDialog,
  pickAccount,
  pickDate,
  switchUser,
  test,
} from './fixtures';

interface Ref {
  id: number;
}

const today = () => chinaDate();

/** Staff, a government purchaser and a price list, signed in over the API as the manager. */
async function scene(server: KeyfleetServer) {
  const manager = await server.call<Ref>('staff.create', { name: '张经理', role: 'manager' });
  await server.call('auth.pick', { staffId: manager.id });
  const specialist = await server.call<Ref>('staff.create', { name: '李明', role: 'specialist' });
  const gov = await server.call<Ref & { name: string }>('accounts.create', {
    account: { name: '杭州市公安局', buyerType: 'government', ownerId: specialist.id },
  });
  const price = await server.call<Ref>('prices.save', {
    entry: {
      model: '迈腾',
      configuration: '330TSI 公务版',
      retailFen: 19_990_000,
      floorFen: 18_190_000,
    },
  });
  return { manager, specialist, gov, price };
}

test('a lost tender: the result names the winner and price, and the opportunity is lost with them', async ({
  page,
  server,
}) => {
  const { gov, specialist } = await scene(server);
  const opp = await server.call<Ref>('opportunities.create', {
    accountId: gov.id,
    title: '2027年执法执勤车辆更新',
    ownerId: specialist.id,
    lines: [{ model: '迈腾', quantity: 6, targetUnitPriceFen: 19_000_000 }],
  });
  const opening = addDays(today(), -5);
  const tender = await server.call<Ref>('tenders.create', {
    projectNo: 'HZCG-2026-0412',
    name: '执法执勤车辆采购项目',
    method: 'open_tender',
    purchaserId: gov.id,
    opportunityId: opp.id,
    announcedOn: addDays(today(), -30),
    docSaleStartOn: addDays(today(), -29),
    docSaleEndOn: addDays(today(), -22),
    bidDeadlineAt: `${opening}T01:30:00.000Z`,
    openingAt: `${opening}T01:30:00.000Z`,
    lots: [
      { lotNo: '1', name: '执法车', quantity: 6, bidAmountFen: 114_000_000, bidModel: '迈腾' },
    ],
  });

  await openAs(page, server, '张经理');
  await go(page, `/tenders/${tender.id}`);
  await expect(page.getByTestId('tender-card')).toContainText('HZCG-2026-0412');
  await openDialog(page, 'tender-results', 'result-lot-0');
  await choose(page, 'result-lot-0-result', '他人中标');
  await page.getByTestId('result-lot-0-winnerName').fill('杭州某丰田汽车销售服务有限公司');
  await page.getByTestId('result-lot-0-winnerBrand').fill('丰田');
  await page.getByTestId('result-lot-0-winnerModel').fill('凯美瑞');
  await page.getByTestId('result-lot-0-winningAmountFen').fill('1080000');
  await page.getByTestId('results-submit').click();
  await expect(page.getByTestId('result-lot-0')).toBeHidden();
  const lot = page.getByTestId('tender-lot-1');
  await expect(lot).toContainText('杭州某丰田汽车销售服务有限公司');
  await expect(lot).toContainText('丰田');

  // The opportunity the tender served is lost, with the tender as the reason and the winner's price.
  await go(page, `/opportunities/${opp.id}`);
  const card = page.getByTestId('opportunity-card');
  await expect(card.getByTestId('opp-lost')).toContainText('未中标');
  await expect(card.getByTestId('opp-lost')).toContainText('杭州某丰田汽车销售服务有限公司');
  await expect(card.getByTestId('opp-lost')).toContainText(/108\.00万元|1,080,000/);
  await card.getByTestId('opp-tab-stages').click();
  await expect(card).toContainText('丢单');

  // And the price history lists the winner's unit price (1,080,000 元 / 6 = 180,000 元).
  await go(page, '/tenders');
  await page.getByTestId('tenders-tab-results').click();
  await expect(page.getByTestId('lot-results-grid')).toContainText('凯美瑞');
  await expect(page.getByTestId('lot-results-grid')).toContainText('180,000');
});

test('the calendar shows every deadline on its day, and what is overdue stands out', async ({
  page,
  server,
}) => {
  const { gov } = await scene(server);
  const saleEnd = addDays(today(), 2);
  const opening = addDays(today(), 4);
  const refundDue = addDays(today(), 9);
  const tender = await server.call<Ref>('tenders.create', {
    projectNo: 'ZJCG-2026-0777',
    name: '公务用车采购',
    method: 'competitive_consultation',
    purchaserId: gov.id,
    announcedOn: addDays(today(), -6),
    docSaleStartOn: addDays(today(), -5),
    docSaleEndOn: saleEnd,
    bidDeadlineAt: `${opening}T01:30:00.000Z`,
    openingAt: `${opening}T01:30:00.000Z`,
    bondFen: 2_000_000,
    bondPaidOn: today(),
    bondRefundDueOn: refundDue,
    lots: [{ lotNo: '1', quantity: 3 }],
  });
  // A next step that was due three days ago: overdue.
  const late = addDays(today(), -3);
  await server.call('activities.create', {
    type: 'visit',
    accountId: gov.id,
    occurredOn: addDays(today(), -10),
    summary: '拜访装备处',
    nextStep: '送报价单',
    nextStepOn: late,
  });

  await openAs(page, server, '张经理');
  await page.getByTestId('nav-calendar').click();
  await page.getByTestId('calendar-view-list').click();
  const list = page.getByTestId('calendar-list');
  const item = (kind: string) =>
    list.locator(`[data-kind="${kind}"][data-testid^="calendar-item-"]`);
  // Only this month's items show in the list: pick the days that fall in it.
  const month = today().slice(0, 7);
  for (const [kind, due] of [
    ['doc_sale_end', saleEnd],
    ['bid_deadline', opening],
    ['opening', opening],
    ['bond_refund_due', refundDue],
  ] as const)
    if (due.startsWith(month)) await expect(item(kind)).toHaveAttribute('data-due', due);
  if (late.startsWith(month)) {
    await expect(item('next_step')).toHaveAttribute('data-due', late);
    await expect(item('next_step')).toHaveAttribute('data-overdue', 'true');
  }

  // The week view shows the opening with its time (09:30 in China).
  await page.getByTestId('calendar-view-week').click();
  const week = page.getByTestId('calendar-page');
  for (let i = 0; i < 2; i++) {
    if (await week.locator('[data-testid^="calendar-item-"][data-kind="opening"]').count()) break;
    await page.getByTestId('calendar-next').click();
  }
  await expect(week.locator('[data-kind="opening"][data-testid^="calendar-item-"]')).toContainText(
    '09:30',
  );

  // An item opens its card.
  await week.locator('[data-kind="opening"][data-testid^="calendar-item-"]').click();
  await expect(page).toHaveURL(new RegExp(`#/tenders/${tender.id}$`));
  await expect(page.getByTestId('tender-card')).toContainText('ZJCG-2026-0777');

  // My day lists the overdue next step.
  await go(page, '/my-day');
  await expect(page.getByTestId('overdue-list')).toContainText('送报价单');
});

test('a government tender from announcement to delivery and follow-up', async ({
  page,
  server,
}) => {
  const { gov, specialist } = await scene(server);
  const opp = await server.call<Ref>('opportunities.create', {
    accountId: gov.id,
    title: '2027年警用车辆更新',
    ownerId: specialist.id,
    lines: [{ model: '迈腾', quantity: 2, targetUnitPriceFen: 19_500_000 }],
  });
  const opening = addDays(today(), -8);

  await openAs(page, server, '张经理');
  // The announcement: a tender recorded with its dates, lot, our bid, and the opportunity it serves.
  await page.getByTestId('nav-tenders').click();
  await openDialog(page, 'tender-new', 'tf-projectNo');
  await page.getByTestId('tf-projectNo').fill('ZJZFCG-2026-0815');
  await page.getByTestId('tf-name').fill('市公安局警用车辆采购项目');
  await choose(page, 'tf-method', '公开招标');
  await pickAccount(page, 'tf-purchaserId', gov.name);
  await choose(page, 'tf-opportunityId', '2027年警用车辆更新');
  await pickDate(page, 'tf-announcedOn', addDays(today(), -30));
  await pickDate(page, 'tf-docSaleStartOn', addDays(today(), -29));
  await pickDate(page, 'tf-docSaleEndOn', addDays(today(), -20));
  await pickDate(page, 'tf-bidDeadlineAt', `${opening} 09:30`);
  await pickDate(page, 'tf-openingAt', `${opening} 09:30`);
  await page.getByTestId('tf-lot-0-quantity').fill('2');
  await page.getByTestId('tf-lot-0-bidAmountFen').fill('39');
  await page.getByTestId('tf-lot-0-bidModel').fill('迈腾 330TSI 公务版');
  await page.getByTestId('tender-form-save').click();
  const card = page.getByTestId('tender-card');
  await expect(card).toContainText('ZJZFCG-2026-0815');

  // The award: our lot won; the opportunity moves to 承诺.
  await openDialog(page, 'tender-results', 'result-lot-0');
  await choose(page, 'result-lot-0-result', '我方中标');
  await page.getByTestId('results-submit').click();
  await expect(page.getByTestId('tender-lot-1')).toContainText('我方中标');
  expect((await server.call<{ stage: string }>('opportunities.get', { id: opp.id })).stage).toBe(
    'commitment',
  );

  // The contract with the procurement centre, at a price between floor and retail, made final.
  await go(page, '/contracts');
  await openDialog(page, 'contract-new', 'cf-number');
  await page.getByTestId('cf-number').fill('HT-ZJ-2026-0815');
  await pickAccount(page, 'cf-accountId', gov.name);
  await choose(page, 'cf-tenderId', 'ZJZFCG-2026-0815');
  await choose(page, 'cf-opportunityId', '2027年警用车辆更新');
  await pickDate(page, 'cf-signedOn', addDays(today(), -6));
  await choose(page, 'cf-line-0-priceId', '迈腾');
  await page.getByTestId('cf-line-0-quantity').fill('2');
  await page.getByTestId('cf-line-0-unitPriceFen').fill('195000');
  await page.getByTestId('cf-submit').click();
  const contract = page.getByTestId('contract-card');
  await expect(contract.getByTestId('contract-number')).toHaveText('HT-ZJ-2026-0815');
  await openDialog(page, 'contract-finalize', 'finalize-confirm');
  await page.getByTestId('finalize-confirm').click();
  await expect(contract.getByTestId('contract-status')).toContainText('已生效');

  // Delivery of both vehicles (VINs checked), registered to the purchaser.
  await contract.getByTestId('contract-tab-deliveries').click();
  for (const stem of ['LFV2A21K0P500101', 'LFV2A21K0P500102']) {
    await openDialog(page, 'delivery-add', 'dd-vin');
    await page.getByTestId('dd-vin').fill(vin(stem));
    await pickDate(page, 'dd-deliveredOn', addDays(today(), -3));
    await page.getByTestId('dd-submit').click();
    await expect(page.getByTestId('dd-vin')).toBeHidden();
    await expect(page.getByTestId('deliveries-table')).toContainText(vin(stem));
  }
  // Everything contracted is delivered: no third vehicle can be registered.
  await expect(page.getByTestId('delivery-add')).toBeDisabled();

  // The follow-ups the delivery scheduled (7 and 30 days); the first is recorded as done.
  await contract.getByTestId('contract-tab-followUps').click();
  const followUps = page.getByTestId('contract-follow-ups-table');
  await expect(followUps).toContainText(
    addDays(today(), 4).slice(5).replace('-', '月').replace(/^0/, ''),
  );
  await followUps.getByTestId('follow-up-done').first().click();
  await page.getByTestId('fu-outcome').fill('车辆使用正常，装备处满意，预计明年再采购 4 台');
  await page.getByTestId('fu-submit').click();
  await expect(followUps).toContainText('车辆使用正常');
  expect((await server.call<{ stage: string }>('opportunities.get', { id: opp.id })).stage).toBe(
    'in_use',
  );
});

test('a price below the floor waits for another manager’s approval before the contract is final', async ({
  page,
  server,
}) => {
  const { gov } = await scene(server);
  await server.call('staff.create', { name: '王总', role: 'manager' });
  await openAs(page, server, '张经理');
  await go(page, '/contracts');
  await openDialog(page, 'contract-new', 'cf-number');
  await page.getByTestId('cf-number').fill('HT-2026-0901');
  await pickAccount(page, 'cf-accountId', gov.name);
  await pickDate(page, 'cf-signedOn', addDays(today(), -1));
  await choose(page, 'cf-line-0-priceId', '迈腾');
  await page.getByTestId('cf-line-0-quantity').fill('8');
  await page.getByTestId('cf-line-0-unitPriceFen').fill('175000');
  await expect(page.getByTestId('cf-line-0-hint')).toHaveAttribute('data-state', 'below');
  await page.getByTestId('cf-submit').click();
  const contract = page.getByTestId('contract-card');
  await expect(contract.getByTestId('contract-blockers')).toContainText('需经理审批');
  await expect(page.getByTestId('contract-finalize')).toBeDisabled();

  await contract.getByTestId('contract-tab-approvals').click();
  await page.getByTestId('approval-reason').fill('年度框架客户，8 台批量，竞品报价 17.2 万');
  await page.getByTestId('approval-request').click();
  await expect(contract.getByTestId('contract-status')).toContainText('待审批');
  await expect(page.getByTestId('contract-finalize')).toBeDisabled();

  // The requester cannot approve; another manager can, and says why.
  await expect(page.getByTestId('approval-approve')).toBeDisabled();
  await go(page, '/contracts');
  await switchUser(page, '王总');
  await go(page, '/contracts');
  await page.getByTestId('contracts-grid').getByText('HT-2026-0901').click();
  await contract.getByTestId('contract-tab-approvals').click();
  await openDialog(page, 'approval-approve', 'approval-note');
  await page.getByTestId('approval-note').fill('同意，按批量价格执行');
  await page.getByTestId('approval-submit').click();
  await expect(contract.getByTestId('approvals-tab')).toContainText('王总');
  await expect(contract.getByTestId('approvals-tab')).toContainText('同意，按批量价格执行');
  await openDialog(page, 'contract-finalize', 'finalize-confirm');
  await page.getByTestId('finalize-confirm').click();
  await expect(contract.getByTestId('contract-status')).toContainText('已生效');
});

test('a system purchase allocated to three subordinate units, and to no other', async ({
  page,
  server,
}) => {
  const { price } = await scene(server);
  const head = await server.call<Ref & { name: string }>('accounts.create', {
    account: { name: '中国工商银行浙江省分行', buyerType: 'system' },
  });
  const units: string[] = [];
  for (const city of ['杭州', '宁波', '温州']) {
    const name = `中国工商银行${city}分行`;
    await server.call('accounts.create', {
      account: { name, buyerType: 'system', parentId: head.id },
    });
    units.push(name);
  }
  await server.call('accounts.create', {
    account: { name: '中国建设银行杭州分行', buyerType: 'system' },
  });
  const contract = await server.call<Ref>('contracts.create', {
    number: 'ICBC-ZJ-2026-01',
    kind: 'system',
    accountId: head.id,
    partyName: head.name,
    signedOn: addDays(today(), -10),
    lines: [{ priceId: price.id, quantity: 9, unitPriceFen: 19_000_000 }],
  });
  await server.call('contracts.finalize', { id: contract.id });

  await openAs(page, server, '张经理');
  await go(page, `/contracts/${contract.id}`);
  const card = page.getByTestId('contract-card');
  await card.getByTestId('contract-tab-allocations').click();
  for (const unit of units) {
    await openDialog(page, 'allocation-add', 'ad-quantity');
    await choose(page, 'ad-unitId', unit);
    await page.getByTestId('ad-quantity').fill('3');
    await page.getByTestId('ad-submit').click();
    await expect(page.getByTestId('ad-quantity')).toBeHidden();
    await expect(page.getByTestId('allocations-table')).toContainText(unit);
  }
  // A unit of another bank is not offered; allocating beyond the contract is refused.
  await openDialog(page, 'allocation-add', 'ad-quantity');
  await page.getByTestId('ad-unitId').click();
  const offered = page.locator('.ant-select-dropdown:visible');
  await expect(offered).toContainText(units[0]!);
  await expect(offered).not.toContainText('建设银行');
  await offered.locator('.ant-select-item-option').filter({ hasText: units[0]! }).click();
  await page.getByTestId('ad-quantity').fill('4');
  await page.getByTestId('ad-submit').click();
  await expect(page.getByTestId('allocation-dialog')).toContainText('分配数量超过合同台数');
  await page
    .locator('.ant-modal:visible')
    .getByRole('button', { name: /取\s*消/ })
    .click();
  await expect(page.getByTestId('ad-quantity')).toBeHidden();

  // Each unit receives its vehicles: a delivery names the allocation it is for.
  await card.getByTestId('contract-tab-deliveries').click();
  await openDialog(page, 'delivery-add', 'dd-vin');
  await choose(page, 'dd-allocationId', units[1]!);
  await page.getByTestId('dd-vin').fill(vin('LFV2A21K0P600201'));
  await pickDate(page, 'dd-deliveredOn', addDays(today(), -2));
  await page.getByTestId('dd-submit').click();
  await expect(page.getByTestId('deliveries-table')).toContainText(units[1]!);
  await card.getByTestId('contract-tab-allocations').click();
  const rows = page.getByTestId('allocations-table');
  for (const unit of units) await expect(rows).toContainText(unit);
  const detail = await server.call<{
    allocations: { unit: { name: string }; quantity: number; delivered: number }[];
  }>('contracts.get', { id: contract.id });
  expect(detail.allocations.map((a) => [a.unit.name, a.quantity, a.delivered])).toEqual([
    [units[0], 3, 0],
    [units[1], 3, 1],
    [units[2], 3, 0],
  ]);
});
