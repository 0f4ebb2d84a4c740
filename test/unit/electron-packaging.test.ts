/**
 * The installers' configuration, read and validated by electron-builder itself (no installer can
 * be built here: that needs the Electron binary). What must hold for every release: the fuses,
 * a per-user Windows install in Chinese and English, the app inside an asar with the native
 * database module beside it, and `npm run dist`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

async function builderConfig(): Promise<Configuration> {
  const config = await getConfig(root, null, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('the installers', () => {
  it('flip the Electron fuses that keep the app from being run as a plain Node', async () => {
    const { electronFuses } = await builderConfig();
    expect(electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('install per user on Windows, in Chinese and English, and as a dmg on macOS', async () => {
    const config = await builderConfig();
    expect(config.appId).toBe('com.keyfleet.app');
    expect(config.productName).toBe('Keyfleet');
    expect(config.win?.target).toEqual([expect.objectContaining({ target: 'nsis' })]);
    expect(config.nsis).toMatchObject({
      perMachine: false,
      selectPerMachineByDefault: false,
      multiLanguageInstaller: true,
      shortcutName: 'Keyfleet 大客户',
    });
    expect(config.nsis?.installerLanguages).toEqual(['zh_CN', 'en_US']);
    expect(config.mac?.target).toEqual([expect.objectContaining({ target: 'dmg' })]);
  });

  it('pack the built app in an asar with better-sqlite3 unpacked beside it', async () => {
    const config = await builderConfig();
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).not.toBe(false);
    // electron-builder's loader turns the list into one filter.
    expect(config.files).toEqual([
      { filter: expect.arrayContaining(['out/**/*', '!out/**/*.map', 'package.json']) },
    ]);
    expect(config.directories?.output).toBe('dist');
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      main: string;
      dependencies: Record<string, string>;
      scripts: Record<string, string>;
    };
    expect(pkg.main.startsWith('out/')).toBe(true);
    expect(pkg.dependencies['better-sqlite3']).toBeDefined();
    expect(pkg.scripts.dist).toBe('electron-vite build && electron-builder');
  });

  it('are checked against electron-builder’s schema, which refuses a misspelt option', async () => {
    const config = await builderConfig();
    const misspelt = {
      ...config,
      electronFuses: { ...config.electronFuses, runAsNod: true },
    } as Configuration;
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(
      /electronFuses/,
    );
  });
});
