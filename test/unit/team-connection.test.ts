/** The Electron client's connection choice, address rules and pin decisions, without Electron. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appUrlArgument,
  appUrlsFromArgv,
  bindConnectionIpc,
  CONNECTION_CHANNEL,
  isAppPage,
} from '../../electron/connection/channel';
import { CHOICE_FILE, readChoice, writeChoice } from '../../electron/connection/choice-store';
import { decideStart, decideTeam } from '../../electron/connection/controller';
import { navigationAllowed, verifyPinned, verifyProcCode } from '../../electron/connection/pinning';
import { looksLikeKeyfleet } from '../../electron/connection/probe';
import { parseServerUrl } from '../../electron/connection/server-address';
import type { IpcEventLike, IpcMainLike } from '../../electron/transport/ipc';
import { AppError } from '../../shared/result';
import type { TeamChoice } from '../../shared/schemas/connection';
import { tempDir } from '../helpers/db';

const A = Array.from({ length: 32 }, () => 'AB').join(':');
const B = Array.from({ length: 32 }, (_, i) => (i === 31 ? 'CD' : 'AB')).join(':');
const TEAM: TeamChoice = {
  mode: 'team',
  url: 'https://keyfleet.local:8443',
  fingerprint: A,
  pinnedAt: '2026-12-02T08:00:00.000Z',
};

function kindOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? (error.details as { kind: string }).kind : 'other';
  }
  return 'none';
}

describe('team server addresses', () => {
  it('takes https://host[:port], a bare host or address, and normalises it', () => {
    expect(parseServerUrl('https://keyfleet.local:8443/')).toMatchObject({
      origin: 'https://keyfleet.local:8443',
      host: 'keyfleet.local',
      port: 8443,
    });
    expect(parseServerUrl('  192.168.1.20:8443 ').origin).toBe('https://192.168.1.20:8443');
    expect(parseServerUrl('KEYFLEET.local').origin).toBe('https://keyfleet.local');
    expect(parseServerUrl('keyfleet.local').port).toBe(443);
    expect(parseServerUrl('https://[::1]:9443')).toMatchObject({
      origin: 'https://[::1]:9443',
      host: '::1',
      hostHeader: '[::1]:9443',
    });
  });

  it('refuses plain http, paths, queries, fragments, user names and odd characters', () => {
    expect(kindOf(() => parseServerUrl('http://192.168.1.20:8443'))).toBe('not_https');
    expect(kindOf(() => parseServerUrl('ftp://keyfleet.local'))).toBe('not_https');
    for (const bad of [
      '',
      '   ',
      'https://keyfleet.local/api',
      'https://keyfleet.local/.',
      'https://keyfleet.local/..',
      'https://keyfleet.local?x=1',
      'https://keyfleet.local#@evil.example',
      'https://admin@keyfleet.local',
      'https://keyfleet.local:8443@evil.example',
      'https://keyfleet.local\\@evil.example',
      'https://keyf leet.local',
      'https://keyfleet\u0001.local',
      'https://keyfleet\t.local',
      'https://keyfleet.local:99999',
      'javascript:alert(1)',
      'https://',
    ])
      expect(
        kindOf(() => parseServerUrl(bad)),
        bad,
      ).toBe('bad_url');
  });
});

describe('the stored choice', () => {
  it('round-trips solo and team, written atomically with no leftovers', () => {
    const dir = tempDir('keyfleet-conn-');
    expect(readChoice(dir)).toEqual({ kind: 'none' });
    writeChoice(dir, { mode: 'solo' });
    expect(readChoice(dir)).toEqual({ kind: 'chosen', choice: { mode: 'solo' } });
    writeChoice(dir, TEAM);
    expect(readChoice(dir)).toEqual({ kind: 'chosen', choice: TEAM });
    expect(fs.readdirSync(dir)).toEqual([CHOICE_FILE]);
    expect(() => writeChoice(dir, { ...TEAM, fingerprint: 'nope' })).toThrow();
    expect(readChoice(dir)).toEqual({ kind: 'chosen', choice: TEAM });
  });

  it('reports a file it cannot trust as corrupt, and leaves it as it is', () => {
    const dir = tempDir('keyfleet-conn-');
    const file = path.join(dir, CHOICE_FILE);
    const cases: unknown[] = [
      '{"mode":"team"',
      JSON.stringify({ mode: 'cloud' }),
      JSON.stringify({ ...TEAM, fingerprint: 'ab:ab' }),
      JSON.stringify({ ...TEAM, url: 'http://keyfleet.local:8443' }),
      JSON.stringify({ ...TEAM, url: 'https://keyfleet.local:8443/evil' }),
      JSON.stringify({ ...TEAM, url: 'https://KEYFLEET.local:8443' }),
      JSON.stringify({ ...TEAM, pinnedAt: 'yesterday' }),
      JSON.stringify({ ...TEAM, extra: true }),
    ];
    for (const text of cases) {
      fs.writeFileSync(file, text as string);
      expect(readChoice(dir).kind, String(text)).toBe('corrupt');
      expect(fs.readFileSync(file, 'utf8')).toBe(text);
    }
  });
});

describe('certificate pinning', () => {
  it('trusts only the pinned certificate for the pinned host', () => {
    expect(verifyPinned('keyfleet.local', A, TEAM)).toEqual({ verdict: 'trusted' });
    expect(verifyPinned('KEYFLEET.LOCAL', A.toLowerCase(), TEAM)).toEqual({ verdict: 'trusted' });
    expect(verifyPinned('other.example', B, TEAM)).toEqual({ verdict: 'not_pinned' });
    expect(verifyPinned('keyfleet.local', A, { mode: 'solo' })).toEqual({
      verdict: 'not_pinned',
    });
    expect(verifyPinned('keyfleet.local', A, null)).toEqual({ verdict: 'not_pinned' });
    const v6 = { ...TEAM, url: 'https://[fd00::5]:8443' };
    expect(verifyPinned('fd00::5', A, v6)).toEqual({ verdict: 'trusted' });
    expect(verifyPinned('[fd00::5]', B, v6).verdict).toBe('changed');
  });

  it('refuses a changed certificate, naming both fingerprints', () => {
    const verdict = verifyPinned('keyfleet.local', B, TEAM);
    expect(verdict).toEqual({ verdict: 'changed', pinned: A, seen: B });
    expect(verifyProcCode(verdict)).toBe(-2);
    expect(verifyProcCode({ verdict: 'trusted' })).toBe(0);
    expect(verifyProcCode({ verdict: 'not_pinned' })).toBe(-3);
    // An unreadable certificate (empty fingerprint) never matches a pin.
    expect(verifyPinned('keyfleet.local', '', TEAM).verdict).toBe('changed');
  });

  it('lets the window move only within the pinned origin', () => {
    const origin = 'https://keyfleet.local:8443';
    expect(navigationAllowed('https://keyfleet.local:8443/#/accounts', origin)).toBe(true);
    expect(navigationAllowed('https://keyfleet.local:8444/', origin)).toBe(false);
    expect(navigationAllowed('http://keyfleet.local:8443/', origin)).toBe(false);
    expect(navigationAllowed('https://evil.example/', origin)).toBe(false);
    expect(navigationAllowed('not a url', origin)).toBe(false);
    expect(navigationAllowed('https://keyfleet.local:8443/', null)).toBe(false);
  });
});

describe('what the app opens', () => {
  it('at start: a fixed data folder is solo; else the stored choice or the chooser', () => {
    expect(decideStart(true, { kind: 'chosen', choice: TEAM })).toEqual({
      open: 'solo',
      switchable: false,
    });
    expect(decideStart(false, { kind: 'none' })).toEqual({ open: 'chooser', reason: 'first_run' });
    expect(decideStart(false, { kind: 'corrupt', problem: 'not JSON' })).toEqual({
      open: 'chooser',
      reason: 'corrupt',
    });
    expect(decideStart(false, { kind: 'chosen', choice: { mode: 'solo' } })).toEqual({
      open: 'solo',
      switchable: true,
    });
    expect(decideStart(false, { kind: 'chosen', choice: TEAM })).toEqual({
      open: 'team',
      choice: TEAM,
    });
  });

  it('a pinned server is loaded only while it presents the pinned certificate', () => {
    const server = { url: TEAM.url, fingerprint: A };
    expect(decideTeam(TEAM, { ok: true, server })).toEqual({ open: 'team' });
    expect(decideTeam(TEAM, { ok: true, server: { ...server, fingerprint: B } })).toEqual({
      open: 'certificate_changed',
      pinned: A,
      seen: B,
    });
    expect(decideTeam(TEAM, { ok: false, problem: 'unreachable' })).toEqual({
      open: 'unreachable',
      problem: 'unreachable',
    });
  });

  it('recognises a Keyfleet answer to GET /api, signed in or not', () => {
    expect(looksLikeKeyfleet({ ok: true, value: [{ name: 'app.info' }] })).toBe(true);
    expect(
      looksLikeKeyfleet({ ok: false, error: { code: 'FORBIDDEN', message: 'sign in first' } }),
    ).toBe(true);
    expect(looksLikeKeyfleet({ ok: true, value: [] })).toBe(false);
    expect(looksLikeKeyfleet({ ok: false, error: { code: 'TEAPOT', message: '' } })).toBe(false);
    expect(looksLikeKeyfleet({ status: 'ok' })).toBe(false);
    expect(looksLikeKeyfleet('<html>')).toBe(false);
  });
});

describe('the connection screen bridge', () => {
  const appUrl = 'app://keyfleet/index.html';

  it('is exposed on the app page only, never on a team server page', () => {
    const argv = ['/usr/bin/electron', '--type=renderer', appUrlArgument(appUrl)];
    expect(appUrlsFromArgv(argv)).toEqual([appUrl]);
    expect(isAppPage(appUrl, appUrlsFromArgv(argv))).toBe(true);
    expect(isAppPage(`${appUrl}#/accounts`, [appUrl])).toBe(true);
    expect(isAppPage('https://keyfleet.local:8443/', [appUrl])).toBe(false);
    expect(isAppPage('app://keyfleet/assets/index.js', [appUrl])).toBe(true);
    expect(isAppPage('file:///tmp/other.html', [appUrl])).toBe(false);
    expect(isAppPage('app://other/index.html', [appUrl])).toBe(false);
    expect(isAppPage('data:text/html,<p>', [appUrl])).toBe(false);
    expect(isAppPage('about:blank', [appUrl])).toBe(false);
    expect(
      isAppPage('file:///opt/keyfleet/out/renderer/index.html', [
        'file:///opt/keyfleet/out/renderer/index.html',
      ]),
    ).toBe(false);
    expect(isAppPage(appUrl, [])).toBe(false);
    expect(isAppPage('http://localhost:5173/', ['http://localhost:5173/'])).toBe(true);
  });

  it('answers calls from the app page and refuses any other frame or operation', async () => {
    type Listener = (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>;
    const handlers = new Map<string, Listener>();
    const ipc: IpcMainLike = {
      handle: (channel, listener) => void handlers.set(channel, listener),
      removeHandler: (channel) => void handlers.delete(channel),
    };
    const calls: unknown[] = [];
    const unbind = bindConnectionIpc(
      ipc,
      {
        handle: async (operation, input) => {
          calls.push([operation, input]);
          return { ok: true, value: null };
        },
      },
      [appUrl],
    );
    const invoke = handlers.get(CONNECTION_CHANNEL)!;
    const from = (url: string, parent: unknown = null): IpcEventLike => ({
      senderFrame: { url, parent },
      sender: { id: 1 },
    });
    expect(await invoke(from(appUrl), 'probe', { url: 'x' })).toEqual({ ok: true, value: null });
    expect(await invoke(from('https://keyfleet.local:8443/'), 'reset')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await invoke(from(appUrl, {}), 'reset')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await invoke(from(appUrl), 'eval', {})).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(calls).toEqual([['probe', { url: 'x' }]]);
    unbind();
    expect(handlers.size).toBe(0);
  });
});
