/**
 * The incentive after a filing's submission, through the filing card in browser mode: the
 * manufacturer's partial approval with its reason, a payment of the approved amount, the filing's
 * history listing both, and the incentive totals on the filings page — in Chinese and English.
 * (The sale is set up through the HTTP API, as the contracts desk entered it.)
 */
import type { Page } from '@playwright/test';
import { addDays, chinaDate } from '../../shared/dates';
import { choose, expect, go, openAs, openDialog, pickDate, test } from './fixtures';
import { attachEvidence, sale } from './filing-scene';

interface Ref {
  id: number;
}

const today = () => chinaDate();

const shot = async (page: Page, name: string) => {
  const dir = process.env.SCREENSHOTS_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` });
};

test('a submitted filing gets the manufacturer’s verdict and a payment, shown in its history and the totals', async ({
  page,
  server,
}) => {
  const manager = await server.call<Ref>('staff.create', { name: '张经理', role: 'manager' });
  await server.call('auth.pick', { staffId: manager.id });
  const gov = await server.call<Ref>('accounts.create', {
    account: { name: '杭州市公安局', buyerType: 'government' },
  });
  const contract = await sale(server, {
    accountId: gov.id,
    partyName: '杭州市公安局',
    units: 3,
    signedOn: addDays(today(), -15),
  });
  const filing = await server.call<Ref>('filings.create', { contractId: contract.id });

  await openAs(page, server, '张经理');
  await go(page, `/filings/${filing.id}`);
  const card = page.getByTestId('filing-card');
  // No incentive before submission.
  await expect(card.getByTestId('filing-history')).toContainText('创建报备');
  await expect(card.getByTestId('filing-incentive')).toHaveCount(0);
  for (const kind of ['procurement_contract', 'procurement_list', 'invoice'])
    await attachEvidence(page, kind);
  await openDialog(page, 'filing-submit', 'submit-confirm');
  await page.getByTestId('submit-confirm').click();
  await expect(page.getByTestId('filing-status')).toHaveText('已报备');

  const incentive = card.getByTestId('filing-incentive');
  await expect(incentive.getByTestId('incentive-state')).toHaveText('待厂家审核');
  await expect(incentive.getByTestId('incentive-payment')).toHaveCount(0);

  // The manufacturer approved 2 of the 3 units: 6,000 yuan.
  await openDialog(page, 'incentive-verdict', 'verdict-submit');
  await choose(page, 'verdict-kind', '部分批准');
  await page.getByTestId('verdict-amount').fill('6000');
  await choose(page, 'verdict-reason', '核减台数');
  await page.getByTestId('verdict-note').fill('1 台行驶证未上传，核减');
  await shot(page, 'filing-verdict-dialog-zh');
  await page.getByTestId('verdict-submit').click();
  await expect(incentive.getByTestId('incentive-state')).toHaveText('待厂家付款');
  await expect(incentive.getByTestId('incentive-verdict-value')).toHaveText('部分批准');
  await expect(incentive.getByTestId('incentive-approved')).toHaveText('¥6,000.00');
  await expect(incentive.getByTestId('incentive-outstanding')).toHaveText('¥6,000.00');

  // The payment: the outstanding amount is offered; more than approved needs a reason.
  await openDialog(page, 'incentive-payment', 'payment-submit');
  await expect(page.getByTestId('payment-amount')).toHaveValue('6,000');
  await page.getByTestId('payment-amount').fill('6500');
  await expect(page.getByTestId('payment-over-reason')).toBeVisible();
  await page.getByTestId('payment-amount').fill('6000');
  await expect(page.getByTestId('payment-over-reason')).toHaveCount(0);
  await pickDate(page, 'payment-date', today());
  await page.getByTestId('payment-reference').fill('SVW-FL-20260610-01');
  await shot(page, 'filing-payment-dialog-zh');
  await page.getByTestId('payment-submit').click();
  await expect(incentive.getByTestId('incentive-state')).toHaveText('已全额到账');
  await expect(incentive.getByTestId('incentive-received')).toHaveText('¥6,000.00');
  await expect(incentive.getByTestId('incentive-payments')).toContainText('SVW-FL-20260610-01');

  // The history, newest first: the payment, the verdict, the submission, …
  const history = card.getByTestId('filing-history');
  await expect(history.locator('tr[data-action]').first()).toHaveAttribute(
    'data-action',
    'filings.recordPayment',
  );
  await expect(history).toContainText('登记厂家审核结果');
  await expect(history).toContainText('部分批准；');
  await expect(history).toContainText('核减台数');
  await shot(page, 'filing-incentive-card-zh');
  await incentive.scrollIntoViewIfNeeded();
  await history.scrollIntoViewIfNeeded();
  await shot(page, 'filing-history-zh');

  // The totals on the filings page: this month, one filing partly approved and paid.
  await go(page, '/filings');
  await page.getByTestId('filings-incentive-totals').click();
  const totals = page.getByTestId('incentive-totals');
  const total = totals.getByTestId('incentive-totals-total');
  await expect(total.locator('[data-total="submitted"]')).toHaveText('1');
  await expect(total.locator('[data-total="partial"]')).toHaveText('1');
  await expect(total.locator('[data-total="approvedFen"]')).toHaveText('¥6,000.00');
  await expect(total.locator('[data-total="outstandingFen"]')).toHaveText('¥0.00');
  await expect(totals).toContainText('全店报备');
  await shot(page, 'filing-incentive-totals-zh');
  await totals.getByTestId('incentive-totals-period').getByText('按季度').click();
  await expect(totals).toContainText('第2季度');

  // English.
  await page.getByTestId('lang-switch').getByText('English').click();
  await expect(totals).toContainText('Q2');
  await expect(totals).toContainText('All the store’s filings');
  await shot(page, 'filing-incentive-totals-en');
  await go(page, `/filings/${filing.id}`);
  await expect(incentive.getByTestId('incentive-state')).toHaveText('Received in full');
  await expect(card.getByTestId('filing-history')).toContainText('Manufacturer’s verdict recorded');
  await shot(page, 'filing-incentive-card-en');
  await openDialog(page, 'incentive-verdict', 'verdict-submit');
  await shot(page, 'filing-verdict-dialog-en');
  await page.getByTestId('verdict-dialog-cancel').click();
  await card.getByTestId('filing-history').scrollIntoViewIfNeeded();
  await shot(page, 'filing-history-en');
});
