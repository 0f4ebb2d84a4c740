/**
 * Claim workflows: drafting on an account, filing at the system clock's time with the territory
 * and conflict checks, the manufacturer's reply, the customer's wish, renewal, release, expiry and
 * cross-territory authorisation. Every change is audited in its transaction; the filing time and
 * the manufacturer's reply are never rewritten.
 */
import type { Kysely } from 'kysely';
import {
  effectiveStatus,
  overlapSince,
  partyOf,
  rankClaims,
  splitCollisions,
} from '../../shared/claim-rules';
import { addDays, chinaDate } from '../../shared/dates';
import { ACTIVE_CLAIM_STATUSES, type ClaimStatus } from '../../shared/filing-enums';
import { AppError, type ErrorKind } from '../../shared/result';
import type {
  ClaimDetail,
  ClaimInput,
  ClaimRow,
  ConflictView,
  ExpiringClaim,
  ExternalClaimInput,
  OverlapToSettle,
  OverlapView,
} from '../../shared/schemas/claims';
import type { Staff } from '../../shared/schemas/staff';
import { appendAudit } from '../audit/audit';
import { dropDeadlines, syncDeadlines } from '../calendar/deadlines';
import type { Database } from '../db/schema';
import { claimVersion, nextVersion } from '../db/row-version';
import { writeTx } from '../db/tx';
import { listDocuments } from '../documents/service';
import { isManager } from '../session/session';
import { requireSalesWriter, requireTeam } from '../accounts/account-team';
import { getFilingSettings, inTerritory } from '../settings/filing-settings';
import { activeClaimsOn, developmentActivities, getClaimRows, lookAlikes } from './repository';
import { nowIso } from '../../shared/clock';

type Actor = Pick<Staff, 'id' | 'role'>;
const isActive = (s: string) => (ACTIVE_CLAIM_STATUSES as readonly string[]).includes(s);

async function claimRecord(db: Kysely<Database>, id: number) {
  const claim = await db.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirst();
  if (!claim) throw new AppError('NOT_FOUND', `claim #${id} does not exist`);
  return claim;
}
type ClaimRecord = Awaited<ReturnType<typeof claimRecord>>;

export interface Collisions {
  /** Other dealers' claims against this one (or ours against another dealer's), ranked. */
  conflict: ConflictView | null;
  /** Our own other active claims on the organisation, when this claim is ours. */
  overlap: OverlapView | null;
  /** Every active claim colliding with this one. */
  others: ClaimRow[];
}

/**
 * The active claims on the same organisation as this one (by account, USCC, name, alias or
 * hierarchy): other dealers' ranked by the manufacturer's order, our colleagues' as an overlap.
 */
