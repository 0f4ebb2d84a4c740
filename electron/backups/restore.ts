/**
 * Restoring a backup or an export-all archive. It happens in two steps, because the database
 * must be closed while it is swapped:
 *
 * 1. `stageRestore` (while the app runs): checks the chosen file, copies it (and an archive's
 *    documents) into the data folder under hidden names, flushes them, and last writes the
 *    `restore-pending.json` marker (temp name, renamed). Nothing in use changes.
 * 2. `applyPendingRestore` (before the database opens: at start, or when the app reopens it):
 *    backs up the current data (`before_restore`), puts the documents beside the current ones
 *    (they are named by their SHA-256, so none is overwritten), then renames the staged file over
 *    the database and removes the marker.
 *
 * A kill at any moment leaves the old data (the marker is still there: the next start does it
 * again) or the new data (the staged file is gone: the next start only clears the marker). A
 * marker is robust where an in-process swap is not: every connection (the UI's, each job
 * worker's) is closed by construction, and an interrupted swap finishes at the next start.
 */
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { type Clock, isoNow } from '../../shared/clock';
import { AppError } from '../../shared/result';
import type { BackupRotation, RestoreOutcome, RestoreStaged } from '../../shared/schemas/backups';
import { MIGRATIONS } from '../../migrations';
import { openSqlite } from '../db/connection';
import { documentsDir } from '../documents/store';
import { auditKeyPath } from '../audit/key';
import { ARCHIVE_DB, ARCHIVE_KEY, extractArchive, isZip } from './archive';
import { backupDir, readRecord, ROTATION, syncDir, syncFile, writeDurably } from './records';
import { inspectBackupFile, takeBackup } from './take';

const MARKER = 'restore-pending.json';
const LAST_RESTORE = 'last-restore.json';
const STAGED_DB = '.restore-pending.sqlite';
const STAGED_DOCS = '.restore-documents';
const STAGED_KEY = '.restore-audit.key';
const UNPACKING = '.restore-unpacking';

interface Marker extends Omit<RestoreStaged, 'reopening'> {
  format: 1;
  stagedAt: string;
}

const refused = (reason: string, message: string) =>
  new AppError('VALIDATION', message, { kind: 'backup_not_restorable', reason });

/** Removes a half-staged restore (no marker yet) — call before the database opens. */
function clearStaging(dataDir: string): void {
  for (const name of [STAGED_DB, STAGED_DB + '.partial', STAGED_DOCS, STAGED_KEY, UNPACKING])
    fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
  fs.rmSync(path.join(dataDir, MARKER + '.partial'), { force: true });
}

function readMarker(dataDir: string): Marker | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dataDir, MARKER), 'utf8')) as Marker;
    return parsed.format === 1 ? parsed : null;
  } catch {
    return null;
  }
}

/** Whether a restore is staged and waits for the database to be reopened. */
export function restorePending(dataDir: string): boolean {
  return readMarker(dataDir) !== null;
}

/**
 * Checks `source` (a backup file or an export-all archive) and stages it to replace the data in
 * `dataDir` at the next opening. `sourceName` is what the user is told it came from.
 */
export async function stageRestore(
  dataDir: string,
  source: string,
  /** `clock`: the app's or job's, for the time the restore is staged at. */
  options: { clock: Clock; sourceName?: string; nativeBinding?: string | undefined },
): Promise<Omit<RestoreStaged, 'reopening'>> {
  if (!fs.existsSync(source))
    throw new AppError('NOT_FOUND', `no file ${source}`, { kind: 'backup_gone' });
  // A new choice replaces one staged before (the marker goes first: never a marker without its file).
  fs.rmSync(path.join(dataDir, MARKER), { force: true });
  clearStaging(dataDir);
  let db = source;
  let takenAt: string | null = null;
  let docs: string | null = null;
  let key: string | null = null;
  try {
    if (isZip(source)) {
      const unpacked = path.join(dataDir, UNPACKING);
      const manifest = await extractArchive(source, unpacked);
      db = path.join(unpacked, ARCHIVE_DB);
      docs = path.join(unpacked, 'documents');
      if (fs.existsSync(path.join(unpacked, ARCHIVE_KEY))) key = path.join(unpacked, ARCHIVE_KEY);
      takenAt = manifest.takenAt;
    } else takenAt = readRecord(source)?.takenAt ?? null;
    const check = inspectBackupFile(db, { nativeBinding: options.nativeBinding });
    if (check.verified !== 'ok')
      throw refused(check.reason ?? 'corrupt', `the backup failed its check (${check.reason})`);
    const newest = MIGRATIONS[MIGRATIONS.length - 1]!.name;
    if (check.schema && check.schema > newest)
      throw refused('newer_schema', `the backup is from a newer Keyfleet (${check.schema})`);
    const partial = path.join(dataDir, STAGED_DB + '.partial');
    fs.copyFileSync(db, partial);
    syncFile(partial);
    fs.renameSync(partial, path.join(dataDir, STAGED_DB));
    if (docs) fs.renameSync(docs, path.join(dataDir, STAGED_DOCS));
    if (key) fs.renameSync(key, path.join(dataDir, STAGED_KEY));
    fs.rmSync(path.join(dataDir, UNPACKING), { recursive: true, force: true });
    const staged = {
      source: options.sourceName ?? path.basename(source),
      takenAt,
      schema: check.schema,
      auditHead: check.auditHead,
      counts: check.counts,
    };
    const marker: Marker = { format: 1, stagedAt: isoNow(options.clock), ...staged };
    writeDurably(path.join(dataDir, MARKER + '.partial'), JSON.stringify(marker));
    fs.renameSync(path.join(dataDir, MARKER + '.partial'), path.join(dataDir, MARKER));
    syncDir(dataDir);
    return staged;
  } catch (error) {
    clearStaging(dataDir);
    throw error;
  }
}

