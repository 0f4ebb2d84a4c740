/**
 * Kysely code of contract numbering and the draft a won tender prefills: the number keys in use
 * under a prefix, and the tender, its won lots and the price list the draft is built from.
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, TenderLotsTable } from '../../db/schema';

/** Every contract's number key that starts with `prefix`. */
export async function numberKeysWithPrefix(
  db: Kysely<Database>,
  prefix: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('contracts')
    .select('number_key')
    .where(sql<boolean>`substr(number_key, 1, ${prefix.length}) = ${prefix}`)
    .execute();
  return rows.map((r) => r.number_key);
}

/** A tender with its purchaser's name and its opportunity's title, as a draft names them. */
export async function tenderForDraft(db: Kysely<Database>, tenderId: number) {
  return db
    .selectFrom('tenders as t')
    .innerJoin('accounts as a', 'a.id', 't.purchaser_id')
    .leftJoin('opportunities as o', 'o.id', 't.opportunity_id')
    .select([
      't.id',
      't.project_no',
      't.status',
      't.purchaser_id',
      'a.name as purchaser_name',
      't.opportunity_id',
      'o.title as opportunity_title',
    ])
    .where('t.id', '=', tenderId)
    .executeTakeFirst();
}

/** The tender's lots won by us, in their order. */
export async function wonLots(
  db: Kysely<Database>,
  tenderId: number,
): Promise<Selectable<TenderLotsTable>[]> {
  return db
    .selectFrom('tender_lots')
    .selectAll()
    .where('tender_id', '=', tenderId)
    .where('result', '=', 'won')
    .orderBy('position')
    .execute();
}

/** Every price list entry's model and configuration, to match a bid's model against. */
export async function priceModels(db: Kysely<Database>) {
  return db.selectFrom('price_list').select(['id', 'model', 'configuration']).execute();
}
