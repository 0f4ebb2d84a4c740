/**
 * A store's KA team on one team server over HTTPS: two browser contexts signed in with passwords
 * (the self-signed certificate accepted as the colleague who compared its fingerprint would).
 */
import type { BrowserContext } from '@playwright/test';
import { expect, openDialog, type TeamServer, test } from './fixtures';

/** Opens the team server in a new browser profile and signs in. */
async function signInPage(
  newContext: () => Promise<BrowserContext>,
  server: TeamServer,
  login: string,
  password: string,
) {
  const page = await (await newContext()).newPage();
  await page.goto(`${server.origin}/`);
  await page.getByTestId('sign-in-login').fill(login);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('current-user')).toBeVisible();
  return page;
}

test('signs in with passwords: a one-time password first, a brake on guessing, and deactivation signs out at once', async ({
  teamServer: server,
  teamContext: newContext,
}) => {
  const li = await server.admin<{ id: number }>('staff.create', {
    name: '李明',
    role: 'specialist',
    login: 'liming',
  });
  await server.admin('staff.setPassword', { id: li.id, password: 'One-Time-Pass-1' });

  // Nobody is asked "who are you": a team server wants a login and password.
  const page = await (await newContext()).newPage();
  await page.goto(`${server.origin}/`);
  await expect(page.getByTestId('sign-in-form')).toBeVisible();
  await expect(page.locator('[data-testid^="staff-option-"]')).toHaveCount(0);

  // Another colleague's browser: the one-time password must be changed before anything else.
  await server.admin<{ id: number }>('staff.create', {
    name: '王芳',
    role: 'specialist',
    login: 'wangfang',
  });
  const wang = (await server.admin<{ id: number; login: string }[]>('staff.list')).find(
    (s) => s.login === 'wangfang',
  )!;
  await server.admin('staff.setPassword', { id: wang.id, password: 'One-Time-Pass-2' });
  const other = await (await newContext()).newPage();
  await other.goto(`${server.origin}/`);
  await other.getByTestId('sign-in-login').fill('wangfang');
  await other.getByTestId('sign-in-password').fill('One-Time-Pass-2');
  await other.getByTestId('sign-in-submit').click();
  await expect(other.getByTestId('change-password-form')).toBeVisible();
  await other.getByTestId('password-current').fill('One-Time-Pass-2');
  await other.getByTestId('password-next').fill('1234567890');
  await other.getByTestId('password-repeat').fill('1234567890');
  await other.getByTestId('password-submit').click();
  await expect(other.getByTestId('password-error')).toContainText('容易被猜到');
  await other.getByTestId('password-next').fill('Morning-Route-58');
  await other.getByTestId('password-repeat').fill('Morning-Route-58');
  await other.getByTestId('password-submit').click();
  await expect(other.getByTestId('current-user')).toContainText('王芳');

  // The admin deactivates her: her open page is signed out without her doing anything.
  await server.admin('staff.update', {
    ...(await server.admin('staff.list')).find((s) => s.id === wang.id)!,
    active: false,
  });
  await expect(other.getByTestId('sign-in-form')).toBeVisible({ timeout: 20_000 });
  await expect(other.getByTestId('session-lost')).toBeVisible();

  // Five wrong passwords: the login (and this address) is braked, and the message says until when.
  for (let i = 0; i < 5; i++) {
    await page.getByTestId('sign-in-login').fill('liming');
    await page.getByTestId('sign-in-password').fill(`wrong-guess-${i}`);
    await page.getByTestId('sign-in-submit').click();
    await expect(page.getByTestId('sign-in-error')).toContainText(
      i < 4 ? '登录名或密码不正确' : '登录失败次数过多',
    );
  }
  await page.getByTestId('sign-in-password').fill('One-Time-Pass-1');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('sign-in-error')).toContainText(/请于 \d\d:\d\d:\d\d 之后再试/);
});

