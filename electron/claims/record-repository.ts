/**
 * All kysely code of one claim's record: loading, inserting, changing and deleting its row, and
 * the facts its workflows read from beside it (the account's region, the opportunity's account,
 * the people named on it, what its calendar deadline shows). The grid and lists are in
 * repository.ts, the look-alike organisations in collisions-repository.ts.
 */
import type { Insertable, Kysely, Selectable, UpdateObject } from 'kysely';
import type { ClaimStatus } from '../../shared/filing-enums';
import type { ClaimsTable, Database } from '../db/schema';

export type ClaimRecord = Selectable<ClaimsTable>;
/** Columns to set, as values or expressions (a bumped version: db/row-version nextVersion). */
export type ClaimPatch = UpdateObject<Database, 'claims'>;

export async function findClaim(
  db: Kysely<Database>,
  id: number,
): Promise<ClaimRecord | undefined> {
  return db.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a claim; its id. */
export async function insertClaim(
  db: Kysely<Database>,
  values: Insertable<ClaimsTable>,
): Promise<number> {
  const row = await db
    .insertInto('claims')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setClaim(db: Kysely<Database>, id: number, patch: ClaimPatch): Promise<void> {
  await db.updateTable('claims').set(patch).where('id', '=', id).execute();
}

/**
 * Changes a claim only while it still stands as `guard` says — its status unchanged (a sweep
 * racing a person), or its overlap not dated yet; whether it did.
 */
export async function setClaimIf(
  db: Kysely<Database>,
  id: number,
  guard: { status: ClaimStatus } | { overlapSince: null },
  patch: ClaimPatch,
): Promise<boolean> {
  const q = db.updateTable('claims').set(patch).where('id', '=', id);
  const changed = await (
    'status' in guard ? q.where('status', '=', guard.status) : q.where('overlap_since', 'is', null)
  ).executeTakeFirst();
  return Number(changed.numUpdatedRows) > 0;
}

/** Deletes a claim with its documents' rows; how many documents it had. */
export async function deleteClaimRow(db: Kysely<Database>, id: number): Promise<number> {
  const docs = await db
    .selectFrom('documents')
    .select('id')
    .where('entity', '=', 'claim')
    .where('entity_id', '=', id)
    .execute();
  await db
    .deleteFrom('documents')
    .where('entity', '=', 'claim')
    .where('entity_id', '=', id)
    .execute();
  await db.deleteFrom('claims').where('id', '=', id).execute();
  return docs.length;
}

/** The staff named on a claim (requested, answered, recorded, wished), by id. */
export async function staffNames(
  db: Kysely<Database>,
  ids: number[],
): Promise<{ id: number; name: string }[]> {
  return db
    .selectFrom('staff')
    .select(['id', 'name'])
    .where('id', 'in', [0, ...ids])
    .execute();
}

export async function opportunityTitle(
  db: Kysely<Database>,
  id: number,
): Promise<{ id: number; title: string } | undefined> {
  return db
    .selectFrom('opportunities')
    .select(['id', 'title'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The opportunity's account, to check a claim names an opportunity of its own account. */
export async function opportunityAccount(
  db: Kysely<Database>,
  id: number,
): Promise<{ account_id: number } | undefined> {
  return db
    .selectFrom('opportunities')
    .select('account_id')
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The account's region codes, a claim's territory by default. */
export async function accountRegion(db: Kysely<Database>, accountId: number) {
  return db
    .selectFrom('accounts')
    .select(['province_code', 'city_code', 'district_code'])
    .where('id', '=', accountId)
    .executeTakeFirst();
}

export async function accountExists(db: Kysely<Database>, accountId: number): Promise<boolean> {
  const account = await db
    .selectFrom('accounts')
    .select('id')
    .where('id', '=', accountId)
    .executeTakeFirst();
  return account !== undefined;
}

/** What a claim's expiry deadline in the calendar needs: the claim's state and its account. */
export async function claimDeadlineFacts(db: Kysely<Database>, claimId: number) {
  return db
    .selectFrom('claims as c')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .select(['c.status', 'c.expires_on', 'c.source', 'c.claimant_id', 'c.account_id', 'a.name'])
    .where('c.id', '=', claimId)
    .executeTakeFirstOrThrow();
}
