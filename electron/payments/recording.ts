/**
 * Recording, editing and deleting a payment (回款): the rules (rules.ts), the row with its version,
 * the contract's totals and receivable deadline refreshed, and the payment's audit entry — all in
 * one write transaction. Each answers the contract's payments as they now stand.
 */
import type { Kysely } from 'kysely';
import { type Clock, isoNow } from '../../shared/clock';
import { referenceKey } from '../../shared/receivables';
import type { ContractPayments, PaymentFields, PaymentInput } from '../../shared/schemas/payments';
import { entityAudit } from '../audit/entity-audit';
import { refreshContract } from '../contracts/record';
import { mustExist } from '../db/must-exist';
import { claimVersion } from '../db/row-version';
import type { Database } from '../db/schema';
import { writeTx } from '../db/tx';
import { contractPayments } from './contract-payments';
import { deletePaymentRow, getPayment, insertPayment, updatePaymentRow } from './repository';
import { checkPayment } from './rules';

const auditPayment = entityAudit('payment');

/** The payment's columns from what the person filled in. */
function columns(f: PaymentFields) {
  return {
    invoice_id: f.invoiceId,
    received_on: f.receivedOn,
    amount_fen: f.amountFen,
    method: f.method,
    reference: f.reference,
    reference_key: referenceKey(f.reference),
    payer: f.payer,
    note: f.note,
    over_reason: f.overpaymentReason,
  };
}

/** The payment as its audit entry records it. */
function snapshot(contractNo: string, f: PaymentFields) {
  return {
    contract: contractNo,
    invoiceId: f.invoiceId,
    receivedOn: f.receivedOn,
    amountFen: f.amountFen,
    method: f.method,
    reference: f.reference,
    payer: f.payer,
    note: f.note,
    overpaymentReason: f.overpaymentReason,
  };
}

/** Writes one new payment inside the caller's transaction (the form and the import); its id. */
export async function insertCheckedPayment(
  trx: Kysely<Database>,
  clock: Clock,
  actorId: number,
  input: PaymentInput,
): Promise<number> {
  const { contractNo } = await checkPayment(trx, clock, input.contractId, input, null);
  const now = isoNow(clock);
  const id = await insertPayment(trx, {
    contract_id: input.contractId,
    ...columns(input),
    created_at: now,
    created_by: actorId,
    updated_at: now,
    updated_by: actorId,
  });
  await refreshContract(trx, input.contractId);
  await auditPayment(trx, clock, actorId, id, {
    action: 'payment.create',
    after: snapshot(contractNo, input),
  });
  return id;
}

export async function recordPayment(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  input: PaymentInput,
): Promise<ContractPayments> {
  return writeTx(db, async (trx) => {
    await insertCheckedPayment(trx, clock, actorId, input);
    return contractPayments(trx, clock, input.contractId);
  });
}

export async function updatePayment(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  id: number,
  fields: PaymentFields,
  version: number,
): Promise<ContractPayments> {
  return writeTx(db, async (trx) => {
    const before = mustExist(await getPayment(trx, id), 'payment', id);
    await claimVersion(trx, 'payments', id, version, actorId, isoNow(clock));
    const { contractNo } = await checkPayment(trx, clock, before.contract_id, fields, id);
    await updatePaymentRow(trx, id, columns(fields));
    await refreshContract(trx, before.contract_id);
    await auditPayment(trx, clock, actorId, id, {
      action: 'payment.update',
      before: snapshot(contractNo, {
        invoiceId: before.invoice_id,
        receivedOn: before.received_on,
        amountFen: before.amount_fen,
        method: before.method,
        reference: before.reference,
        payer: before.payer,
        note: before.note,
        overpaymentReason: before.over_reason,
      }),
      after: snapshot(contractNo, fields),
    });
    return contractPayments(trx, clock, before.contract_id);
  });
}

export async function deletePayment(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  id: number,
  version: number,
): Promise<ContractPayments> {
  return writeTx(db, async (trx) => {
    const before = mustExist(await getPayment(trx, id), 'payment', id);
    // The guarded claim refuses a delete of a payment someone changed since it was shown.
    await claimVersion(trx, 'payments', id, version, actorId, isoNow(clock));
    await deletePaymentRow(trx, id);
    await refreshContract(trx, before.contract_id);
    await auditPayment(trx, clock, actorId, id, {
      action: 'payment.delete',
      before: {
        contractId: before.contract_id,
        invoiceId: before.invoice_id,
        receivedOn: before.received_on,
        amountFen: before.amount_fen,
        method: before.method,
        reference: before.reference,
      },
    });
    return contractPayments(trx, clock, before.contract_id);
  });
}
