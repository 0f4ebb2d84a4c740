// better-sqlite3 is a native addon: Node (tests, browser mode) and Electron need separate builds.
// The Node build stays in node_modules; the Electron build is made once per Electron version in
// .native/, from a copy of the package, and handed to the app through KEYFLEET_SQLITE_BINDING.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { root } from './build-if-needed.mjs';

const require = createRequire(import.meta.url);

export function electronBinding() {
  const electronVersion = require('electron/package.json').version;
  const dir = path.join(root, '.native', `electron-${electronVersion}`, 'better-sqlite3');
  const binding = path.join(dir, 'build', 'Release', 'better_sqlite3.node');
  if (fs.existsSync(binding)) return binding;

  process.stderr.write(
    `Keyfleet: building better-sqlite3 for Electron ${electronVersion} (once, about 2 minutes)…\n`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), dir, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}build${path.sep}`),
  });
  const result = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electronVersion}`,
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: dir, stdio: 'inherit' },
  );
  if (result.status !== 0 || !fs.existsSync(binding))
    throw new Error('could not build better-sqlite3 for Electron (see above)');
  return binding;
}
