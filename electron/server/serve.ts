/**
 * `npm run serve -- --port P --data-dir D [--demo]`: browser mode, the real backend and the real
 * renderer over loopback HTTP for one person; prints one line with the URL and its per-launch
 * token.
 * `npm run serve -- --team --host ADDR --port P --data-dir D [--tls-cert F --tls-key F] [--demo]`:
 * the team server — HTTPS on the LAN, sign-in with passwords; prints the lines scripts read:
 *   Keyfleet team server: https://HOST:PORT/
 *   Keyfleet certificate SHA-256: AA:BB:…
 *   Keyfleet admin: login admin, password …   (only when it made one)
 * `--restore FILE` (either mode): check FILE (a backup, or an export-all archive), back up the
 * current data, swap it in before the database opens, and print what was restored.
 * Both modes take a verified backup every day and when stopped; a restore chosen in settings
 * reopens the data in place (the HTTP server stays, everyone signs in again).
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pkg from '../../package.json';
import { businessClock, startClockAt } from '../../shared/clock';
import { ensureAdmin } from '../auth/admin';
import { createApp, loadDemoIfEmpty, type App } from '../app/create-app';
import { resolveDataDir } from '../app/data-dir';
import { StartupError } from '../db/open';
import { stageRestore } from '../backups/restore';
import { FileShelf } from '../transport/file-shelf';
import type { Caller } from '../session/session';
import type http from 'node:http';
import {
  type ApiRequestEntry,
  createHttpServer,
  listenLoopback,
  listenOn,
} from '../transport/http';
import { openRequestLog, requestLogDir } from './request-log';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** The names and addresses a team server answers to: the one given, or all of this machine's. */
function serverHosts(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [...new Set([host, os.hostname()])];
  const addresses = Object.values(os.networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
  return [...new Set([...addresses, os.hostname(), 'localhost', '127.0.0.1'])];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5174' },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
      'demo-accounts': { type: 'string', default: '2000' },
      // Starts the business clock at this instant (tests, demos, training): "today" is then that day.
      clock: { type: 'string' },
      team: { type: 'boolean', default: false },
      host: { type: 'string', default: '127.0.0.1' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      restore: { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535, not ${values.port}`);
  const team = values.team;
  if (!team && !LOOPBACK.has(values.host))
    throw new Error(
      `--host ${values.host} would open one person's data to the network: add --team (sign-in with passwords, TLS)`,
    );
  if (!team && (values['tls-cert'] || values['tls-key']))
    throw new Error('--tls-cert and --tls-key are for a team server (--team)');
  if (!values['tls-cert'] !== !values['tls-key'])
    throw new Error('give both --tls-cert and --tls-key, or neither (a self-signed one is made)');
  if (values.clock) startClockAt(values.clock);
  const dataDir = resolveDataDir(values['data-dir']);
  const log = (m: string) => process.stderr.write(`${m}\n`);

  const nativeBinding = process.env.KEYFLEET_SQLITE_BINDING;
  if (values.restore) {
    const staged = await stageRestore(dataDir, path.resolve(values.restore), {
      clock: businessClock,
      nativeBinding,
    });
    log(`restoring ${staged.source}: checked, applied as the data opens`);
  }
  // Kept across reopenings: a download offered before a restore stays fetchable.
  const files = new FileShelf();
  const open = (): Promise<App> =>
    createApp({
      dataDir,
      mode: team ? 'team' : 'browser',
      // A verified online backup every day and when stopped (a team server keeps 14 days).
      backups: { daily: true },
      version: pkg.version,
      worker: { file: path.join(__dirname, 'worker.js') },
      nativeBinding,
      files,
      log,
      reopen: () => void reopen(),
    });
  let app = await open();
  if (app.restored) process.stdout.write(`Keyfleet restored: ${restoredLine(app)}\n`);
  // A restore chosen in settings: close everything on the data, and open it again (the swap).
  let reopening: Promise<void> | null = null;
  const reopen = (): Promise<void> =>
    (reopening ??= (async () => {
      try {
        await app.close();
        app = await open();
        if (team) await ensureAdmin(app.deps.db, app.deps.clock, undefined);
        log(`Keyfleet restored: ${restoredLine(app)}`);
      } catch (error) {
        log(`Keyfleet could not reopen its data: ${String(error)}`);
        process.exit(1);
      } finally {
        reopening = null;
      }
    })());
  const current: App = new Proxy({} as App, {
    get: (_target, key: keyof App) => app[key],
  });

  if (values.demo) {
    const loaded = await loadDemoIfEmpty(current, Number(values['demo-accounts']));
    if (loaded) log(`demo data loaded: ${loaded}`);
  }

  // One line per API request (method, user id, status, ms), rotated; never inputs or names.
  const requestLog = openRequestLog({
    dir: requestLogDir(dataDir),
    userOf: (caller) => app.deps.sessions.resolve(caller).user?.id ?? null,
  });
  const stop = (server: { close(): void }) => () => {
    server.close();
    requestLog.close();
    void (reopening ?? Promise.resolve()).then(() => app.close()).then(() => process.exit(0));
  };
  // Each request goes to the app open at that moment (a restore replaces it).
  const routes = {
    files,
    upload: (body: http.IncomingMessage, fileName: string, caller: Caller) =>
      app.upload(body, fileName, caller),
    dispatch: (method: string, input: unknown, caller?: Caller) =>
      app.dispatch(method, input, caller),
    events: (req: http.IncomingMessage, res: http.ServerResponse, caller: Caller) =>
      app.events(req, res, caller),
  };
  const staticDir = path.join(__dirname, '../renderer');

  if (!team) {
    const token = randomBytes(24).toString('base64url');
    const server = createHttpServer({
      ...routes,
      onRequest: (entry) => requestLog.record(entry),
      token,
      staticDir,
    });
    const actualPort = await listenLoopback(server, port);
    process.stdout.write(`Keyfleet: http://127.0.0.1:${actualPort}/?token=${token}\n`);
    process.on('SIGINT', stop(server));
    process.on('SIGTERM', stop(server));
    return;
  }
  await serveTeam(current, routes, {
    host: values.host,
    port,
    dataDir,
    staticDir,
    given:
      values['tls-cert'] && values['tls-key']
        ? { certFile: values['tls-cert'], keyFile: values['tls-key'] }
        : undefined,
    stop,
    onRequest: (entry) => requestLog.record(entry),
  });
}

async function serveTeam(
  app: App,
  routes: Pick<Parameters<typeof createHttpServer>[0], 'files' | 'upload' | 'events' | 'dispatch'>,
  o: {
    host: string;
    port: number;
    dataDir: string;
    staticDir: string;
    given: { certFile: string; keyFile: string } | undefined;
    stop: (server: { close(): void }) => () => void;
    onRequest: (entry: ApiRequestEntry) => void;
  },
): Promise<void> {
  const hosts = serverHosts(o.host);
  // Loaded here: the certificate libraries (~MBs of ASN.1 schemas) are a team server's alone.
  const { tlsMaterial } = await import('./tls');
  const tls = await tlsMaterial(o.dataDir, hosts, o.given);
  const admin = await ensureAdmin(
    app.deps.db,
    app.deps.clock,
    process.env.KEYFLEET_ADMIN_PASSWORD || undefined,
  );
  const server = createHttpServer({
    ...routes,
    staticDir: o.staticDir,
    team: { tls, hosts, userOf: (token) => app.deps.team!.get(token)?.user?.id ?? null },
  });
  const actualPort = await listenOn(server, o.host, o.port);
  const shown = o.host === '0.0.0.0' || o.host === '::' ? hosts[0]! : o.host;
  const shownHost = shown.includes(':') ? `[${shown}]` : shown;
  process.stdout.write(`Keyfleet team server: https://${shownHost}:${actualPort}/\n`);
  process.stdout.write(`Keyfleet certificate SHA-256: ${tls.fingerprint}\n`);
  if (admin.created && admin.password)
    process.stdout.write(`Keyfleet admin: login admin, password ${admin.password}\n`);
  process.on('SIGINT', o.stop(server));
  process.on('SIGTERM', o.stop(server));
}

/** "what was restored": the source, when it was taken, the audit head and the main counts. */
function restoredLine(app: App): string {
  const r = app.restored;
  if (!r) return 'nothing (no restore was staged)';
  const counts = Object.entries(r.counts)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  return `${r.source}, taken ${r.takenAt ?? 'at an unknown time'}, audit head #${r.auditHead?.id ?? '-'} ${r.auditHead?.hash.slice(0, 12) ?? ''}, ${counts}; ${r.documents} documents; the replaced data is in backups/${r.safetyBackup ?? '(none)'}`;
}

main().catch((error: unknown) => {
  const message =
    error instanceof StartupError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`Keyfleet could not start: ${message}\n`);
  process.exit(1);
});
