// Builds the app (electron-vite) when out/ is missing or older than any source file.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = [
  'electron',
  'renderer',
  'shared',
  'migrations',
  'package.json',
  'electron.vite.config.ts',
];
const STAMP = path.join(root, 'out', '.build-stamp');
const OUTPUTS = [
  'out/main/index.js',
  'out/main/serve.js',
  'out/main/worker.js',
  'out/preload/index.js',
  'out/renderer/index.html',
];

function newestMtime(p) {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p))
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

export function ensureBuilt() {
  const built = fs.existsSync(STAMP) && OUTPUTS.every((o) => fs.existsSync(path.join(root, o)));
  const stale =
    !built ||
    SOURCES.some(
      (s) =>
        fs.existsSync(path.join(root, s)) &&
        newestMtime(path.join(root, s)) > fs.statSync(STAMP).mtimeMs,
    );
  if (!stale) return;
  process.stderr.write('Keyfleet: building the app…\n');
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (result.status !== 0) {
    process.stderr.write('Keyfleet: the build failed (see above).\n');
    process.exit(result.status ?? 1);
  }
  fs.writeFileSync(STAMP, new Date().toISOString());
}
