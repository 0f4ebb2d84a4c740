/**
 * A tender's announced dates move only through an amendment (更正公告), and the card's trail agrees
 * with the date it shows; a contract from a won tender is prefilled from the won lot, numbered from
 * the numbering pattern, and warns when its total differs from the award. (The scene — staff, the
 * purchaser, the price list, the tender and its award — is set up through the HTTP API.)
 */
import type { Page } from '@playwright/test';
import { addDays, chinaDate } from '../../shared/dates';
import {
  choose,
  expect,
  go,
  type KeyfleetServer,
  openAs,
  openDialog,
  pickAccount,
  pickDate,
  test,
} from './fixtures';

interface Ref {
  id: number;
}
interface TenderRef extends Ref {
  lots: Ref[];
  version: number;
}

const today = () => chinaDate();

async function scene(server: KeyfleetServer) {
  const manager = await server.call<Ref>('staff.create', { name: '张经理', role: 'manager' });
  await server.call('auth.pick', { staffId: manager.id });
  const gov = await server.call<Ref & { name: string }>('accounts.create', {
    account: { name: '嘉兴市公安局', buyerType: 'government' },
  });
  return { manager, gov };
}

/** Switches the UI language (from a page without a card over the header), then opens `route`. */
async function switchTo(page: Page, lang: 'English' | '中文', route: string) {
  await go(page, '/my-day');
  await expect(page.getByTestId('my-day-page')).toBeVisible();
  await page.getByTestId('lang-switch').getByText(lang).click();
  await go(page, route);
}

test('an announced opening moves only through 更正公告, and the card’s trail agrees with it', async ({
  page,
  server,
}) => {
  const { gov } = await scene(server);
  const opening = addDays(today(), 10);
  const later = addDays(today(), 13);
  const tender = await server.call<TenderRef>('tenders.create', {
    projectNo: 'JXCG-2026-0606',
    name: '警用执法车辆采购',
    method: 'open_tender',
    purchaserId: gov.id,
    announcedOn: addDays(today(), -5),
    docSaleStartOn: addDays(today(), -4),
    docSaleEndOn: addDays(today(), 3),
    // 09:30 in China.
    bidDeadlineAt: `${opening}T01:30:00.000Z`,
    openingAt: `${opening}T01:30:00.000Z`,
    lots: [{ lotNo: '1', quantity: 4, budgetFen: 80_000_000 }],
  });

  await openAs(page, server, '张经理');
  await go(page, `/tenders/${tender.id}`);
  const card = page.getByTestId('tender-card');
  await expect(card).toContainText('JXCG-2026-0606');

  // The edit form shows the announced dates read-only and points to 更正公告.
  await openDialog(page, 'tender-edit', 'tf-locked-note');
  const form = page.getByTestId('tender-form');
  await expect(form.getByTestId('tf-locked-note')).toContainText('只能通过更正公告修改');
  await expect(form.getByTestId('tf-openingAt')).toBeDisabled();
  await expect(form.getByTestId('tf-bidDeadlineAt')).toBeDisabled();
  await expect(form.getByTestId('tf-locked-openingAt')).toBeVisible();
  // What was never typed in can still be filled from the notice.
  await expect(form.getByTestId('tf-openingPlace')).toBeEnabled();
  await page.screenshot({ path: 'test-results/screens/tender-form-locked-zh.png' });

  // The amendment, recorded from the form: the deadline and the opening move three days.
  await form.getByTestId('tf-amend').click();
  // (antd keeps a modal's root out of the layout: its content is what shows.)
  const summary = page.getByTestId('amend-summary');
  await expect(summary).toBeVisible();
  await summary.fill('投标截止及开标时间推迟三天');
  await pickDate(page, 'amend-bidDeadlineAt', `${later} 09:30`);
  await pickDate(page, 'amend-openingAt', `${later} 09:30`);
  await expect(page.getByTestId('amend-was-openingAt')).toBeVisible();
  await page.getByTestId('amend-submit').click();
  await expect(summary).toBeHidden();
  // The form goes on from the amended tender; saving it changes no date and is accepted.
  await expect(form.getByTestId('tf-openingAt')).toHaveValue(`${later} 09:30`);
  await form.getByTestId('tf-openingPlace').fill('嘉兴市公共资源交易中心');
  await page.getByTestId('tender-form-save').click();
  await expect(form.getByTestId('tf-openingPlace')).toBeHidden();

  // The card: one amendment from the old opening to the new, and the tender at the new one.
  const change = card.getByTestId('tender-amendment-change-openingAt');
  await expect(change).toContainText(String(Number(later.slice(8))));
  await expect(change.locator('.diff-after')).toBeVisible();
  await expect(card.getByTestId('tender-amendments')).toContainText('投标截止及开标时间推迟三天');
  await expect(card.getByTestId('tender-trail-mismatch')).toHaveCount(0);
  const stored = await server.call<{ openingAt: string; amendments: unknown[] }>('tenders.get', {
    id: tender.id,
  });
  expect(stored.openingAt).toBe(`${later}T01:30:00.000Z`);
  expect(stored.amendments).toHaveLength(1);
  const after = await change.locator('.diff-after').textContent();
  await expect(card).toContainText(after ?? '—');
  await card.getByTestId('tender-amendments').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/tender-amendment-card-zh.png' });

  await switchTo(page, 'English', `/tenders/${tender.id}`);
  await openDialog(page, 'tender-edit', 'tf-locked-note');
  await expect(page.getByTestId('tf-locked-note')).toContainText('only through an amendment');
  await page.screenshot({ path: 'test-results/screens/tender-form-locked-en.png' });
  await page.getByTestId('tender-form-cancel').click();
  await expect(card.getByTestId('tender-amendment-change-openingAt')).toContainText(
    `${later} 09:30`,
  );
  await page.screenshot({ path: 'test-results/screens/tender-amendment-card-en.png' });
});

