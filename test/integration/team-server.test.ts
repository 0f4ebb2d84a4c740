/**
 * The team server over real HTTPS: sign-in with passwords (bearer for API clients, an HttpOnly
 * cookie plus the CSRF header for browsers), the Host check, the brake on guessing, one-time
 * passwords, deactivation ending sessions at once, and nothing answered to nobody.
 */
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_LOGIN, ensureAdmin } from '../../electron/auth/admin';
import { createApp, type App } from '../../electron/app/create-app';
import { tlsMaterial } from '../../electron/server/tls';
import {
  createHttpServer,
  CSRF_HEADER,
  listenOn,
  SESSION_COOKIE,
} from '../../electron/transport/http';
import { tempDir } from '../helpers/db';
import { now } from '../../shared/clock';
import { WORKER_FROM_SOURCE } from '../helpers/app';

const ADMIN_PASSWORD = 'Gr33n-Tea-Kettle';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: {
    ok: boolean;
    value?: unknown;
    error?: { code: string; details?: Record<string, unknown> };
  };
}

let app: App | null = null;
let server: https.Server | null = null;

afterEach(async () => {
  await new Promise((r) => (server ? server.close(r) : r(null)));
  server = null;
  await app?.close();
  app = null;
});

async function startTeam() {
  const dataDir = tempDir('keyfleet-team-');
  app = await createApp({
    dataDir,
    mode: 'team',
    worker: WORKER_FROM_SOURCE,
    validateOutput: true,
  });
  const tls = await tlsMaterial(dataDir, ['127.0.0.1']);
  await ensureAdmin(app.deps.db, app.deps.clock, ADMIN_PASSWORD);
  const team = app.deps.team!;
  server = createHttpServer({
    dispatch: app.dispatch,
    files: app.files,
    upload: app.upload,
    team: { tls, hosts: ['127.0.0.1'], userOf: (t) => team.get(t)?.user?.id ?? null },
  }) as https.Server;
  const port = await listenOn(server, '127.0.0.1', 0);
  const request = (
    method: string,
    input: unknown = {},
    o: { bearer?: string; cookie?: string; csrf?: boolean; host?: string } = {},
  ) =>
    new Promise<Reply>((resolve, reject) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (o.bearer) headers.authorization = `Bearer ${o.bearer}`;
      if (o.cookie) headers.cookie = `${SESSION_COOKIE}=${o.cookie}`;
      if (o.csrf) headers[CSRF_HEADER] = '1';
      if (o.host) headers.host = o.host;
      const req = https.request(
        // The test trusts exactly the server's certificate, as a pinned client does.
        {
          host: '127.0.0.1',
          port,
          path: `/api/${method}`,
          method: 'POST',
          headers,
          ca: tls.cert,
          // A forged Host header is what is under test, not the certificate's names.
          ...(o.host ? { checkServerIdentity: () => undefined } : {}),
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: JSON.parse(text) as Reply['body'],
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(input));
    });
  const signIn = async (login: string, password: string) => {
    const r = await request('auth.signIn', { login, password });
    if (!r.body.ok) throw new Error(`sign-in failed: ${JSON.stringify(r.body.error)}`);
    return (r.body.value as { token: string }).token;
  };
  return { request, signIn, port, fingerprint: tls.fingerprint, app: app! };
}

