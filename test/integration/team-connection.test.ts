/**
 * The Electron client against real local servers: the probe reads the certificate a team server
 * presents, and the connection controller (with a fake Electron shell) pins it, reopens it, and
 * refuses it once it changes.
 */
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readChoice } from '../../electron/connection/choice-store';
import { type ConnectionShell, ConnectionController } from '../../electron/connection/controller';
import { certificateFingerprint } from '../../electron/connection/fingerprint';
import { probeServer } from '../../electron/connection/probe';
import { fingerprintOf, tlsMaterial } from '../../electron/server/tls';
import { AppError, type Result } from '../../shared/result';
import type { ConnectionStatus, ProbedServer, TeamChoice } from '../../shared/schemas/connection';
import { tempDir } from '../helpers/db';

const servers: net.Server[] = [];
const sockets = new Set<net.Socket>();

afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  await Promise.all(
    servers.splice(0).map((s) => new Promise((resolve) => s.close(() => resolve(null)))),
  );
});

async function listen(server: net.Server, port = 0): Promise<number> {
  servers.push(server);
  server.on('connection', (socket: net.Socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A stand-in team server: its own certificate and Keyfleet's answer to GET /api. */
async function keyfleetServer(
  port = 0,
  answer: { status: number; body: unknown } = {
    status: 200,
    body: { ok: true, value: [{ name: 'app.info' }, { name: 'auth.signIn' }] },
  },
): Promise<{ port: number; fingerprint: string; server: https.Server }> {
  const material = await tlsMaterial(tempDir('keyfleet-tls-'), ['127.0.0.1', 'localhost']);
  const server = https.createServer({ cert: material.cert, key: material.key }, (req, res) => {
    req.resume();
    if (req.url === '/api') {
      res.writeHead(answer.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    } else res.writeHead(404).end();
  });
  return { port: await listen(server, port), fingerprint: material.fingerprint, server };
}

async function kindOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error instanceof AppError ? (error.details as { kind: string }).kind : error;
  }
  return 'none';
}

describe('probing a team server', () => {
  it("returns the certificate's SHA-256 as the server prints it, and the normalised address", async () => {
    const { port, fingerprint } = await keyfleetServer();
    const seen = await probeServer(`127.0.0.1:${port}/`);
    expect(seen).toEqual({ url: `https://127.0.0.1:${port}`, fingerprint });
    expect(seen.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('accepts a signed-out refusal from a Keyfleet server', async () => {
    const { port, fingerprint } = await keyfleetServer(0, {
      status: 401,
      body: { ok: false, error: { code: 'FORBIDDEN', message: 'sign in first' } },
    });
    expect(await probeServer(`https://localhost:${port}`)).toEqual({
      url: `https://localhost:${port}`,
      fingerprint,
    });
  });

  it('tells apart nothing listening, no TLS and a server that is not Keyfleet', async () => {
    const free = await listen(net.createServer());
    await new Promise((resolve) => servers.pop()!.close(resolve));
    expect(await kindOf(probeServer(`https://127.0.0.1:${free}`))).toBe('unreachable');

    const plain = await listen(http.createServer((_, res) => res.end('hello')));
    expect(await kindOf(probeServer(`https://127.0.0.1:${plain}`))).toBe('no_tls');

    const other = await keyfleetServer(0, { status: 200, body: { status: 'ok' } });
    expect(await kindOf(probeServer(`https://127.0.0.1:${other.port}`))).toBe('not_keyfleet');

    const silent = await listen(net.createServer(() => undefined));
    expect(await kindOf(probeServer(`https://127.0.0.1:${silent}`, { timeoutMs: 300 }))).toBe(
      'unreachable',
    );

    expect(await kindOf(probeServer(`http://127.0.0.1:${plain}`))).toBe('not_https');
    expect(await kindOf(probeServer(`https://127.0.0.1:${plain}/admin`))).toBe('bad_url');
  });

  it('computes the same fingerprint from a PEM as the server does', async () => {
    const material = await tlsMaterial(tempDir('keyfleet-tls-'), ['127.0.0.1']);
    expect(certificateFingerprint(material.cert)).toBe(fingerprintOf(material.cert));
  });
});

/** The Electron side, faked: records what the window was asked to show. */
function fakeShell() {
  const shown: string[] = [];
  let backendOpen = false;
  const shell: ConnectionShell = {
    openSolo: async () => {
      backendOpen = true;
      shown.push('solo');
    },
    closeSolo: async () => {
      backendOpen = false;
    },
    openTeam: async (choice: TeamChoice) => void shown.push(`team ${choice.url}`),
    showConnectionScreen: async () => void shown.push('screen'),
    relaunch: () => void shown.push('relaunch'),
  };
  return { shell, shown, backendOpen: () => backendOpen };
}

function controllerFor(userDataDir: string, shell: ConnectionShell, fixedDataDir = false) {
  const fatal: unknown[] = [];
  const controller = new ConnectionController({
    userDataDir,
    fixedDataDir,
    shell,
    onFatal: (e) => fatal.push(e),
    probe: (url: string): Promise<ProbedServer> => probeServer(url, { timeoutMs: 2_000 }),
  });
  return { controller, fatal };
}

async function status(controller: ConnectionController): Promise<ConnectionStatus> {
  const r = (await controller.handle('get', undefined)) as Result<ConnectionStatus>;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('the connection controller', () => {
  it('first run: asks; a probed server is pinned, stored and opened', async () => {
    const server = await keyfleetServer();
    const dir = tempDir('keyfleet-userdata-');
    const { shell, shown } = fakeShell();
    const { controller, fatal } = controllerFor(dir, shell);

    await controller.start();
    expect(shown).toEqual(['screen']);
    expect(await status(controller)).toEqual({
      state: 'choose',
      reason: 'first_run',
      current: null,
    });

    const url = `https://127.0.0.1:${server.port}`;
    // Pinning a fingerprint nobody looked at is refused.
    expect(
      await controller.handle('choose', { mode: 'team', url, fingerprint: server.fingerprint }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { kind: 'not_probed' } } });
    expect(await controller.handle('probe', { url: `${url}/` })).toEqual({
      ok: true,
      value: { url, fingerprint: server.fingerprint },
    });
    const other = server.fingerprint.replace(
      /^../,
      server.fingerprint.startsWith('00') ? '11' : '00',
    );
    expect(
      await controller.handle('choose', { mode: 'team', url, fingerprint: other }),
    ).toMatchObject({ ok: false, error: { details: { kind: 'not_probed' } } });
    expect(
      await controller.handle('choose', { mode: 'team', url, fingerprint: server.fingerprint }),
    ).toEqual({ ok: true, value: null });
    await controller.settled();

    expect(shown).toEqual(['screen', `team ${url}`]);
    expect(controller.teamOrigin()).toBe(url);
    const stored = readChoice(dir);
    expect(stored).toMatchObject({
      kind: 'chosen',
      choice: { mode: 'team', url, fingerprint: server.fingerprint },
    });
    // What Chromium then verifies: the pinned certificate passes, nothing else for that host.
    expect(controller.verifyCertificate('127.0.0.1', server.fingerprint)).toBe(0);
    expect(controller.verifyCertificate('elsewhere.example', other)).toBe(-3);
    expect(fatal).toEqual([]);
  });

  it('certificate pinning refusal: a changed certificate is not loaded, and re-pinning is deliberate', async () => {
    const first = await keyfleetServer();
    const url = `https://127.0.0.1:${first.port}`;
    const dir = tempDir('keyfleet-userdata-');
    {
      const { shell } = fakeShell();
      const { controller } = controllerFor(dir, shell);
      await controller.start();
      await controller.handle('probe', { url });
      await controller.handle('choose', { mode: 'team', url, fingerprint: first.fingerprint });
      await controller.settled();
    }
    const pinnedAt = (readChoice(dir) as { choice: TeamChoice }).choice.pinnedAt;

    // The next start finds the same address presenting another certificate.
    await new Promise((resolve) => first.server.close(resolve));
    const impostor = await keyfleetServer(first.port);
    expect(impostor.fingerprint).not.toBe(first.fingerprint);
    const { shell, shown } = fakeShell();
    const { controller, fatal } = controllerFor(dir, shell);
    await controller.start();
    expect(shown).toEqual(['screen']);
    expect(await status(controller)).toEqual({
      state: 'certificate_changed',
      url,
      pinned: first.fingerprint,
      seen: impostor.fingerprint,
      pinnedAt,
    });
    expect(controller.teamOrigin()).toBeNull();
    // Should anything still ask Chromium to load it, the pin refuses it.
    expect(controller.verifyCertificate('127.0.0.1', impostor.fingerprint)).toBe(-2);
    expect(readChoice(dir)).toMatchObject({ choice: { fingerprint: first.fingerprint } });

    // The user compared the new fingerprint with the administrator's and trusts it.
    await controller.handle('probe', { url });
    await controller.handle('choose', { mode: 'team', url, fingerprint: impostor.fingerprint });
    await controller.settled();
    expect(readChoice(dir)).toMatchObject({ choice: { fingerprint: impostor.fingerprint } });
    // Chromium cached its verdict on that certificate this run: the new pin needs a fresh run.
    expect(shown).toEqual(['screen', 'relaunch']);
    expect(fatal).toEqual([]);
  });

  it('a certificate that changes while the server is open is refused and the warning shown', async () => {
    const server = await keyfleetServer();
    const url = `https://127.0.0.1:${server.port}`;
    const dir = tempDir('keyfleet-userdata-');
    const { shell, shown } = fakeShell();
    const { controller } = controllerFor(dir, shell);
    await controller.start();
    await controller.handle('probe', { url });
    await controller.handle('choose', { mode: 'team', url, fingerprint: server.fingerprint });
    await controller.settled();

    const seen = server.fingerprint.replace(/..$/, server.fingerprint.endsWith('00') ? '11' : '00');
    expect(controller.verifyCertificate('127.0.0.1', seen)).toBe(-2);
    await controller.settled();
    expect(shown).toEqual(['screen', `team ${url}`, 'screen']);
    expect(await status(controller)).toMatchObject({
      state: 'certificate_changed',
      pinned: server.fingerprint,
      seen,
    });
    expect(controller.teamOrigin()).toBeNull();
  });

  it('an unreachable server is reported, retried, and left for this computer', async () => {
    const server = await keyfleetServer();
    const url = `https://127.0.0.1:${server.port}`;
    const dir = tempDir('keyfleet-userdata-');
    {
      const { shell } = fakeShell();
      const { controller } = controllerFor(dir, shell);
      await controller.start();
      await controller.handle('probe', { url });
      await controller.handle('choose', { mode: 'team', url, fingerprint: server.fingerprint });
      await controller.settled();
    }
    await new Promise((resolve) => server.server.close(resolve));
    const { shell, shown, backendOpen } = fakeShell();
    const { controller } = controllerFor(dir, shell);
    await controller.start();
    expect(await status(controller)).toEqual({ state: 'unreachable', url, problem: 'unreachable' });

    const back = await keyfleetServer(server.port);
    expect(back.fingerprint).not.toBe(server.fingerprint);
    await controller.handle('resume', undefined);
    await controller.settled();
    expect((await status(controller)).state).toBe('certificate_changed');

    expect(await controller.handle('choose', { mode: 'solo' })).toEqual({ ok: true, value: null });
    await controller.settled();
    expect(shown).toEqual(['screen', 'screen', 'solo']);
    expect(backendOpen()).toBe(true);
    expect(readChoice(dir)).toEqual({ kind: 'chosen', choice: { mode: 'solo' } });
    expect(controller.verifyCertificate('127.0.0.1', back.fingerprint)).toBe(-3);
  });

  it('solo: reopens without asking, can go back to the chooser and resume', async () => {
    const dir = tempDir('keyfleet-userdata-');
    const { shell, shown, backendOpen } = fakeShell();
    const { controller } = controllerFor(dir, shell);
    await controller.start();
    await controller.handle('choose', { mode: 'solo' });
    await controller.settled();

    const again = fakeShell();
    const { controller: next } = controllerFor(dir, again.shell);
    await next.start();
    expect(again.shown).toEqual(['solo']);
    expect(await status(next)).toEqual({ state: 'solo', switchable: true });

    expect(await next.handle('reset', undefined)).toEqual({ ok: true, value: null });
    await next.settled();
    expect(again.backendOpen()).toBe(false);
    expect(await status(next)).toEqual({
      state: 'choose',
      reason: 'asked',
      current: { mode: 'solo' },
    });
    await next.handle('resume', undefined);
    await next.settled();
    expect(again.shown).toEqual(['solo', 'screen', 'solo']);
    expect(shown).toEqual(['screen', 'solo']);
    expect(backendOpen()).toBe(true);
  });

  it('a named data folder means this computer: no chooser, no switching, the stored choice unread', async () => {
    const dir = tempDir('keyfleet-userdata-');
    const { shell, shown } = fakeShell();
    const { controller } = controllerFor(dir, shell, true);
    await controller.start();
    expect(shown).toEqual(['solo']);
    expect(await status(controller)).toEqual({ state: 'solo', switchable: false });
    expect(await controller.handle('reset', undefined)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { kind: 'fixed_data_dir' } },
    });
    expect(await controller.handle('choose', { mode: 'solo' })).toMatchObject({ ok: false });
    expect(readChoice(dir)).toEqual({ kind: 'none' });
  });

  it('a corrupt settings file asks again; malformed calls are refused with a typed error', async () => {
    const dir = tempDir('keyfleet-userdata-');
    (await import('node:fs')).writeFileSync(`${dir}/connection.json`, '{"mode":');
    const { shell, shown } = fakeShell();
    const { controller } = controllerFor(dir, shell);
    await controller.start();
    expect(shown).toEqual(['screen']);
    expect(await status(controller)).toMatchObject({ state: 'choose', reason: 'corrupt' });
    expect(await controller.handle('probe', { url: 42 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { kind: 'bad_url' } },
    });
    expect(await controller.handle('probe', { url: 'http://127.0.0.1:1' })).toMatchObject({
      ok: false,
      error: { details: { kind: 'not_https' } },
    });
    expect(await controller.handle('choose', { mode: 'team', url: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { kind: 'bad_choice' } },
    });
  });
});
