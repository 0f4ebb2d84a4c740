/**
 * Kysely code of the tender workflows' writes (electron/tenders/*.ts): the tender row, its lots,
 * amendments and results, the lookups their guards make (project number, purchaser, linked
 * opportunity, contracts) and the opportunity's link to its latest tender. The grid, the card and
 * the lot-result history read through repository.ts.
 */
import type { Insertable, Kysely, UpdateObject, Updateable } from 'kysely';
import type { Database, TenderAmendmentsTable, TenderLotsTable, TendersTable } from '../db/schema';

/** The tender recorded under a project key, if any. */
export async function findTenderByProjectKey(
  db: Kysely<Database>,
  projectKey: string,
): Promise<{ id: number; name: string } | undefined> {
  return db
    .selectFrom('tenders')
    .select(['id', 'name'])
    .where('project_key', '=', projectKey)
    .executeTakeFirst();
}

export async function findPurchaser(
  db: Kysely<Database>,
  accountId: number,
): Promise<{ id: number; name: string } | undefined> {
  return db
    .selectFrom('accounts')
    .select(['id', 'name'])
    .where('id', '=', accountId)
    .executeTakeFirst();
}

/** The account an opportunity belongs to, if the opportunity exists. */
export async function opportunityAccount(
  db: Kysely<Database>,
  opportunityId: number,
): Promise<{ account_id: number } | undefined> {
  return db
    .selectFrom('opportunities')
    .select(['account_id'])
    .where('id', '=', opportunityId)
    .executeTakeFirst();
}

export async function opportunityStage(
  db: Kysely<Database>,
  opportunityId: number,
): Promise<{ stage: Database['opportunities']['stage'] } | undefined> {
  return db
    .selectFrom('opportunities')
    .select('stage')
    .where('id', '=', opportunityId)
    .executeTakeFirst();
}

/** The stage of an opportunity the tender is known to be linked to. */
export async function linkedOpportunityStage(
  db: Kysely<Database>,
  opportunityId: number,
): Promise<{ stage: Database['opportunities']['stage'] }> {
  return db
    .selectFrom('opportunities')
    .select('stage')
    .where('id', '=', opportunityId)
    .executeTakeFirstOrThrow();
}

/** Points the opportunity at its latest tender (what its grid row shows), or at none. */
export async function linkLatestTender(db: Kysely<Database>, opportunityId: number): Promise<void> {
  const latest = await db
    .selectFrom('tenders')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('opportunity_id', '=', opportunityId)
    .executeTakeFirst();
  await db
    .updateTable('opportunities')
    .set({ tender_id: (latest?.id as number | null | undefined) ?? null })
    .where('id', '=', opportunityId)
    .execute();
}

/** A contract that refers to the tender, if any (it keeps the tender from being deleted). */
export async function contractOfTender(
  db: Kysely<Database>,
  tenderId: number,
): Promise<{ number: string } | undefined> {
  return db
    .selectFrom('contracts')
    .select('number')
    .where('tender_id', '=', tenderId)
    .executeTakeFirst();
}

/** Who follows a tender: its owner and its purchaser (whose team may work on it). */
export async function tenderFollowing(
  db: Kysely<Database>,
  tenderId: number,
): Promise<{ owner_id: number | null; purchaser_id: number } | undefined> {
  return db
    .selectFrom('tenders')
    .select(['owner_id', 'purchaser_id'])
    .where('id', '=', tenderId)
    .executeTakeFirst();
}

export async function insertTender(
  db: Kysely<Database>,
  values: Insertable<TendersTable>,
): Promise<number> {
  const { id } = await db
    .insertInto('tenders')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateTenderRow(
  db: Kysely<Database>,
  id: number,
  values: UpdateObject<Database, 'tenders'>,
): Promise<void> {
  await db.updateTable('tenders').set(values).where('id', '=', id).execute();
}

export async function deleteTenderRow(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('tenders').where('id', '=', id).execute();
}

export async function tenderRow(db: Kysely<Database>, id: number) {
  return db.selectFrom('tenders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** The tender's lots, unordered (for totals). */
export async function lotRows(db: Kysely<Database>, tenderId: number) {
  return db.selectFrom('tender_lots').selectAll().where('tender_id', '=', tenderId).execute();
}

/** The tender's lots in their order on the card. */
export async function lotRowsInOrder(db: Kysely<Database>, tenderId: number) {
  return db
    .selectFrom('tender_lots')
    .selectAll()
    .where('tender_id', '=', tenderId)
    .orderBy('position')
    .execute();
}

/** What an edit of the lots checks against: each stored lot's id, number and result. */
export async function storedLots(db: Kysely<Database>, tenderId: number) {
  return db
    .selectFrom('tender_lots')
    .select(['id', 'result', 'lot_no'])
    .where('tender_id', '=', tenderId)
    .execute();
}

export async function deleteLots(db: Kysely<Database>, ids: number[]): Promise<void> {
  await db.deleteFrom('tender_lots').where('id', 'in', ids).execute();
}

/** Parks a lot's number on a value no real number takes, so that renumbering can swap. */
export async function parkLotNo(db: Kysely<Database>, id: number): Promise<void> {
  await db
    .updateTable('tender_lots')
    .set({ lot_no: `\u0000${id}` })
    .where('id', '=', id)
    .execute();
}

export async function updateLot(
  db: Kysely<Database>,
  id: number,
  values: Updateable<TenderLotsTable>,
): Promise<void> {
  await db.updateTable('tender_lots').set(values).where('id', '=', id).execute();
}

export async function insertLot(
  db: Kysely<Database>,
  values: Insertable<TenderLotsTable>,
): Promise<void> {
  await db.insertInto('tender_lots').values(values).execute();
}

export async function insertAmendment(
  db: Kysely<Database>,
  values: Insertable<TenderAmendmentsTable>,
): Promise<void> {
  await db.insertInto('tender_amendments').values(values).execute();
}
