// `npm start`: build if needed, then the Electron app; where no Electron runtime is installed
// (it is downloaded on first install, which some networks block), browser mode instead.
import { spawn } from 'node:child_process';
import { ensureBuilt, root } from './build-if-needed.mjs';
import { electronBinding } from './electron-native.mjs';
import { installedElectron } from './electron-path.mjs';
import { serve } from './serve.mjs';

const args = process.argv.slice(2);
const electron = installedElectron();
/** The Electron build of better-sqlite3, or null (with the reason printed) if it cannot be made here. */
function tryElectronBinding() {
  try {
    return electronBinding();
  } catch (error) {
    process.stderr.write(`Keyfleet: ${error instanceof Error ? error.message : String(error)}\n`);
    return null;
  }
}

if (electron) ensureBuilt();
const binding = electron ? tryElectronBinding() : null;
if (!electron || !binding) {
  process.stderr.write(
    `Keyfleet: ${electron ? 'the database module could not be built for Electron' : 'no Electron runtime is installed here'}, so it runs in browser mode — open the URL below in Chrome or Edge.\n`,
  );
  serve(args);
} else {
  const child = spawn(electron, ['.', ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, KEYFLEET_SQLITE_BINDING: binding },
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}
