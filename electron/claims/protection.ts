/**
 * A claim's protection period: renewed by its claimant, released before it ends, and expired by
 * the sweep (sweep.ts) once it has ended. A claim that stops being active settles the conflicts
 * and overlaps it was in, and its deadline leaves the calendar. Each step audited.
 */
import type { Kysely } from 'kysely';
import { type Clock, isoNow } from '../../shared/clock';
import { addDays, chinaDate } from '../../shared/dates';
import { AppError } from '../../shared/result';
import type { ClaimDetail } from '../../shared/schemas/claims';
import type { Database } from '../db/schema';
import { nextVersion } from '../db/row-version';
import { settleCollisions } from './conflicts';
import {
  type Actor,
  auditClaim,
  changeClaim,
  claimRecord,
  isActive,
  requireStatus,
  syncClaimDeadline,
  writeClaimStep,
} from './record';
import { setClaimIf } from './record-repository';

export async function renewClaim(
  db: Kysely<Database>,
  clock: Clock,
  dataDir: string,
  actor: Actor,
  id: number,
): Promise<ClaimDetail> {
  return changeClaim(db, clock, dataDir, actor, id, async (trx, claim) => {
    if (claim.source !== 'ours')
      throw new AppError('CONFLICT', 'only our own claims are renewed here', {
        kind: 'claim.not_ours',
      });
    requireStatus(clock, claim, ['filed', 'approved', 'conflict'], 'claim.not_active');
    const today = chinaDate(clock.now());
    const from = claim.expires_on && claim.expires_on > today ? claim.expires_on : today;
    const expiresOn = addDays(from, claim.protection_days);
    await writeClaimStep(
      trx,
      clock,
      id,
      actor.id,
      isoNow(clock),
      { expires_on: expiresOn, renewals: claim.renewals + 1 },
      {
        action: 'claims.renew',
        before: { expiresOn: claim.expires_on },
        after: { expiresOn, renewals: claim.renewals + 1 },
      },
    );
    await syncClaimDeadline(trx, id);
  });
}

export async function releaseClaim(
  db: Kysely<Database>,
  clock: Clock,
  dataDir: string,
  actor: Actor,
  id: number,
  reason: string,
): Promise<ClaimDetail> {
  return changeClaim(db, clock, dataDir, actor, id, async (trx, claim) => {
    requireStatus(clock, claim, ['filed', 'approved', 'conflict'], 'claim.not_active');
    const at = isoNow(clock);
    await writeClaimStep(
      trx,
      clock,
      id,
      actor.id,
      at,
      { status: 'released', released_at: at, release_reason: reason },
      {
        action: 'claims.release',
        before: { status: claim.status },
        after: { status: 'released', reason },
      },
    );
    await syncClaimDeadline(trx, id);
    await settleCollisions(trx, clock, claim);
  });
}

/**
 * Records the expiry of one claim past its protection (the expiry sweep's step, on the sweep's
 * `today` and instant `at`): once, audited, and only if it is still active — a second sweep, or
 * one racing this, changes nothing.
 */
export async function expireClaim(
  trx: Kysely<Database>,
  clock: Clock,
  id: number,
  today: string,
  at: string,
): Promise<boolean> {
  const claim = await claimRecord(trx, id);
  if (!isActive(claim.status) || claim.expires_on === null || claim.expires_on >= today)
    return false;
  const changed = await setClaimIf(
    trx,
    id,
    { status: claim.status },
    {
      status: 'expired',
      version: nextVersion(),
      updated_by: null,
      updated_at: at,
    },
  );
  if (!changed) return false;
  await auditClaim(trx, clock, null, id, {
    action: 'claims.expire',
    before: { status: claim.status },
    after: { status: 'expired', expiresOn: claim.expires_on },
  });
  await syncClaimDeadline(trx, id);
  await settleCollisions(trx, clock, claim);
  return true;
}
