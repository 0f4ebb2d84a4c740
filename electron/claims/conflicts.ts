/**
 * Keeping claims' conflicts and overlaps in line with their collisions (collisions.ts): marked when
 * a claim becomes active, cleared when the claim they were with stops being active, and reconciled
 * at start-up for claims recorded under earlier rules. Every change is audited.
 */
import type { Kysely } from 'kysely';
import { type Clock, isoNow } from '../../shared/clock';
import { chinaDate } from '../../shared/dates';
import type { ClaimStatus } from '../../shared/filing-enums';
import type { Database } from '../db/schema';
import { nextVersion } from '../db/row-version';
import { type Collisions, collisionsOf } from './collisions';
import { claimsAwaitingSettlement, lookAlikes } from './collisions-repository';
import { auditClaim, type ClaimRecord, claimRecord, writeClaimStep } from './record';
import { setClaim, setClaimIf } from './record-repository';

/**
 * After a claim becomes active: a claim of ours colliding with another dealer's is in conflict,
 * and with a colleague's an internal overlap (both marked, from the second filing); another
 * dealer's claim puts each of our filed claims it collides with in conflict (theirs stays filed:
 * it is the manufacturer's record, not a conflict of ours to resolve).
 */
export async function markCollisions(
  trx: Kysely<Database>,
  clock: Clock,
  actorId: number,
  claimId: number,
): Promise<Collisions> {
  const claim = await claimRecord(trx, claimId);
  const found = await collisionsOf(trx, claim, chinaDate(clock.now()));
  const now = isoNow(clock);
  const mark = async (id: number, before: ClaimStatus) => {
    await setClaim(trx, id, {
      status: 'conflict',
      version: nextVersion(),
      updated_by: null,
      updated_at: now,
    });
    if (id !== claimId)
      await auditClaim(trx, clock, actorId, id, {
        action: 'claims.conflict',
        before: { status: before },
        after: { status: 'conflict', with: claimId },
      });
  };
  if (claim.source === 'ours') {
    if (found.conflict) await mark(claimId, claim.status);
    const since = found.overlap?.since ?? null;
    if (found.overlap && since) {
      await setClaim(trx, claimId, { overlap_since: since });
      for (const other of found.overlap.claims)
        if (other.claimId !== claimId) {
          const changed = await setClaimIf(
            trx,
            other.claimId,
            { overlapSince: null },
            {
              overlap_since: since,
              version: nextVersion(),
              updated_by: null,
              updated_at: now,
            },
          );
          if (changed)
            await auditClaim(trx, clock, actorId, other.claimId, {
              action: 'claims.overlap',
              after: { with: claimId, since },
            });
        }
    }
  } else
    for (const other of found.others)
      if (other.source === 'ours' && other.status === 'filed') await mark(other.id, other.status);
  return found;
}

/**
 * Once a claim stops being active (released, rejected, expired, settled), our claims that were in
 * conflict only with it are filed claims again, and overlaps only with it end.
 */
export async function settleCollisions(
  trx: Kysely<Database>,
  clock: Clock,
  closed: ClaimRecord,
): Promise<void> {
  await setClaim(trx, closed.id, { overlap_since: null });
  const alikes = await lookAlikes(trx, closed.account_id);
  const waiting = await claimsAwaitingSettlement(trx, [...alikes.keys()], closed.id);
  for (const c of waiting) {
    const found = await collisionsOf(trx, c, chinaDate(clock.now()));
    if (c.status === 'conflict' && found.conflict === null)
      await writeClaimStep(
        trx,
        clock,
        c.id,
        null,
        isoNow(clock),
        { status: 'filed' },
        {
          action: 'claims.conflictCleared',
          before: { status: 'conflict' },
          after: { status: 'filed', after: closed.id },
        },
      );
    const since = found.overlap?.since ?? null;
    if (c.overlap_since !== null && since === null)
      await writeClaimStep(
        trx,
        clock,
        c.id,
        null,
        isoNow(clock),
        { overlap_since: null },
        {
          action: 'claims.overlapCleared',
          before: { overlapSince: c.overlap_since },
          after: { overlapSince: null, after: closed.id },
        },
      );
    else if (since !== null && since !== c.overlap_since)
      await setClaim(trx, c.id, { overlap_since: since });
  }
}

/**
 * Brings a claim of ours that is "in conflict" into line with today's rules (a start-up step for
 * claims recorded before colleagues' claims became an internal overlap): without another dealer's
 * claim against it, it is filed again, and its overlap is dated. Returns whether it changed.
 */
export async function reconcileClaim(
  trx: Kysely<Database>,
  clock: Clock,
  id: number,
): Promise<boolean> {
  const claim = await claimRecord(trx, id);
  if (claim.source !== 'ours' || claim.status !== 'conflict') return false;
  const found = await collisionsOf(trx, claim, chinaDate(clock.now()));
  let changed = false;
  if (found.conflict === null) {
    await writeClaimStep(
      trx,
      clock,
      id,
      null,
      isoNow(clock),
      { status: 'filed' },
      {
        action: 'claims.conflictCleared',
        before: { status: 'conflict' },
        after: { status: 'filed', reason: 'internal_overlap' },
      },
    );
    changed = true;
  }
  const since = found.overlap?.since ?? null;
  if (since !== null && claim.overlap_since !== since) {
    await setClaim(trx, id, { overlap_since: since });
    await auditClaim(trx, clock, null, id, {
      action: 'claims.overlap',
      after: {
        with: found.overlap!.claims.filter((c) => c.claimId !== id).map((c) => c.claimId),
        since,
      },
    });
    changed = true;
  }
  return changed;
}
