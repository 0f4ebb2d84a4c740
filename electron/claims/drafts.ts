/**
 * Drafting a claim of ours on an account: created by a member of the account's team with its
 * territory (authorisation.ts territoryOf), changed while a draft (a changed region asks for
 * authorisation again), deleted while a draft with its documents' rows. Each step audited.
 */
import type { Kysely } from 'kysely';
import { type Clock, isoNow } from '../../shared/clock';
import { AppError } from '../../shared/result';
import type { ClaimDetail, ClaimInput } from '../../shared/schemas/claims';
import { requireTeam } from '../accounts/account-team';
import type { Database } from '../db/schema';
import { claimVersion } from '../db/row-version';
import { writeTx } from '../db/tx';
import { getFilingSettings } from '../settings/filing-settings';
import { territoryOf } from './authorisation';
import {
  type Actor,
  auditClaim,
  changeClaim,
  claimToChange,
  mustGetClaim,
  requireStatus,
} from './record';
import { deleteClaimRow, insertClaim, opportunityAccount, setClaim } from './record-repository';
import { newRowStamps } from '../db/stamps';

async function checkOpportunity(trx: Kysely<Database>, input: ClaimInput): Promise<void> {
  if (input.opportunityId === null) return;
  const opp = await opportunityAccount(trx, input.opportunityId);
  if (!opp || opp.account_id !== input.accountId)
    throw new AppError('VALIDATION', 'the opportunity is not one of this account', {
      kind: 'claim.opportunity_elsewhere',
    });
}

export async function createClaim(
  db: Kysely<Database>,
  clock: Clock,
  dataDir: string,
  actor: Actor,
  input: ClaimInput,
): Promise<ClaimDetail> {
  const id = await writeTx(db, async (trx) => {
    await requireTeam(trx, actor, input.accountId);
    await checkOpportunity(trx, input);
    const territory = await territoryOf(trx, input);
    const settings = await getFilingSettings(trx);
    const now = isoNow(clock);
    const id = await insertClaim(trx, {
      account_id: input.accountId,
      opportunity_id: input.opportunityId,
      source: 'ours',
      claimant_id: actor.id,
      status: 'draft',
      ...territory,
      auth_state: territory.in_territory ? 'not_needed' : 'needed',
      protection_days: input.protectionDays ?? settings.claimProtectionDays,
      notes: input.notes,
      ...newRowStamps(actor.id, now),
    });
    await auditClaim(trx, clock, actor.id, id, {
      action: 'claims.create',
      after: { ...input, ...territory },
    });
    return id;
  });
  return mustGetClaim(db, clock, dataDir, id);
}

export async function updateClaim(
  db: Kysely<Database>,
  clock: Clock,
  dataDir: string,
  actor: Actor,
  id: number,
  input: ClaimInput,
  version: number,
): Promise<ClaimDetail> {
  return changeClaim(db, clock, dataDir, actor, id, async (trx, claim) => {
    await claimVersion(trx, 'claims', id, version, actor.id, isoNow(clock));
    requireStatus(clock, claim, ['draft'], 'claim.not_draft');
    await requireTeam(trx, actor, input.accountId);
    await checkOpportunity(trx, input);
    const territory = await territoryOf(trx, input);
    const settings = await getFilingSettings(trx);
    // A changed territory asks again, unless it is inside ours; an answer stays with its region.
    const sameRegion = territory.territory_code === claim.territory_code;
    const auth_state = territory.in_territory
      ? 'not_needed'
      : sameRegion && claim.auth_state !== 'not_needed'
        ? claim.auth_state
        : 'needed';
    await setClaim(trx, id, {
      account_id: input.accountId,
      opportunity_id: input.opportunityId,
      ...territory,
      auth_state,
      protection_days: input.protectionDays ?? settings.claimProtectionDays,
      notes: input.notes,
      updated_at: isoNow(clock),
      updated_by: actor.id,
    });
    await auditClaim(trx, clock, actor.id, id, {
      action: 'claims.update',
      before: {
        accountId: claim.account_id,
        territoryCode: claim.territory_code,
        protectionDays: claim.protection_days,
      },
      after: { ...input, ...territory, authState: auth_state },
    });
  });
}

export async function deleteClaim(
  db: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  id: number,
): Promise<void> {
  await writeTx(db, async (trx) => {
    const claim = await claimToChange(trx, actor, id);
    requireStatus(clock, claim, ['draft'], 'claim.not_draft');
    const documents = await deleteClaimRow(trx, id);
    await auditClaim(trx, clock, actor.id, id, {
      action: 'claims.delete',
      before: { accountId: claim.account_id, documents },
    });
  });
}
