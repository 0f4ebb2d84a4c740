import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { osUserDataDir, resolveDataDir } from '../../electron/app/data-dir';

describe('data folder', () => {
  it('prefers --data-dir, then KEYFLEET_DATA_DIR, then the OS user-data folder', () => {
    expect(resolveDataDir('/tmp/a', { KEYFLEET_DATA_DIR: '/tmp/b' })).toBe(path.resolve('/tmp/a'));
    expect(resolveDataDir(undefined, { KEYFLEET_DATA_DIR: '/tmp/b' })).toBe(path.resolve('/tmp/b'));
    expect(resolveDataDir(undefined, {}, () => '/home/u/.config/Keyfleet')).toBe(
      '/home/u/.config/Keyfleet',
    );
  });

  it('matches Electron userData folders per platform', () => {
    expect(osUserDataDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' })).toContain(
      'Keyfleet',
    );
    expect(osUserDataDir('linux', { XDG_CONFIG_HOME: '/x' })).toBe(path.join('/x', 'Keyfleet'));
    expect(osUserDataDir('darwin', {})).toMatch(/Library\/Application Support\/Keyfleet$/);
  });
});