test('a contract from a won tender: prefilled from the won lot, numbered by the pattern, warned when the total differs from the award', async ({
  page,
  server,
}) => {
  const { gov } = await scene(server);
  await server.call('settings.setDealer', {
    name: '嘉兴某大众4S店',
    code: 'ZJ0815',
    brand: '大众',
  });
  const price = await server.call<Ref>('prices.save', {
    entry: {
      model: '迈腾',
      configuration: '330TSI 公务版',
      retailFen: 19_990_000,
      floorFen: 18_190_000,
    },
  });
  const year = today().slice(0, 4);
  // A contract numbered KA…-004 already exists: the next one is 005, whatever came before.
  await server.call('contracts.create', {
    number: `KA${year}-004`,
    accountId: gov.id,
    partyName: gov.name,
    lines: [{ priceId: price.id, quantity: 1, unitPriceFen: 19_000_000 }],
  });
  const opening = addDays(today(), -20);
  const t = await server.call<TenderRef>('tenders.create', {
    projectNo: 'JXCG-2026-0909',
    name: '执法执勤用车',
    method: 'open_tender',
    purchaserId: gov.id,
    budgetFen: 100_000_000,
    announcedOn: addDays(today(), -40),
    bidDeadlineAt: `${opening}T01:30:00.000Z`,
    openingAt: `${opening}T01:30:00.000Z`,
    lots: [
      {
        lotNo: '1',
        quantity: 2,
        budgetFen: 40_000_000,
        bidAmountFen: 39_000_000,
        bidModel: '迈腾',
      },
      {
        lotNo: '2',
        quantity: 3,
        budgetFen: 60_000_000,
        bidAmountFen: 58_000_000,
        bidModel: '迈腾',
      },
    ],
  });
  await server.call('tenders.recordResults', {
    id: t.id,
    version: t.version,
    awardedOn: addDays(today(), -15),
    lots: [
      { lotId: t.lots[0]!.id, result: 'won' },
      {
        lotId: t.lots[1]!.id,
        result: 'lost',
        winnerName: '嘉兴某丰田店',
        winnerBrand: '丰田',
        winningAmountFen: 55_500_000,
      },
    ],
  });

  await openAs(page, server, '张经理');
  // The numbering pattern is a setting.
  await go(page, '/settings');
  await page.getByTestId('settings-tab-contract-numbering').click();
  const pattern = page.getByTestId('numbering-pattern');
  await pattern.fill('KA{yyyy}-0001');
  await expect(
    page.getByTestId('contract-numbering-tab').locator('.ant-form-item-explain-error'),
  ).toHaveText('规则中须有流水号 {seq:N}，否则编号会重复');
  await expect(page.getByTestId('numbering-example')).toHaveCount(0);
  await pattern.fill('KA{yyyy}-{seq:3}');
  await expect(page.getByTestId('numbering-example')).toContainText(`KA${year}-001`);
  await page.getByTestId('numbering-save').click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/contract-numbering-zh.png' });

  // The lot table: one unit (元) named in the headers; our won lot shows our dealership and brand.
  await go(page, `/tenders/${t.id}`);
  const card = page.getByTestId('tender-card');
  const lots = card.getByTestId('tender-lots');
  await expect(lots.locator('thead')).toContainText('包预算（元）');
  await expect(lots.locator('thead')).toContainText('中标金额（元）');
  await expect(lots).not.toContainText('万元');
  await expect(card.getByTestId('tender-lot-1')).toContainText('400,000.00');
  await expect(card.getByTestId('tender-lot-1')).toContainText('嘉兴某大众4S店');
  await expect(card.getByTestId('tender-lot-1')).toContainText('大众');
  await expect(card.getByTestId('tender-lot-2')).toContainText('丰田');

  // 生成合同: prefilled from the won lot, numbered from the pattern.
  await openDialog(page, 'tender-contract', 'cf-from-tender');
  const form = page.getByTestId('contract-form');
  await expect(form.getByTestId('cf-number')).toHaveValue(`KA${year}-005`);
  await expect(form.getByTestId('cf-number-pattern')).toContainText('KA{yyyy}-{seq:3}');
  await expect(form.getByTestId('cf-partyName')).toHaveValue('嘉兴市公安局');
  await expect(form.getByTestId('cf-tenderId')).toContainText('JXCG-2026-0909');
  await expect(form.getByTestId('cf-line-0-priceId')).toContainText('迈腾');
  await expect(form.getByTestId('cf-line-0-quantity')).toHaveValue('2');
  await expect(form.getByTestId('cf-line-0-unitPriceFen')).toHaveValue(/195,?000/);
  await expect(form.getByTestId('cf-line-1')).toHaveCount(0);
  // The total is the award: nothing to warn about.
  await expect(form.getByTestId('cf-total')).toContainText('390,000.00');
  await expect(form.getByTestId('cf-award-diff')).toHaveCount(0);

  // A lower price than awarded: warned, with both amounts, before saving.
  await form.getByTestId('cf-line-0-unitPriceFen').fill('190000');
  const warn = form.getByTestId('cf-award-diff');
  await expect(warn).toContainText('合同金额比中标金额低 ¥10,000.00（1.00万元）');
  await expect(form.getByTestId('cf-award-diff-total')).toContainText('¥380,000.00（38.00万元）');
  await expect(form.getByTestId('cf-award-diff-award')).toContainText('¥390,000.00（39.00万元）');
  // The number is a suggestion: it can be changed.
  await form.getByTestId('cf-number').fill(`KA${year}-005-A`);
  await form.getByTestId('cf-number').fill(`KA${year}-005`);
  await page.screenshot({ path: 'test-results/screens/contract-from-tender-form-zh.png' });
  await page.getByTestId('cf-submit').click();

  // The contract card: the same warning, both amounts.
  const contract = page.getByTestId('contract-card');
  await expect(contract.getByTestId('contract-number')).toHaveText(`KA${year}-005`);
  await expect(page).toHaveURL(/#\/contracts\/\d+$/);
  await expect(contract.getByTestId('contract-award-diff')).toContainText('¥10,000.00');
  await expect(contract.getByTestId('contract-award-diff-award')).toContainText(
    '¥390,000.00（39.00万元）',
  );
  await page.screenshot({ path: 'test-results/screens/contract-award-diff-zh.png' });
  await switchTo(page, 'English', new URL(page.url()).hash.slice(1));
  await expect(contract.getByTestId('contract-award-diff')).toContainText(
    'The contract total is ¥10,000.00 below the award',
  );
  await expect(contract.getByTestId('contract-award-diff-award')).toContainText('¥390,000.00');
  await expect(contract.getByTestId('contract-award-diff')).not.toContainText('万元');
  await page.screenshot({ path: 'test-results/screens/contract-award-diff-en.png' });
  await go(page, `/tenders/${t.id}`);
  await expect(page.getByTestId('tender-lots').locator('thead')).toContainText('(CNY)');
  await page.screenshot({ path: 'test-results/screens/tender-lots-en.png' });

  // A new contract that picks the won tender is filled from it too, with the next number.
  await go(page, '/contracts');
  await openDialog(page, 'contract-new', 'cf-number');
  await expect(page.getByTestId('cf-number')).toHaveValue(`KA${year}-006`);
  await pickAccount(page, 'cf-accountId', '嘉兴市公安局');
  await choose(page, 'cf-tenderId', 'JXCG-2026-0909');
  await expect(page.getByTestId('cf-line-0-quantity')).toHaveValue('2');
  await expect(page.getByTestId('cf-line-0-priceId')).toContainText('迈腾');
  await expect(page.getByTestId('cf-total')).toContainText('390,000.00');
  await expect(page.getByTestId('cf-award-diff')).toHaveCount(0);
});
