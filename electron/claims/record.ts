/**
 * The claim record every claim workflow shares: loading it, the detail a person sees
 * (mustGetClaim), the guards (who may change a claim, which status a step needs, what keeps a
 * draft from being filed), one change in a transaction, one audited step written, and the calendar
 * deadline kept in line with it. The workflows each have a file: drafts, authorisation, filing,
 * replies, protection (renew, release, expire), overlaps, collisions and conflicts; the SQL is in
 * the repository files.
 */
import type { Kysely } from 'kysely';
import { effectiveStatus } from '../../shared/claim-rules';
import type { Clock } from '../../shared/clock';
import { chinaDate } from '../../shared/dates';
import { ACTIVE_CLAIM_STATUSES, type ClaimStatus } from '../../shared/filing-enums';
import { AppError, type ErrorKind } from '../../shared/result';
import type { ClaimDetail } from '../../shared/schemas/claims';
import type { Staff } from '../../shared/schemas/staff';
import { requireSalesWriter, requireTeam } from '../accounts/account-team';
import { type AuditEntry, entityAudit } from '../audit/entity-audit';
import { dropDeadlines, syncDeadlines } from '../calendar/deadlines';
import { nextVersion } from '../db/row-version';
import type { Database } from '../db/schema';
import { writeTx } from '../db/tx';
import { listDocuments } from '../documents/service';
import { isManager } from '../session/session';
import { collisionsOf } from './collisions';
import {
  type ClaimPatch,
  type ClaimRecord,
  claimDeadlineFacts,
  findClaim,
  opportunityTitle,
  setClaim,
  staffNames,
} from './record-repository';
import { developmentActivities, getClaimRows } from './repository';
import { mustExist } from '../db/must-exist';

export type { ClaimRecord };
export type Actor = Pick<Staff, 'id' | 'role'>;
export const isActive = (s: string) => (ACTIVE_CLAIM_STATUSES as readonly string[]).includes(s);

export async function claimRecord(db: Kysely<Database>, id: number): Promise<ClaimRecord> {
  return mustExist(await findClaim(db, id), 'claim', id);
}

export function fileBlockers(claim: ClaimRecord): ErrorKind[] {
  if (claim.status !== 'draft') return [];
  if (claim.in_territory === 1) return [];
  if (claim.auth_state === 'refused') return ['claim.authorisation_refused'];
  if (claim.auth_state !== 'granted') return ['claim.needs_authorisation'];
  return [];
}

export async function mustGetClaim(
  db: Kysely<Database>,
  clock: Clock,
  dataDir: string,
  id: number,
): Promise<ClaimDetail> {
  const claim = await claimRecord(db, id);
  const today = chinaDate(clock.now());
  const [row] = await getClaimRows(db, [id], today);
  const colliding = isActive(row!.status) || row!.status === 'draft';
  const collisions = colliding ? await collisionsOf(db, claim, today) : null;
  const people = new Map(
    (
      await staffNames(
        db,
        [
          claim.auth_requested_by,
          claim.auth_answered_by,
          claim.oem_recorded_by,
          claim.wish_by,
        ].filter((x): x is number => x !== null),
      )
    ).map((s) => [s.id, s]),
  );
  const person = (staffId: number | null) =>
    staffId === null ? null : (people.get(staffId) ?? null);
  const opportunity =
    claim.opportunity_id === null
      ? null
      : ((await opportunityTitle(db, claim.opportunity_id)) ?? null);
  return {
    ...row!,
    opportunity,
    protectionDays: claim.protection_days,
    notes: claim.notes,
    inTerritory: claim.in_territory === 1,
    authorisation: {
      addressee: claim.auth_addressee,
      requestNote: claim.auth_request_note,
      requestedAt: claim.auth_requested_at,
      requestedBy: person(claim.auth_requested_by),
      reference: claim.auth_reference,
      answerNote: claim.auth_answer_note,
      answeredAt: claim.auth_answered_at,
      answeredBy: person(claim.auth_answered_by),
    },
    reply: {
      text: claim.oem_reply,
      repliedOn: claim.oem_replied_on,
      recordedBy: person(claim.oem_recorded_by),
    },
    wish:
      claim.wish_note !== null && claim.wish_at !== null
        ? { note: claim.wish_note, recordedAt: claim.wish_at, recordedBy: person(claim.wish_by) }
        : null,
    releasedAt: claim.released_at,
    releaseReason: claim.release_reason,
    activities: claim.source === 'ours' ? await developmentActivities(db, claim.account_id) : [],
    documents: await listDocuments(db, dataDir, 'claim', id),
    conflict: collisions?.conflict ?? null,
    overlap: collisions?.overlap ?? null,
    fileBlockers: fileBlockers(claim),
  };
}

