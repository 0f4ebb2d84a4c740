/**
 * Electron smoke test: the built app in a real Electron window. Runs wherever an Electron binary
 * is installed; elsewhere it says `skipped: no Electron runtime` and is reported as skipped.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const root = path.resolve(__dirname, '../..');
test('the Electron app opens a hardened window on the account registry', async () => {
  const { installedElectron } = (await import(path.join(root, 'scripts/electron-path.mjs'))) as {
    installedElectron(): string | null;
  };
  const binary = installedElectron();
  if (!binary) console.log('skipped: no Electron runtime');
  test.skip(!binary, 'skipped: no Electron runtime (binary unavailable here)');

  const { electronBinding } = (await import(path.join(root, 'scripts/electron-native.mjs'))) as {
    electronBinding(): string;
  };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyfleet-electron-'));
  const app = await electron.launch({
    executablePath: binary!,
    args: [root, '--data-dir', dataDir],
    cwd: root,
    env: { ...process.env, KEYFLEET_SQLITE_BINDING: electronBinding() },
  });
  try {
    const win = await app.firstWindow();
    await expect(win.getByText('Keyfleet').first()).toBeVisible();
    // The built app is served from its own app:// origin, never file://.
    expect(win.url()).toMatch(/^app:\/\/keyfleet\/index\.html/);
    // The page sees the bridge and nothing of Node.
    expect(
      await win.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require),
    ).toBe('undefined');
    expect(
      await win.evaluate(() =>
        Object.isFrozen((globalThis as unknown as { keyfleet: object }).keyfleet),
      ),
    ).toBe(true);
    const info = await win.evaluate(() =>
      (
        globalThis as unknown as { keyfleet: { invoke(m: string, i: unknown): Promise<unknown> } }
      ).keyfleet.invoke('app.info', {}),
    );
    expect(info).toMatchObject({ ok: true, value: { mode: 'electron' } });
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
