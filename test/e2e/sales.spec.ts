/**
 * The sales work in browser mode: tenders, opportunities, contracts, deliveries, follow-ups and the
 * deadline calendar, driven through the UI (records that are only the scene are set up through
 * the HTTP API, as a colleague would have entered them).
 */
import { addDays, chinaDate } from '../../shared/dates';
import { vinCheckCharacter } from '../../shared/vin';
import type { Page } from '@playwright/test';
import { choose, expect, type KeyfleetServer, openAs, test } from './fixtures';

interface Ref {
  id: number;
}

const today = () => chinaDate();

/** Follows an in-app link (the hash route), as clicking it would. */
async function go(page: Page, route: string): Promise<void> {
  await page.evaluate(`window.location.hash = ${JSON.stringify(route)}`);
}

/** A VIN with its check character computed, from a 16-character stem (position 9 left out). */
function vin(stem: string): string {
  const draft = `${stem.slice(0, 8)}0${stem.slice(8)}`;
  return `${stem.slice(0, 8)}${vinCheckCharacter(draft)}${stem.slice(8)}`;
}

/** Staff, a government purchaser and a price list, signed in over the API as the manager. */
async function scene(server: KeyfleetServer) {
  const manager = await server.call<Ref>('staff.create', { name: '张经理', role: 'manager' });
  await server.call('session.signIn', { staffId: manager.id });
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
  await page.getByTestId('tender-results').click();
  // antd keeps a modal's root element out of the layout: its content is what shows.
  const dialog = page.getByTestId('result-lot-0');
  await expect(dialog).toBeVisible();
  await choose(page, 'result-lot-0-result', '他人中标');
  await page.getByTestId('result-lot-0-winnerName').fill('杭州某丰田汽车销售服务有限公司');
  await page.getByTestId('result-lot-0-winnerBrand').fill('丰田');
  await page.getByTestId('result-lot-0-winnerModel').fill('凯美瑞');
  await page.getByTestId('result-lot-0-winningAmountFen').fill('1080000');
  await page.getByTestId('results-submit').click();
  await expect(dialog).toBeHidden();
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
