/**
 * Closing a tender without an award: failed (流标/废标) or cancelled (终止), with the reason given.
 * A closed tender's deadlines leave the calendar (but a paid bond's refund stays due).
 */
import type { Kysely } from 'kysely';
import { type Clock, isoNow } from '../../shared/clock';
import { AppError } from '../../shared/result';
import type { TenderDetail } from '../../shared/schemas/tenders';
import type { Database } from '../db/schema';
import { bump } from '../db/row-version';
import { writeTx } from '../db/tx';
import { auditTender, guardOpen, mustGetTender } from './record';
import { updateTenderRow } from './record-repository';
import { refreshTender } from './upkeep';

export async function closeTender(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  input: { id: number; status: 'failed' | 'cancelled'; reason: string },
): Promise<TenderDetail> {
  return writeTx(db, async (trx) => {
    const before = await mustGetTender(trx, clock, input.id);
    guardOpen(before, 'closing it again');
    if (before.status === 'awarded')
      throw new AppError(
        'POLICY',
        `tender ${before.projectNo} is awarded and cannot be marked ${input.status}`,
        {
          kind: 'tender.awarded',
        },
      );
    await updateTenderRow(trx, input.id, {
      status: input.status,
      close_reason: input.reason,
      ...bump(actorId, isoNow(clock)),
    });
    await refreshTender(trx, clock, input.id);
    const after = await mustGetTender(trx, clock, input.id);
    await auditTender(trx, clock, actorId, input.id, {
      action: 'tender.close',
      before: { status: before.status },
      after: { status: input.status, reason: input.reason },
    });
    return after;
  });
}
