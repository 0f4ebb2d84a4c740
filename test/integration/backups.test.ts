import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, DB_FILE_NAME } from '../../electron/app/create-app';
import { migrateUp } from '../../electron/db/migrator';
import { MIGRATIONS } from '../../migrations';
import { backupDir, listBackups, ROTATION, rotationFor } from '../../electron/backups/records';
import { takeBackup, verifyBackupFile } from '../../electron/backups/take';
import { connect, openSqlite } from '../../electron/db/connection';
import type { BackupEntry } from '../../shared/schemas/backups';
import { addStaff, signedInApp, testApp, type TestApp, WORKER_FROM_SOURCE } from '../helpers/app';
import { countIn, tempDir } from '../helpers/db';
import { account } from '../helpers/fixtures';

let app: TestApp | null = null;
let closeMore: (() => Promise<void>) | null = null;
afterEach(async () => {
  await closeMore?.();
  closeMore = null;
  await app?.close();
  app = null;
});

const DAY = 24 * 60 * 60_000;
const T0 = new Date('2026-03-02T01:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

/** Files in the backups folder other than finished backups and their records. */
function strayFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((n) => !/^keyfleet-.*\.sqlite(\.json)?$/.test(n));
}

/** Sales data is written by a manager (an admin only reads it), on a client of their own. */
const AS_MANAGER = { clientId: 'manager' };
async function addAccounts(a: TestApp, n: number, prefix: string): Promise<void> {
  for (let i = 0; i < n; i++) await addAccount(a, `${prefix}${i}有限公司`);
}

async function addAccount(a: TestApp, name: string): Promise<void> {
  const current = await a.dispatch('auth.current', {}, AS_MANAGER);
  if (current.ok && current.value === null) {
    const manager = await addStaff(a, { name: '录入员', role: 'manager' });
    await a.dispatch('auth.pick', { staffId: manager.id }, AS_MANAGER);
  }
  const r = await a.dispatch('accounts.create', { account: account({ name }) }, AS_MANAGER);
  if (!r.ok) throw new Error(r.error.message);
}

