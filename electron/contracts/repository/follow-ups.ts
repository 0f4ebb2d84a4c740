/**
 * Kysely code of writing after-delivery follow-ups (回访): scheduling them per unit and delivery
 * day, dropping the orphaned ones, recording one as done. Their reads are in ./views.
 */
import type { Insertable, Kysely } from 'kysely';
import type { Database, FollowUpsTable } from '../../db/schema';
import type { DeliveryDay } from './deliveries';

/** The follow-ups of a delivery day (one per receiver and day, however many models it got). */
function followUpsOfDay(db: Kysely<Database>, day: DeliveryDay) {
  const q = db
    .selectFrom('follow_ups as f')
    .leftJoin('contract_allocations as x', 'x.id', 'f.allocation_id')
    .select('f.id')
    .where('f.contract_id', '=', day.contractId)
    .where('f.delivered_on', '=', day.deliveredOn);
  return day.unitId === null
    ? q.where('f.allocation_id', 'is', null)
    : q.where('x.unit_id', '=', day.unitId);
}

/** Whether the receiver already has the follow-up `days` after that delivery day. */
export async function followUpScheduled(
  db: Kysely<Database>,
  day: DeliveryDay,
  days: number,
): Promise<boolean> {
  const found = await followUpsOfDay(db, day).where('f.days', '=', days).executeTakeFirst();
  return found !== undefined;
}

/** The follow-ups of that delivery day not yet done. */
export async function openFollowUpIds(db: Kysely<Database>, day: DeliveryDay): Promise<number[]> {
  const rows = await followUpsOfDay(db, day).where('f.done_at', 'is', null).execute();
  return rows.map((r) => r.id);
}

export async function insertFollowUp(
  db: Kysely<Database>,
  values: Insertable<FollowUpsTable>,
): Promise<number> {
  const { id } = await db
    .insertInto('follow_ups')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function deleteFollowUp(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('follow_ups').where('id', '=', id).execute();
}

/** Records the follow-up as done, and its deadline with it. */
export async function markFollowUpDone(
  db: Kysely<Database>,
  id: number,
  done: { at: string; by: number; outcome: string },
): Promise<void> {
  await db
    .updateTable('follow_ups')
    .set({ done_at: done.at, done_by: done.by, outcome: done.outcome })
    .where('id', '=', id)
    .execute();
  await db
    .updateTable('deadlines')
    .set({ done_at: done.at })
    .where('entity', '=', 'follow_up')
    .where('entity_id', '=', id)
    .execute();
}