/** A claim is changed by a manager, or by its claimant (any team member, for others' claims) on the account's team. */
async function mayChange(trx: Kysely<Database>, actor: Actor, claim: ClaimRecord): Promise<void> {
  requireSalesWriter(actor);
  if (claim.source === 'ours' && claim.claimant_id !== actor.id && !isManager(actor))
    throw new AppError('FORBIDDEN', 'only the claimant or a manager may change this claim', {
      kind: 'claim.not_yours',
    });
  await requireTeam(trx, actor, claim.account_id);
}

/** Loads a claim to change, as its claimant or a manager. */
export async function claimToChange(
  trx: Kysely<Database>,
  actor: Actor,
  id: number,
): Promise<ClaimRecord> {
  const claim = await claimRecord(trx, id);
  await mayChange(trx, actor, claim);
  return claim;
}

/** One change of a claim by its claimant or a manager, in a transaction; answers the claim after. */
export async function changeClaim(
  db: Kysely<Database>,
  clock: Clock,
  dataDir: string,
  actor: Actor,
  id: number,
  change: (trx: Kysely<Database>, claim: ClaimRecord) => Promise<void>,
): Promise<ClaimDetail> {
  await writeTx(db, async (trx) => {
    const claim = await claimToChange(trx, actor, id);
    await change(trx, claim);
  });
  return mustGetClaim(db, clock, dataDir, id);
}

/** Checks the status the user sees: a claim past its protection is expired, swept or not. */
export function requireStatus(
  clock: Clock,
  claim: ClaimRecord,
  allowed: readonly ClaimStatus[],
  code: ErrorKind,
): void {
  const status = effectiveStatus(claim.status, claim.expires_on, chinaDate(clock.now()));
  if (!allowed.includes(status))
    throw new AppError('CONFLICT', `the claim is ${status}`, { kind: code, status });
}

/**
 * One step of a claim in the caller's transaction: its columns with the row's next version, who
 * (`by`; null for the app's own steps) and when, then the step's audit entry by the same person.
 */
export async function writeClaimStep(
  trx: Kysely<Database>,
  clock: Clock,
  id: number,
  by: number | null,
  at: string,
  patch: ClaimPatch,
  audit: AuditEntry,
): Promise<void> {
  await setClaim(trx, id, { ...patch, version: nextVersion(), updated_at: at, updated_by: by });
  await auditClaim(trx, clock, by, id, audit);
}

/** A claim's audit entry (`actorId` null for the app's own steps). */
export const auditClaim = entityAudit('claim');

export async function syncClaimDeadline(trx: Kysely<Database>, claimId: number): Promise<void> {
  const c = await claimDeadlineFacts(trx, claimId);
  // Only our own active claims ask us to renew them in time.
  if (c.source !== 'ours' || !isActive(c.status) || c.expires_on === null)
    await dropDeadlines(trx, 'claim', claimId);
  else
    await syncDeadlines(trx, 'claim', claimId, [
      {
        kind: 'claim_expiry',
        due: c.expires_on,
        title: c.name,
        accountId: c.account_id,
        ownerId: c.claimant_id,
      },
    ]);
}
