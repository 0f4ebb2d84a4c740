/**
 * The demo's payments (回款): most invoices paid in full some days after they were issued, some in
 * part, a few not yet — through the payments service, so receivables, days outstanding and the
 * overdue list look as they would in a store. Decided by the invoice's serial number rather than
 * the demo's random sequence, so every other demo record stays as it was.
 */
import { addDays } from '../../shared/dates';
import { insertCheckedPayment } from '../payments/recording';
import type { SalesSeed } from './sales-context';

export async function payDemoInvoice(
  s: SalesSeed,
  owner: number,
  contractId: number,
  invoice: { id: number; serial: number; issuedOn: string; amountFen: number },
): Promise<void> {
  const share = invoice.serial % 10;
  // 6 in 10 paid in full, 2 in part, 2 still open.
  if (share >= 8 || invoice.amountFen < 2) return;
  const receivedOn = addDays(invoice.issuedOn, 5 + (invoice.serial % 40));
  if (receivedOn > s.today) return;
  await insertCheckedPayment(s.trx, s.clock, owner, {
    contractId,
    invoiceId: share < 3 ? invoice.id : null,
    receivedOn,
    amountFen: share < 6 ? invoice.amountFen : Math.floor(invoice.amountFen / 2),
    method: invoice.serial % 7 === 0 ? 'acceptance_bill' : 'bank_transfer',
    reference: `BK${String(invoice.serial).padStart(10, '0')}`,
    payer: null,
    note: null,
    overpaymentReason: null,
  });
}
