/**
 * Deliveries in bulk: a column of VINs pasted from Excel into one dialog, each row checked (check
 * character, repeated in the paste, already delivered, more than contracted) before anything is
 * saved; once the paste is right, the vehicles are saved together and the account follows.
 */
import { addDays, chinaDate } from '../../shared/dates';
import { vin } from '../helpers/sales';
import { expect, go, openAs, openDialog, test } from './fixtures';

interface Ref {
  id: number;
}

const today = () => chinaDate();

/** A final contract for 3 vehicles, one of them already delivered, set up over the API. */
async function scene(server: Parameters<typeof openAs>[1]) {
  const manager = await server.call<Ref>('staff.create', { name: '张经理', role: 'manager' });
  await server.call('auth.pick', { staffId: manager.id });
  await server.call('settings.setDealer', {
    name: '杭州大众4S店',
    code: 'ZJ0571A',
    brand: '一汽-大众',
  });
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
  const draft = await server.call<Ref & { lines: Ref[] }>('contracts.create', {
    number: 'HT-ZJ-2026-0901',
    accountId: gov.id,
    partyName: gov.name,
    signedOn: addDays(today(), -20),
    lines: [{ priceId: price.id, quantity: 3, unitPriceFen: 19_500_000 }],
  });
  await server.call('contracts.finalize', { id: draft.id });
  const delivered = vin('LFV2A21K0P500100');
  await server.call('contracts.deliver', {
    contractId: draft.id,
    lineId: draft.lines[0]!.id,
    vin: delivered,
    deliveredOn: addDays(today(), -5),
  });
  return { gov, contractId: draft.id, delivered };
}

