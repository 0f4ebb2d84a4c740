/**
 * The backup taken before a schema upgrade, and putting it back when the upgrade fails. Both go
 * through electron/backups: the backup is written under a temp name, checked, flushed and renamed
 * like every other; the put-back copies to a temp name in the data folder and renames over.
 */
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { now } from '../../shared/clock';
import { syncDir, syncFile } from '../backups/records';
import { takeBackup } from '../backups/take';

/** Takes a verified backup before `label` (the first pending migration); throws if it fails. */
export async function backupDatabase(
  sqlite: BetterSqlite3.Database,
  dir: string,
  label: string,
  nativeBinding?: string,
): Promise<string> {
  const entry = await takeBackup(sqlite, {
    dir,
    kind: 'before_migration',
    label,
    at: now(),
    nativeBinding,
  });
  const file = path.join(dir, entry.fileName);
  if (entry.verified !== 'ok')
    throw new Error(`the backup ${file} failed its check (${entry.reason ?? 'unknown'})`);
  return file;
}

/**
 * Puts a backup back in place of `file` (every connection to `file` must be closed): copied to a
 * hidden temp name beside it, flushed, then renamed over, so a kill leaves the old or the new file.
 */
export function restoreDatabase(backupFile: string, file: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.restoring`);
  fs.copyFileSync(backupFile, temp);
  syncFile(temp);
  // The closed connection checkpointed its WAL; a stale one must not be replayed onto the copy.
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
  fs.renameSync(temp, file);
  syncDir(path.dirname(file));
}
