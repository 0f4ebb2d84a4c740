/**
 * Taking one online backup: SQLite's backup API copies the live database page by page into a
 * hidden temp file, while the app goes on reading and writing. The copy is then made one
 * self-contained file, opened read-only and checked (`integrity_check`, the tables the source
 * had, a schema version), flushed to the disk, and only then renamed to its backup name: a kill
 * at any moment leaves either no backup or a whole one, never a partial file under a backup's
 * name. Every kind (daily, manual, before an upgrade, an import or a restore) is taken here.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type {
  BackupEntry,
  BackupFailure,
  BackupKind,
  BackupRotation,
} from '../../shared/schemas/backups';
import { type AuditHead, auditHead } from '../audit/head';
import { openSqlite } from '../db/connection';
import {
  freeBackupPath,
  partialPath,
  pruneBackups,
  ROTATION,
  syncDir,
  syncFile,
  writeRecord,
} from './records';

/** Pages copied per step (4 MiB at SQLite's default page size): progress and cancel in between. */
const PAGES_PER_STEP = 1024;

/** Tables every Keyfleet data file has, whatever its schema version. */
const CORE_TABLES = ['keyfleet_migrations', 'staff', 'settings', 'audit_log'] as const;

/** The tables whose row counts describe a backup ("what was restored"). */
const COUNTED = [
  'staff',
  'accounts',
  'contacts',
  'opportunities',
  'tenders',
  'contracts',
  'claims',
  'filings',
  'documents',
  'activities',
  'audit_log',
] as const;

export interface Verification {
  verified: 'ok' | 'failed';
  reason: BackupFailure | null;
  schema: string | null;
}

export interface Inspection extends Verification {
  auditHead: AuditHead | null;
  counts: Record<string, number>;
}

function tablesOf(db: BetterSqlite3.Database): string[] {
  return db
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
    .pluck()
    .all() as string[];
}

const failed = (reason: BackupFailure): Inspection => ({
  verified: 'failed',
  reason,
  schema: null,
  auditHead: null,
  counts: {},
});

/**
 * Opens `file` read-only and proves it whole: `integrity_check` = ok, every expected table there
 * and a schema version in it; then reads its audit head and main counts.
 */
export function inspectBackupFile(
  file: string,
  options: { nativeBinding?: string | undefined; expectedTables?: readonly string[] } = {},
): Inspection {
  let copy: BetterSqlite3.Database;
  try {
    copy = openSqlite(file, { readonly: true, nativeBinding: options.nativeBinding });
  } catch {
    return failed('unreadable');
  }
  try {
    let check: unknown;
    try {
      check = copy.pragma('integrity_check', { simple: true });
    } catch (error) {
      // "file is not a database" surfaces at the first read; a damaged page as SQLITE_CORRUPT.
      const notDb = (error as { code?: unknown }).code === 'SQLITE_NOTADB';
      return failed(notDb ? 'unreadable' : 'corrupt');
    }
    if (check !== 'ok') return failed('corrupt');
    const tables = new Set(tablesOf(copy));
    const expected = options.expectedTables ?? CORE_TABLES;
    if (!tables.has('keyfleet_migrations')) return failed('no_schema');
    if (expected.some((t) => !tables.has(t))) return failed('corrupt');
    const schema =
      (copy
        .prepare('select name from keyfleet_migrations order by name desc limit 1')
        .pluck()
        .get() as string | undefined) ?? null;
    if (!schema) return failed('no_schema');
    const counts: Record<string, number> = {};
    for (const t of COUNTED)
      if (tables.has(t))
        counts[t] = copy.prepare(`select count(*) from ${t}`).pluck().get() as number;
    return {
      verified: 'ok',
      reason: null,
      schema,
      auditHead: tables.has('audit_log') ? auditHead(copy) : null,
      counts,
    };
  } finally {
    copy.close();
  }
}

/** The check alone (open, integrity, tables, schema). */
export function verifyBackupFile(file: string, nativeBinding?: string): Verification {
  const { verified, reason, schema } = inspectBackupFile(file, { nativeBinding });
  return { verified, reason, schema };
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

interface CopyOptions {
  nativeBinding?: string | undefined;
  pagesPerStep?: number;
  /** Pages copied so far of the total; may throw to stop (the temp file is then removed). */
  progress?: (done: number, total: number) => void;
}

/**
 * Copies `sqlite`'s database to `temp` (one snapshot), makes it self-contained and inspects it
 * against the tables the source had. The caller names it (rename) or removes it.
 * The source connection holds one read transaction for the whole copy, so every step reads the
 * same snapshot: writes by other connections (the UI's, a job's) neither restart the copy nor
 * end up half in it. Under WAL a reader blocks no writer.
 */
export async function copyDatabase(
  sqlite: BetterSqlite3.Database,
  temp: string,
  options: CopyOptions = {},
): Promise<Inspection> {
  let tables: string[];
  const nested = sqlite.inTransaction;
  if (!nested) sqlite.exec('begin');
  try {
    // A read transaction starts at the first read: take the snapshot now.
    tables = tablesOf(sqlite);
    await sqlite.backup(temp, {
      progress: ({ totalPages, remainingPages }) => {
        options.progress?.(totalPages - remainingPages, totalPages);
        return options.pagesPerStep ?? PAGES_PER_STEP;
      },
    });
    selfContained(temp, options.nativeBinding);
    const inspection = inspectBackupFile(temp, {
      nativeBinding: options.nativeBinding,
      expectedTables: tables,
    });
    syncFile(temp);
    return inspection;
  } catch (error) {
    fs.rmSync(temp, { force: true });
    fs.rmSync(temp + '-journal', { force: true });
    throw error;
  } finally {
    if (!nested) sqlite.exec('rollback');
  }
}

interface TakeBackupOptions extends CopyOptions {
  dir: string;
  kind: BackupKind;
  /** What a `before_migration` backup is before (the first pending migration). */
  label?: string;
  /** When it is taken (the business clock): names the file and dates the record. */
  at: Date;
  /** What rotation keeps (default: a solo data folder's). */
  rotation?: BackupRotation;
}

/**
 * Copies `sqlite`'s database into `dir`, checks the copy, names it and prunes old backups of its
 * kind. A copy that fails its check is kept under its name with a `failed` record (listed so,
 * never offered as good); callers that must not go on without a good one check `verified`.
 */
export async function takeBackup(
  sqlite: BetterSqlite3.Database,
  options: TakeBackupOptions,
): Promise<BackupEntry> {
  // Leftovers of an interrupted backup are swept at start (sweepPartials), not here: another
  // backup (the daily one, an import's) may be writing its temp file at this moment.
  fs.mkdirSync(options.dir, { recursive: true });
  const file = freeBackupPath(options.dir, options.at, options.kind, options.label);
  const temp = partialPath(file);
  const check = await copyDatabase(sqlite, temp, options);
  // Size and time of the file as checked: a later change to it shows in the list (`changed`).
  const { size: bytes, mtimeMs } = fs.statSync(temp);
  const { verified, reason, schema } = check;
  writeRecord(file, {
    format: 1,
    kind: options.kind,
    takenAt: options.at.toISOString(),
    bytes,
    mtimeMs,
    verified,
    reason,
    schema,
    auditHead: check.auditHead,
    counts: check.counts,
  });
  fs.renameSync(temp, file);
  syncDir(options.dir);
  pruneBackups(options.dir, options.rotation ?? ROTATION, options.kind);
  return {
    fileName: path.basename(file),
    kind: options.kind,
    takenAt: options.at.toISOString(),
    bytes,
    verified,
    reason,
    schema,
    auditHead: check.auditHead,
  };
}
