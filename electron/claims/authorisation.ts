/**
 * A claim's territory and cross-territory authorisation: a draft's region inside our territory or
 * not, the request to the addressee and the answer, each audited. A draft outside the territory
 * is filed only once its authorisation is granted (record.ts fileBlockers).
 */
import type { Kysely } from 'kysely';
import { type Clock, isoNow } from '../../shared/clock';
import { AppError } from '../../shared/result';
import type { ClaimDetail, ClaimInput } from '../../shared/schemas/claims';
import { requireSalesWriter } from '../accounts/account-team';
import type { Database } from '../db/schema';
import { writeTx } from '../db/tx';
import { getFilingSettings, inTerritory } from '../settings/filing-settings';
import {
  type Actor,
  changeClaim,
  claimRecord,
  mustGetClaim,
  requireStatus,
  writeClaimStep,
} from './record';
import { accountRegion } from './record-repository';

/** The territory fields of a draft: its region (the account's own by default) inside ours or not. */
export async function territoryOf(
  trx: Kysely<Database>,
  input: ClaimInput,
): Promise<{ territory_code: string | null; in_territory: number }> {
  const account = await accountRegion(trx, input.accountId);
  if (!account)
    throw new AppError('NOT_FOUND', `account #${input.accountId} does not exist`, {
      kind: 'account.missing',
    });
  const code =
    input.territoryCode ?? account.district_code ?? account.city_code ?? account.province_code;
  const settings = await getFilingSettings(trx);
  return { territory_code: code, in_territory: inTerritory(settings.territoryCodes, code) ? 1 : 0 };
}

export async function requestAuthorisation(
  db: Kysely<Database>,
  clock: Clock,
  dataDir: string,
  actor: Actor,
  input: { id: number; addressee: string; note: string },
): Promise<ClaimDetail> {
  return changeClaim(db, clock, dataDir, actor, input.id, async (trx, claim) => {
    requireStatus(clock, claim, ['draft'], 'claim.not_draft');
    if (claim.in_territory === 1)
      throw new AppError('CONFLICT', 'the account lies inside our territory', {
        kind: 'claim.in_territory',
      });
    if (claim.auth_state === 'granted')
      throw new AppError('CONFLICT', 'the authorisation was already granted', {
        kind: 'claim.already_authorised',
      });
    const at = isoNow(clock);
    await writeClaimStep(
      trx,
      clock,
      input.id,
      actor.id,
      at,
      {
        auth_state: 'requested',
        auth_addressee: input.addressee,
        auth_request_note: input.note,
        auth_requested_at: at,
        auth_requested_by: actor.id,
        auth_reference: null,
        auth_answer_note: null,
        auth_answered_at: null,
        auth_answered_by: null,
      },
      {
        action: 'claims.requestAuthorisation',
        before: { authState: claim.auth_state },
        after: { authState: 'requested', addressee: input.addressee, note: input.note },
      },
    );
  });
}

export async function answerAuthorisation(
  db: Kysely<Database>,
  clock: Clock,
  dataDir: string,
  actor: Actor,
  input: { id: number; granted: boolean; reference: string | null; note: string },
): Promise<ClaimDetail> {
  requireSalesWriter(actor);
  await writeTx(db, async (trx) => {
    const claim = await claimRecord(trx, input.id);
    if (claim.auth_state !== 'requested')
      throw new AppError('CONFLICT', 'no authorisation request is waiting for an answer', {
        kind: 'claim.no_request',
      });
    const at = isoNow(clock);
    const state = input.granted ? 'granted' : 'refused';
    await writeClaimStep(
      trx,
      clock,
      input.id,
      actor.id,
      at,
      {
        auth_state: state,
        auth_reference: input.reference,
        auth_answer_note: input.note,
        auth_answered_at: at,
        auth_answered_by: actor.id,
      },
      {
        action: 'claims.answerAuthorisation',
        before: { authState: 'requested' },
        after: { authState: state, reference: input.reference, note: input.note },
      },
    );
  });
  return mustGetClaim(db, clock, dataDir, input.id);
}
