/**
 * Invoices of a final contract: each names the delivered VINs it covers (of one unit, for a
 * system contract) and together they never exceed the contract's total; removing one frees its
 * VINs for another.
 */
import type { Kysely } from 'kysely';
import { type Clock, isoNow } from '../../shared/clock';
import { AppError } from '../../shared/result';
import type { ContractDetail, InvoiceInput } from '../../shared/schemas/contracts';
import type { Database } from '../db/schema';
import { bump } from '../db/row-version';
import { writeTx } from '../db/tx';
import { closeContractChange, field, mustGetContract } from './record';
import { updateContractRow } from './repository/contracts';
import {
  deleteInvoice,
  getInvoice,
  insertInvoice,
  invoiceDeliveries,
  invoiceNumberTaken,
} from './repository/deliveries';
import { mustExist } from '../db/must-exist';

export async function addInvoice(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  input: InvoiceInput,
): Promise<ContractDetail> {
  return writeTx(db, async (trx) => {
    const c = await mustGetContract(trx, input.contractId);
    if (c.status !== 'final')
      throw new AppError('POLICY', `contract ${c.number} is not final`, {
        kind: 'invoice.contract_not_final',
      });
    if (await invoiceNumberTaken(trx, input.number))
      throw new AppError(
        'CONFLICT',
        `invoice ${input.number} is already recorded`,
        field('number', 'invoice.number_taken'),
      );
    if (input.allocationId !== null && !c.allocations.some((x) => x.id === input.allocationId))
      throw new AppError(
        'VALIDATION',
        'the allocation is not one of this contract',
        field('allocationId', 'invoice.allocation_missing'),
      );
    const ids = new Set(input.deliveryIds);
    const covered = c.deliveries.filter((d) => ids.has(d.id));
    if (covered.length !== ids.size)
      throw new AppError(
        'VALIDATION',
        'every VIN on an invoice must be delivered under this contract',
        field('deliveryIds', 'invoice.vin_other_contract'),
      );
    const invoicedVin = covered.find((d) => d.invoiceId !== null);
    if (invoicedVin)
      throw new AppError(
        'POLICY',
        `VIN ${invoicedVin.vin} is already on invoice ${invoicedVin.invoiceNo}`,
        field('deliveryIds', 'invoice.vin_invoiced'),
      );
    const otherUnit = covered.find((d) => d.allocationId !== input.allocationId);
    if (otherUnit && input.allocationId !== null)
      throw new AppError(
        'VALIDATION',
        `VIN ${otherUnit.vin} was delivered to another unit`,
        field('deliveryIds', 'invoice.vin_other_unit'),
      );
    if (c.invoicedFen + input.amountFen > c.totalFen)
      throw new AppError(
        'POLICY',
        `invoices would total more than the contract (¥${(c.totalFen / 100).toFixed(2)})`,
        field('amountFen', 'invoice.exceeds_contract'),
      );
    const now = isoNow(clock);
    const id = await insertInvoice(trx, {
      contract_id: c.id,
      allocation_id: input.allocationId ?? covered[0]?.allocationId ?? null,
      number: input.number,
      issued_on: input.issuedOn,
      buyer_name: input.buyerName,
      amount_fen: input.amountFen,
      created_at: now,
      created_by: actorId,
    });
    if (ids.size > 0) await invoiceDeliveries(trx, [...ids], id);
    await updateContractRow(trx, c.id, { ...bump(actorId, now) });
    return closeContractChange(trx, clock, actorId, c.id, {
      action: 'invoice.create',
      after: {
        number: input.number,
        issuedOn: input.issuedOn,
        buyerName: input.buyerName,
        amountFen: input.amountFen,
        vins: covered.map((d) => d.vin),
      },
    });
  });
}

export async function removeInvoice(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  id: number,
): Promise<ContractDetail> {
  return writeTx(db, async (trx) => {
    const i = mustExist(await getInvoice(trx, id), 'invoice', id);
    await deleteInvoice(trx, id);
    return closeContractChange(trx, clock, actorId, i.contract_id, {
      action: 'invoice.remove',
      before: { number: i.number, amountFen: i.amount_fen },
    });
  });
}
