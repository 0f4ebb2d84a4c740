/** Write transactions. */
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema';

/**
 * Runs `work` in one write transaction on the single connection. SQLite's BEGIN IMMEDIATE takes the
 * write lock up front, so a read-then-write (the audit chain reads its last hash) cannot be
 * overtaken by a job's connection between the read and the write.
 */
export async function writeTx<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}