test('colleagues at two browsers: an overlapping claim, a price decision and a stale edit reach the other live', async ({
  teamServer: server,
  teamContext: newContext,
}) => {
  const boss = await server.addColleague({
    name: '张经理',
    role: 'manager',
    login: 'zhang',
    password: 'Boss-Desk-2027',
  });
  const li = await server.addColleague({
    name: '李明',
    role: 'specialist',
    login: 'liming',
    password: 'Li-Ming-Route-9',
  });
  const wang = await server.addColleague({
    name: '王芳',
    role: 'specialist',
    login: 'wangfang',
    password: 'Wang-Fang-Field-4',
  });
  type Ref = { id: number; name: string; version: number };
  const full = await server.callAs<Ref>(li.token, 'accounts.create', {
    account: {
      name: '北京市朝阳区城市管理委员会',
      buyerType: 'government',
      aliases: [{ alias: '朝阳区城管委', kind: 'alias' }],
      ownerId: li.id,
    },
  });
  const alias = await server.callAs<Ref>(wang.token, 'accounts.create', {
    account: { name: '朝阳区城管委', buyerType: 'government', ownerId: wang.id },
    acknowledgeDuplicates: true,
  });
  const first = await server.callAs<Ref>(li.token, 'claims.create', { accountId: full.id });
  await server.callAs(li.token, 'claims.file', { id: first.id });
  const price = await server.callAs<Ref>(boss.token, 'prices.save', {
    entry: {
      model: '迈腾',
      configuration: '330TSI',
      retailFen: 19_990_000,
      floorFen: 18_190_000,
    },
  });
  const contract = await server.callAs<Ref>(li.token, 'contracts.create', {
    number: 'HT-2026-TEAM',
    accountId: full.id,
    partyName: full.name,
    lines: [{ priceId: price.id, quantity: 8, unitPriceFen: 17_500_000 }],
  });

  const liPage = await signInPage(newContext, server, 'liming', 'Li-Ming-Route-9');
  const bossPage = await signInPage(newContext, server, 'zhang', 'Boss-Desk-2027');
  await expect(liPage.locator('html')).toHaveAttribute('data-live', 'connected');
  await expect(bossPage.locator('html')).toHaveAttribute('data-live', 'connected');

  // 王芳 files on the same organisation under its short name: 李明's open claim shows it.
  await liPage.evaluate(`window.location.hash = '/claims/${first.id}'`);
  const claimCard = liPage.getByTestId('claim-card');
  await expect(claimCard.getByTestId('claim-status')).toHaveText('已报备');
  await expect(claimCard.getByTestId('claim-overlap-alert')).toHaveCount(0);
  const second = await server.callAs<Ref>(wang.token, 'claims.create', { accountId: alias.id });
  await server.callAs(wang.token, 'claims.file', { id: second.id });
  await expect(claimCard.getByTestId('claim-overlap-alert')).toContainText('王芳');

  // 李明 asks for the below-floor price; the manager approves; 李明 sees it without reloading.
  await liPage.evaluate(`window.location.hash = '/contracts/${contract.id}'`);
  const card = liPage.getByTestId('contract-card');
  await card.getByTestId('contract-tab-approvals').click();
  await liPage.getByTestId('approval-reason').fill('年度框架客户，8 台批量');
  await liPage.getByTestId('approval-request').click();
  await expect(card.getByTestId('contract-status')).toContainText('待审批');
  await expect(bossPage.getByTestId('nav-approvals-count')).toContainText('1');
  await bossPage.evaluate(`window.location.hash = '/contracts/${contract.id}'`);
  const bossCard = bossPage.getByTestId('contract-card');
  await bossCard.getByTestId('contract-tab-approvals').click();
  await bossPage.getByTestId('approval-approve').click();
  await bossPage.getByTestId('approval-note').fill('同意，按批量价格执行');
  await bossPage.getByTestId('approval-submit').click();
  await expect(liPage.getByTestId('approval-decided-notice')).toContainText('低价申请已批准');
  await expect(card.getByTestId('approvals-tab')).toContainText('同意，按批量价格执行');
  await liPage.getByTestId('approval-decided-open').click();
  await expect(liPage.getByTestId('approval-decided-notice')).toHaveCount(0);

  // Both open the account's edit form; the manager saves first; 李明's save is refused, named.
  await liPage.evaluate(`window.location.hash = '/accounts/${full.id}'`);
  await bossPage.evaluate(`window.location.hash = '/accounts/${full.id}'`);
  await openDialog(liPage, 'account-edit', 'af-notes');
  await openDialog(bossPage, 'account-edit', 'af-notes');
  await bossPage.getByTestId('af-notes').fill('经理补充：年度采购计划已确认');
  await bossPage.getByTestId('account-form-save').click();
  await expect(bossPage.getByTestId('account-form-save')).toHaveCount(0);
  await liPage.getByTestId('af-notes').fill('李明：下周拜访');
  await liPage.getByTestId('account-form-save').click();
  await expect(liPage.getByTestId('stale-alert')).toContainText('张经理');
  await liPage.getByTestId('stale-reload').click();
  await expect(liPage.getByTestId('af-notes')).toHaveValue('经理补充：年度采购计划已确认');

  // The manager's open card follows 李明's new contact on its contacts tab, without reloading.
  await bossPage.getByTestId('tab-contacts').click();
  await expect(bossPage.getByTestId('contacts-tab')).toBeVisible();
  await server.callAs(li.token, 'contacts.create', { accountId: full.id, name: '陈主任' });
  await expect(bossPage.getByTestId('contacts-table')).toContainText('陈主任');
});
