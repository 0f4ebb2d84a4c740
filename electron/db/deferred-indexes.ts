/**
 * A large bulk write into a table with many sort and filter indexes pays for each index on every
 * row, at a random place in each B-tree. Past a point it is cheaper to drop those indexes inside
 * the write's transaction and build each once, sorted, before the commit (a 100,000-account
 * import: about 3.5 s of index upkeep against 1 s of rebuilding).
 *
 * Everything happens in the caller's transaction: a rollback (a dry run, a cancel, a crash)
 * brings the indexes back untouched, and other connections see either the old table or the new
 * one, both indexed. Indexes the write itself looks rows up by are kept.
 */
import type BetterSqlite3 from 'better-sqlite3';

export interface IndexDeferral {
  /** Counts one row written; drops the indexes once enough rows make it pay. */
  wrote(): void;
  /** Builds the dropped indexes again (before the commit; a no-op if none were dropped). */
  restore(): void;
}

/**
 * Defers `table`'s indexes other than `keep` once `wrote()` has been called `max(minRows,
 * existing × share)` times, where `existing` is the table's row count at the start: rebuilding
 * reads the whole table, so the write must be large next to it.
 */
export function deferIndexes(
  sqlite: BetterSqlite3.Database,
  table: string,
  keep: readonly string[],
  { minRows = 5000, share = 0.5 } = {},
): IndexDeferral {
  const existing = sqlite.prepare(`select count(*) from "${table}"`).pluck().get() as number;
  const threshold = Math.max(minRows, Math.ceil(existing * share));
  let written = 0;
  let dropped: { name: string; sql: string }[] | null = null;
  return {
    wrote() {
      if (dropped !== null || ++written < threshold) return;
      // Indexes SQLite makes itself (UNIQUE, PRIMARY KEY) have no SQL and cannot be dropped.
      dropped = (
        sqlite
          .prepare(
            "select name, sql from sqlite_master where type = 'index' and tbl_name = ? and sql is not null",
          )
          .all(table) as { name: string; sql: string }[]
      ).filter((index) => !keep.includes(index.name));
      for (const index of dropped) sqlite.exec(`drop index "${index.name}"`);
    },
    restore() {
      for (const index of dropped ?? []) sqlite.exec(index.sql);
      dropped = [];
    },
  };
}
