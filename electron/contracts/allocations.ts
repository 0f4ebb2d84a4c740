/**
 * Allocations of a unified system contract: how many of a line's vehicles go to each subordinate
 * unit of the head office; never more than the line holds, never fewer than the unit received.
 */
import type { Kysely } from 'kysely';
import { type Clock, isoNow } from '../../shared/clock';
import { AppError } from '../../shared/result';
import type { ContractDetail } from '../../shared/schemas/contracts';
import { ancestorIds } from '../accounts/repository';
import type { Database } from '../db/schema';
import { bump } from '../db/row-version';
import { writeTx } from '../db/tx';
import { auditContract, field, mustGetContract } from './record';
import { namedAccount, updateContractRow } from './repository/contracts';
import {
  allocationInUse,
  deleteAllocation,
  getAllocation,
  insertAllocation,
  setAllocationQuantity,
} from './repository/lines';
import { mustExist } from '../db/must-exist';

export async function allocate(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  input: { contractId: number; unitId: number; lineId: number; quantity: number },
): Promise<ContractDetail> {
  return writeTx(db, async (trx) => {
    const c = await mustGetContract(trx, input.contractId);
    if (c.kind !== 'system')
      throw new AppError(
        'POLICY',
        'only a unified system contract allocates vehicles to subordinate units',
        { kind: 'allocation.not_system' },
      );
    if (c.status === 'cancelled')
      throw new AppError('POLICY', `contract ${c.number} is cancelled`, {
        kind: 'contract.cancelled',
      });
    const line = c.lines.find((l) => l.id === input.lineId);
    if (!line)
      throw new AppError(
        'VALIDATION',
        `line #${input.lineId} is not a line of contract ${c.number}`,
        field('lineId', 'allocation.line_missing'),
      );
    const unit = await namedAccount(trx, input.unitId);
    if (!unit)
      throw new AppError(
        'NOT_FOUND',
        `account #${input.unitId} does not exist`,
        field('unitId', 'account.missing'),
      );
    if (!(await ancestorIds(trx, input.unitId)).includes(c.accountId))
      throw new AppError(
        'POLICY',
        `"${unit.name}" is not a subordinate unit of "${c.accountName}"`,
        field('unitId', 'allocation.not_subordinate'),
      );
    const existing = c.allocations.find(
      (x) => x.lineId === input.lineId && x.unit.id === input.unitId,
    );
    const allocatedElsewhere = line.allocated - (existing?.quantity ?? 0);
    if (allocatedElsewhere + input.quantity > line.quantity)
      throw new AppError(
        'POLICY',
        `${line.model}: ${input.quantity} more would make ${allocatedElsewhere + input.quantity} allocated of ${line.quantity} contracted`,
        {
          ...field('quantity', 'allocation.exceeds_line'),
          available: line.quantity - allocatedElsewhere,
        },
      );
    if (existing && existing.delivered > input.quantity)
      throw new AppError(
        'POLICY',
        `${unit.name} has already received ${existing.delivered} of them`,
        field('quantity', 'allocation.below_delivered'),
      );
    if (existing) await setAllocationQuantity(trx, existing.id, input.quantity);
    else
      await insertAllocation(trx, {
        contract_id: c.id,
        line_id: line.id,
        unit_id: unit.id,
        quantity: input.quantity,
      });
    await updateContractRow(trx, c.id, { ...bump(actorId, isoNow(clock)) });
    await auditContract(trx, clock, actorId, c.id, {
      action: 'allocation.set',
      ...(existing
        ? { before: { unit: unit.name, model: line.model, quantity: existing.quantity } }
        : {}),
      after: { unit: unit.name, unitId: unit.id, model: line.model, quantity: input.quantity },
    });
    return mustGetContract(trx, c.id);
  });
}

export async function removeAllocation(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  allocationId: number,
): Promise<ContractDetail> {
  return writeTx(db, async (trx) => {
    const x = mustExist(await getAllocation(trx, allocationId), 'allocation', allocationId);
    if (await allocationInUse(trx, allocationId))
      throw new AppError('POLICY', 'this allocation has deliveries or invoices', {
        kind: 'allocation.in_use',
      });
    await deleteAllocation(trx, allocationId);
    await auditContract(trx, clock, actorId, x.contract_id, {
      action: 'allocation.remove',
      before: { unitId: x.unit_id, lineId: x.line_id, quantity: x.quantity },
    });
    return mustGetContract(trx, x.contract_id);
  });
}
