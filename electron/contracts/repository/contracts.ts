/**
 * Kysely code of the contract row itself: what a draft refers to (number, account, opportunity,
 * tender, price list entries), writing the row, its totals, and what finalizing and cancelling
 * read or change in the opportunity a contract closes.
 */
import type { Insertable, Kysely, Selectable, UpdateObject } from 'kysely';
import type { ContractsTable, Database, PriceListTable } from '../../db/schema';

/** A change of the contract row: its own columns, or a row-version bump (db/row-version). */
type ContractPatch = UpdateObject<Database, 'contracts'>;

/** The contract recorded under a number key, if any. */
export async function contractIdByNumberKey(
  db: Kysely<Database>,
  numberKey: string,
): Promise<number | null> {
  const row = await db
    .selectFrom('contracts')
    .select('id')
    .where('number_key', '=', numberKey)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** An account a contract names (its buyer, or a unit it allocates to): name, buyer type, owner. */
export async function namedAccount(db: Kysely<Database>, accountId: number) {
  return db
    .selectFrom('accounts')
    .select(['id', 'name', 'buyer_type', 'owner_id'])
    .where('id', '=', accountId)
    .executeTakeFirst();
}

/** The opportunity a draft names: whose account it is and who owns it. */
export async function opportunityOwner(db: Kysely<Database>, opportunityId: number) {
  return db
    .selectFrom('opportunities')
    .select(['account_id', 'owner_id'])
    .where('id', '=', opportunityId)
    .executeTakeFirst();
}

/** The tender a draft names: who held it. */
export async function tenderPurchaser(db: Kysely<Database>, tenderId: number) {
  return db
    .selectFrom('tenders')
    .select(['purchaser_id'])
    .where('id', '=', tenderId)
    .executeTakeFirst();
}

/** The price list entries of these ids (missing ones are simply absent). */
export async function pricesByIds(
  db: Kysely<Database>,
  ids: number[],
): Promise<Selectable<PriceListTable>[]> {
  return db.selectFrom('price_list').selectAll().where('id', 'in', ids).execute();
}

export async function insertContract(
  db: Kysely<Database>,
  values: Insertable<ContractsTable>,
): Promise<number> {
  const { id } = await db
    .insertInto('contracts')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateContractRow(
  db: Kysely<Database>,
  id: number,
  patch: ContractPatch,
): Promise<void> {
  await db.updateTable('contracts').set(patch).where('id', '=', id).execute();
}

/**
 * Recomputes the contract's cached totals from its lines, deliveries and invoices (quantity,
 * total, lines below the floor, delivered, invoiced) and returns the row as it then stands.
 */
export async function refreshTotals(
  db: Kysely<Database>,
  id: number,
): Promise<Selectable<ContractsTable>> {
  const sums = await db
    .selectFrom('contract_lines')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>('quantity'), eb.lit(0)).as('quantity'),
      eb.fn
        .coalesce(eb.fn.sum<number>(eb('quantity', '*', eb.ref('unit_price_fen'))), eb.lit(0))
        .as('total'),
      eb.fn
        .coalesce(
          eb.fn.sum<number>(
            eb.case().when('unit_price_fen', '<', eb.ref('floor_fen')).then(1).else(0).end(),
          ),
          eb.lit(0),
        )
        .as('below'),
    ])
    .where('contract_id', '=', id)
    .executeTakeFirstOrThrow();
  const delivered = await db
    .selectFrom('deliveries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('contract_id', '=', id)
    .executeTakeFirstOrThrow();
  const invoiced = await db
    .selectFrom('invoices')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('n'))
    .where('contract_id', '=', id)
    .executeTakeFirstOrThrow();
  await updateContractRow(db, id, {
    quantity: Number(sums.quantity),
    total_fen: Number(sums.total),
    below_floor: Number(sums.below),
    delivered: Number(delivered.n),
    invoiced_fen: Number(invoiced.n),
  });
  return db.selectFrom('contracts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Whether the tender was awarded with at least one lot won by us. */
export async function tenderWonByUs(db: Kysely<Database>, tenderId: number): Promise<boolean> {
  const won = await db
    .selectFrom('tender_lots as l')
    .innerJoin('tenders as t', 't.id', 'l.tender_id')
    .select('l.id')
    .where('t.id', '=', tenderId)
    .where('t.status', '=', 'awarded')
    .where('l.result', '=', 'won')
    .executeTakeFirst();
  return won !== undefined;
}

/** The stage an opportunity stands at (it exists: a contract names it). */
export async function opportunityStage(db: Kysely<Database>, opportunityId: number) {
  const opp = await db
    .selectFrom('opportunities')
    .select('stage')
    .where('id', '=', opportunityId)
    .executeTakeFirstOrThrow();
  return opp.stage;
}

/** A cancelled contract no longer closes any opportunity. */
export async function unlinkOpportunities(db: Kysely<Database>, contractId: number): Promise<void> {
  await db
    .updateTable('opportunities')
    .set({ contract_id: null })
    .where('contract_id', '=', contractId)
    .execute();
}

/** The tables of a contract's own records, each with a `contract_id`. */
export type ContractChildTable = 'contract_allocations' | 'deliveries' | 'invoices' | 'follow_ups';

/** The contract a record of `table` belongs to (null if the record does not exist). */
export async function contractIdOfRecord(
  db: Kysely<Database>,
  table: ContractChildTable,
  id: number,
): Promise<number | null> {
  const row = await db
    .selectFrom(table)
    .select('contract_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.contract_id ?? null;
}

/** The account a contract is signed with (null if the contract does not exist). */
export async function accountIdOfContract(
  db: Kysely<Database>,
  contractId: number,
): Promise<number | null> {
  const c = await db
    .selectFrom('contracts')
    .select('account_id')
    .where('id', '=', contractId)
    .executeTakeFirst();
  return c?.account_id ?? null;
}
