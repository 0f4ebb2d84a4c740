/**
 * Delivering vehicles (one VIN at a time) under a final contract, to a line and, for a system
 * contract, to the unit's allocation of it; and taking a delivery back. Each delivery schedules
 * its follow-ups and moves the receiving accounts (account-effects).
 */
import type { Kysely } from 'kysely';
import { type Clock, isoNow } from '../../shared/clock';
import { chinaDate } from '../../shared/dates';
import { AppError } from '../../shared/result';
import type { ContractDetail, DeliveryInput } from '../../shared/schemas/contracts';
import { vinCheckCharacter, vinProblem } from '../../shared/vin';
import type { Database } from '../db/schema';
import { bump } from '../db/row-version';
import { writeTx } from '../db/tx';
import { accountFollowsDeliveries, fleetLosesDelivery } from './account-effects';
import { dropOrphanFollowUps, scheduleFollowUps } from './follow-ups';
import {
  auditContract,
  closeContractChange,
  field,
  mustGetContract,
  mustGetDelivery,
  refreshContract,
} from './record';
import { updateContractRow } from './repository/contracts';
import {
  type DeliveryDay,
  contractNumberOfVin,
  deleteDelivery,
  deliveredOnDay,
  insertDelivery,
} from './repository/deliveries';
import { allocationUnitId } from './repository/lines';

/**
 * The checks of a delivery that do not depend on its VIN or count: a final contract, one of its
 * lines, the unit's allocation of that line for a system contract, a date between signing and
 * the clock's today.
 */
export function guardDeliveryTarget(
  clock: Clock,
  c: ContractDetail,
  input: Pick<DeliveryInput, 'lineId' | 'allocationId' | 'deliveredOn'>,
): {
  line: ContractDetail['lines'][number];
  allocation: ContractDetail['allocations'][number] | null;
} {
  if (c.status !== 'final')
    throw new AppError(
      'POLICY',
      `contract ${c.number} is not final: vehicles are delivered against a final contract`,
      { kind: 'delivery.contract_not_final' },
    );
  const line = c.lines.find((l) => l.id === input.lineId);
  if (!line)
    throw new AppError(
      'VALIDATION',
      `line #${input.lineId} is not a line of contract ${c.number}`,
      field('lineId', 'delivery.line_missing'),
    );
  if (c.signedOn && input.deliveredOn < c.signedOn)
    throw new AppError(
      'VALIDATION',
      `delivery on ${input.deliveredOn} is before the contract was signed (${c.signedOn})`,
      field('deliveredOn', 'delivery.before_signing'),
    );
  if (input.deliveredOn > chinaDate(clock.now()))
    throw new AppError(
      'VALIDATION',
      'a delivery is recorded when it has happened',
      field('deliveredOn', 'date.future'),
    );
  if (c.kind !== 'system') {
    if (input.allocationId !== null)
      throw new AppError(
        'VALIDATION',
        'only system contracts have allocations',
        field('allocationId', 'allocation.not_system'),
      );
    return { line, allocation: null };
  }
  const allocation = c.allocations.find((a) => a.id === input.allocationId);
  if (!allocation || allocation.lineId !== line.id)
    throw new AppError(
      'VALIDATION',
      'a system contract delivers to a subordinate unit: choose the allocation of this model',
      field('allocationId', 'delivery.allocation_missing'),
    );
  return { line, allocation };
}

export async function deliver(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  input: DeliveryInput,
  /** A batch (bulk-deliveries) lets its accounts follow once, for all its vehicles. */
  options: { followAccounts?: boolean } = {},
): Promise<ContractDetail> {
  return writeTx(db, async (trx) => {
    const c = await mustGetContract(trx, input.contractId);
    const { line, allocation } = guardDeliveryTarget(clock, c, input);
    const problem = vinProblem(input.vin);
    if (problem && !(problem === 'check_digit' && input.acceptCheckDigit))
      throw new AppError(
        'VALIDATION',
        `VIN ${input.vin}: ${problem === 'check_digit' ? `check character should be ${vinCheckCharacter(input.vin)}` : problem}`,
        {
          ...field('vin', `vin.${problem}`),
          ...(problem === 'check_digit' ? { expected: vinCheckCharacter(input.vin) } : {}),
        },
      );
    const takenBy = await contractNumberOfVin(trx, input.vin);
    if (takenBy !== null)
      throw new AppError(
        'CONFLICT',
        `VIN ${input.vin} is already delivered under contract ${takenBy}`,
        field('vin', 'vin.taken'),
      );
    if (line.delivered + 1 > line.quantity)
      throw new AppError(
        'POLICY',
        `${line.model}: all ${line.quantity} contracted units are already delivered`,
        field('lineId', 'delivery.exceeds_contract'),
      );
    if (allocation && allocation.delivered + 1 > allocation.quantity)
      throw new AppError(
        'POLICY',
        `${allocation.unit.name}: all ${allocation.quantity} allocated units are already delivered`,
        field('allocationId', 'delivery.exceeds_allocation'),
      );
    const now = isoNow(clock);
    await insertDelivery(trx, {
      contract_id: c.id,
      line_id: line.id,
      allocation_id: input.allocationId,
      vin: input.vin,
      plate: input.plate,
      registration_owner: input.registrationOwner,
      delivered_on: input.deliveredOn,
      created_at: now,
      created_by: actorId,
    });
    await updateContractRow(trx, c.id, { ...bump(actorId, now) });
    await scheduleFollowUps(trx, c, input.allocationId, input.deliveredOn);
    await refreshContract(trx, c.id);
    if (options.followAccounts !== false)
      await accountFollowsDeliveries(trx, clock, actorId, c, [input]);
    await auditContract(trx, clock, actorId, c.id, {
      action: 'delivery.create',
      after: {
        vin: input.vin,
        model: line.model,
        plate: input.plate,
        registrationOwner: input.registrationOwner,
        deliveredOn: input.deliveredOn,
        allocationId: input.allocationId,
        checkDigitAccepted: problem === 'check_digit',
      },
    });
    return mustGetContract(trx, c.id);
  });
}

export async function removeDelivery(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  id: number,
): Promise<ContractDetail> {
  return writeTx(db, async (trx) => {
    const d = await mustGetDelivery(trx, id);
    if (d.invoice_id !== null)
      throw new AppError('POLICY', `VIN ${d.vin} is invoiced; remove the invoice first`, {
        kind: 'delivery.invoiced',
      });
    await deleteDelivery(trx, id);
    await fleetLosesDelivery(trx, clock, actorId, await mustGetContract(trx, d.contract_id), {
      vin: d.vin,
      lineId: d.line_id,
      allocationId: d.allocation_id,
      deliveredOn: d.delivered_on,
    });
    // Follow-ups of a delivery day the unit (or, without units, the buyer) received nothing
    // else on go too, unless already done.
    const day: DeliveryDay = {
      contractId: d.contract_id,
      deliveredOn: d.delivered_on,
      unitId: d.allocation_id === null ? null : await allocationUnitId(trx, d.allocation_id),
    };
    if (!(await deliveredOnDay(trx, day))) await dropOrphanFollowUps(trx, day);
    return closeContractChange(trx, clock, actorId, d.contract_id, {
      action: 'delivery.remove',
      before: { vin: d.vin, deliveredOn: d.delivered_on },
    });
  });
}
