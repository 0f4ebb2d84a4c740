/**
 * A record's child rows (an account's aliases, an opportunity's lines …) are written whole from
 * its form: the old rows go and the form's rows come in, one child table at a time.
 */
import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database } from './schema';

/** Replaces the rows of `table` whose `parentColumn` is `parentId` with `rows`. */
export async function replaceChildRows<T extends keyof Database & string>(
  trx: Kysely<Database>,
  table: T,
  parentColumn: keyof Database[T] & string,
  parentId: number,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  // `delete from "table" where "column" = ?`, as the query builder writes it (it cannot type a
  // where over a table chosen by the caller).
  await sql`delete from ${sql.table(table)} where ${sql.ref(parentColumn)} = ${parentId}`.execute(
    trx,
  );
  if (rows.length > 0) await trx.insertInto(table).values(rows).execute();
}
