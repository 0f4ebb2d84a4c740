/**
 * When the disk under the data file fails — full, read-only, an I/O error, a file that cannot be
 * opened or is damaged — a write answers a typed STORAGE error with a kind per cause, never
 * INTERNAL and never the follow-on "cannot rollback - no transaction is active"; nothing of the
 * write is kept, the app stays up and reads keep working.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { storageError, storageKind } from '../../electron/db/storage-errors';
import { writeTx } from '../../electron/db/tx';
import type { Result } from '../../shared/result';
import { signedInApp, type TestApp } from '../helpers/app';
import { tempDir } from '../helpers/db';
import { account } from '../helpers/fixtures';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

/** A write big enough to need new pages of the file. */
const bigAccount = (i: number) =>
  account({
    name: `满盘测试客户${i}有限公司`,
    notes: '车队备注'.repeat(1200),
    fleet: Array.from({ length: 60 }, (_, k) => ({ brand: '大众', model: `帕萨特${k}`, count: k })),
  });

function counts(a: TestApp): { accounts: number; audit: number } {
  const one = (table: string) =>
    a.database.sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number;
  return { accounts: one('accounts'), audit: one('audit_log') };
}

function expectStorage(r: Result<unknown>, kind: string): void {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error).toMatchObject({ code: 'STORAGE', details: { kind } });
  expect(r.error.message).not.toMatch(/rollback|no transaction/i);
}

describe('storage errors', () => {
  it('a full disk answers STORAGE disk_full, keeps nothing of the write, and reads go on', async () => {
    app = await signedInApp('manager');
    const first = await app.value('accounts.create', { account: account() });
    const sqlite = app.database.sqlite;
    // The file may not grow past its present size: the next writes hit SQLITE_FULL.
    sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);
    let result: Result<unknown> = { ok: true, value: null };
    let before = counts(app);
    // The free pages inside the file may take a write or two first.
    for (let i = 0; i < 50 && result.ok; i++) {
      before = counts(app);
      result = await app.call('accounts.create', { account: bigAccount(i) });
    }
    expectStorage(result, 'disk_full');
    expect(result.ok || result.error.message).toBe('the disk is full: nothing was saved');
    expect(counts(app)).toEqual(before);
    expect(sqlite.inTransaction).toBe(false);

    // Reads still answer, and so does the next write once there is room again.
    expect((await app.value('accounts.get', { id: first.id })).name).toBe(first.name);
    expect((await app.value('accounts.list', {})).total).toBe(before.accounts);
    expect((await app.value('audit.verify', {})).ok).toBe(true);
    sqlite.pragma('max_page_count = 1073741823');
    await app.value('accounts.create', { account: bigAccount(99) });
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a read-only data file answers STORAGE read_only; reads go on', async () => {
    app = await signedInApp('manager');
    const first = await app.value('accounts.create', { account: account() });
    const before = counts(app);
    app.database.sqlite.pragma('query_only = ON');
    expectStorage(await app.call('accounts.create', { account: account() }), 'read_only');
    expectStorage(
      await app.call('accounts.update', {
        id: first.id,
        version: first.version,
        account: account({ name: first.name, uscc: first.uscc, notes: '改不了' }),
      }),
      'read_only',
    );
    expect(counts(app)).toEqual(before);
    expect((await app.value('accounts.get', { id: first.id })).notes).toBe(first.notes);
    app.database.sqlite.pragma('query_only = OFF');
    await app.value('accounts.create', { account: account({ name: '只读之后的客户有限公司' }) });
  });

  it('a transaction SQLite rolled back itself keeps the error that says why', async () => {
    app = await signedInApp('manager');
    const sqlite = app.database.sqlite;
    sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);
    const fill = writeTx(app.deps.db, async (trx) => {
      for (let i = 0; i < 1000; i++)
        await trx
          .insertInto('prefs')
          .values({ staff_id: 1, key: `fill-${i}`, value: 'x'.repeat(4000) })
          .execute();
    });
    await expect(fill).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    expect(sqlite.inTransaction).toBe(false);
  });

  it('names the cause of real SQLite and file-system failures', () => {
    const dir = tempDir('keyfleet-storage-');
    const junk = path.join(dir, 'junk.sqlite');
    fs.writeFileSync(junk, 'this is not a database file '.repeat(200));
    const caught = (work: () => unknown): unknown => {
      try {
        work();
      } catch (error) {
        return error;
      }
      throw new Error('expected a failure');
    };
    const damaged = caught(() => new BetterSqlite3(junk).pragma('journal_mode = WAL'));
    expect(storageKind(damaged)).toBe('corrupt');
    const folder = caught(() => new BetterSqlite3(dir).pragma('user_version'));
    expect(storageKind(folder)).toBe('cannot_open');
    const error = storageError(damaged);
    expect(error).toMatchObject({ code: 'STORAGE', details: { kind: 'corrupt' } });
    expect(error?.message).not.toContain(dir);

    const cases: [string, string | null][] = [
      ['SQLITE_FULL', 'disk_full'],
      ['ENOSPC', 'disk_full'],
      ['SQLITE_READONLY', 'read_only'],
      ['SQLITE_READONLY_DBMOVED', 'read_only'],
      ['EROFS', 'read_only'],
      ['SQLITE_IOERR', 'io_error'],
      ['SQLITE_IOERR_WRITE', 'io_error'],
      ['SQLITE_IOERR_FSYNC', 'io_error'],
      ['EIO', 'io_error'],
      ['SQLITE_CANTOPEN', 'cannot_open'],
      ['SQLITE_CORRUPT', 'corrupt'],
      ['SQLITE_NOTADB', 'corrupt'],
      ['SQLITE_CONSTRAINT_FOREIGNKEY', null],
      ['SQLITE_BUSY', null],
      ['ENOENT', null],
    ];
    for (const [code, kind] of cases)
      expect(storageKind(Object.assign(new Error(code), { code })), code).toBe(kind);
    expect(storageKind(new Error('plain'))).toBeNull();
    expect(storageKind(null)).toBeNull();
  });
});
