/** Verified online backups of the database file, and restoring one. */
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { writeRecord } from '../backups/records';
import { openSqlite } from './connection';

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** Copies the live database with SQLite's online backup, then proves the copy is readable and whole. */
export async function backupDatabase(
  sqlite: BetterSqlite3.Database,
  dir: string,
  label: string,
  nativeBinding?: string,
): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const at = new Date();
  const base = `keyfleet-${stamp(at)}-${label.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
  let file = path.join(dir, `${base}.sqlite`);
  for (let n = 2; fs.existsSync(file); n++) file = path.join(dir, `${base}-${n}.sqlite`);
  await sqlite.backup(file);
  verifyBackup(sqlite, file, nativeBinding);
  // Listed with the daily backups in settings (electron/backups), never pruned with them.
  const { size, mtimeMs } = fs.statSync(file);
  writeRecord(file, {
    format: 1,
    kind: 'before_migration',
    takenAt: at.toISOString(),
    bytes: size,
    mtimeMs,
    verified: 'ok',
    reason: null,
    schema: lastMigration(sqlite),
  });
  return file;
}

function lastMigration(db: BetterSqlite3.Database): string | null {
  try {
    return (
      (db
        .prepare('select name from keyfleet_migrations order by name desc limit 1')
        .pluck()
        .get() as string | undefined) ?? null
    );
  } catch {
    // A database from before migrations were recorded.
    return null;
  }
}

function tableCounts(db: BetterSqlite3.Database): Record<string, number> {
  const tables = db
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
    )
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((t) => [
      t,
      db
        .prepare(`select count(*) from "${t.replace(/"/g, '""')}"`)
        .pluck()
        .get() as number,
    ]),
  );
}

export function verifyBackup(
  source: BetterSqlite3.Database,
  file: string,
  nativeBinding?: string,
): void {
  const copy = openSqlite(file, { readonly: true, nativeBinding });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok')
      throw new Error(`backup ${file} failed its integrity check: ${String(check)}`);
    const expected = JSON.stringify(tableCounts(source));
    const actual = JSON.stringify(tableCounts(copy));
    if (expected !== actual)
      throw new Error(`backup ${file} does not match the database it copies`);
  } finally {
    copy.close();
  }
}

/** Puts a backup back in place of `file` (the connection to `file` must be closed). */
export function restoreDatabase(backupFile: string, file: string): void {
  for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  fs.copyFileSync(backupFile, file);
}
