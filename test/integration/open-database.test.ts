import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, type Migration } from '../../migrations';
import { connect } from '../../electron/db/connection';
import { migrateUp } from '../../electron/db/migrator';
import { openDatabase, StartupError } from '../../electron/db/open';
import { tempDir } from '../helpers/db';

/** A data file at the first version with a staff member in it, as an older Keyfleet left it. */
async function olderFile(): Promise<{ dir: string; file: string }> {
  const dir = tempDir();
  const file = path.join(dir, 'keyfleet.sqlite');
  const conn = connect(file);
  await migrateUp(conn.db, MIGRATIONS, MIGRATIONS[0]!.name);
  conn.sqlite
    .prepare(
      "insert into staff (name, role, created_at) values ('王芳', 'specialist', '2026-01-01T00:00:00Z')",
    )
    .run();
  await conn.close();
  return { dir, file };
}

function dump(file: string): unknown {
  const conn = connect(file, { readonly: true });
  const out = {
    tables: conn.sqlite
      .prepare("select name from sqlite_master where type = 'table' order by name")
      .pluck()
      .all(),
    staff: conn.sqlite.prepare('select * from staff').all(),
    migrations: conn.sqlite
      .prepare('select name from keyfleet_migrations order by name')
      .pluck()
      .all(),
  };
  conn.sqlite.close();
  return out;
}

describe('opening the data file', () => {
  it('sets the pragmas on every open', async () => {
    const dir = tempDir();
    const db = await openDatabase({
      file: path.join(dir, 'k.sqlite'),
      backupDir: path.join(dir, 'b'),
    });
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.backupFile).toBeNull();
    await db.close();
  });

  it('takes a verified backup before migrating a file that holds data', async () => {
    const { dir, file } = await olderFile();
    const db = await openDatabase({ file, backupDir: path.join(dir, 'backups') });
    expect(db.migrated).toEqual(MIGRATIONS.slice(1).map((m) => m.name));
    expect(db.backupFile).not.toBeNull();
    expect(fs.existsSync(db.backupFile!)).toBe(true);
    await db.close();
    const backup = dump(db.backupFile!) as { staff: unknown[]; migrations: string[] };
    expect(backup.staff).toHaveLength(1);
    expect(backup.migrations).toEqual([MIGRATIONS[0]!.name]);
  });

  it('takes no backup when nothing is pending', async () => {
    const { dir, file } = await olderFile();
    (await openDatabase({ file, backupDir: path.join(dir, 'backups') })).close();
    const again = await openDatabase({ file, backupDir: path.join(dir, 'backups') });
    expect(again.backupFile).toBeNull();
    await again.close();
  });

  it('stops with a clear message and leaves the file as it was when a migration fails', async () => {
    const { dir, file } = await olderFile();
    const before = dump(file);
    const failing: Migration = {
      name: '29991231000000_fails',
      async up(db) {
        await sql`alter table staff add column nickname text`.execute(db);
        throw new Error('disk says no');
      },
      async down() {},
    };
    const error = await openDatabase({
      file,
      backupDir: path.join(dir, 'backups'),
      migrations: [...MIGRATIONS, failing],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toMatch(
      /could not update its data file.*29991231000000_fails failed: disk says no.*restored from the backup/s,
    );
    expect(dump(file)).toEqual(before);
  });

  it('removes a new file whose first migration fails', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'new.sqlite');
    const failing: Migration = {
      name: '20000101000000_fails',
      up: () => Promise.reject(new Error('no')),
      down: async () => {},
    };
    await expect(
      openDatabase({ file, backupDir: dir, migrations: [failing] }),
    ).rejects.toBeInstanceOf(StartupError);
    expect(fs.existsSync(file)).toBe(false);
  });
});
