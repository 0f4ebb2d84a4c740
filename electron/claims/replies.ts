/**
 * What the others answer on a claim: the manufacturer's reply to one of ours (approved or
 * rejected, dated no earlier than the filing, never rewritten) and the customer's wish. A rejected
 * claim settles the conflicts and overlaps it was in. Each step audited.
 */
import type { Kysely } from 'kysely';
import { type Clock, isoNow } from '../../shared/clock';
import { chinaDate } from '../../shared/dates';
import { AppError } from '../../shared/result';
import type { ClaimDetail } from '../../shared/schemas/claims';
import type { Database } from '../db/schema';
import { settleCollisions } from './conflicts';
import {
  type Actor,
  changeClaim,
  requireStatus,
  syncClaimDeadline,
  writeClaimStep,
} from './record';

export async function recordReply(
  db: Kysely<Database>,
  clock: Clock,
  dataDir: string,
  actor: Actor,
  input: {
    id: number;
    outcome: 'approved' | 'rejected';
    oemReference: string | null;
    reply: string;
    repliedOn: string;
  },
): Promise<ClaimDetail> {
  return changeClaim(db, clock, dataDir, actor, input.id, async (trx, claim) => {
    if (claim.source !== 'ours')
      throw new AppError('CONFLICT', 'another dealer’s claim has no reply of ours to record', {
        kind: 'claim.not_ours',
      });
    requireStatus(clock, claim, ['filed', 'conflict'], 'claim.not_awaiting_reply');
    if (claim.filed_at && input.repliedOn < chinaDate(claim.filed_at))
      throw new AppError('VALIDATION', 'the reply is dated before the filing', {
        fields: [{ path: 'repliedOn', code: 'claim.reply_before_filing', message: '' }],
        kind: 'claim.reply_before_filing',
      });
    await writeClaimStep(
      trx,
      clock,
      input.id,
      actor.id,
      isoNow(clock),
      {
        status: input.outcome,
        oem_reference: input.oemReference ?? claim.oem_reference,
        oem_reply: input.reply,
        oem_replied_on: input.repliedOn,
        oem_recorded_by: actor.id,
      },
      { action: 'claims.reply', before: { status: claim.status }, after: input },
    );
    await syncClaimDeadline(trx, input.id);
    if (input.outcome === 'rejected') await settleCollisions(trx, clock, claim);
  });
}

export async function recordWish(
  db: Kysely<Database>,
  clock: Clock,
  dataDir: string,
  actor: Actor,
  id: number,
  note: string,
): Promise<ClaimDetail> {
  return changeClaim(db, clock, dataDir, actor, id, async (trx, claim) => {
    requireStatus(clock, claim, ['draft', 'filed', 'approved', 'conflict'], 'claim.closed');
    const at = isoNow(clock);
    await writeClaimStep(
      trx,
      clock,
      id,
      actor.id,
      at,
      { wish_note: note, wish_at: at, wish_by: actor.id },
      {
        action: 'claims.wish',
        before: claim.wish_note === null ? null : { note: claim.wish_note, at: claim.wish_at },
        after: { note, at },
      },
    );
  });
}
