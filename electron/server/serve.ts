/**
 * Browser mode: `npm run serve -- --port P --data-dir D [--demo]`. The real backend and the real
 * renderer over loopback HTTP; prints one line with the URL (and its per-launch token).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pkg from '../../package.json';
import { startClockAt } from '../../shared/clock';
import { createApp, loadDemoIfEmpty } from '../app/create-app';
import { resolveDataDir } from '../app/data-dir';
import { StartupError } from '../db/open';
import { createHttpServer, listenLoopback } from '../transport/http';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5174' },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
      'demo-accounts': { type: 'string', default: '2000' },
      // Starts the business clock at this instant (tests, demos, training): "today" is then that day.
      clock: { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535, not ${values.port}`);
  if (values.clock) startClockAt(values.clock);
  const dataDir = resolveDataDir(values['data-dir']);
  const log = (m: string) => process.stderr.write(`${m}\n`);

  const app = await createApp({
    dataDir,
    mode: 'browser',
    version: pkg.version,
    worker: { file: path.join(__dirname, 'worker.js') },
    nativeBinding: process.env.KEYFLEET_SQLITE_BINDING,
    log,
  });

  if (values.demo) {
    const loaded = await loadDemoIfEmpty(app, Number(values['demo-accounts']));
    if (loaded) log(`demo data loaded: ${loaded}`);
  }

  const token = randomBytes(24).toString('base64url');
  const server = createHttpServer({
    files: app.files,
    upload: app.upload,
    events: app.events,
    dispatch: app.dispatch,
    token,
    staticDir: path.join(__dirname, '../renderer'),
  });
  const actualPort = await listenLoopback(server, port);
  process.stdout.write(`Keyfleet: http://127.0.0.1:${actualPort}/?token=${token}\n`);

  const stop = () => {
    server.close();
    void app.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message =
    error instanceof StartupError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`Keyfleet could not start: ${message}\n`);
  process.exit(1);
});
