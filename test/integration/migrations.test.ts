import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, type Migration } from '../../migrations';
import { connect, type Connection } from '../../electron/db/connection';
import { migrateDown, migrateUp, migrationStatus } from '../../electron/db/migrator';
import { tempDir } from '../helpers/db';

const open: Connection[] = [];
function blank(): Connection {
  const conn = connect(path.join(tempDir(), 'db.sqlite'));
  open.push(conn);
  return conn;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
});

/** The schema as SQLite records it, for comparing two databases. */
function schemaOf(conn: Connection): string[] {
  return (
    conn.sqlite
      .prepare(
        "select type || ' ' || name || ': ' || coalesce(sql, '') from sqlite_master where name not like 'sqlite_%' order by type, name",
      )
      .pluck()
      .all() as string[]
  ).filter((s) => !s.includes('keyfleet_migrations') || s.startsWith('table'));
}

describe('migrations', () => {
  it('lists every migration file of the folder, in name order', () => {
    const dir = path.resolve(__dirname, '../../migrations');
    const files = fs
      .readdirSync(dir)
      .filter((f) => /^\d{14}_.+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''));
    expect(MIGRATIONS.map((m) => m.name)).toEqual(files.sort());
  });

  it('migrates an empty database to the latest version', async () => {
    const conn = blank();
    const ran = await migrateUp(conn.db, MIGRATIONS);
    expect(ran).toEqual(MIGRATIONS.map((m) => m.name));
    expect((await migrationStatus(conn.db, MIGRATIONS)).pending).toEqual([]);
    expect(conn.sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('replays from every earlier version to the same schema as from empty', async () => {
    const reference = blank();
    await migrateUp(reference.db, MIGRATIONS);
    const expected = schemaOf(reference);
    for (const m of MIGRATIONS) {
      const conn = blank();
      await migrateUp(conn.db, MIGRATIONS, m.name);
      expect((await migrationStatus(conn.db, MIGRATIONS)).applied.at(-1)).toBe(m.name);
      await migrateUp(conn.db, MIGRATIONS);
      expect(schemaOf(conn)).toEqual(expected);
    }
  });

  it('reverts every migration and applies them again', async () => {
    const conn = blank();
    await migrateUp(conn.db, MIGRATIONS);
    const expected = schemaOf(conn);
    await migrateDown(conn.db, MIGRATIONS, null);
    expect((await migrationStatus(conn.db, MIGRATIONS)).applied).toEqual([]);
    await migrateUp(conn.db, MIGRATIONS);
    expect(schemaOf(conn)).toEqual(expected);
  });

  it('rolls a half-applied migration back entirely', async () => {
    const broken: Migration = {
      name: '29991231000000_half_applied',
      async up(db) {
        await db.schema.createTable('half_done').addColumn('id', 'integer').execute();
        await sql`insert into no_such_table values (1)`.execute(db);
      },
      async down() {},
    };
    const conn = blank();
    await expect(migrateUp(conn.db, [...MIGRATIONS, broken])).rejects.toThrow(
      /29991231000000_half_applied failed/,
    );
    const tables = conn.sqlite
      .prepare("select name from sqlite_master where name = 'half_done'")
      .all();
    expect(tables).toEqual([]);
    expect((await migrationStatus(conn.db, [...MIGRATIONS, broken])).pending).toEqual([
      broken.name,
    ]);
  });

  it('refuses a file written by a newer version', async () => {
    const conn = blank();
    await migrateUp(conn.db, MIGRATIONS);
    await expect(migrationStatus(conn.db, MIGRATIONS.slice(0, 1))).rejects.toThrow(
      /newer Keyfleet/,
    );
  });
});
