/**
 * 回款 in the browser: a payment recorded on the contract card changes the balance and the days
 * outstanding at once; an over-payment is refused with the open balance and recorded once
 * confirmed with a reason; the 回款 page's grid, receivables and collection rate, and the overdue
 * receivable in 我的今天 — each screen photographed in Chinese and English.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { addDays, chinaDate } from '../../shared/dates';
import { AFTER_JOB, expect, go, openAs, openDialog, test } from './fixtures';

interface Ref {
  id: number;
}

const today = () => chinaDate();
const SHOTS = process.env.KEYFLEET_SHOTS_DIR;

/** A screenshot into the test's output (and the helpers' folder when one is given). */
async function shot(page: Page, name: string) {
  const file = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  if (SHOTS) {
    fs.mkdirSync(SHOTS, { recursive: true });
    fs.copyFileSync(file, path.join(SHOTS, `${name}.png`));
  }
}

/** A final contract of 2 × ¥195,000, invoiced 40 and 10 days ago, set up over the API. */
async function scene(server: Parameters<typeof openAs>[1]) {
  const manager = await server.call<Ref>('staff.create', { name: '张经理', role: 'manager' });
  await server.call('auth.pick', { staffId: manager.id });
  const gov = await server.call<Ref & { name: string }>('accounts.create', {
    account: { name: '杭州市公安局', buyerType: 'government', lifecycle: 'target' },
  });
  const price = await server.call<Ref>('prices.save', {
    entry: {
      model: '迈腾',
      configuration: '330TSI 公务版',
      retailFen: 19_990_000,
      floorFen: 18_190_000,
    },
  });
  const draft = await server.call<Ref>('contracts.create', {
    number: 'HT-ZJ-2026-0902',
    accountId: gov.id,
    partyName: gov.name,
    signedOn: addDays(today(), -60),
    lines: [{ priceId: price.id, quantity: 2, unitPriceFen: 19_500_000 }],
  });
  await server.call('contracts.finalize', { id: draft.id });
  for (const [number, days] of [
    ['04417001', -40],
    ['04417002', -10],
  ] as const)
    await server.call('contracts.invoice', {
      contractId: draft.id,
      number,
      issuedOn: addDays(today(), days),
      buyerName: gov.name,
      amountFen: 19_500_000,
    });
  return { contractId: draft.id };
}

test('a payment recorded on the contract card changes its balance; an over-payment needs a reason', async ({
  page,
  server,
}) => {
  const { contractId } = await scene(server);
  await openAs(page, server, '张经理');
  await go(page, `/contracts/${contractId}`);
  const card = page.getByTestId('contract-card');
  await card.getByTestId('contract-tab-payments').click();
  const tab = card.getByTestId('payments-tab');
  await expect(tab.getByTestId('pay-received')).toContainText('¥0.00');
  await expect(tab.getByTestId('pay-invoiced-open')).toContainText('¥390,000.00');
  // The oldest invoice is 40 days old, 10 past the 30-day term.
  await expect(tab.getByTestId('pay-days-outstanding')).toContainText('40 天');
  await expect(tab.getByTestId('pay-days-outstanding')).toContainText('逾期 10 天');

  await openDialog(page, 'payment-add', 'pay-amountFen');
  const dialog = page.locator('.ant-modal').filter({ has: page.getByTestId('pay-amountFen') });
  await dialog.getByTestId('pay-amountFen').fill('200000');
  await dialog.getByTestId('pay-reference').fill('BK20260610001');
  await dialog.getByTestId('pay-payer').fill('杭州市公安局财务处');
  await page.getByTestId('payment-submit').click();
  await expect(dialog).toBeHidden();
  await expect(tab.getByTestId('pay-received')).toContainText('¥200,000.00');
  await expect(tab.getByTestId('pay-open')).toContainText('¥190,000.00');
  await expect(tab.getByTestId('pay-invoiced-open')).toContainText('¥190,000.00');
  // The first invoice is settled: the oldest unpaid one is 10 days old, within the term.
  await expect(tab.getByTestId('pay-days-outstanding')).toContainText('10 天');
  await expect(tab.getByTestId('overdue-tag')).toHaveCount(0);
  await expect(tab.getByTestId('payments-table')).toContainText('BK20260610001');

  // ¥250,000 more than the ¥190,000 still open under the contract: refused, then confirmed.
  await openDialog(page, 'payment-add', 'pay-amountFen');
  await dialog.getByTestId('pay-amountFen').fill('250000');
  await page.getByTestId('payment-submit').click();
  await expect(dialog.getByTestId('payment-over')).toContainText('¥190,000.00');
  await dialog.getByTestId('pay-overpaymentReason').fill('客户多付，下批车款冲抵');
  await page.getByTestId('payment-submit').click();
  await expect(dialog).toBeHidden();
  await expect(tab.getByTestId('pay-credit')).toContainText('¥60,000.00');
  await expect(tab.getByTestId('pay-open')).toContainText('¥0.00');
  await shot(page, 'payments-contract-tab-zh');

  // The card covers the header's language switch: switch from the list, then come back.
  await go(page, '/contracts');
  await page.getByTestId('lang-en').click();
  await go(page, `/contracts/${contractId}`);
  await card.getByTestId('contract-tab-payments').click();
  await expect(tab.getByTestId('pay-credit')).toContainText('Over-paid');
  await expect(tab.getByTestId('pay-credit')).toContainText('¥60,000.00');
  await shot(page, 'payments-contract-tab-en');
});