describe('backups.create (admin, a job off the UI thread)', () => {
  it('takes a verified backup while the app goes on writing', async () => {
    app = await signedInApp('admin');
    await addAccounts(app, 20, '杭州备份前');
    const before = (await app.value('app.info', {})).accountCount;
    const { jobId } = await app.value('backups.create', {});
    // Writes go on while the job runs: none is refused or waits on the backup.
    let written = 0;
    while ((await app.value('jobs.get', { id: jobId })).state === 'running') {
      await addAccount(app, `杭州备份中${written}有限公司`);
      written++;
      // Let the worker's messages in: the writes alone never leave the microtask queue.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const job = await app.deps.jobs.wait(jobId);
    expect(job.state).toBe('done');
    expect(written).toBeGreaterThan(0);
    const admin = (await app.value('auth.current', {}))!;
    const entry = app.deps.jobs.result(jobId, admin.id) as BackupEntry;
    expect(entry).toMatchObject({ kind: 'manual', verified: 'ok', reason: null });
    expect(entry.fileName).toMatch(/^keyfleet-\d{8}-\d{6}-manual\.sqlite$/);
    expect(entry.schema).toMatch(/^\d{14}_/);

    const list = await app.value('backups.list', {});
    expect(list.folder).toBe(backupDir(app.dataDir));
    expect(list).toMatchObject({ rotation: ROTATION, daily: false, lastRestore: null });
    expect(list.backups).toEqual([entry]);
    const file = path.join(list.folder, entry.fileName);
    expect(verifyBackupFile(file)).toMatchObject({ verified: 'ok' });
    // A snapshot: everything written before it, and no more than was written by the end.
    const copied = countIn(file, 'accounts');
    expect(copied).toBeGreaterThanOrEqual(before);
    expect(copied).toBeLessThanOrEqual(before + written);
    expect(strayFiles(list.folder)).toEqual([]);
  }, 60_000);

  it('copies one consistent snapshot even when the database changes between its steps', async () => {
    app = await signedInApp('admin');
    await addAccounts(app, 200, '宁波快照');
    const dir = backupDir(app.dataDir);
    // The backup reads through its own connection, as the job's worker does; the UI's
    // connection writes between the copy's steps.
    const reader = connect(app.dbFile);
    closeMore = () => reader.close();
    let steps = 0;
    const entry = await takeBackup(reader.sqlite, {
      dir,
      kind: 'manual',
      at: T0,
      pagesPerStep: 4,
      progress: () => {
        steps++;
        app!.database.sqlite
          .prepare(
            "update accounts set address = 'changed' where id = (select min(id) from accounts)",
          )
          .run();
        app!.database.sqlite
          .prepare(
            "insert into settings (key, value) values ('backup.probe.' || ?, '1') on conflict do nothing",
          )
          .run(steps);
      },
    });
    expect(steps).toBeGreaterThan(3);
    expect(entry.verified).toBe('ok');
    const file = path.join(dir, entry.fileName);
    expect(countIn(file, 'accounts')).toBe(200);
    const copy = openSqlite(file, { readonly: true });
    try {
      expect(
        copy.prepare("select count(*) from settings where key like 'backup.probe.%'").pluck().get(),
      ).toBe(0);
      expect(
        copy.prepare("select count(*) from accounts where address = 'changed'").pluck().get(),
      ).toBe(0);
    } finally {
      copy.close();
    }
  });

  it('is for the keeper of the data: a solo manager or the admin, never a specialist', async () => {
    app = await signedInApp('specialist');
    for (const method of ['backups.list', 'backups.create', 'backups.exportAll'] as const)
      expect(await app.call(method, {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', details: { kind: 'role' } },
      });
    expect(
      await app.call('backups.restore', { fileName: 'keyfleet-20260101-000000.sqlite' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { kind: 'role' } },
    });
    await app.close();
    app = await signedInApp('manager');
    expect(await app.call('backups.list', {})).toMatchObject({ ok: true });
    await app.close();
    app = null;
    app = await testApp();
    expect(await app.call('backups.list', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { kind: 'no_user' } },
    });
    expect(fs.existsSync(backupDir(app.dataDir))).toBe(false);
  });

  it('leaves no file behind when cancelled', async () => {
    app = await signedInApp('admin');
    const { jobId } = await app.value('backups.create', {});
    await app.value('jobs.cancel', { id: jobId });
    expect((await app.deps.jobs.wait(jobId)).state).toBe('cancelled');
    expect(await app.value('backups.list', {})).toMatchObject({ backups: [] });
    expect(strayFiles(backupDir(app.dataDir))).toEqual([]);
  });
});

describe('a backup that fails part-way', () => {
  it('leaves no file under a backup name, nor a temp file', async () => {
    app = await signedInApp('admin');
    await addAccounts(app, 100, '台州失败');
    const dir = backupDir(app.dataDir);
    let steps = 0;
    await expect(
      takeBackup(app.database.sqlite, {
        dir,
        kind: 'scheduled',
        at: T0,
        pagesPerStep: 4,
        progress: () => {
          if (++steps === 3) throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(steps).toBe(3);
    expect(fs.readdirSync(dir)).toEqual([]);
    // The connection's read transaction was ended: it writes again.
    await addAccounts(app, 1, '台州失败后');
  });
});

describe('keeping and checking backups', () => {
  it('keeps the newest of each of 7 days and 4 weeks, apart from manual ones', async () => {
    app = await signedInApp('admin');
    const dir = backupDir(app.dataDir);
    const manual = await takeBackup(app.database.sqlite, { dir, kind: 'manual', at: T0 });
    const taken: BackupEntry[] = [];
    // Two a day (the daily one and the one at quit) for five weeks.
    for (let day = 0; day < 35; day++)
      for (const hour of [0, 12])
        taken.push(
          await takeBackup(app.database.sqlite, {
            dir,
            kind: 'scheduled',
            at: at(day * DAY + hour * 3_600_000),
          }),
        );
    const list = await app.value('backups.list', {});
    const kept = list.backups.filter((b) => b.kind === 'scheduled').map((b) => b.takenAt);
    // T0 is a Monday: the last day (04-05) is a Sunday, the newest of its week too.
    const newestOf = (day: number) => at(day * DAY + 12 * 3_600_000).toISOString();
    expect(kept).toEqual([
      ...[34, 33, 32, 31, 30, 29, 28].map(newestOf),
      ...[27, 20, 13].map(newestOf),
    ]);
    expect(list.backups.filter((b) => b.kind === 'manual')).toEqual([manual]);
    expect(fs.existsSync(path.join(dir, taken[0]!.fileName))).toBe(false);
    expect(fs.existsSync(path.join(dir, `${taken[0]!.fileName}.json`))).toBe(false);
  });

  it('keeps 14 days on a team server', () => {
    expect(rotationFor(true)).toMatchObject({ daily: 14, weekly: 4, beforeMigration: 3 });
    expect(rotationFor(false)).toMatchObject({ daily: 7, weekly: 4, beforeMigration: 3 });
  });

  it('reports a damaged backup as failed', async () => {
    app = await signedInApp('admin');
    await addAccounts(app, 50, '温州损坏');
    const dir = backupDir(app.dataDir);
    const entry = await takeBackup(app.database.sqlite, { dir, kind: 'scheduled', at: T0 });
    const file = path.join(dir, entry.fileName);
    // Damage a page in the middle of the file, keeping its size.
    const bytes = fs.readFileSync(file);
    const page = 4096;
    bytes.fill(0x5a, page * 2, page * 4);
    fs.writeFileSync(file, bytes);

    expect(verifyBackupFile(file)).toEqual({ verified: 'failed', reason: 'corrupt', schema: null });
    const listed = (await app.value('backups.list', {})).backups;
    expect(listed).toEqual([
      expect.objectContaining({ fileName: entry.fileName, verified: 'failed', reason: 'changed' }),
    ]);

    fs.writeFileSync(path.join(dir, 'keyfleet-20260101-000000.sqlite'), 'not a database');
    expect(verifyBackupFile(path.join(dir, 'keyfleet-20260101-000000.sqlite'))).toMatchObject({
      verified: 'failed',
      reason: 'unreadable',
    });
    // A file with no record (made by hand, or by an older Keyfleet) is listed, unchecked.
    expect(listBackups(dir)).toContainEqual(
      expect.objectContaining({
        fileName: 'keyfleet-20260101-000000.sqlite',
        verified: 'unchecked',
      }),
    );
  });

  it('lists the backup taken before a schema upgrade, apart from the daily ones', async () => {
    // A data file at the first schema version, as an older Keyfleet left it.
    const dataDir = tempDir();
    const older = connect(path.join(dataDir, DB_FILE_NAME));
    await migrateUp(older.db, MIGRATIONS, MIGRATIONS[0]!.name);
    older.sqlite
      .prepare(
        "insert into staff (name, role, created_at) values ('管理员', 'admin', '2026-01-01T00:00:00Z')",
      )
      .run();
    await older.close();

    app = await testApp(dataDir);
    await app.value('auth.pick', { staffId: 1 });
    const dir = backupDir(dataDir);
    for (let day = 0; day < 16; day++)
      await takeBackup(app.database.sqlite, { dir, kind: 'scheduled', at: at(day * DAY) });
    const list = (await app.value('backups.list', {})).backups;
    // Days 15…9, and the newest of the two weeks before (days 6 and 13 are Sundays).
    expect(list.filter((b) => b.kind === 'scheduled')).toHaveLength(ROTATION.daily + 1);
    expect(list.filter((b) => b.kind === 'before_migration')).toEqual([
      expect.objectContaining({
        verified: 'ok',
        schema: MIGRATIONS[0]!.name,
        fileName: expect.stringContaining('-before-'),
      }),
    ]);
  });
});

describe('the daily backup', () => {
  it('takes one at start when there is none, then each time one is due', async () => {
    const dataDir = tempDir();
    let clock = T0;
    const start = () =>
      createApp({
        dataDir,
        mode: 'browser',
        worker: WORKER_FROM_SOURCE,
        backups: { daily: true, now: () => clock, checkMs: 60 * 60_000 },
      });
    const server = await start();
    closeMore = () => server.close();
    await server.backups!.firstCheck;
    const dir = backupDir(dataDir);
    const scheduled = () => listBackups(dir).filter((b) => b.kind === 'scheduled');
    expect(scheduled()).toEqual([
      expect.objectContaining({ takenAt: T0.toISOString(), verified: 'ok' }),
    ]);

    clock = at(DAY - 60_000);
    await server.backups!.check();
    expect(scheduled()).toHaveLength(1);
    clock = at(DAY);
    await server.backups!.check();
    expect(scheduled().map((b) => b.takenAt)).toEqual([at(DAY).toISOString(), T0.toISOString()]);

    expect(strayFiles(dir)).toEqual([]);
  }, 60_000);

  it('at start, takes one only when the last is a day old', async () => {
    const dataDir = tempDir();
    let clock = T0;
    const start = () =>
      createApp({
        dataDir,
        mode: 'browser',
        worker: WORKER_FROM_SOURCE,
        backups: { daily: true, now: () => clock },
      });
    const scheduled = () => listBackups(backupDir(dataDir)).filter((b) => b.kind === 'scheduled');
    let server = await start();
    closeMore = () => server.close();
    await server.backups!.firstCheck;
    expect(scheduled()).toHaveLength(1);
    await server.close();
    clock = at(DAY - 60_000);
    server = await start();
    await server.backups!.firstCheck;
    expect(scheduled()).toHaveLength(1);
    await server.close();
    clock = at(3 * DAY);
    server = await start();
    await server.backups!.firstCheck;
    // The backups taken as the app quit count as that day's (the newest of a day is kept).
    expect(scheduled().map((b) => b.takenAt)).toEqual([
      at(3 * DAY).toISOString(),
      at(DAY - 60_000).toISOString(),
      T0.toISOString(),
    ]);
  }, 60_000);

  it('checks on its own timer', async () => {
    const dataDir = tempDir();
    let clock = T0;
    const server = await createApp({
      dataDir,
      mode: 'browser',
      worker: WORKER_FROM_SOURCE,
      backups: { daily: true, now: () => clock, intervalMs: DAY, checkMs: 20 },
    });
    closeMore = () => server.close();
    await server.backups!.firstCheck;
    clock = at(DAY);
    await vi.waitFor(
      () => {
        expect(listBackups(backupDir(dataDir))).toHaveLength(2);
      },
      { timeout: 50_000, interval: 50 },
    );
  }, 60_000);

  it('is off unless asked for', async () => {
    app = await testApp();
    expect(app.backups).toBeNull();
    expect(fs.existsSync(backupDir(app.dataDir))).toBe(false);
  });
});
