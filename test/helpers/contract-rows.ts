/**
 * A contract written straight to its table, for the analysis tests (20/80, the standing): they
 * read only these columns, and the contract workflows' own rules are tested elsewhere.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../electron/db/schema';

let serial = 0;

export async function contractRow(
  db: Kysely<Database>,
  accountId: number,
  signedOn: string,
  totalFen: number,
  over: { quantity?: number; status?: 'final' | 'cancelled'; invoicedFen?: number } = {},
): Promise<number> {
  const now = new Date().toISOString();
  const number = `HT-T${++serial}`;
  const { id } = await db
    .insertInto('contracts')
    .values({
      number,
      number_key: number,
      kind: 'standard',
      status: over.status ?? 'final',
      account_id: accountId,
      party_name: 'x',
      signed_on: signedOn,
      quantity: over.quantity ?? 1,
      total_fen: totalFen,
      invoiced_fen: over.invoicedFen ?? 0,
      search_text: number,
      created_at: now,
      updated_at: now,
      created_by: null,
      updated_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
