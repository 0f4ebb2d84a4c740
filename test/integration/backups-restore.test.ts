/**
 * Restoring: a listed backup from settings, an export-all archive on another computer, and the
 * backups taken on the way (before the restore, before an import commits, when the app quits).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { businessClock, now } from '../../shared/clock';
import { backupDir, listBackups } from '../../electron/backups/records';
import { stageRestore, restorePending } from '../../electron/backups/restore';
import { takeBackup } from '../../electron/backups/take';
import { documentsDir } from '../../electron/documents/store';
import { createApp } from '../../electron/app/create-app';
import { signedInApp, testApp, type TestApp, WORKER_FROM_SOURCE } from '../helpers/app';
import { countIn, tempDir } from '../helpers/db';
import { account } from '../helpers/fixtures';
import { inspect, runImport, stage, workbook } from '../helpers/imports';

let apps: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const a of apps.reverse()) await a.close();
  apps = [];
});
const keep = <T extends { close(): Promise<void> }>(a: T): T => {
  apps.push(a);
  return a;
};
const closeApp = async (a: { close(): Promise<void> }) => {
  apps = apps.filter((x) => x !== a);
  await a.close();
};

async function addAccount(app: TestApp, name: string): Promise<void> {
  await app.value('accounts.create', { account: account({ name }) });
}

/** The same data folder opened again, signed in as its first staff member (the manager). */
async function reopened(dataDir: string): Promise<TestApp> {
  const app = keep(await testApp(dataDir));
  await app.value('auth.pick', { staffId: 1 });
  return app;
}

describe('restoring a backup from settings', () => {
  it('checks it, backs up the current data, swaps as the data reopens and says what it restored', async () => {
    const app = keep(await signedInApp('manager'));
    await addAccount(app, '杭州恢复前有限公司');
    const dir = backupDir(app.dataDir);
    const backup = await takeBackup(app.database.sqlite, {
      dir,
      kind: 'manual',
      at: now(),
    });
    expect(backup.auditHead).toEqual(expect.objectContaining({ id: expect.any(Number) }));
    await addAccount(app, '杭州恢复后有限公司');

    const staged = await app.value('backups.restore', { fileName: backup.fileName });
    expect(staged).toMatchObject({
      source: backup.fileName,
      takenAt: backup.takenAt,
      auditHead: backup.auditHead,
      counts: { accounts: 1 },
      // No host to reopen it here: it applies at the next start.
      reopening: false,
    });
    expect(restorePending(app.dataDir)).toBe(true);
    await closeApp(app);

    const again = await reopened(app.dataDir);
    expect(again.restored).toMatchObject({
      source: backup.fileName,
      auditHead: backup.auditHead,
      counts: { accounts: 1 },
    });
    expect((await again.value('app.info', {})).accountCount).toBe(1);
    // The restored chain is shorter than the heads recorded before the restore: not a cut.
    expect(await again.value('audit.verify', {})).toMatchObject({ ok: true, problem: null });
    const list = await again.value('backups.list', {});
    expect(list.lastRestore).toMatchObject({ source: backup.fileName });
    // The data it replaced is a backup of its own, with both accounts.
    const safety = list.backups.find((b) => b.kind === 'before_restore')!;
    expect(safety).toMatchObject({ verified: 'ok', fileName: list.lastRestore!.safetyBackup });
    expect(countIn(path.join(dir, safety.fileName), 'accounts')).toBe(2);
    expect(restorePending(app.dataDir)).toBe(false);
    expect(fs.readdirSync(app.dataDir).filter((n) => n.startsWith('.'))).toEqual([]);
  }, 60_000);

  it('reopens at once when the host can, and answers first', async () => {
    const dataDir = tempDir();
    let reopened = 0;
    const app = keep(
      await createApp({
        dataDir,
        mode: 'browser',
        worker: WORKER_FROM_SOURCE,
        reopen: () => reopened++,
      }),
    );
    await app.dispatch('auth.setUp', { name: '店长', role: 'manager' });
    const backup = await takeBackup(app.database.sqlite, {
      dir: backupDir(dataDir),
      kind: 'manual',
      at: new Date(),
    });
    const r = await app.dispatch('backups.restore', { fileName: backup.fileName });
    expect(r).toMatchObject({ ok: true, value: { reopening: true } });
    await new Promise((resolve) => setImmediate(resolve));
    expect(reopened).toBe(1);
  });

  it('refuses a name outside the backups, and a damaged backup, changing nothing', async () => {
    const app = keep(await signedInApp('manager'));
    for (const fileName of ['../keyfleet.sqlite', 'keyfleet-20260101-000000.sqlite'])
      expect(await app.call('backups.restore', { fileName })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND', details: { kind: 'backup_gone' } },
      });
    const dir = backupDir(app.dataDir);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'keyfleet-20260101-000000.sqlite'), 'not a database');
    expect(
      await app.call('backups.restore', { fileName: 'keyfleet-20260101-000000.sqlite' }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        details: { kind: 'backup_not_restorable', reason: 'unreadable' },
      },
    });
    expect(restorePending(app.dataDir)).toBe(false);
    expect(fs.readdirSync(app.dataDir).filter((n) => n.startsWith('.restore'))).toEqual([]);
  });
});

