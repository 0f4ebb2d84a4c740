/**
 * A static migration runner. Each migration and the row recording it commit in one transaction,
 * so a crash can never leave a migration applied but unrecorded (kysely's Migrator records
 * outside the migration's own transaction on SQLite).
 */
import { type Kysely, sql } from 'kysely';
import type { Migration, MigrationNote } from '../../migrations';

const TABLE = 'keyfleet_migrations';

interface MigrationStatus {
  applied: string[];
  pending: string[];
}

async function ensureTable<DB>(db: Kysely<DB>): Promise<void> {
  await sql`create table if not exists ${sql.table(TABLE)} (name text primary key, applied_at text not null, note text)`.execute(
    db,
  );
  // Files migrated before notes existed get the column.
  const columns = await sql<{ name: string }>`select name from pragma_table_info(${TABLE})`.execute(
    db,
  );
  if (!columns.rows.some((c) => c.name === 'note'))
    await sql`alter table ${sql.table(TABLE)} add column note text`.execute(db);
}

interface MigrationNoteRecord extends MigrationNote {
  migration: string;
  appliedAt: string;
}

/** The notes migrations left for the people whose data they changed, oldest first. */
export async function migrationNotes<DB>(db: Kysely<DB>): Promise<MigrationNoteRecord[]> {
  const rows = await sql<{
    name: string;
    applied_at: string;
    note: string;
  }>`select name, applied_at, note from ${sql.table(TABLE)} where note is not null order by name`.execute(
    db,
  );
  return rows.rows.map((r) => ({
    migration: r.name,
    appliedAt: r.applied_at,
    ...(JSON.parse(r.note) as MigrationNote),
  }));
}

export async function migrationStatus<DB>(
  db: Kysely<DB>,
  migrations: readonly Migration[],
): Promise<MigrationStatus> {
  const exists = await sql<{
    n: number;
  }>`select count(*) as n from sqlite_master where type = 'table' and name = ${TABLE}`.execute(db);
  const applied =
    (exists.rows[0]?.n ?? 0) > 0
      ? (
          await sql<{ name: string }>`select name from ${sql.table(TABLE)} order by name`.execute(
            db,
          )
        ).rows.map((r) => r.name)
      : [];
  const known = new Set(migrations.map((m) => m.name));
  const unknown = applied.filter((n) => !known.has(n));
  if (unknown.length > 0)
    throw new Error(
      `this data file was written by a newer Keyfleet (unknown migrations: ${unknown.join(', ')}); update the app`,
    );
  return { applied, pending: migrations.map((m) => m.name).filter((n) => !applied.includes(n)) };
}

async function inTransaction<DB>(db: Kysely<DB>, work: (conn: Kysely<DB>) => Promise<void>) {
  await db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      await work(conn);
      await sql`commit`.execute(conn);
    } catch (error) {
      // SQLite may have rolled back already (a full disk): keep the error that says why.
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}

/** Applies pending migrations up to and including `target` (default: all). Returns their names. */
export async function migrateUp<DB>(
  db: Kysely<DB>,
  migrations: readonly Migration[],
  target?: string,
): Promise<string[]> {
  await ensureTable(db);
  const { applied } = await migrationStatus(db, migrations);
  // A new data folder has no data for a note to be about ("0 accounts changed" is noise).
  const fresh = applied.length === 0;
  const ran: string[] = [];
  for (const m of migrations) {
    if (applied.includes(m.name)) continue;
    try {
      await inTransaction(db, async (conn) => {
        const note = await m.up(conn);
        await sql`insert into ${sql.table(TABLE)} (name, applied_at, note) values (${m.name}, ${new Date().toISOString()}, ${note && !fresh ? JSON.stringify(note) : null})`.execute(
          conn,
        );
      });
    } catch (error) {
      throw new Error(`migration ${m.name} failed: ${(error as Error).message}`, { cause: error });
    }
    ran.push(m.name);
    if (m.name === target) break;
  }
  return ran;
}

/** Reverts applied migrations newer than `target` (null: all of them), newest first. */
export async function migrateDown<DB>(
  db: Kysely<DB>,
  migrations: readonly Migration[],
  target: string | null,
): Promise<void> {
  const { applied } = await migrationStatus(db, migrations);
  for (const m of [...migrations].reverse()) {
    if (!applied.includes(m.name)) continue;
    if (m.name === target) break;
    await inTransaction(db, async (conn) => {
      await m.down(conn);
      await sql`delete from ${sql.table(TABLE)} where name = ${m.name}`.execute(conn);
    });
  }
}
