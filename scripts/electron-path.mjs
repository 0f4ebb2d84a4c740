// Finds the installed Electron binary without requiring the `electron` package, whose require
// tries to download a missing binary (slow or impossible on a closed network).
import fs from 'node:fs';
import path from 'node:path';
import { root } from './build-if-needed.mjs';

export function installedElectron() {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const relative = fs.readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkg, 'dist');
  const binary = path.join(dist, relative);
  return fs.existsSync(binary) ? binary : null;
}