export async function collisionsOf(
  db: Kysely<Database>,
  claim: Pick<ClaimRecord, 'id' | 'account_id'>,
  today = chinaDate(),
): Promise<Collisions> {
  const alikes = await lookAlikes(db, claim.account_id);
  const found = await activeClaimsOn(db, [...alikes.keys()], claim.id, today);
  if (found.length === 0) return { conflict: null, overlap: null, others: [] };
  const rows = await getClaimRows(db, [claim.id, ...found.map((o) => o.id)], today);
  const entries = rows.map((r) => ({
    claimId: r.id,
    rank: 0,
    party: partyOf(r.source, r.dealerName),
    accountId: r.accountId,
    accountName: r.accountName,
    source: r.source,
    claimantName: r.source === 'ours' ? (r.claimant?.name ?? '') : (r.dealerName ?? ''),
    claimantId: r.source === 'ours' ? (r.claimant?.id ?? null) : null,
    status: r.status,
    filedAt: r.filedAt,
    customerWish: r.customerWish,
    evidenceCount: r.evidenceCount,
    matches: r.id === claim.id ? [] : (alikes.get(r.accountId) ?? []),
  }));
  const self = entries.find((e) => e.claimId === claim.id)!;
  const split = splitCollisions(
    self,
    entries.filter((e) => e !== self),
  );
  let conflict: ConflictView | null = null;
  if (split.rivals.length > 0) {
    const ranking = rankClaims([self, ...split.rivals]);
    conflict = {
      claims: ranking.ranked.map(({ party: _party, ...e }, i) => ({ ...e, rank: i + 1 })),
      winnerId: ranking.winner.claimId,
      runnerUpId: ranking.runnerUp?.claimId ?? null,
      decidedBy: ranking.decidedBy,
      facts: ranking.facts,
    };
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  const overlap: OverlapView | null =
    split.overlap.length === 0
      ? null
      : {
          since: overlapSince(self, split.overlap),
          claims: [
            self,
            ...[...split.overlap].sort((a, b) =>
              (a.filedAt ?? '9') < (b.filedAt ?? '9') ? -1 : a.filedAt === b.filedAt ? 0 : 1,
            ),
          ].map((e) => ({
            claimId: e.claimId,
            claimant: byId.get(e.claimId)!.claimant,
            accountId: e.accountId,
            accountName: e.accountName,
            status: e.status,
            filedAt: e.filedAt,
            expiresOn: byId.get(e.claimId)!.expiresOn,
            evidenceCount: e.evidenceCount,
            matches: e.matches,
          })),
        };
  return { conflict, overlap, others: rows.filter((r) => r.id !== claim.id) };
}

/** The dealers' conflict this claim is in, ranked by the manufacturer's order; null when none. */
export async function conflictOf(
  db: Kysely<Database>,
  claim: Pick<ClaimRecord, 'id' | 'account_id'>,
): Promise<ConflictView | null> {
  return (await collisionsOf(db, claim)).conflict;
}

function fileBlockers(claim: ClaimRecord): ErrorKind[] {
  if (claim.status !== 'draft') return [];
  if (claim.in_territory === 1) return [];
  if (claim.auth_state === 'refused') return ['claim.authorisation_refused'];
  if (claim.auth_state !== 'granted') return ['claim.needs_authorisation'];
  return [];
}

export async function mustGetClaim(
  db: Kysely<Database>,
  dataDir: string,
  id: number,
): Promise<ClaimDetail> {
  const claim = await claimRecord(db, id);
  const today = chinaDate();
  const [row] = await getClaimRows(db, [id], today);
  const colliding = isActive(row!.status) || row!.status === 'draft';
  const collisions = colliding ? await collisionsOf(db, claim, today) : null;
  const people = new Map(
    (
      await db
        .selectFrom('staff')
        .select(['id', 'name'])
        .where('id', 'in', [
          0,
          ...[
            claim.auth_requested_by,
            claim.auth_answered_by,
            claim.oem_recorded_by,
            claim.wish_by,
          ].filter((x): x is number => x !== null),
        ])
        .execute()
    ).map((s) => [s.id, s]),
  );
  const person = (staffId: number | null) =>
    staffId === null ? null : (people.get(staffId) ?? null);
  const opportunity =
    claim.opportunity_id === null
      ? null
      : ((await db
          .selectFrom('opportunities')
          .select(['id', 'title'])
          .where('id', '=', claim.opportunity_id)
          .executeTakeFirst()) ?? null);
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

/** One change of a claim by its claimant or a manager, in a transaction; answers the claim after. */
async function changeClaim(
  db: Kysely<Database>,
  dataDir: string,
  actor: Actor,
  id: number,
  change: (trx: Kysely<Database>, claim: ClaimRecord) => Promise<void>,
): Promise<ClaimDetail> {
  await writeTx(db, async (trx) => {
    const claim = await claimRecord(trx, id);
    await mayChange(trx, actor, claim);
    await change(trx, claim);
  });
  return mustGetClaim(db, dataDir, id);
}

/** Checks the status the user sees: a claim past its protection is expired, swept or not. */
function requireStatus(claim: ClaimRecord, allowed: readonly ClaimStatus[], code: ErrorKind): void {
  const status = effectiveStatus(claim.status as ClaimStatus, claim.expires_on, chinaDate());
  if (!allowed.includes(status))
    throw new AppError('CONFLICT', `the claim is ${status}`, { kind: code, status });
}

async function syncClaimDeadline(trx: Kysely<Database>, claimId: number): Promise<void> {
  const c = await trx
    .selectFrom('claims as c')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .select(['c.status', 'c.expires_on', 'c.source', 'c.claimant_id', 'c.account_id', 'a.name'])
    .where('c.id', '=', claimId)
    .executeTakeFirstOrThrow();
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

/** The territory fields of a draft: its region (the account's own by default) inside ours or not. */
async function territoryOf(
  trx: Kysely<Database>,
  input: ClaimInput,
): Promise<{ territory_code: string | null; in_territory: number }> {
  const account = await trx
    .selectFrom('accounts')
    .select(['province_code', 'city_code', 'district_code'])
    .where('id', '=', input.accountId)
    .executeTakeFirst();
  if (!account)
    throw new AppError('NOT_FOUND', `account #${input.accountId} does not exist`, {
      kind: 'account.missing',
    });
  const code =
    input.territoryCode ?? account.district_code ?? account.city_code ?? account.province_code;
  const settings = await getFilingSettings(trx);
  return { territory_code: code, in_territory: inTerritory(settings.territoryCodes, code) ? 1 : 0 };
}

async function checkOpportunity(trx: Kysely<Database>, input: ClaimInput): Promise<void> {
  if (input.opportunityId === null) return;
  const opp = await trx
    .selectFrom('opportunities')
    .select('account_id')
    .where('id', '=', input.opportunityId)
    .executeTakeFirst();
  if (!opp || opp.account_id !== input.accountId)
    throw new AppError('VALIDATION', 'the opportunity is not one of this account', {
      kind: 'claim.opportunity_elsewhere',
    });
}

export async function createClaim(
  db: Kysely<Database>,
  dataDir: string,
  actor: Actor,
  input: ClaimInput,
): Promise<ClaimDetail> {
  const id = await writeTx(db, async (trx) => {
    await requireTeam(trx, actor, input.accountId);
    await checkOpportunity(trx, input);
    const territory = await territoryOf(trx, input);
    const settings = await getFilingSettings(trx);
    const now = nowIso();
    const row = await trx
      .insertInto('claims')
      .values({
        account_id: input.accountId,
        opportunity_id: input.opportunityId,
        source: 'ours',
        claimant_id: actor.id,
        status: 'draft',
        ...territory,
        auth_state: territory.in_territory ? 'not_needed' : 'needed',
        protection_days: input.protectionDays ?? settings.claimProtectionDays,
        notes: input.notes,
        created_at: now,
        updated_at: now,
        created_by: actor.id,
        updated_by: actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actorId: actor.id,
      entity: 'claim',
      entityId: row.id,
      action: 'claims.create',
      after: { ...input, ...territory },
    });
    return row.id;
  });
  return mustGetClaim(db, dataDir, id);
}

export async function updateClaim(
  db: Kysely<Database>,
  dataDir: string,
  actor: Actor,
  id: number,
  input: ClaimInput,
  version: number,
): Promise<ClaimDetail> {
  return changeClaim(db, dataDir, actor, id, async (trx, claim) => {
    await claimVersion(trx, 'claims', id, version, actor.id);
    requireStatus(claim, ['draft'], 'claim.not_draft');
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
    await trx
      .updateTable('claims')
      .set({
        account_id: input.accountId,
        opportunity_id: input.opportunityId,
        ...territory,
        auth_state,
        protection_days: input.protectionDays ?? settings.claimProtectionDays,
        notes: input.notes,
        updated_at: nowIso(),
        updated_by: actor.id,
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      actorId: actor.id,
      entity: 'claim',
      entityId: id,
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

export async function deleteClaim(db: Kysely<Database>, actor: Actor, id: number): Promise<void> {
  await writeTx(db, async (trx) => {
    const claim = await claimRecord(trx, id);
    await mayChange(trx, actor, claim);
    requireStatus(claim, ['draft'], 'claim.not_draft');
    const docs = await trx
      .selectFrom('documents')
      .select('id')
      .where('entity', '=', 'claim')
      .where('entity_id', '=', id)
      .execute();
    await trx
      .deleteFrom('documents')
      .where('entity', '=', 'claim')
      .where('entity_id', '=', id)
      .execute();
    await trx.deleteFrom('claims').where('id', '=', id).execute();
    await appendAudit(trx, {
      actorId: actor.id,
      entity: 'claim',
      entityId: id,
      action: 'claims.delete',
      before: { accountId: claim.account_id, documents: docs.length },
    });
  });
}

/**
 * After a claim becomes active: a claim of ours colliding with another dealer's is in conflict,
 * and with a colleague's an internal overlap (both marked, from the second filing); another
 * dealer's claim puts each of our filed claims it collides with in conflict (theirs stays filed:
 * it is the manufacturer's record, not a conflict of ours to resolve).
 */
async function markCollisions(
  trx: Kysely<Database>,
  actorId: number,
  claimId: number,
): Promise<Collisions> {
  const claim = await claimRecord(trx, claimId);
  const found = await collisionsOf(trx, claim);
  const now = nowIso();
  const mark = async (id: number, before: string) => {
    await trx
      .updateTable('claims')
      .set({ status: 'conflict', version: nextVersion(), updated_by: null, updated_at: now })
      .where('id', '=', id)
      .execute();
    if (id !== claimId)
      await appendAudit(trx, {
        actorId,
        entity: 'claim',
        entityId: id,
        action: 'claims.conflict',
        before: { status: before },
        after: { status: 'conflict', with: claimId },
      });
  };
  if (claim.source === 'ours') {
    if (found.conflict) await mark(claimId, claim.status);
    const since = found.overlap?.since ?? null;
    if (found.overlap && since) {
      await trx
        .updateTable('claims')
        .set({ overlap_since: since })
        .where('id', '=', claimId)
        .execute();
      for (const other of found.overlap.claims)
        if (other.claimId !== claimId) {
          const changed = await trx
            .updateTable('claims')
            .set({
              overlap_since: since,
              version: nextVersion(),
              updated_by: null,
              updated_at: now,
            })
            .where('id', '=', other.claimId)
            .where('overlap_since', 'is', null)
            .executeTakeFirst();
          if (Number(changed.numUpdatedRows) > 0)
            await appendAudit(trx, {
              actorId,
              entity: 'claim',
              entityId: other.claimId,
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
async function settleCollisions(trx: Kysely<Database>, closed: ClaimRecord): Promise<void> {
  await trx
    .updateTable('claims')
    .set({ overlap_since: null })
    .where('id', '=', closed.id)
    .execute();
  const alikes = await lookAlikes(trx, closed.account_id);
  const waiting = await trx
    .selectFrom('claims')
    .selectAll()
    .where('account_id', 'in', [...alikes.keys()])
    .where('id', '!=', closed.id)
    .where((eb) => eb.or([eb('status', '=', 'conflict'), eb('overlap_since', 'is not', null)]))
    .execute();
  for (const c of waiting) {
    const found = await collisionsOf(trx, c);
    if (c.status === 'conflict' && found.conflict === null) {
      await trx
        .updateTable('claims')
        .set({ status: 'filed', version: nextVersion(), updated_by: null, updated_at: nowIso() })
        .where('id', '=', c.id)
        .execute();
      await appendAudit(trx, {
        actorId: null,
        entity: 'claim',
        entityId: c.id,
        action: 'claims.conflictCleared',
        before: { status: 'conflict' },
        after: { status: 'filed', after: closed.id },
      });
    }
    const since = found.overlap?.since ?? null;
    if (c.overlap_since !== null && since === null) {
      await trx
        .updateTable('claims')
        .set({
          overlap_since: null,
          version: nextVersion(),
          updated_by: null,
          updated_at: nowIso(),
        })
        .where('id', '=', c.id)
        .execute();
      await appendAudit(trx, {
        actorId: null,
        entity: 'claim',
        entityId: c.id,
        action: 'claims.overlapCleared',
        before: { overlapSince: c.overlap_since },
        after: { overlapSince: null, after: closed.id },
      });
    } else if (since !== null && since !== c.overlap_since)
      await trx
        .updateTable('claims')
        .set({ overlap_since: since })
        .where('id', '=', c.id)
        .execute();
  }
}

export async function fileClaim(
  db: Kysely<Database>,
  dataDir: string,
  actor: Actor,
  id: number,
): Promise<ClaimDetail> {
  return changeClaim(db, dataDir, actor, id, async (trx, claim) => {
    requireStatus(claim, ['draft'], 'claim.not_draft');
    const blockers = fileBlockers(claim);
    if (blockers.length > 0)
      throw new AppError(
        'POLICY',
        'the account lies outside our territory: a cross-territory authorisation must be granted first',
        { kind: blockers[0] },
      );
    const filedAt = nowIso();
    const expiresOn = addDays(chinaDate(filedAt), claim.protection_days);
    await trx
      .updateTable('claims')
      .set({
        status: 'filed',
        filed_at: filedAt,
        expires_on: expiresOn,
        version: nextVersion(),
        updated_by: actor.id,
        updated_at: filedAt,
      })
      .where('id', '=', id)
      .execute();
    const { conflict, overlap } = await markCollisions(trx, actor.id, id);
    await appendAudit(trx, {
      actorId: actor.id,
      entity: 'claim',
      entityId: id,
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
  dataDir: string,
  actor: Actor,
  input: ExternalClaimInput,
): Promise<ClaimDetail> {
  const id = await writeTx(db, async (trx) => {
    const account = await trx
      .selectFrom('accounts')
      .select('id')
      .where('id', '=', input.accountId)
      .executeTakeFirst();
    if (!account)
      throw new AppError('NOT_FOUND', `account #${input.accountId} does not exist`, {
        kind: 'account.missing',
      });
    await requireTeam(trx, actor, input.accountId);
    const settings = await getFilingSettings(trx);
    const now = nowIso();
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
    const row = await trx
      .insertInto('claims')
      .values({
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
        created_at: now,
        updated_at: now,
        created_by: actor.id,
        updated_by: actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actorId: actor.id,
      entity: 'claim',
      entityId: row.id,
      action: 'claims.recordExternal',
      after: { ...input, filedAt, expiresOn, status },
    });
    if (status === 'filed') await markCollisions(trx, actor.id, row.id);
    return row.id;
  });
  return mustGetClaim(db, dataDir, id);
}

export async function recordReply(
  db: Kysely<Database>,
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
  return changeClaim(db, dataDir, actor, input.id, async (trx, claim) => {
    if (claim.source !== 'ours')
      throw new AppError('CONFLICT', 'another dealer’s claim has no reply of ours to record', {
        kind: 'claim.not_ours',
      });
    requireStatus(claim, ['filed', 'conflict'], 'claim.not_awaiting_reply');
    if (claim.filed_at && input.repliedOn < chinaDate(claim.filed_at))
      throw new AppError('VALIDATION', 'the reply is dated before the filing', {
        fields: [{ path: 'repliedOn', code: 'claim.reply_before_filing', message: '' }],
        kind: 'claim.reply_before_filing',
      });
    await trx
      .updateTable('claims')
      .set({
        status: input.outcome,
        oem_reference: input.oemReference ?? claim.oem_reference,
        oem_reply: input.reply,
        oem_replied_on: input.repliedOn,
        oem_recorded_by: actor.id,
        version: nextVersion(),
        updated_at: nowIso(),
        updated_by: actor.id,
      })
      .where('id', '=', input.id)
      .execute();
    await appendAudit(trx, {
      actorId: actor.id,
      entity: 'claim',
      entityId: input.id,
      action: 'claims.reply',
      before: { status: claim.status },
      after: input,
    });
    await syncClaimDeadline(trx, input.id);
    if (input.outcome === 'rejected') await settleCollisions(trx, claim);
  });
}

export async function recordWish(
  db: Kysely<Database>,
  dataDir: string,
  actor: Actor,
  id: number,
  note: string,
): Promise<ClaimDetail> {
  return changeClaim(db, dataDir, actor, id, async (trx, claim) => {
    requireStatus(claim, ['draft', 'filed', 'approved', 'conflict'], 'claim.closed');
    const at = nowIso();
    await trx
      .updateTable('claims')
      .set({
        wish_note: note,
        wish_at: at,
        wish_by: actor.id,
        version: nextVersion(),
        updated_at: at,
        updated_by: actor.id,
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      actorId: actor.id,
      entity: 'claim',
      entityId: id,
      action: 'claims.wish',
      before: claim.wish_note === null ? null : { note: claim.wish_note, at: claim.wish_at },
      after: { note, at },
    });
  });
}

export async function renewClaim(
  db: Kysely<Database>,
  dataDir: string,
  actor: Actor,
  id: number,
): Promise<ClaimDetail> {
  return changeClaim(db, dataDir, actor, id, async (trx, claim) => {
    if (claim.source !== 'ours')
      throw new AppError('CONFLICT', 'only our own claims are renewed here', {
        kind: 'claim.not_ours',
      });
    requireStatus(claim, ['filed', 'approved', 'conflict'], 'claim.not_active');
    const today = chinaDate();
    const from = claim.expires_on && claim.expires_on > today ? claim.expires_on : today;
    const expiresOn = addDays(from, claim.protection_days);
    await trx
      .updateTable('claims')
      .set({
        expires_on: expiresOn,
        renewals: claim.renewals + 1,
        version: nextVersion(),
        updated_at: nowIso(),
        updated_by: actor.id,
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      actorId: actor.id,
      entity: 'claim',
      entityId: id,
      action: 'claims.renew',
      before: { expiresOn: claim.expires_on },
      after: { expiresOn, renewals: claim.renewals + 1 },
    });
    await syncClaimDeadline(trx, id);
  });
}

export async function releaseClaim(
  db: Kysely<Database>,
  dataDir: string,
  actor: Actor,
  id: number,
  reason: string,
): Promise<ClaimDetail> {
  return changeClaim(db, dataDir, actor, id, async (trx, claim) => {
    requireStatus(claim, ['filed', 'approved', 'conflict'], 'claim.not_active');
    const at = nowIso();
    await trx
      .updateTable('claims')
      .set({
        status: 'released',
        released_at: at,
        release_reason: reason,
        version: nextVersion(),
        updated_at: at,
        updated_by: actor.id,
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      actorId: actor.id,
      entity: 'claim',
      entityId: id,
      action: 'claims.release',
      before: { status: claim.status },
      after: { status: 'released', reason },
    });
    await syncClaimDeadline(trx, id);
    await settleCollisions(trx, claim);
  });
}

/**
 * A manager settles an internal overlap: `keepId` keeps the organisation, and each other active
 * claim of ours on it is released with the manager's note, each step audited.
 */
export async function settleOverlap(
  db: Kysely<Database>,
  dataDir: string,
  actor: Actor,
  input: { keepId: number; note: string },
): Promise<ClaimDetail> {
  requireSalesWriter(actor);
  await writeTx(db, async (trx) => {
    const keep = await claimRecord(trx, input.keepId);
    if (keep.source !== 'ours')
      throw new AppError('CONFLICT', 'only our own claims overlap', { kind: 'claim.not_ours' });
    requireStatus(keep, ['filed', 'approved', 'conflict'], 'claim.not_active');
    const { overlap } = await collisionsOf(trx, keep);
    const others = (overlap?.claims ?? []).filter((c) => c.claimId !== keep.id);
    if (others.length === 0)
      throw new AppError('CONFLICT', 'no colleague’s claim overlaps this one', {
        kind: 'claim.no_overlap',
      });
    const at = nowIso();
    for (const other of others) {
      const before = await claimRecord(trx, other.claimId);
      await trx
        .updateTable('claims')
        .set({
          status: 'released',
          released_at: at,
          release_reason: input.note,
          version: nextVersion(),
          updated_at: at,
          updated_by: actor.id,
        })
        .where('id', '=', other.claimId)
        .execute();
      await appendAudit(trx, {
        actorId: actor.id,
        entity: 'claim',
        entityId: other.claimId,
        action: 'claims.release',
        before: { status: before.status },
        after: { status: 'released', reason: input.note, overlapKeptBy: keep.id },
      });
      await syncClaimDeadline(trx, other.claimId);
    }
    await appendAudit(trx, {
      actorId: actor.id,
      entity: 'claim',
      entityId: keep.id,
      action: 'claims.overlapSettled',
      before: { overlapSince: overlap!.since },
      after: {
        kept: keep.id,
        claimantId: keep.claimant_id,
        released: others.map((o) => ({ id: o.claimId, claimantId: o.claimant?.id ?? null })),
        note: input.note,
      },
    });
    for (const other of others) await settleCollisions(trx, await claimRecord(trx, other.claimId));
  });
  return mustGetClaim(db, dataDir, input.keepId);
}

export async function requestAuthorisation(
  db: Kysely<Database>,
  dataDir: string,
  actor: Actor,
  input: { id: number; addressee: string; note: string },
): Promise<ClaimDetail> {
  return changeClaim(db, dataDir, actor, input.id, async (trx, claim) => {
    requireStatus(claim, ['draft'], 'claim.not_draft');
    if (claim.in_territory === 1)
      throw new AppError('CONFLICT', 'the account lies inside our territory', {
        kind: 'claim.in_territory',
      });
    if (claim.auth_state === 'granted')
      throw new AppError('CONFLICT', 'the authorisation was already granted', {
        kind: 'claim.already_authorised',
      });
    const at = nowIso();
    await trx
      .updateTable('claims')
      .set({
        auth_state: 'requested',
        auth_addressee: input.addressee,
        auth_request_note: input.note,
        auth_requested_at: at,
        auth_requested_by: actor.id,
        auth_reference: null,
        auth_answer_note: null,
        auth_answered_at: null,
        auth_answered_by: null,
        version: nextVersion(),
        updated_at: at,
        updated_by: actor.id,
      })
      .where('id', '=', input.id)
      .execute();
    await appendAudit(trx, {
      actorId: actor.id,
      entity: 'claim',
      entityId: input.id,
      action: 'claims.requestAuthorisation',
      before: { authState: claim.auth_state },
      after: { authState: 'requested', addressee: input.addressee, note: input.note },
    });
  });
}

export async function answerAuthorisation(
  db: Kysely<Database>,
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
    const at = nowIso();
    const state = input.granted ? 'granted' : 'refused';
    await trx
      .updateTable('claims')
      .set({
        auth_state: state,
        auth_reference: input.reference,
        auth_answer_note: input.note,
        auth_answered_at: at,
        auth_answered_by: actor.id,
        version: nextVersion(),
        updated_at: at,
        updated_by: actor.id,
      })
      .where('id', '=', input.id)
      .execute();
    await appendAudit(trx, {
      actorId: actor.id,
      entity: 'claim',
      entityId: input.id,
      action: 'claims.answerAuthorisation',
      before: { authState: 'requested' },
      after: { authState: state, reference: input.reference, note: input.note },
    });
  });
  return mustGetClaim(db, dataDir, input.id);
}

/**
 * Records the expiry of one claim past its protection (the expiry sweep's step): once, audited,
 * and only if it is still active — a second sweep, or one racing this, changes nothing.
 */
export async function expireClaim(
  trx: Kysely<Database>,
  id: number,
  today: string,
  at: string,
): Promise<boolean> {
  const claim = await claimRecord(trx, id);
  if (!isActive(claim.status) || claim.expires_on === null || claim.expires_on >= today)
    return false;
  const changed = await trx
    .updateTable('claims')
    .set({ status: 'expired', version: nextVersion(), updated_by: null, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', claim.status)
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) === 0) return false;
  await appendAudit(trx, {
    actorId: null,
    entity: 'claim',
    entityId: id,
    action: 'claims.expire',
    before: { status: claim.status },
    after: { status: 'expired', expiresOn: claim.expires_on },
  });
  await syncClaimDeadline(trx, id);
  await settleCollisions(trx, claim);
  return true;
}

/**
 * Brings a claim of ours that is "in conflict" into line with today's rules (a start-up step for
 * claims recorded before colleagues' claims became an internal overlap): without another dealer's
 * claim against it, it is filed again, and its overlap is dated. Returns whether it changed.
 */
export async function reconcileClaim(trx: Kysely<Database>, id: number): Promise<boolean> {
  const claim = await claimRecord(trx, id);
  if (claim.source !== 'ours' || claim.status !== 'conflict') return false;
  const found = await collisionsOf(trx, claim);
  let changed = false;
  if (found.conflict === null) {
    await trx
      .updateTable('claims')
      .set({ status: 'filed', version: nextVersion(), updated_by: null, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      actorId: null,
      entity: 'claim',
      entityId: id,
      action: 'claims.conflictCleared',
      before: { status: 'conflict' },
      after: { status: 'filed', reason: 'internal_overlap' },
    });
    changed = true;
  }
  const since = found.overlap?.since ?? null;
  if (since !== null && claim.overlap_since !== since) {
    await trx.updateTable('claims').set({ overlap_since: since }).where('id', '=', id).execute();
    await appendAudit(trx, {
      actorId: null,
      entity: 'claim',
      entityId: id,
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

/** Our active claims in an internal overlap on `today`, oldest overlap first: a manager's to settle. */
export async function overlapsToSettle(
  db: Kysely<Database>,
  today: string,
): Promise<OverlapToSettle[]> {
  const rows = await db
    .selectFrom('claims as c')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .leftJoin('staff as s', 's.id', 'c.claimant_id')
    .select(['c.id', 'c.account_id', 'a.name', 's.name as claimant_name', 'c.overlap_since'])
    .where('c.source', '=', 'ours')
    .where('c.overlap_since', 'is not', null)
    .where('c.status', 'in', [...ACTIVE_CLAIM_STATUSES])
    .where('c.expires_on', '>=', today)
    .orderBy('c.overlap_since')
    .orderBy('c.id')
    .limit(50)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    accountId: r.account_id,
    accountName: r.name,
    claimantName: r.claimant_name,
    since: r.overlap_since!,
  }));
}

/** A staff member's active claims ending within the warning period, soonest first. */
export async function expiringClaims(
  db: Kysely<Database>,
  staffId: number,
  today: string,
  warnDays: number,
): Promise<ExpiringClaim[]> {
  const rows = await db
    .selectFrom('claims as c')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .select(['c.id', 'c.account_id', 'a.name', 'c.expires_on', 'c.status'])
    .where('c.claimant_id', '=', staffId)
    .where('c.source', '=', 'ours')
    .where('c.status', 'in', [...ACTIVE_CLAIM_STATUSES])
    .where('c.expires_on', '>=', today)
    .where('c.expires_on', '<=', addDays(today, warnDays))
    .orderBy('c.expires_on')
    .limit(50)
    .execute();
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  return rows.map((r) => ({
    id: r.id,
    accountId: r.account_id,
    accountName: r.name,
    expiresOn: r.expires_on!,
    status: r.status as ClaimStatus,
    daysLeft: day(r.expires_on!) - day(today),
  }));
}