describe('team server', () => {
  it('answers nobody but app.info and auth.*, and says how to sign in', async () => {
    const { request } = await startTeam();
    const info = await request('app.info');
    expect(info.body).toMatchObject({
      ok: true,
      value: { mode: 'team', signIn: 'password', dataDir: '', accountCount: 0 },
    });
    for (const method of ['accounts.list', 'staff.list', 'demo.load', 'jobs.get', 'myDay.get'])
      expect((await request(method, { id: 'x' })).body.error).toMatchObject({
        code: 'FORBIDDEN',
        details: { kind: 'no_user' },
      });
    // A solo data folder's name picker is never offered by a team server.
    expect((await request('auth.pickList')).body.error).toMatchObject({
      details: { kind: 'team_mode' },
    });
    expect((await request('auth.pick', { staffId: 1 })).body.error).toMatchObject({
      details: { kind: 'team_mode' },
    });
  });

  it('gives API clients a bearer token and browsers an HttpOnly cookie that needs the CSRF header', async () => {
    const { request } = await startTeam();
    const api = await request('auth.signIn', { login: 'ADMIN', password: ADMIN_PASSWORD });
    const token = (api.body.value as { token: string }).token;
    expect(token).toMatch(/^[\w-]{40,}$/);
    expect(api.headers['set-cookie']).toBeUndefined();
    expect((await request('staff.list', {}, { bearer: token })).body.ok).toBe(true);

    const web = await request(
      'auth.signIn',
      { login: ADMIN_LOGIN, password: ADMIN_PASSWORD },
      { csrf: true },
    );
    expect(web.body).toMatchObject({ ok: true, value: { token: null } });
    const cookie = String(web.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const value = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(cookie)![1]!;
    expect((await request('staff.list', {}, { cookie: value, csrf: true })).body.ok).toBe(true);
    // Another site's form can send the cookie but not the header: refused.
    const forged = await request('staff.list', {}, { cookie: value });
    expect(forged.status).toBe(403);

    // Sign-out ends the session on the server, not only in the browser.
    const out = await request('auth.signOut', {}, { cookie: value, csrf: true });
    expect(String(out.headers['set-cookie'])).toMatch(/Max-Age=0/);
    expect(
      (await request('staff.list', {}, { cookie: value, csrf: true })).body.error,
    ).toMatchObject({ details: { kind: 'no_user' } });
    expect((await request('staff.list', {}, { bearer: token })).body.ok).toBe(true);
  });

  it('answers only the names it was given (Host check)', async () => {
    const { request, port } = await startTeam();
    expect((await request('app.info', {}, { host: `evil.example:${port}` })).status).toBe(403);
    expect((await request('app.info', {}, { host: `127.0.0.1:${port}` })).status).toBe(200);
  });

  it('brakes guessing: 5 wrong passwords lock the login, with when to retry, all audited', async () => {
    const { request, app } = await startTeam();
    const answers = [];
    for (let i = 0; i < 5; i++)
      answers.push(
        (await request('auth.signIn', { login: 'admin', password: `wrong-${i}-xyzzy` })).body.error,
      );
    expect(answers.slice(0, 4).every((e) => e?.details?.kind === 'bad_credentials')).toBe(true);
    expect(answers[4]).toMatchObject({ code: 'FORBIDDEN', details: { kind: 'locked' } });
    // Locked: even the right password waits, and the answer says until when.
    const locked = await request('auth.signIn', { login: 'admin', password: ADMIN_PASSWORD });
    const retryAt = Date.parse(String(locked.body.error?.details?.retryAt));
    expect(retryAt - now().getTime()).toBeGreaterThan(20_000);
    const audit = await app.deps.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('action', '=', 'auth.signInFailed')
      .execute();
    expect(audit).toHaveLength(5);
    expect(audit.map((a) => a.after_json).join()).not.toContain('wrong-');
  });

  it('makes a one-time password be changed first, and a deactivated person is signed out at once', async () => {
    const { request, signIn } = await startTeam();
    const admin = await signIn('admin', ADMIN_PASSWORD);
    // The admin sets up a manager (sales writes are not the admin's) and a specialist.
    const li = (
      await request(
        'staff.create',
        { name: '李明', role: 'specialist', login: 'liming' },
        { bearer: admin },
      )
    ).body.value as { id: number };
    const weak = await request(
      'staff.setPassword',
      { id: li.id, password: '123456789' },
      { bearer: admin },
    );
    expect(weak.body.error).toMatchObject({
      code: 'VALIDATION',
      details: { kind: 'password_policy' },
    });
    await request(
      'staff.setPassword',
      { id: li.id, password: 'Temp-Pass-4821' },
      { bearer: admin },
    );

    const token = await signIn('liming', 'Temp-Pass-4821');
    expect((await request('accounts.list', {}, { bearer: token })).body.error).toMatchObject({
      details: { kind: 'must_change_password' },
    });
    const changed = await request(
      'auth.changePassword',
      { current: 'Temp-Pass-4821', next: 'Spring-Fleet-2027!' },
      { bearer: token },
    );
    expect(changed.body).toMatchObject({ ok: true, value: { mustChangePassword: false } });
    expect((await request('accounts.list', {}, { bearer: token })).body.ok).toBe(true);
    // An admin reads sales data but does not write it.
    expect(
      (
        await request(
          'accounts.create',
          { name: '测试单位', buyerType: 'system' },
          { bearer: admin },
        )
      ).body.error,
    ).toMatchObject({ code: 'FORBIDDEN', details: { kind: 'admin_read_only' } });

    const me = (await request('auth.current', {}, { bearer: token })).body.value as Record<
      string,
      unknown
    >;
    await request('staff.update', { ...me, active: false }, { bearer: admin });
    expect((await request('accounts.list', {}, { bearer: token })).body.error).toMatchObject({
      details: { kind: 'no_user' },
    });
    const again = await request('auth.signIn', { login: 'liming', password: 'Spring-Fleet-2027!' });
    expect(again.body.error).toMatchObject({ details: { kind: 'bad_credentials' } });
  });

  it('serves a download only to the person it was made for', async () => {
    const { request, signIn, app } = await startTeam();
    const admin = await signIn('admin', ADMIN_PASSWORD);
    await request(
      'staff.create',
      { name: '王芳', role: 'manager', login: 'wangfang' },
      { bearer: admin },
    );
    const wang = (await request('staff.list', {}, { bearer: admin })).body.value as {
      id: number;
      login: string;
    }[];
    const wangId = wang.find((s) => s.login === 'wangfang')!.id;
    await request(
      'staff.setPassword',
      { id: wangId, password: 'Temp-Pass-4821' },
      { bearer: admin },
    );
    const other = await signIn('wangfang', 'Temp-Pass-4821');
    const id = app.files.put({ path: __filename, fileName: 'x.ts', ownerId: wangId });
    const fetchFile = (bearer: string) =>
      new Promise<number>((resolve, reject) => {
        const port = (server!.address() as AddressInfo).port;
        https
          .get(
            {
              host: '127.0.0.1',
              port,
              path: `/api/files/${id}`,
              headers: { authorization: `Bearer ${bearer}` },
              rejectUnauthorized: false,
            },
            (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            },
          )
          .on('error', reject);
      });
    expect(await fetchFile(admin)).toBe(404);
    expect(await fetchFile(other)).toBe(200);
  });
});
