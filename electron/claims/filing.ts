/**
 * Filing: a draft of ours filed at the clock's time (never rewritten) with the territory check and
 * its protection period, and another dealer's claim recorded as the manufacturer reported it. Both
 * mark the conflicts and overlaps they cause (conflicts.ts) and are audited in their transaction.
 */
import type { Kysely } from 'kysely';
import { type Clock, isoNow } from '../../shared/clock';
import { addDays, chinaDate } from '../../shared/dates';
import { AppError } from '../../shared/result';
import type { ClaimDetail, ExternalClaimInput } from '../../shared/schemas/claims';
import { requireTeam } from '../accounts/account-team';
import type { Database } from '../db/schema';
import { nextVersion } from '../db/row-version';
import { writeTx } from '../db/tx';
import { getFilingSettings } from '../settings/filing-settings';
import { markCollisions } from './conflicts';
import {
  type Actor,
  auditClaim,
  changeClaim,
  fileBlockers,
  mustGetClaim,
  requireStatus,
  syncClaimDeadline,
} from './record';
import { accountExists, insertClaim, setClaim } from './record-repository';
import { newRowStamps } from '../db/stamps';

export async function fileClaim(
  db: Kysely<Database>,
  clock: Clock,
  dataDir: string,
  actor: Actor,
  id: number,
): Promise<ClaimDetail> {
  return changeClaim(db, clock, dataDir, actor, id, async (trx, claim) => {
    requireStatus(clock, claim, ['draft'], 'claim.not_draft');
    const blockers = fileBlockers(claim);
    if (blockers.length > 0)
      throw new AppError(
        'POLICY',
        'the account lies outside our territory: a cross-territory authorisation must be granted first',
        { kind: blockers[0] },
      );
    const filedAt = isoNow(clock);
    const expiresOn = addDays(chinaDate(filedAt), claim.protection_days);
    await setClaim(trx, id, {
      status: 'filed',
      filed_at: filedAt,
      expires_on: expiresOn,
      version: nextVersion(),
      updated_by: actor.id,
      updated_at: filedAt,
    });
    const { conflict, overlap } = await markCollisions(trx, clock, actor.id, id);
    await auditClaim(trx, clock, actor.id, id, {
      action: 'claims.file',
      before: { status: 'draft' },
      after: {
        status: conflict ? 'conflict' : 'filed',
        filedAt,
        expiresOn,
        evidenceCount: conflict?.claims.find((c) => c.claimId === id)?.evidenceCount ?? null,
        conflictWith: conflict?.claims.filter((c) => c.claimId !== id).map((c) => c.claimId) ?? [],
        winnerId: conflict?.winnerId ?? null,
        overlapWith: overlap?.claims.filter((c) => c.claimId !== id).map((c) => c.claimId) ?? [],
        overlapSince: overlap?.since ?? null,
      },
    });
    await syncClaimDeadline(trx, id);
  });
}

export async function recordExternalClaim(
  db: Kysely<Database>,
  clock: Clock,
  dataDir: string,
  actor: Actor,
  input: ExternalClaimInput,
): Promise<ClaimDetail> {
  const id = await writeTx(db, async (trx) => {
    if (!(await accountExists(trx, input.accountId)))
      throw new AppError('NOT_FOUND', `account #${input.accountId} does not exist`, {
        kind: 'account.missing',
      });
    await requireTeam(trx, actor, input.accountId);
    const settings = await getFilingSettings(trx);
    const now = isoNow(clock);
    const filedAt = new Date(input.filedAt).toISOString();
    if (filedAt > now)
      throw new AppError('VALIDATION', 'a filing time in the future', {
        fields: [
          { path: 'filedAt', code: 'claim.filed_in_future', message: 'claim.filed_in_future' },
        ],
        kind: 'claim.filed_in_future',
      });
    const expiresOn = addDays(chinaDate(filedAt), settings.claimProtectionDays);
    // Reported after its protection ended: on record, but it protects nothing and conflicts with none.
    const status = expiresOn < chinaDate(now) ? 'expired' : 'filed';
    const id = await insertClaim(trx, {
      account_id: input.accountId,
      source: 'other_dealer',
      dealer_name: input.dealerName,
      status,
      in_territory: 1,
      auth_state: 'not_needed',
      protection_days: settings.claimProtectionDays,
      filed_at: filedAt,
      expires_on: expiresOn,
      oem_reference: input.oemReference,
      reported_evidence: input.evidenceCount,
      wish_note: input.customerWish ? '厂家告知：客户意愿倾向该经销商' : null,
      wish_at: input.customerWish ? now : null,
      wish_by: input.customerWish ? actor.id : null,
      notes: input.notes,
      ...newRowStamps(actor.id, now),
    });
    await auditClaim(trx, clock, actor.id, id, {
      action: 'claims.recordExternal',
      after: { ...input, filedAt, expiresOn, status },
    });
    if (status === 'filed') await markCollisions(trx, clock, actor.id, id);
    return id;
  });
  return mustGetClaim(db, clock, dataDir, id);
}
