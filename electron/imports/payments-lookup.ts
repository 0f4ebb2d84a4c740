/** The payment-list import's reads: the contract or invoice a row names, and who is importing. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

/** A contract by its number key (contract-number.ts numberKey). */
export async function paymentContract(db: Db, key: string) {
  return db
    .selectFrom('contracts')
    .select(['id', 'number', 'account_id'])
    .where('number_key', '=', key)
    .executeTakeFirst();
}

/** An invoice by its number as printed (width-folded, spaces removed) with its contract. */
export async function paymentInvoice(db: Db, number: string) {
  return db
    .selectFrom('invoices as i')
    .innerJoin('contracts as c', 'c.id', 'i.contract_id')
    .select(['i.id', 'i.contract_id', 'c.number as contract_no', 'c.account_id'])
    .where('i.number', '=', number.normalize('NFKC').replace(/\s+/g, ''))
    .executeTakeFirst();
}

export async function staffRole(db: Db, id: number) {
  const row = await db.selectFrom('staff').select('role').where('id', '=', id).executeTakeFirst();
  return row?.role ?? null;
}
