/**
 * After personal details are deleted or replaced: secure_delete (connection.ts) has zeroed them
 * in the pages it rewrote, but the WAL still holds the earlier frames with the old values until a
 * checkpoint. A TRUNCATE checkpoint copies the current pages into the file and empties the WAL.
 * If a reader still holds an older snapshot the checkpoint stops short; the next one finishes.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema';

export async function eraseWalCopies(db: Kysely<Database>): Promise<void> {
  try {
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  } catch {
    // The delete is committed: a checkpoint that fails now (disk trouble) is done by the next
    // one, or by SQLite's own when the WAL grows; it must not turn the delete into an error.
  }
}