describe('export all data', () => {
  it('writes one archive that a restore on another computer accepts, documents and all', async () => {
    const app = keep(await signedInApp('manager'));
    await addAccount(app, '宁波全部导出有限公司');
    const evidence = Buffer.from('授权书扫描件 / authorisation letter');
    const sha = createHash('sha256').update(evidence).digest('hex');
    fs.mkdirSync(documentsDir(app.dataDir), { recursive: true });
    fs.writeFileSync(path.join(documentsDir(app.dataDir), sha), evidence);

    const { jobId } = await app.value('backups.exportAll', {});
    const job = await app.deps.jobs.wait(jobId);
    expect(job.state).toBe('done');
    const archive = app.deps.exportFiles.get(jobId)!.file;
    expect(app.deps.exportFiles.get(jobId)!.fileName).toMatch(/^keyfleet-all-data-.*\.zip$/);

    const zip = await JSZip.loadAsync(fs.readFileSync(archive));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest).toMatchObject({
      format: 'keyfleet-export-1',
      version: '0.1.0',
      schema: expect.stringMatching(/^\d{14}_/),
      auditHead: { id: expect.any(Number), hash: expect.any(String) },
      counts: { accounts: 1 },
    });
    for (const f of manifest.files as { path: string; sha256: string }[]) {
      const bytes = await zip.file(f.path)!.async('nodebuffer');
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256);
    }
    expect(manifest.files.map((f: { path: string }) => f.path).sort()).toEqual([
      'audit.key',
      `documents/${sha}`,
      'keyfleet.sqlite',
    ]);

    // Another computer: a data folder of its own, restored from the archive as it starts.
    const other = tempDir();
    const staged = await stageRestore(other, archive, { clock: businessClock });
    expect(staged).toMatchObject({ counts: { accounts: 1 }, auditHead: manifest.auditHead });
    const there = keep(await testApp(other));
    expect(there.restored).toMatchObject({ documents: 1, safetyBackup: null });
    const signedIn = await reopenedOn(there);
    expect((await signedIn.value('app.info', {})).accountCount).toBe(1);
    // The audit key came along: the keyed chain verifies on the other computer.
    expect(fs.readFileSync(path.join(other, 'audit.key'))).toEqual(
      fs.readFileSync(path.join(app.dataDir, 'audit.key')),
    );
    expect(await signedIn.value('audit.verify', {})).toMatchObject({ ok: true, problem: null });
    expect(fs.readFileSync(path.join(documentsDir(other), sha))).toEqual(evidence);
  }, 60_000);

  it('refuses an archive whose files do not match its manifest', async () => {
    const app = keep(await signedInApp('manager'));
    const { jobId } = await app.value('backups.exportAll', {});
    await app.deps.jobs.wait(jobId);
    const zip = await JSZip.loadAsync(fs.readFileSync(app.deps.exportFiles.get(jobId)!.file));
    zip.file('keyfleet.sqlite', 'swapped');
    const tampered = path.join(tempDir(), 'tampered.zip');
    fs.writeFileSync(tampered, await zip.generateAsync({ type: 'nodebuffer' }));
    const other = tempDir();
    await expect(stageRestore(other, tampered, { clock: businessClock })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { kind: 'backup_not_restorable', reason: 'changed' },
    });
    expect(restorePending(other)).toBe(false);
    expect(fs.readdirSync(other)).toEqual([]);
  });
});

async function reopenedOn(app: TestApp): Promise<TestApp> {
  await app.value('auth.pick', { staffId: 1 });
  return app;
}

describe('backups taken on the way', () => {
  it('before an import commits (not for a dry run)', async () => {
    const app = keep(await signedInApp('manager'));
    const file = await workbook([
      ['客户名称', '客户类型'],
      ['导入前备份有限公司', '直销'],
    ]);
    const inspection = await inspect(app, file);
    const sheet = inspection.sheets[0]!;
    const before = () =>
      listBackups(backupDir(app.dataDir)).filter((b) => b.kind === 'before_import');
    await runImport(app, (await stage(app, file)).fileId, sheet, 'dryRun');
    expect(before()).toEqual([]);
    await runImport(app, (await stage(app, file)).fileId, sheet, 'commit');
    expect(before()).toEqual([
      expect.objectContaining({
        verified: 'ok',
        fileName: expect.stringContaining('-before-import'),
      }),
    ]);
    // The copy is the data before the import.
    expect(countIn(path.join(backupDir(app.dataDir), before()[0]!.fileName), 'accounts')).toBe(0);
  }, 60_000);

  it('when the app quits, with the daily schedule on', async () => {
    const dataDir = tempDir();
    const app = await createApp({
      dataDir,
      mode: 'browser',
      worker: WORKER_FROM_SOURCE,
      backups: { daily: true },
    });
    await app.backups!.firstCheck;
    await app.dispatch('auth.setUp', { name: '店长', role: 'manager' });
    await app.close();
    const scheduled = listBackups(backupDir(dataDir));
    // The one at start and the one at quit share a day: the newest (with the manager) is kept.
    expect(scheduled).toHaveLength(1);
    expect(countIn(path.join(backupDir(dataDir), scheduled[0]!.fileName), 'staff')).toBe(1);
  }, 60_000);
});
