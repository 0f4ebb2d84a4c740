/**
 * Deferred indexes: dropped only once a write is large next to the table, built again with the
 * very same SQL, and never lost — a rollback (dry run, cancel, crash) brings them back.
 */
import { describe, expect, it } from 'vitest';
import { deferIndexes } from '../../electron/db/deferred-indexes';
import { openSqlite } from '../../electron/db/connection';
import { tempDir } from '../helpers/db';

function table() {
  const sqlite = openSqlite(`${tempDir()}/t.sqlite`);
  sqlite.exec(`create table t (id integer primary key, a text unique, b text, c text);
    create index t_b on t (b); create index t_c_b on t (c, b);`);
  for (let i = 0; i < 10; i++)
    sqlite.prepare('insert into t (a, b, c) values (?, ?, ?)').run(`a${i}`, `b${i}`, `c${i}`);
  return sqlite;
}

const indexes = (sqlite: ReturnType<typeof table>) =>
  sqlite
    .prepare(
      "select name, sql from sqlite_master where type = 'index' and tbl_name = 't' order by name",
    )
    .all();

describe('deferIndexes', () => {
  it('drops the indexes it may once enough rows are written, and restores them as they were', () => {
    const sqlite = table();
    const before = indexes(sqlite);
    sqlite.exec('begin');
    const deferral = deferIndexes(sqlite, 't', ['t_c_b'], { minRows: 3, share: 0.5 });
    // 10 rows exist: half of them (5) is the threshold, above minRows.
    for (let i = 0; i < 4; i++) deferral.wrote();
    expect(indexes(sqlite)).toEqual(before);
    deferral.wrote();
    const names = (indexes(sqlite) as { name: string }[]).map((i) => i.name);
    // The unique index SQLite owns and the kept one stay; t_b waits for the end.
    expect(names).toEqual(['sqlite_autoindex_t_1', 't_c_b']);
    sqlite.prepare('insert into t (a, b, c) values (?, ?, ?)').run('new', 'b-new', 'c-new');
    deferral.restore();
    sqlite.exec('commit');
    expect(indexes(sqlite)).toEqual(before);
    expect(sqlite.prepare("select id from t indexed by t_b where b = 'b-new'").pluck().get()).toBe(
      11,
    );
    expect(sqlite.prepare('pragma integrity_check').pluck().get()).toBe('ok');
  });

  it('loses nothing when the transaction rolls back', () => {
    const sqlite = table();
    const before = indexes(sqlite);
    sqlite.exec('begin');
    const deferral = deferIndexes(sqlite, 't', [], { minRows: 1, share: 0 });
    deferral.wrote();
    expect((indexes(sqlite) as unknown[]).length).toBe(1);
    sqlite.exec('rollback');
    expect(indexes(sqlite)).toEqual(before);
  });

  it('leaves a small write alone', () => {
    const sqlite = table();
    const before = indexes(sqlite);
    const deferral = deferIndexes(sqlite, 't', []);
    for (let i = 0; i < 100; i++) deferral.wrote();
    deferral.restore();
    expect(indexes(sqlite)).toEqual(before);
  });
});
