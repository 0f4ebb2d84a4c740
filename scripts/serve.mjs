// `npm run serve -- --port P --data-dir D [--demo]`: browser mode (the real backend over loopback HTTP).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, root } from './build-if-needed.mjs';

export function serve(args) {
  ensureBuilt();
  const child = spawn(process.execPath, [path.join(root, 'out/main/serve.js'), ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) serve(process.argv.slice(2));
