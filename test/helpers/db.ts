/** A fresh, migrated database in its own temporary folder for every test. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqlite } from '../../electron/db/connection';
import { openDatabase, type OpenedDatabase } from '../../electron/db/open';

export function tempDir(prefix = 'keyfleet-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestDb extends OpenedDatabase {
  dir: string;
  file: string;
}

export async function freshDb(): Promise<TestDb> {
  const dir = tempDir();
  const file = path.join(dir, 'keyfleet.sqlite');
  const opened = await openDatabase({ file, backupDir: path.join(dir, 'backups') });
  return { ...opened, dir, file };
}

/** Rows in a table of a database file (a backup, a restored copy), read from the file itself. */
export function countIn(file: string, table: string): number {
  const db = openSqlite(file, { readonly: true });
  try {
    return db.prepare(`select count(*) from ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
}
