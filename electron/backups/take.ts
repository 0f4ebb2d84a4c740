/**
 * Taking one online backup: SQLite's backup API copies the live database page by page into a
 * hidden temp file, while the app goes on reading and writing. The copy is then opened read-only
 * and checked (`integrity_check`, schema version) before it gets its final name and its record.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { BackupEntry, BackupFailure, BackupKind } from '../../shared/schemas/backups';
import { openSqlite } from '../db/connection';
import {
  backupFileName,
  freeBackupPath,
  partialPath,
  pruneBackups,
  sweepPartials,
  writeRecord,
} from './records';

/** Pages copied per step (4 MiB at SQLite's default page size): progress and cancel in between. */
export const PAGES_PER_STEP = 1024;

export interface Verification {
  verified: 'ok' | 'failed';
  reason: BackupFailure | null;
  schema: string | null;
}

/** Opens `file` read-only and proves it whole: `integrity_check` = ok and a schema version in it. */
export function verifyBackupFile(file: string, nativeBinding?: string): Verification {
  let copy: BetterSqlite3.Database;
  try {
    copy = openSqlite(file, { readonly: true, nativeBinding });
  } catch {
    return { verified: 'failed', reason: 'unreadable', schema: null };
  }
  try {
    let check: unknown;
    try {
      check = copy.pragma('integrity_check', { simple: true });
    } catch (error) {
      // "file is not a database" surfaces at the first read; a damaged page as SQLITE_CORRUPT.
      const notDb = (error as { code?: unknown }).code === 'SQLITE_NOTADB';
      return { verified: 'failed', reason: notDb ? 'unreadable' : 'corrupt', schema: null };
    }
    if (check !== 'ok') return { verified: 'failed', reason: 'corrupt', schema: null };
    let schema: string | null = null;
    try {
      schema =
        (copy
          .prepare('select name from keyfleet_migrations order by name desc limit 1')
          .pluck()
          .get() as string | undefined) ?? null;
    } catch {
      schema = null;
    }
    return schema
      ? { verified: 'ok', reason: null, schema }
      : { verified: 'failed', reason: 'no_schema', schema: null };
  } finally {
    copy.close();
  }
}

/**
 * The copy inherits the live database's WAL mode; switched back to a rollback journal it is one
 * file, which opens read-only (to check it, or to restore from it) without -wal/-shm beside it.
 */
function selfContained(file: string, nativeBinding: string | undefined): void {
  let copy: BetterSqlite3.Database | null = null;
  try {
    copy = new BetterSqlite3(file, nativeBinding ? { nativeBinding } : {});
    copy.pragma('journal_mode = DELETE');
  } catch {
    // A copy that cannot even be opened fails its check next, with the reason.
  } finally {
    copy?.close();
  }
}

export interface TakeBackupOptions {
  dir: string;
  kind: Exclude<BackupKind, 'before_migration'>;
  /** When it is taken (the business clock): names the file and dates the record. */
  at: Date;
  nativeBinding?: string | undefined;
  /** How many of each kind to keep (default 14). */
  keep?: number;
  pagesPerStep?: number;
  /** Pages copied so far of the total; may throw to stop (the temp file is then removed). */
  progress?: (done: number, total: number) => void;
}

/**
 * Copies `sqlite`'s database into `dir`, checks the copy, names it and prunes old backups.
 * The source connection holds one read transaction for the whole copy, so every step reads the
 * same snapshot: writes by other connections (the UI's, a job's) neither restart the copy nor
 * end up half in it. Under WAL a reader blocks no writer.
 */
export async function takeBackup(
  sqlite: BetterSqlite3.Database,
  options: TakeBackupOptions,
): Promise<BackupEntry> {
  fs.mkdirSync(options.dir, { recursive: true });
  sweepPartials(options.dir);
  const file = freeBackupPath(options.dir, backupFileName(options.at, options.kind));
  const temp = partialPath(file);
  sqlite.exec('begin');
  try {
    // A read transaction starts at the first read: take the snapshot now.
    sqlite.prepare('select count(*) from sqlite_master').pluck().get();
    await sqlite.backup(temp, {
      progress: ({ totalPages, remainingPages }) => {
        options.progress?.(totalPages - remainingPages, totalPages);
        return options.pagesPerStep ?? PAGES_PER_STEP;
      },
    });
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  } finally {
    sqlite.exec('rollback');
  }
  let check: Verification;
  try {
    selfContained(temp, options.nativeBinding);
    check = verifyBackupFile(temp, options.nativeBinding);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  // Size and time of the file as checked: a later change to it shows in the list (`changed`).
  const { size: bytes, mtimeMs } = fs.statSync(temp);
  writeRecord(file, {
    format: 1,
    kind: options.kind,
    takenAt: options.at.toISOString(),
    bytes,
    mtimeMs,
    ...check,
  });
  fs.renameSync(temp, file);
  pruneBackups(options.dir, options.keep);
  return {
    fileName: path.basename(file),
    kind: options.kind,
    takenAt: options.at.toISOString(),
    bytes,
    ...check,
  };
}