/**
 * An archive from another PC brings the audit key its chain was written with: it becomes this
 * folder's key. The key it replaces is kept beside the safety backup, which it still verifies.
 * Safe to repeat after a kill (the staged key is gone once adopted).
 */
function adoptStagedKey(dataDir: string, safetyBackup: string | null): void {
  const staged = path.join(dataDir, STAGED_KEY);
  if (!fs.existsSync(staged)) return;
  const current = auditKeyPath(dataDir);
  if (fs.existsSync(current) && !fs.readFileSync(current).equals(fs.readFileSync(staged))) {
    const dir = backupDir(dataDir);
    fs.mkdirSync(dir, { recursive: true });
    const kept = path.join(dir, `${safetyBackup ?? 'before-restore'}.audit.key`);
    fs.copyFileSync(current, kept);
    fs.chmodSync(kept, 0o600);
    syncFile(kept);
  }
  fs.chmodSync(staged, 0o600);
  fs.renameSync(staged, current);
  syncDir(dataDir);
}

/** Backs up the data about to be replaced; a file that no longer opens is kept as it is. */
async function backUpCurrent(
  dbFile: string,
  rotation: BackupRotation,
  nativeBinding: string | undefined,
  clock: Clock,
): Promise<string | null> {
  if (!fs.existsSync(dbFile)) return null;
  const dir = backupDir(path.dirname(dbFile));
  let sqlite: BetterSqlite3.Database | null = null;
  try {
    sqlite = openSqlite(dbFile, { nativeBinding });
    const entry = await takeBackup(sqlite, {
      dir,
      kind: 'before_restore',
      at: clock.now(),
      nativeBinding,
      rotation,
    });
    // Fold the WAL into the file before it is replaced: no stale WAL is left beside the new one.
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return entry.fileName;
  } catch {
    // Damaged beyond a backup: keep its bytes, named as a backup (listed unchecked) — via a temp name.
    fs.mkdirSync(dir, { recursive: true });
    const name = `keyfleet-${isoNow(clock).replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}-before-restore.sqlite`;
    const temp = path.join(dir, `.${name}.partial`);
    fs.copyFileSync(dbFile, temp);
    syncFile(temp);
    fs.renameSync(temp, path.join(dir, name));
    return name;
  } finally {
    sqlite?.close();
  }
}

/**
 * Applies a staged restore to `dbFile` (which nothing may have open). Returns what was restored,
 * or null when none was staged. Leftovers of a restore interrupted before its marker are removed.
 */
export async function applyPendingRestore(
  dbFile: string,
  /** `clock`: the app's, for the safety backup's name and the time the restore is applied at. */
  options: { clock: Clock; nativeBinding?: string | undefined; rotation?: BackupRotation },
): Promise<RestoreOutcome | null> {
  const dataDir = path.dirname(dbFile);
  fs.rmSync(path.join(dataDir, `.${path.basename(dbFile)}.restoring`), { force: true });
  const marker = readMarker(dataDir);
  if (!marker) {
    clearStaging(dataDir);
    fs.rmSync(path.join(dataDir, MARKER), { force: true });
    return null;
  }
  const staged = path.join(dataDir, STAGED_DB);
  const stagedDocs = path.join(dataDir, STAGED_DOCS);
  if (fs.existsSync(staged)) {
    const safetyBackup = await backUpCurrent(
      dbFile,
      options.rotation ?? ROTATION,
      options.nativeBinding,
      options.clock,
    );
    let documents = 0;
    if (fs.existsSync(stagedDocs)) {
      const target = documentsDir(dataDir);
      fs.mkdirSync(target, { recursive: true });
      for (const name of fs.readdirSync(stagedDocs)) {
        // Content-addressed: a file already there is the same file.
        if (!fs.existsSync(path.join(target, name)))
          fs.renameSync(path.join(stagedDocs, name), path.join(target, name));
        documents++;
      }
      syncDir(target);
    }
    adoptStagedKey(dataDir, safetyBackup);
    const outcome: RestoreOutcome = {
      source: marker.source,
      takenAt: marker.takenAt,
      restoredAt: isoNow(options.clock),
      schema: marker.schema,
      auditHead: marker.auditHead,
      counts: marker.counts,
      documents,
      safetyBackup,
    };
    writeDurably(path.join(dataDir, LAST_RESTORE + '.partial'), JSON.stringify(outcome));
    fs.renameSync(path.join(dataDir, LAST_RESTORE + '.partial'), path.join(dataDir, LAST_RESTORE));
    // The current file was closed cleanly (WAL folded in); its -wal/-shm must not meet the new one.
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(dbFile + suffix, { force: true });
    fs.renameSync(staged, dbFile);
    syncDir(dataDir);
  }
  // The swap is done (now, or before a kill): the marker and the rest of the staging go.
  fs.rmSync(path.join(dataDir, MARKER), { force: true });
  clearStaging(dataDir);
  syncDir(dataDir);
  return lastRestore(dataDir);
}

/** The last restore applied to this data folder. */
export function lastRestore(dataDir: string): RestoreOutcome | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, LAST_RESTORE), 'utf8')) as RestoreOutcome;
  } catch {
    return null;
  }
}