test('a column of VINs pasted from Excel is checked row by row and saved together', async ({
  page,
  server,
}) => {
  const { gov, contractId, delivered } = await scene(server);
  const [a, b, c] = ['LFV2A21K0P500101', 'LFV2A21K0P500102', 'LFV2A21K0P500103'].map(vin);
  const wrong = `${a!.slice(0, 8)}${a![8] === '1' ? '2' : '1'}${a!.slice(9)}`;
  // What Excel puts on the clipboard for a column with its header: CR LF line ends.
  const paste = ['车架号', a, wrong, a, delivered, b, c].join('\r\n');

  await openAs(page, server, '张经理');
  await go(page, `/contracts/${contractId}`);
  const card = page.getByTestId('contract-card');
  await card.getByTestId('contract-tab-deliveries').click();
  await openDialog(page, 'delivery-bulk', 'bd-paste');
  const dialog = page.getByTestId('bulk-delivery-dialog');
  await page.getByTestId('bd-paste').fill(paste);

  const verdict = (row: number) => dialog.getByTestId(`bd-row-${row}`).getByTestId('bulk-verdict');
  await expect(dialog.getByTestId('bd-summary')).toContainText('共 6 行：2 行可以保存，4 行有问题');
  await expect(dialog.getByTestId('bd-summary')).toContainText('还可交 2 台');
  await expect(verdict(1)).toHaveAttribute('data-state', 'ok');
  await expect(verdict(2)).toContainText(`第 9 位校验位应为 ${a![8]}`);
  await expect(verdict(3)).toContainText('与第 1 行重复');
  await expect(verdict(4)).toContainText('已在合同 HT-ZJ-2026-0901 登记交车');
  await expect(verdict(5)).toHaveAttribute('data-state', 'ok');
  await expect(verdict(6)).toContainText('超出合同台数：该车型只剩 2 台可交');
  await expect(page.getByTestId('bd-submit')).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('bulk-deliveries-zh.png') });

  // The same paste in English: every verdict in English words.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // The card covers the header's language switch: switch from the list, then come back.
  await go(page, '/contracts');
  await page.getByTestId('lang-switch').getByText('English').click();
  await go(page, `/contracts/${contractId}`);
  await card.getByTestId('contract-tab-deliveries').click();
  await openDialog(page, 'delivery-bulk', 'bd-paste');
  await page.getByTestId('bd-paste').fill(paste);
  await expect(dialog.getByTestId('bd-summary')).toContainText(
    '6 rows: 2 ready to save, 4 with problems',
  );
  await expect(verdict(2)).toContainText(`should be ${a![8]}`);
  await expect(verdict(3)).toContainText('Same as row 1');
  await expect(verdict(4)).toContainText('Already delivered under contract HT-ZJ-2026-0901');
  await expect(verdict(6)).toContainText('only 2 left to deliver on this line');
  // The words are English; only the records' own names (model, party, the pasted header) are not.
  await expect(dialog.getByTestId('bd-summary')).not.toContainText(/[\u4e00-\u9fff]/);
  await expect(dialog.getByTestId('bd-preview')).not.toContainText(/[\u4e00-\u9fff]/);
  await page.screenshot({ path: test.info().outputPath('bulk-deliveries-en.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await go(page, '/contracts');
  await page.getByTestId('lang-switch').getByText('中文').click();
  await go(page, `/contracts/${contractId}`);
  await card.getByTestId('contract-tab-deliveries').click();

  // Only the two right VINs: saved together.
  await openDialog(page, 'delivery-bulk', 'bd-paste');
  await page.getByTestId('bd-paste').fill(`${a}\n${b}\n`);
  await expect(dialog.getByTestId('bd-summary')).toContainText('共 2 行：2 行可以保存，0 行有问题');
  await expect(page.getByTestId('bd-submit')).toBeEnabled();
  await page.getByTestId('bd-submit').click();
  await expect(dialog).toBeHidden();
  const table = page.getByTestId('deliveries-table');
  await expect(table).toContainText(a!);
  await expect(table).toContainText(b!);
  await expect(page.getByTestId('delivery-bulk')).toBeDisabled();

  // The account follows: 保有, with our two vehicles added to its fleet and the cause in its history.
  const account = await server.call<{
    lifecycle: string;
    fleet: { brand: string; model: string; count: number; year: number }[];
  }>('accounts.get', { id: gov.id });
  expect(account.lifecycle).toBe('retained');
  expect(account.fleet).toEqual([
    { brand: '一汽-大众', model: '迈腾', count: 3, year: Number(today().slice(0, 4)) },
  ]);
  await go(page, `/accounts/${gov.id}`);
  await page.getByTestId('tab-history').click();
  const history = page.getByTestId('history-table');
  await expect(history).toContainText('保有车辆随交车变化');
  await expect(history).toContainText('依据：合同 HT-ZJ-2026-0901 交车 2 台');
  await expect(history).toContainText(`一汽-大众 迈腾（${today().slice(0, 4)}年）：1 → 3 台`);
  await page.screenshot({ path: test.info().outputPath('account-history-zh.png') });
  await go(page, '/accounts');
  await page.getByTestId('lang-switch').getByText('English').click();
  await go(page, `/accounts/${gov.id}`);
  await page.getByTestId('tab-history').click();
  await expect(history).toContainText('Fleet follows deliveries');
  await expect(history).toContainText('Because contract HT-ZJ-2026-0901 delivered 2 vehicle(s)');
  await expect(history).toContainText('Stage follows a deal');
  await expect(history).toContainText('Because contract HT-ZJ-2026-0901 was made final');
  await page.screenshot({ path: test.info().outputPath('account-history-en.png') });
});

test('one invoice per vehicle pasted from Excel: Chinese dates and 万元 read, each row checked, saved together', async ({
  page,
  server,
}) => {
  const { contractId, delivered } = await scene(server);
  const [a, b] = [vin('LFV2A21K0P500111'), vin('LFV2A21K0P500112')];
  const detail = await server.call<{ lines: Ref[] }>('contracts.get', { id: contractId });
  await server.call('contracts.addDeliveries', {
    contractId,
    lineId: detail.lines[0]!.id,
    deliveredOn: addDays(today(), -2),
    rows: [{ vin: a }, { vin: b }],
  });
  const header = '车架号\t发票号码\t开票日期\t金额（万元）';
  const paste = [
    header,
    `${delivered}\t04400001\t2026年6月8日\t19.5`,
    `${a}\t04400002\t2026/6/8\t19.5`,
    `${b}\t04400002\t6月8日\t十九万`,
    `LFV2A21K0P599999\t04400003\t2026-06-08\t19.5`,
  ].join('\r\n');

  await openAs(page, server, '张经理');
  await go(page, `/contracts/${contractId}`);
  await page.getByTestId('contract-card').getByTestId('contract-tab-invoices').click();
  await openDialog(page, 'invoice-bulk', 'bi-paste');
  const dialog = page.getByTestId('bulk-invoice-dialog');
  await page.getByTestId('bi-paste').fill(paste);
  const row = (n: number) => dialog.getByTestId(`bi-row-${n}`);
  await expect(dialog.getByTestId('bi-summary')).toContainText('共 4 行：2 行可以保存，2 行有问题');
  await expect(row(1)).toContainText('2026年6月8日');
  await expect(row(1)).toContainText('¥195,000.00');
  await expect(row(1)).toContainText('杭州市公安局');
  await expect(row(3).getByTestId('bulk-verdict')).toContainText('发票号码与第 2 行重复');
  await expect(row(3).getByTestId('bulk-verdict')).toContainText('无法识别开票日期“6月8日”');
  await expect(row(3).getByTestId('bulk-verdict')).toContainText('无法识别金额“十九万”');
  await expect(row(4).getByTestId('bulk-verdict')).toContainText('该 VIN 未在本合同交车');
  await expect(page.getByTestId('bi-submit')).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('bulk-invoices-zh.png') });

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await go(page, '/contracts');
  await page.getByTestId('lang-switch').getByText('English').click();
  await go(page, `/contracts/${contractId}`);
  await page.getByTestId('contract-card').getByTestId('contract-tab-invoices').click();
  await openDialog(page, 'invoice-bulk', 'bi-paste');
  await page.getByTestId('bi-paste').fill(paste);
  await expect(dialog.getByTestId('bi-summary')).toContainText('4 rows: 2 ready to save');
  await expect(row(3).getByTestId('bulk-verdict')).toContainText('Same invoice number as row 2');
  await expect(row(3).getByTestId('bulk-verdict')).toContainText('Cannot read the invoice date');
  await expect(dialog.getByTestId('bi-summary')).not.toContainText(/[\u4e00-\u9fff]/);
  await page.screenshot({ path: test.info().outputPath('bulk-invoices-en.png') });

  // The two right rows only: saved together, one invoice per vehicle.
  await page.getByTestId('bi-paste').fill(paste.split('\r\n').slice(0, 3).join('\r\n'));
  await expect(dialog.getByTestId('bi-summary')).toContainText('2 rows: 2 ready to save');
  await page.getByTestId('bi-submit').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('invoices-table')).toContainText('04400001');
  await expect(page.getByTestId('invoices-table')).toContainText('04400002');
  const after = await server.call<{ invoicedFen: number }>('contracts.get', { id: contractId });
  expect(after.invoicedFen).toBe(39_000_000);
});
