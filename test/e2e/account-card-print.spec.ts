/**
 * The 大客户档案卡 on paper and the weekly review, in browser mode: the owner's 本周待查看档案卡 in
 * 我的今天, a review recorded from the card, the print preview with every section (contacts with
 * their roles, never their personal details) and the card printed to an A4 PDF (page.pdf in
 * Chromium, rendered to PNG with pdftoppm for a person to look at) — in Chinese and English.
 * (The account's records are set up through the HTTP API, as colleagues entered them.)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { addDays, chinaDate } from '../../shared/dates';
import { vins } from '../helpers/sales';
import { expect, go, type KeyfleetServer, openAs, test } from './fixtures';

interface Ref {
  id: number;
}
interface ContractRef extends Ref {
  totalFen: number;
  lines: { id: number }[];
  deliveries: { id: number }[];
}

const today = () => chinaDate();

/** Screenshots and the PDF's pages for a person to look at, when SCREENSHOTS_DIR is set. */
const shotsDir = () => process.env.SCREENSHOTS_DIR;
const shot = async (page: Page, name: string) => {
  const dir = shotsDir();
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` });
};

async function switchTo(page: Page, lang: 'English' | '中文') {
  await go(page, '/my-day');
  await expect(page.getByTestId('my-day-page')).toBeVisible();
  await page.getByTestId('lang-switch').getByText(lang).click();
}

/** A head office with a unit, contacts, fleet, a contract, an opportunity, a claim and visits. */
async function scene(server: KeyfleetServer) {
  const manager = await server.call<Ref>('staff.create', { name: '张经理', role: 'manager' });
  await server.call('auth.pick', { staffId: manager.id });
  const li = await server.call<Ref>('staff.create', { name: '李明', role: 'specialist' });
  const price = await server.call<Ref>('prices.save', {
    entry: { model: '帕萨特', configuration: null, retailFen: 22_000_000, floorFen: 19_000_000 },
  });
  const head = await server.call<Ref>('accounts.create', {
    account: {
      name: '浙江省交通运输厅',
      buyerType: 'government',
      provinceCode: '330000',
      address: '杭州市梅花碑 18 号',
      grade: 'A',
      lifecycle: 'retained',
      ownerId: li.id,
      fleet: [
        { brand: '大众', model: '帕萨特', count: 12, year: 2019 },
        { brand: '丰田', model: '凯美瑞', count: 5, year: 2017 },
      ],
    },
  });
  for (let i = 1; i <= 14; i++)
    await server.call('accounts.create', {
      account: {
        name: `浙江省运输管理中心第${i}分中心`,
        buyerType: 'government',
        parentId: head.id,
        ownerId: li.id,
      },
    });
  await server.call('auth.pick', { staffId: li.id });
  const chief = await server.call<Ref>('contacts.create', {
    accountId: head.id,
    name: '王建国',
    title: '装备处处长',
    department: '装备处',
    level: 'decision',
    purchaseRole: 'decision_maker',
    attitude: 'supporter',
    phone: '0571-8702 1234',
  });
  await server.call('contacts.setPersonal', {
    contactId: chief.id,
    personal: { birthday: '1971-03-18', hometown: '绍兴诸暨', hobbies: '钓鱼、围棋' },
  });
  const roles = [
    ['user', 'operational', 'neutral'],
    ['gatekeeper', 'management', 'supporter'],
    ['coach', 'operational', 'supporter'],
    ['influencer', 'management', 'unknown'],
  ] as const;
  for (let i = 0; i < 16; i++) {
    const [purchaseRole, level, attitude] = roles[i % roles.length]!;
    await server.call('contacts.create', {
      accountId: head.id,
      name: `联系人${i + 1}`,
      title: '科员',
      department: '车管科',
      level,
      purchaseRole,
      attitude,
    });
  }
  const draft = await server.call<ContractRef>('contracts.create', {
    number: 'HT-2026-0088',
    accountId: head.id,
    partyName: '浙江省政府采购中心',
    signedOn: addDays(today(), -30),
    lines: [{ priceId: price.id, quantity: 3, unitPriceFen: 20_000_000 }],
  });
  let c = await server.call<ContractRef>('contracts.finalize', { id: draft.id });
  for (const v of vins(3))
    c = await server.call<ContractRef>('contracts.deliver', {
      contractId: c.id,
      lineId: c.lines[0]!.id,
      vin: v,
      deliveredOn: addDays(today(), -20),
      registrationOwner: null,
    });
  await server.call('opportunities.create', {
    accountId: head.id,
    title: '2027 年执法车更新',
    expectedCloseOn: addDays(today(), 90),
    lines: [{ model: '途观L', quantity: 8 }],
  });
  const claim = await server.call<Ref>('claims.create', { accountId: head.id });
  await server.call('claims.file', { id: claim.id });
  for (let d = 12; d >= 1; d--)
    await server.call('activities.create', {
      type: d % 2 ? 'visit' : 'call',
      accountId: head.id,
      occurredOn: addDays(today(), -d * 3),
      summary: `第 ${13 - d} 次拜访装备处，沟通明年更新计划`,
    });
  return { head };
}

/** Prints the open preview to an A4 PDF and renders its pages to PNG next to the screenshots. */
async function printToPdf(page: Page, name: string): Promise<{ pdf: Buffer; pages: number }> {
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  const dir = shotsDir() ?? fs.mkdtempSync(path.join(os.tmpdir(), 'keyfleet-pdf-'));
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(dir, name)]);
  const info = execFileSync('pdfinfo', [file]).toString();
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  expect(info).toMatch(/Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)/);
  return { pdf: Buffer.from(text), pages };
}

test('the owner reviews the card this week and prints it to an A4 PDF, in Chinese and English', async ({
  page,
  server,
}) => {
  const { head } = await scene(server);

  // 我的今天: the owner's 15 cards, none reviewed this week.
  await openAs(page, server, '李明');
  await go(page, '/my-day');
  const weekly = page.getByTestId('my-day-weekly-reviews');
  await expect(weekly.getByTestId('weekly-reviews-progress')).toContainText('本周已查看 0 / 15');
  await expect(weekly.getByTestId(`weekly-review-${head.id}`)).toContainText('从未查看');
  // The first ten are listed (never reviewed, then by name), the rest counted.
  await expect(weekly).toContainText('还有 5 张未列出');
  await shot(page, 'my-day-weekly-zh');

  // The card: not reviewed yet; the owner records the review.
  await weekly.getByTestId(`weekly-review-open-${head.id}`).click();
  const card = page.getByTestId('account-card');
  await expect(card.getByTestId('account-review-status')).toHaveText(/尚未查看过/);
  await card.getByTestId('account-review-record').click();
  await expect(card.getByTestId('account-review-status')).toHaveText(/本周已查看：李明/);
  await expect(card.getByTestId('account-review-mine')).toHaveText('本周您已查看');
  await shot(page, 'account-card-reviewed-zh');

  // The print preview: every section, contacts with their roles, never their personal details.
  await card.getByTestId('account-print').click();
  const sheet = page.getByTestId('account-sheet');
  await expect(sheet).toContainText('大客户档案卡');
  for (const text of [
    '浙江省交通运输厅',
    '一、客户概况',
    '下属单位（14 家）',
    '装备处处长',
    '决策者',
    '支持',
    '帕萨特',
    'HT-2026-0088',
    '¥600,000.00',
    '2027 年执法车更新',
    '已报备',
    '第 12 次拜访装备处',
    '本周已查看：李明',
  ])
    await expect(sheet).toContainText(text);
  await expect(sheet).not.toContainText('1971');
  await expect(sheet).not.toContainText('钓鱼');
  // The oldest visits are past the last ten.
  await expect(sheet).not.toContainText('第 1 次拜访装备处');
  await shot(page, 'account-print-preview-zh');

  const zh = await printToPdf(page, 'account-card-zh');
  expect(zh.pages).toBeGreaterThanOrEqual(2);
  const zhText = zh.pdf.toString();
  expect(zhText).toContain('大客户档案卡');
  expect(zhText).toContain('装备处处长');
  expect(zhText).not.toContain('钓鱼');
  // Only the sheet prints: not the app's menu or the card behind the preview.
  expect(zhText).not.toContain('我的今天');

  // The same in English.
  await page.keyboard.press('Escape');
  await switchTo(page, 'English');
  await expect(page.getByTestId('my-day-weekly-reviews')).toContainText(
    'Reviewed this week: 1 / 15',
  );
  await shot(page, 'my-day-weekly-en');
  await go(page, `/accounts/${head.id}`);
  await expect(card.getByTestId('account-review-status')).toHaveText(/Reviewed this week by 李明/);
  await shot(page, 'account-card-reviewed-en');
  await card.getByTestId('account-print').click();
  await expect(sheet).toContainText('Key account card');
  await expect(sheet).toContainText('Decision maker');
  await shot(page, 'account-print-preview-en');
  const en = await printToPdf(page, 'account-card-en');
  expect(en.pdf.toString()).toContain('3. Contacts and their roles');
});
