/**
 * A contract's payments and receivable as its 回款 tab shows them: every payment, each invoice
 * with what of it is paid (FIFO), the open balances, days outstanding and days overdue on today's
 * business date under the store's payment term.
 */
import type { Kysely } from 'kysely';
import { type Clock } from '../../shared/clock';
import { chinaDate } from '../../shared/dates';
import { receivableOf } from '../../shared/receivables';
import type { ContractPayments, Payment } from '../../shared/schemas/payments';
import { mustExist } from '../db/must-exist';
import type { Database } from '../db/schema';
import { getSalesSettings } from '../settings/sales-settings';
import { contractMoney, invoicesOf, type PaymentRecord, paymentsOf } from './repository';

export function toPayment(p: PaymentRecord): Payment {
  return {
    id: p.id,
    contractId: p.contract_id,
    invoiceId: p.invoice_id,
    invoiceNo: p.invoice_no,
    receivedOn: p.received_on,
    amountFen: p.amount_fen,
    method: p.method,
    reference: p.reference,
    payer: p.payer,
    note: p.note,
    overpaymentReason: p.over_reason,
    createdBy: p.created_by_name,
    updatedAt: p.updated_at,
    version: p.version,
  };
}

export async function contractPayments(
  db: Kysely<Database>,
  clock: Clock,
  contractId: number,
): Promise<ContractPayments> {
  const c = mustExist(await contractMoney(db, contractId), 'contract', contractId);
  const [invoices, payments, { paymentTermDays }] = await Promise.all([
    invoicesOf(db, contractId),
    paymentsOf(db, contractId),
    getSalesSettings(db),
  ]);
  const r = receivableOf(
    c.total_fen,
    invoices,
    payments.map((p) => ({ id: p.id, invoiceId: p.invoice_id, amountFen: p.amount_fen })),
    chinaDate(clock.now()),
    paymentTermDays,
  );
  const numbers = new Map(invoices.map((i) => [i.id, i.number]));
  return {
    contractId: c.id,
    contractNo: c.number,
    status: c.status,
    open: c.status === 'final',
    termDays: paymentTermDays,
    totalFen: r.totalFen,
    invoicedFen: r.invoicedFen,
    receivedFen: r.receivedFen,
    openFen: r.openFen,
    invoicedOpenFen: r.invoicedOpenFen,
    creditFen: r.creditFen,
    oldestUnpaidOn: r.oldestUnpaidOn,
    daysOutstanding: r.daysOutstanding,
    dueOn: r.dueOn,
    daysOverdue: r.daysOverdue,
    payments: payments.map(toPayment),
    invoices: r.invoices.map((i) => ({
      id: i.id,
      number: numbers.get(i.id) ?? '',
      issuedOn: i.issuedOn,
      amountFen: i.amountFen,
      paidFen: i.paidFen,
      openFen: i.openFen,
    })),
  };
}
