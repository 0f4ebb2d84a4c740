/** Write transactions. */
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema';

/** Connections handed to `work` while their transaction is open. */
const open = new WeakSet<Kysely<Database>>();

/**
 * Runs `work` in one write transaction on the single connection. SQLite's BEGIN IMMEDIATE takes the
 * write lock up front, so a read-then-write (the audit chain reads its last hash) cannot be
 * overtaken by a job's connection between the read and the write. Called with a connection that
 * is already in a transaction (a workflow composed of others, the demo loader), `work` simply
 * joins it: the outer transaction commits or rolls back everything.
 */
export async function writeTx<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (open.has(db)) return work(db);
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    open.add(conn);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await rollbackAfter(conn);
      throw error;
    } finally {
      open.delete(conn);
    }
  });
}

/**
 * Rolls back after a failure. SQLite itself may already have rolled the transaction back (a full
 * disk, an I/O error): then ROLLBACK fails with "no transaction is active", which must not
 * replace the error that says what went wrong.
 */
async function rollbackAfter(conn: Kysely<Database>): Promise<void> {
  try {
    await sql`rollback`.execute(conn);
  } catch {
    // Nothing is left open to roll back.
  }
}

/**
 * Runs `work` with `db` counted as inside the transaction a job opened on its raw connection
 * (BEGIN on better-sqlite3): services called with `db` then join it instead of beginning another.
 */
export async function joinTransaction<T>(db: Kysely<Database>, work: () => Promise<T>): Promise<T> {
  open.add(db);
  try {
    return await work();
  } finally {
    open.delete(db);
  }
}