test('the 回款 page lists payments, receivables overdue first and the collection rate; 我的今天 lists the overdue receivable', async ({
  page,
  server,
}) => {
  const { contractId } = await scene(server);
  await server.call('payments.record', {
    contractId,
    receivedOn: addDays(today(), -5),
    amountFen: 10_000_000,
    method: 'acceptance_bill',
    reference: 'CD-7781',
    payer: '杭州市公安局',
  });
  await openAs(page, server, '张经理');
  for (const lang of ['zh', 'en'] as const) {
    if (lang === 'en') await page.getByTestId('lang-en').click();
    await go(page, '/my-day');
    const overdue = page.getByTestId('my-day-overdue-receivables');
    await expect(overdue.getByTestId(`overdue-receivable-${contractId}`)).toContainText(
      'HT-ZJ-2026-0902',
    );
    await expect(overdue).toContainText('¥290,000.00');
    await expect(overdue).toContainText(lang === 'zh' ? '逾期 10 天' : '10 days overdue');
    await overdue.scrollIntoViewIfNeeded();
    await shot(page, `payments-my-day-${lang}`);

    await go(page, '/payments');
    await expect(page.getByTestId('payments-grid')).toContainText('CD-7781');
    await shot(page, `payments-grid-${lang}`);
    await page.getByTestId('payments-tab-receivables').click();
    const row = page.getByTestId('receivable-row-HT-ZJ-2026-0902');
    await expect(row).toContainText('¥290,000.00');
    await expect(row).toContainText('25.6%');
    await shot(page, `payments-receivables-${lang}`);
    await page.getByTestId('payments-tab-collection').click();
    await expect(page.getByTestId('collection-table')).toContainText('张经理');
    await shot(page, `payments-collection-${lang}`);
  }
  // A click on the overdue receivable opens the contract.
  await go(page, '/my-day');
  await page.getByTestId(`overdue-receivable-open-${contractId}`).click();
  await expect(page.getByTestId('contract-number')).toHaveText('HT-ZJ-2026-0902');
});

test('a bank statement imports through the wizard, matched by contract and invoice number', async ({
  page,
  server,
}, testInfo) => {
  const { contractId } = await scene(server);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('银行流水');
  sheet.addRow(['2026年6月银行收款明细']);
  sheet.mergeCells('A1:F1');
  sheet.addRow([
    '交易日期',
    '贷方发生额（万元）',
    '合同编号',
    '发票号码',
    '对方户名',
    '交易流水号',
  ]);
  sheet.addRow([addDays(today(), -3), '５', 'ht-zj-2026-0902', '', '杭州市公安局', 'SN-90001']);
  sheet.addRow([addDays(today(), -2), 3, '', '04417002', '杭州市公安局', 'SN-90002']);
  const file = testInfo.outputPath('bank-statement.xlsx');
  await workbook.xlsx.writeFile(file);

  await openAs(page, server, '张经理');
  await go(page, '/payments');
  await page.getByTestId('payments-import').click();
  await page.getByTestId('import-file-input').setInputFiles(file);
  await expect(page.getByTestId('import-step-sheet')).toBeVisible(AFTER_JOB);
  await expect(page.getByTestId('import-header-row')).toHaveValue('2');
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-step-mapping')).toBeVisible();
  await shot(page, 'payments-import-mapping-zh');
  await page.getByTestId('import-dryrun').click();
  const summary = page.getByTestId('import-summary');
  await expect(summary).toBeVisible(AFTER_JOB);
  await expect(summary).toHaveAttribute('data-create', '2');
  await expect(summary).toHaveAttribute('data-reject', '0');
  await shot(page, 'payments-import-dryrun-zh');
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toBeVisible(AFTER_JOB);
  await page.getByTestId('import-close').click();
  await expect(page.getByTestId('payments-grid')).toContainText('SN-90001');
  await expect(page.getByTestId('payments-grid')).toContainText('SN-90002');
  const after = await server.call('payments.ofContract', { contractId });
  expect(after.receivedFen).toBe(8_000_000);
  expect(after.payments.find((p) => p.reference === 'SN-90002')?.invoiceNo).toBe('04417002');
});
