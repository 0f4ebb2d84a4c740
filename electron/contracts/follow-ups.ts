/** After-delivery follow-ups (回访): listed by due date, recorded when done. */
import type { Kysely } from 'kysely';
import type { FollowUp } from '../../shared/schemas/contracts';
import { AppError } from '../../shared/result';
import { appendAudit } from '../audit/audit';
import type { Database } from '../db/schema';
import { writeTx } from '../db/tx';
import { teamAccountCondition } from '../accounts/account-team';
import { followUpsQuery, toFollowUp } from './repository';
import { nowIso } from '../../shared/clock';

export async function listFollowUps(
  db: Kysely<Database>,
  q: {
    state: 'open' | 'done' | 'all';
    ownerId: number | null;
    offset: number;
    limit: number;
    /** A specialist's id: their teams' accounts only (account-team.teamScope). */
    teamOf: number | null;
  },
): Promise<{ rows: FollowUp[]; total: number }> {
  let base = followUpsQuery(db);
  if (q.teamOf !== null) base = base.where(teamAccountCondition(q.teamOf, 'c.account_id'));
  if (q.state === 'open') base = base.where('f.done_at', 'is', null);
  if (q.state === 'done') base = base.where('f.done_at', 'is not', null);
  if (q.ownerId !== null) base = base.where('c.owner_id', '=', q.ownerId);
  const [rows, count] = await Promise.all([
    base
      .orderBy('f.due_on', q.state === 'done' ? 'desc' : 'asc')
      .orderBy('f.id')
      .offset(q.offset)
      .limit(q.limit)
      .execute(),
    base
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toFollowUp), total: Number(count.n) };
}

export async function completeFollowUp(
  db: Kysely<Database>,
  actorId: number,
  id: number,
  outcome: string,
): Promise<FollowUp> {
  return writeTx(db, async (trx) => {
    const before = await followUpsQuery(trx).where('f.id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', `follow-up #${id} does not exist`);
    if (before.done_at !== null)
      throw new AppError('POLICY', 'this follow-up is already recorded', {
        kind: 'follow_up.done',
      });
    const now = nowIso();
    await trx
      .updateTable('follow_ups')
      .set({ done_at: now, done_by: actorId, outcome })
      .where('id', '=', id)
      .execute();
    await trx
      .updateTable('deadlines')
      .set({ done_at: now })
      .where('entity', '=', 'follow_up')
      .where('entity_id', '=', id)
      .execute();
    await appendAudit(trx, {
      actorId,
      entity: 'contract',
      entityId: before.contract_id,
      action: 'follow_up.done',
      after: { followUpId: id, days: before.days, deliveredOn: before.delivered_on, outcome },
    });
    return toFollowUp(await followUpsQuery(trx).where('f.id', '=', id).executeTakeFirstOrThrow());
  });
}
