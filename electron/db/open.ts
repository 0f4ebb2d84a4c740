/**
 * Opening the user's database: connect, and if migrations are pending on a file that already
 * holds data, take a verified backup first. A failed migration restores that backup, so the file
 * is left exactly as it was, and start-up stops with a message that says what happened.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startKeyedChain } from '../audit/audit';
import { ensureAuditKey } from '../audit/key';
import { MIGRATIONS, type Migration } from '../../migrations';
import { sweepPartials } from '../backups/records';
import { backupDatabase, restoreDatabase } from './backup';
import { type Connection, connect } from './connection';
import { migrateUp, migrationStatus } from './migrator';

export class StartupError extends Error {
  override name = 'StartupError';
}

interface OpenDatabaseOptions {
  file: string;
  backupDir: string;
  nativeBinding?: string | undefined;
  busyTimeoutMs?: number;
  migrations?: readonly Migration[];
}

export interface OpenedDatabase extends Connection {
  /** The backup taken before migrating, if one was needed. */
  backupFile: string | null;
  migrated: string[];
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const migrations = options.migrations ?? MIGRATIONS;
  // What an interrupted backup left (hidden temp names) goes before any backup is taken.
  sweepPartials(options.backupDir);
  const existed = fs.existsSync(options.file) && fs.statSync(options.file).size > 0;
  let conn: Connection;
  try {
    conn = connect(options.file, {
      // The audit key lives beside the database (made at first start); see electron/audit/key.ts.
      auditKey: ensureAuditKey(path.dirname(options.file)),
      nativeBinding: options.nativeBinding,
      ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
    });
  } catch (error) {
    throw new StartupError(
      `cannot open the data file ${options.file}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }

  let backupFile: string | null = null;
  try {
    const status = await migrationStatus(conn.db, migrations);
    if (status.pending.length === 0) {
      startKeyedChain(conn.sqlite);
      return { ...conn, backupFile, migrated: [] };
    }
    if (existed) {
      backupFile = await backupDatabase(
        conn.sqlite,
        options.backupDir,
        `before-${status.pending[0]}`,
        options.nativeBinding,
      );
    }
    const migrated = await migrateUp(conn.db, migrations);
    // From here on the chain is keyed: the marker entry switches it (once per database).
    startKeyedChain(conn.sqlite);
    return { ...conn, backupFile, migrated };
  } catch (error) {
    await conn.close();
    if (backupFile) restoreDatabase(backupFile, options.file);
    else if (!existed)
      for (const s of ['', '-wal', '-shm']) fs.rmSync(options.file + s, { force: true });
    const kept = backupFile ? ` The data file was restored from the backup ${backupFile}.` : '';
    throw new StartupError(
      `Keyfleet could not update its data file ${options.file}: ${(error as Error).message}.${kept}`,
      { cause: error },
    );
  }
}
