/**
 * Two people at two browsers (separate contexts, each signed in as themselves): what one changes
 * shows on the other's screen without a reload — a new account in the manager's grid, a price
 * request in the manager's menu count and 我的今天, the decision on the specialist's open card.
 */
import type { Browser, Page } from '@playwright/test';
import { TEST_NOW } from '../helpers/clock';
import { expect, go, openAs, openDialog, test, type KeyfleetServer, choose } from './fixtures';

interface Ref {
  id: number;
}

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
  // The specialist's below-floor contract, written as them (this script is its own client).
  await server.call('auth.pick', { staffId: specialist.id });
  const contract = await server.call<Ref>('contracts.create', {
    number: 'HT-2026-LIVE',
    accountId: gov.id,
    partyName: gov.name,
    lines: [{ priceId: price.id, quantity: 8, unitPriceFen: 17_500_000 }],
  });
  return { contract };
}

/** A second person's browser: its own context (cookies, storage), with the suite's settings. */
async function secondBrowser(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    reducedMotion: 'reduce',
    viewport: { width: 1440, height: 900 },
  });
  await context.clock.install({ time: new Date(TEST_NOW) });
  return context.newPage();
}

const connected = (page: Page) =>
  expect(page.locator('html')).toHaveAttribute('data-live', 'connected');

test('a colleague’s account, a price request and its decision arrive without a reload', async ({
  page,
  browser,
  server,
}) => {
  const { contract } = await scene(server);
  await openAs(page, server, '张经理');
  const li = await secondBrowser(browser);
  await openAs(li, server, '李明');
  await connected(page);
  await connected(li);
  await expect(page.getByTestId('nav-approvals-count')).toHaveCount(0);

  // The specialist adds an account: it appears in the manager's open grid.
  await li.getByTestId('account-new').click();
  await li.getByTestId('af-name').fill('宁波市港航管理中心');
  await choose(li, 'af-buyerType', 'A类 直接用户');
  await li.getByTestId('account-form-save').click();
  await expect(li.getByTestId('account-card-name')).toHaveText('宁波市港航管理中心');
  await expect(page.getByTestId('accounts-grid')).toContainText('宁波市港航管理中心');

  // The specialist asks for the below-floor price: the manager's menu counts it at once.
  await go(li, `/contracts/${contract.id}`);
  const card = li.getByTestId('contract-card');
  await card.getByTestId('contract-tab-approvals').click();
  await li.getByTestId('approval-reason').fill('年度框架客户，8 台批量');
  await li.getByTestId('approval-request').click();
  await expect(card.getByTestId('contract-status')).toContainText('待审批');
  await expect(page.getByTestId('nav-approvals-count')).toContainText('1');

  // The manager finds it in 我的今天 and approves it from the contract card.
  await page.getByTestId('nav-my-day').click();
  const waiting = page.getByTestId('my-day-approvals');
  await expect(waiting).toContainText('HT-2026-LIVE');
  await expect(waiting).toContainText('李明');
  await waiting.getByRole('button', { name: '查看合同' }).click();
  const managerCard = page.getByTestId('contract-card');
  await managerCard.getByTestId('contract-tab-approvals').click();
  await openDialog(page, 'approval-approve', 'approval-note');
  await page.getByTestId('approval-note').fill('同意，按批量价格执行');
  await page.getByTestId('approval-submit').click();
  await expect(managerCard.getByTestId('approvals-tab')).toContainText('同意，按批量价格执行');
  await expect(page.getByTestId('nav-approvals-count')).toHaveCount(0);

  // The specialist, still on the card, is told and sees the decision there.
  await expect(li.getByTestId('approval-decided-notice')).toContainText('低价申请已批准');
  await expect(card.getByTestId('approvals-tab')).toContainText('同意，按批量价格执行');
  await expect(card.getByTestId('contract-status')).not.toContainText('待审批');
  await li.getByTestId('approval-decided-open').click();
  await expect(li.getByTestId('approval-decided-notice')).toHaveCount(0);
  await go(li, '/my-day');
  await expect(li.getByTestId('my-day-approval-decisions')).toContainText('HT-2026-LIVE');
  await li.context().close();
});
