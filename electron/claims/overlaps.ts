/**
 * Settling an internal overlap (colleagues' claims on one organisation), a manager's step; the
 * list of overlaps waiting for it is repository.ts overlapsToSettle.
 */
import type { Kysely } from 'kysely';
import { type Clock, isoNow } from '../../shared/clock';
import { chinaDate } from '../../shared/dates';
import { AppError } from '../../shared/result';
import type { ClaimDetail } from '../../shared/schemas/claims';
import { requireSalesWriter } from '../accounts/account-team';
import type { Database } from '../db/schema';
import { writeTx } from '../db/tx';
import { collisionsOf } from './collisions';
import { settleCollisions } from './conflicts';
import {
  type Actor,
  auditClaim,
  claimRecord,
  mustGetClaim,
  requireStatus,
  syncClaimDeadline,
  writeClaimStep,
} from './record';

/**
 * A manager settles an internal overlap: `keepId` keeps the organisation, and each other active
 * claim of ours on it is released with the manager's note, each step audited.
 */
export async function settleOverlap(
  db: Kysely<Database>,
  clock: Clock,
  dataDir: string,
  actor: Actor,
  input: { keepId: number; note: string },
): Promise<ClaimDetail> {
  requireSalesWriter(actor);
  await writeTx(db, async (trx) => {
    const keep = await claimRecord(trx, input.keepId);
    if (keep.source !== 'ours')
      throw new AppError('CONFLICT', 'only our own claims overlap', { kind: 'claim.not_ours' });
    requireStatus(clock, keep, ['filed', 'approved', 'conflict'], 'claim.not_active');
    const { overlap } = await collisionsOf(trx, keep, chinaDate(clock.now()));
    const others = (overlap?.claims ?? []).filter((c) => c.claimId !== keep.id);
    if (others.length === 0)
      throw new AppError('CONFLICT', 'no colleague’s claim overlaps this one', {
        kind: 'claim.no_overlap',
      });
    const at = isoNow(clock);
    for (const other of others) {
      const before = await claimRecord(trx, other.claimId);
      await writeClaimStep(
        trx,
        clock,
        other.claimId,
        actor.id,
        at,
        { status: 'released', released_at: at, release_reason: input.note },
        {
          action: 'claims.release',
          before: { status: before.status },
          after: { status: 'released', reason: input.note, overlapKeptBy: keep.id },
        },
      );
      await syncClaimDeadline(trx, other.claimId);
    }
    await auditClaim(trx, clock, actor.id, keep.id, {
      action: 'claims.overlapSettled',
      before: { overlapSince: overlap!.since },
      after: {
        kept: keep.id,
        claimantId: keep.claimant_id,
        released: others.map((o) => ({ id: o.claimId, claimantId: o.claimant?.id ?? null })),
        note: input.note,
      },
    });
    for (const other of others)
      await settleCollisions(trx, clock, await claimRecord(trx, other.claimId));
  });
  return mustGetClaim(db, clock, dataDir, input.keepId);
}
