/**
 * The tender import's own store: the account lookups that find a tender's purchaser in the
 * registry (by USCC, then by normalised name). A tender list is small (hundreds of rows, one lookup
 * per tender), so these are kysely queries on the job's connection, not prepared statements; the
 * tenders themselves are written through the tender workflows and their repository.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export async function accountByUscc(
  db: Kysely<Database>,
  uscc: string,
): Promise<{ id: number; name_norm: string; name: string } | undefined> {
  return db
    .selectFrom('accounts')
    .select(['id', 'name_norm', 'name'])
    .where('uscc', '=', uscc)
    .executeTakeFirst();
}

/** Up to two accounts with this normalised name: none, the one, or "ambiguous". */
export async function accountsNamed(
  db: Kysely<Database>,
  nameNorm: string,
): Promise<{ id: number }[]> {
  return db
    .selectFrom('accounts')
    .select('id')
    .where('name_norm', '=', nameNorm)
    .limit(2)
    .execute();
}
