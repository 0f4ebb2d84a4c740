/**
 * The rules a payment must pass before it is written, shared by the 回款 form and the payment-list
 * import: a final contract, a received date not after today, an invoice of this contract, a bank
 * serial not already recorded, and no over-payment — of the contract's total or of what the
 * payments naming the invoice left open — unless the person confirmed it with a reason. A refused over-payment states the
 * open balance (`details.openFen`) so the form can offer the confirmation.
 */
import type { Kysely } from 'kysely';
import { type Clock } from '../../shared/clock';
import { chinaDate } from '../../shared/dates';
import { AppError, fieldIssue } from '../../shared/result';
import { referenceKey } from '../../shared/receivables';
import type { PaymentFields } from '../../shared/schemas/payments';
import { mustExist } from '../db/must-exist';
import type { Database } from '../db/schema';
import { contractMoney, invoicesOf, paymentWithReference, paymentsOf } from './repository';

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/** Checks `fields` as payment `exceptId` (null: a new one) of the contract; throws the first broken rule. */
export async function checkPayment(
  trx: Kysely<Database>,
  clock: Clock,
  contractId: number,
  fields: PaymentFields,
  exceptId: number | null,
): Promise<{ contractNo: string }> {
  const c = mustExist(await contractMoney(trx, contractId), 'contract', contractId);
  if (c.status !== 'final')
    throw new AppError('POLICY', `contract ${c.number} is ${c.status}`, {
      kind: 'payment.contract_not_final',
      status: c.status,
    });
  if (fields.receivedOn > chinaDate(clock.now()))
    throw new AppError('VALIDATION', 'a payment cannot be received after today', {
      kind: 'date.future',
      ...fieldIssue('receivedOn', 'date.future'),
    });
  const [invoices, all] = await Promise.all([invoicesOf(trx, c.id), paymentsOf(trx, c.id)]);
  const invoice =
    fields.invoiceId === null ? null : (invoices.find((i) => i.id === fields.invoiceId) ?? null);
  if (fields.invoiceId !== null && invoice === null)
    throw new AppError('VALIDATION', 'the invoice is not one of this contract', {
      kind: 'payment.invoice_other_contract',
      ...fieldIssue('invoiceId', 'payment.invoice_other_contract'),
    });
  const key = referenceKey(fields.reference);
  if (key !== null) {
    const twin = await paymentWithReference(trx, key, exceptId);
    if (twin)
      throw new AppError('CONFLICT', `reference ${fields.reference} is already recorded`, {
        kind: 'payment.reference_taken',
        contractNo: twin.number,
        receivedOn: twin.received_on,
        amountFen: twin.amount_fen,
        ...fieldIssue('reference', 'payment.reference_taken'),
      });
  }
  if (fields.overpaymentReason !== null) return { contractNo: c.number };
  const others = all
    .filter((p) => p.id !== exceptId)
    .map((p) => ({ id: p.id, invoiceId: p.invoice_id, amountFen: p.amount_fen }));
  const receivedFen = others.reduce((n, p) => n + p.amountFen, 0);
  const contractOpen = Math.max(0, c.total_fen - receivedFen);
  if (fields.amountFen > contractOpen)
    throw new AppError(
      'POLICY',
      `payments would total more than contract ${c.number}: open balance ${yuan(contractOpen)}`,
      { kind: 'payment.over_contract', openFen: contractOpen, totalFen: c.total_fen },
    );
  if (invoice) {
    // What payments naming this invoice left open: payments naming none settle invoices FIFO
    // and give way to those that name one (shared/receivables.ts), so they do not count here.
    const named = others
      .filter((p) => p.invoiceId === invoice.id)
      .reduce((n, p) => n + p.amountFen, 0);
    const invoiceOpen = Math.max(0, invoice.amountFen - named);
    if (fields.amountFen > invoiceOpen)
      throw new AppError(
        'POLICY',
        `the payment exceeds invoice ${invoice.number}: open amount ${yuan(invoiceOpen)}`,
        { kind: 'payment.over_invoice', openFen: invoiceOpen, invoiceNo: invoice.number },
      );
  }
  return { contractNo: c.number };
}
