/** Opens the SQLite file with the pragmas every connection needs, wrapped in kysely. */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema';
import { cachingDatabase } from './statement-cache';
import { bindAuditKey } from '../audit/key';

interface OpenOptions {
  readonly?: boolean;
  /** Path of a better_sqlite3.node built for the running runtime (Electron needs its own). */
  nativeBinding?: string | undefined;
  /** How long a write waits for another connection's write lock (better-sqlite3 waits synchronously). */
  busyTimeoutMs?: number;
  /** The audit chain's key (electron/audit/key.ts): lets this connection append keyed entries. */
  auditKey?: Buffer | null;
}

export interface Connection {
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
  close(): Promise<void>;
}

export function openSqlite(file: string, options: OpenOptions = {}): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(file, {
    readonly: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
  // Grids and exports walk indexes in an order unrelated to the table's: a larger page cache
  // (32 MiB, not the default 2) keeps those random reads in memory.
  sqlite.pragma('cache_size = -32768');
  if (!options.readonly) {
    // Deleted rows (a contact's personal details) are overwritten with zeros, not left readable
    // in free space; the WAL's old frames go at the checkpoint after such a delete (erase.ts).
    sqlite.pragma('secure_delete = ON');
    sqlite.pragma('journal_mode = WAL');
    // FULL: a filed claim or an audit entry must survive a power cut right after commit.
    sqlite.pragma('synchronous = FULL');
  }
  if (options.auditKey) bindAuditKey(sqlite, options.auditKey);
  return sqlite;
}

export function connect(file: string, options: OpenOptions = {}): Connection {
  const sqlite = openSqlite(file, options);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: cachingDatabase(sqlite) }),
  });
  return {
    db,
    sqlite,
    // Kysely's destroy closes the underlying better-sqlite3 handle.
    close: () => db.destroy(),
  };
}
