/**
 * kill -9 during a backup and during a restore: whatever the moment, the data folder opens with
 * the old or the new data, and no file under a backup's name is partial. The child says each step
 * it reaches (test/helpers/kill-child.ts); each trial kills it at another one, or a little after
 * the swap began (the restore's steps are few and fast).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDir, isBackupName } from '../../electron/backups/records';
import { restorePending } from '../../electron/backups/restore';
import { inspectBackupFile, takeBackup } from '../../electron/backups/take';
import { signedInApp, testApp, type TestApp } from '../helpers/app';
import { account } from '../helpers/fixtures';

const CHILD = path.resolve(__dirname, '../helpers/kill-child.ts');

function start(args: string[]): {
  child: ChildProcess;
  lines: string[];
  waitFor: (line: string, n: number) => Promise<void>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let waiters: (() => void)[] = [];
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    lines.push(...parts);
    for (const w of waiters) w();
  });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const waitFor = (line: string, n: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (lines.filter((l) => l === line).length >= n) {
          waiters = waiters.filter((w) => w !== check);
          resolve();
        }
      };
      waiters.push(check);
      child.on('exit', (code) =>
        reject(new Error(`child exited (${code}) before "${line}" #${n}: ${err}`)),
      );
      check();
    });
  return { child, lines, waitFor };
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** Every file in the backups folder under a backup's name opens whole. */
function expectNoPartialBackup(dataDir: string): void {
  const dir = backupDir(dataDir);
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir).filter(isBackupName))
    expect([name, inspectBackupFile(path.join(dir, name)).verified]).toEqual([name, 'ok']);
}

async function accountsIn(dataDir: string): Promise<number> {
  const app = await testApp(dataDir);
  try {
    return (await app.value('app.info', {})).accountCount;
  } finally {
    await app.close();
  }
}

async function filled(n: number, prefix: string): Promise<TestApp> {
  const app = await signedInApp('manager');
  for (let i = 0; i < n; i++)
    await app.value('accounts.create', { account: account({ name: `${prefix}${i}有限公司` }) });
  return app;
}

describe('kill -9', () => {
  it('during a backup: the data opens, and no backup name holds a partial file', async () => {
    const app = await filled(150, '杀备份');
    const dataDir = app.dataDir;
    await app.close();
    // Killed at the 1st, 5th, 12th… copy step, and just after a backup got its name.
    const trials: [string, number][] = [
      ['step', 1],
      ['step', 8],
      ['step', 20],
      ['taken', 1],
      ['step', 45],
      ['taken', 2],
    ];
    for (const [line, n] of trials) {
      const { child, waitFor } = start(['backup', dataDir]);
      await waitFor(line, n);
      await kill(child);
      expectNoPartialBackup(dataDir);
      // The folder opens (interrupted leftovers swept), with all its data.
      expect(await accountsIn(dataDir)).toBe(150);
      expect(fs.readdirSync(backupDir(dataDir)).filter((f) => f.startsWith('.'))).toEqual([]);
      expectNoPartialBackup(dataDir);
    }
  }, 180_000);

  it('during a restore: the data opens with the old or the new data, never a mix', async () => {
    const app = await filled(40, '杀恢复');
    const dataDir = app.dataDir;
    const backup = await takeBackup(app.database.sqlite, {
      dir: path.join(dataDir, 'saved'),
      kind: 'manual',
      at: new Date(),
    });
    const source = path.join(dataDir, 'saved', backup.fileName);
    for (let i = 0; i < 20; i++)
      await app.value('accounts.create', { account: account({ name: `杀恢复后${i}有限公司` }) });
    await app.close();
    // The newer data (60 accounts), closed cleanly: each trial starts from it.
    const newer = path.join(dataDir, 'saved', 'newer.sqlite');
    fs.copyFileSync(path.join(dataDir, 'keyfleet.sqlite'), newer);
    const outcomes = new Set<string>();
    // Killed as the staging ends, then a little later each time, into and past the swap.
    // The last trial kills it once it says the swap is done.
    for (const delayMs of [0, 10, 50, 150, 300, 600, 'applied'] as const) {
      const { child, waitFor } = start(['restore', dataDir, source]);
      await waitFor('staged', 1);
      if (delayMs === 'applied') await waitFor('applied', 1);
      else if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      await kill(child);
      const pending = restorePending(dataDir);
      expectNoPartialBackup(dataDir);
      // Opening applies a restore that was staged: afterwards the data is the backup's.
      const count = await accountsIn(dataDir);
      expect([40, 60]).toContain(count);
      if (pending) expect(count).toBe(40);
      outcomes.add(pending ? 'pending' : 'done');
      expect(restorePending(dataDir)).toBe(false);
      expectNoPartialBackup(dataDir);
      // Back to the newer data for the next trial.
      fs.copyFileSync(newer, path.join(dataDir, 'keyfleet.sqlite'));
    }
    // Kills landed both before the swap (applied at the next opening) and after it.
    expect([...outcomes].sort()).toEqual(['done', 'pending']);
  }, 180_000);
});
