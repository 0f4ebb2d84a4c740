/**
 * After-delivery follow-ups (回访): scheduled when vehicles are delivered (one per configured
 * day after each delivery date, per unit for system contracts), dropped with the last delivery
 * of their day, listed by due date and recorded when done.
 */
import type { Kysely } from 'kysely';
import { type Clock, isoNow } from '../../shared/clock';
import { addDays } from '../../shared/dates';
import { AppError } from '../../shared/result';
import type { ContractDetail, FollowUp } from '../../shared/schemas/contracts';
import { dropDeadlines, syncDeadlines } from '../calendar/deadlines';
import type { Database } from '../db/schema';
import { writeTx } from '../db/tx';
import { getSalesSettings } from '../settings/sales-settings';
import {
  deleteFollowUp,
  followUpScheduled,
  insertFollowUp,
  markFollowUpDone,
  openFollowUpIds,
} from './repository/follow-ups';
import type { DeliveryDay } from './repository/deliveries';
import { type FollowUpView, followUpRows, getFollowUp, toFollowUp } from './repository/views';
import { auditContract } from './record';

export async function listFollowUps(
  db: Kysely<Database>,
  q: FollowUpView,
): Promise<{ rows: FollowUp[]; total: number }> {
  const { rows, total } = await followUpRows(db, q);
  return { rows: rows.map(toFollowUp), total };
}

export async function completeFollowUp(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  id: number,
  outcome: string,
): Promise<FollowUp> {
  return writeTx(db, async (trx) => {
    const before = await getFollowUp(trx, id);
    if (!before) throw new AppError('NOT_FOUND', `follow-up #${id} does not exist`);
    if (before.done_at !== null)
      throw new AppError('POLICY', 'this follow-up is already recorded', {
        kind: 'follow_up.done',
      });
    await markFollowUpDone(trx, id, { at: isoNow(clock), by: actorId, outcome });
    await auditContract(trx, clock, actorId, before.contract_id, {
      action: 'follow_up.done',
      after: { followUpId: id, days: before.days, deliveredOn: before.delivered_on, outcome },
    });
    const after = await getFollowUp(trx, id);
    if (!after) throw new Error(`follow-up #${id} vanished while it was recorded`);
    return toFollowUp(after);
  });
}

/** One follow-up per configured day after each delivery date (of a unit, for system contracts). */
export async function scheduleFollowUps(
  trx: Kysely<Database>,
  c: ContractDetail,
  allocationId: number | null,
  deliveredOn: string,
): Promise<void> {
  const { followUpDays } = await getSalesSettings(trx);
  const unit =
    allocationId === null ? null : (c.allocations.find((x) => x.id === allocationId)?.unit ?? null);
  const day = { contractId: c.id, deliveredOn, unitId: unit?.id ?? null };
  for (const days of followUpDays) {
    // One follow-up per unit and delivery day, however many models the unit received.
    if (await followUpScheduled(trx, day, days)) continue;
    const dueOn = addDays(deliveredOn, days);
    const id = await insertFollowUp(trx, {
      contract_id: c.id,
      allocation_id: allocationId,
      delivered_on: deliveredOn,
      days,
      due_on: dueOn,
    });
    await syncDeadlines(trx, 'follow_up', id, [
      {
        kind: 'follow_up',
        due: dueOn,
        title: `${c.number} ${unit?.name ?? c.partyName}`,
        note: { code: 'follow_up.after_delivery', params: { days } },
        accountId: c.accountId,
        ownerId: c.ownerId,
      },
    ]);
  }
}

/**
 * Drops the open follow-ups of a delivery day on which the unit (or, without units, the buyer)
 * no longer received anything; done ones stay on record.
 */
export async function dropOrphanFollowUps(trx: Kysely<Database>, day: DeliveryDay): Promise<void> {
  for (const id of await openFollowUpIds(trx, day)) {
    await deleteFollowUp(trx, id);
    await dropDeadlines(trx, 'follow_up', id);
  }
}
