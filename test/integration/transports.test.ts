import type { AddressInfo } from 'node:net';
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/api';
import { createHttpServer, listenLoopback } from '../../electron/transport/http';
import {
  bindIpc,
  IPC_CHANNEL,
  type IpcEventLike,
  type IpcMainLike,
} from '../../electron/transport/ipc';
import { testApp, type TestApp, addStaff } from '../helpers/app';

let app: TestApp;
let server: http.Server | null = null;
afterEach(async () => {
  if (server) await new Promise((r) => server!.close(r));
  server = null;
  await app?.close();
});

const APP_URL = 'app://keyfleet/index.html';

function fakeIpc() {
  const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const invoke = (frame: IpcEventLike['senderFrame'], ...args: unknown[]) =>
    handlers.get(IPC_CHANNEL)!({ senderFrame: frame, sender: { id: 1 } }, ...args);
  return { ipc, handlers, invoke };
}

describe('IPC binding', () => {
  it('answers the app window and refuses any other sender', async () => {
    app = await testApp();
    const { ipc, invoke } = fakeIpc();
    bindIpc(ipc, app.dispatch, [APP_URL]);
    expect(await invoke({ url: APP_URL, parent: null }, 'app.info', {})).toMatchObject({
      ok: true,
      value: { mode: 'browser' },
    });
    for (const frame of [
      { url: APP_URL, parent: { url: APP_URL } },
      { url: 'https://evil.example/index.html', parent: null },
      { url: 'file:///tmp/other.html', parent: null },
      { url: 'app://other/index.html', parent: null },
      { url: 'data:text/html,<script>1</script>', parent: null },
      { url: 'about:blank', parent: null },
      null,
    ])
      expect(await invoke(frame, 'app.info', {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
  });

  it('gives field details for invalid input and refuses unknown methods', async () => {
    app = await testApp();
    const { ipc, invoke } = fakeIpc();
    bindIpc(ipc, app.dispatch, [APP_URL]);
    const frame = { url: APP_URL, parent: null };
    expect(await invoke(frame, 'accounts.list', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { kind: 'no_user' } },
    });
    await invoke(frame, 'auth.setUp', { name: '李明', role: 'specialist' });
    const invalid = await invoke(frame, 'accounts.list', {
      limit: 100_000,
      sort: [{ field: 'password', desc: false }],
    });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const paths = (
      invalid as { error: { details: { fields: { path: string }[] } } }
    ).error.details.fields.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['limit', 'sort.0.field']));
    expect(await invoke(frame, 'accounts.drop', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await invoke(frame, 42, {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('keeps one session per window', async () => {
    app = await testApp();
    const { ipc, handlers } = fakeIpc();
    bindIpc(ipc, app.dispatch, [APP_URL]);
    const frame = { url: APP_URL, parent: null };
    const from = (window: number, method: string, input: unknown) =>
      handlers.get(IPC_CHANNEL)!({ senderFrame: frame, sender: { id: window } }, method, input);
    const me = await addStaff(app, { name: '李明', role: 'specialist' });
    await from(1, 'auth.pick', { staffId: me.id });
    expect(await from(1, 'auth.current', {})).toMatchObject({
      ok: true,
      value: { name: '李明' },
    });
    expect(await from(2, 'auth.current', {})).toMatchObject({ ok: true, value: null });
  });

  it('unbinds cleanly', async () => {
    app = await testApp();
    const { ipc, handlers } = fakeIpc();
    const unbind = bindIpc(ipc, app.dispatch, [APP_URL]);
    unbind();
    expect(handlers.size).toBe(0);
  });
});

async function startHttp(maxBodyBytes?: number) {
  app = await testApp();
  server = createHttpServer({
    dispatch: app.dispatch,
    token: 'secret-token',
    ...(maxBodyBytes ? { maxBodyBytes } : {}),
  });
  const port = await listenLoopback(server, 0);
  const request = (
    path: string,
    init: { method?: string; token?: string | null; body?: string; host?: string } = {},
  ) =>
    new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (init.token !== null) headers.authorization = `Bearer ${init.token ?? 'secret-token'}`;
      if (init.host) headers.host = init.host;
      const req = http.request(
        { host: '127.0.0.1', port, path, method: init.method ?? 'POST', headers },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: text ? (JSON.parse(text) as unknown) : null,
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(init.body ?? '{}');
    });
  return { port, request };
}

describe('HTTP binding (browser mode)', () => {
  it('listens on 127.0.0.1 only', async () => {
    await startHttp();
    expect((server!.address() as AddressInfo).address).toBe('127.0.0.1');
  });

  it('needs the per-launch token on every API request', async () => {
    const { request } = await startHttp();
    expect((await request('/api/app.info', { token: null })).status).toBe(401);
    expect((await request('/api/app.info', { token: 'wrong-token!' })).status).toBe(401);
    expect((await request('/api', { method: 'GET', token: null })).status).toBe(401);
    expect(await request('/api/app.info')).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('refuses an oversized body and bad JSON', async () => {
    const { request } = await startHttp(1024);
    const big = JSON.stringify({ search: 'x'.repeat(5000) });
    expect(await request('/api/accounts.list', { body: big })).toMatchObject({
      status: 413,
      body: { ok: false, error: { code: 'VALIDATION' } },
    });
    expect((await request('/api/accounts.list', { body: '{not json' })).status).toBe(400);
  });

  it('keeps one session per browser tab, named by its session header', async () => {
    const { port } = await startHttp();
    const me = await addStaff(app, { name: '王芳', role: 'manager' });
    const call = async (session: string | null, method: string, input: unknown) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/${method}`, {
        method: 'POST',
        headers: {
          authorization: 'Bearer secret-token',
          'content-type': 'application/json',
          ...(session ? { 'x-keyfleet-session': session } : {}),
        },
        body: JSON.stringify(input),
      });
      return (await res.json()) as unknown;
    };
    await call('tab-aaaaaaaa', 'auth.pick', { staffId: me.id });
    expect(await call('tab-aaaaaaaa', 'auth.current', {})).toMatchObject({
      value: { name: '王芳' },
    });
    expect(await call('tab-bbbbbbbb', 'auth.current', {})).toMatchObject({ value: null });
    expect(await call(null, 'auth.current', {})).toMatchObject({ value: null });
    const write = await call('tab-bbbbbbbb', 'accounts.create', {
      account: { name: '某单位', buyerType: 'direct' },
    });
    expect(write).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { kind: 'no_user' } },
    });
  });

  it('answers a malformed URL with 400, not an internal error', async () => {
    const { request } = await startHttp();
    expect((await request('/api/%E0%A4')).status).toBe(400);
  });

  it('refuses requests that name another host (DNS rebinding)', async () => {
    const { request } = await startHttp();
    expect((await request('/api/app.info', { host: 'attacker.example:80' })).status).toBe(403);
  });

  it('answers unknown methods with 404 and invalid input with field details', async () => {
    const { request } = await startHttp();
    expect(await request('/api/accounts.drop')).toMatchObject({
      status: 404,
      body: { ok: false, error: { code: 'NOT_FOUND' } },
    });
    await request('/api/auth.setUp', { body: '{"name":"李明","role":"manager"}' });
    expect(await request('/api/accounts.get', { body: '{"id":"seven"}' })).toMatchObject({
      status: 200,
      body: {
        ok: false,
        error: { code: 'VALIDATION', details: { fields: [{ path: 'id', code: 'invalid_type' }] } },
      },
    });
  });

  it('describes every method with JSON Schema at GET /api', async () => {
    const { request } = await startHttp();
    const res = await request('/api', { method: 'GET' });
    const methods = (res.body as { value: { name: string; input: { type?: string } }[] }).value;
    expect(methods.map((m) => m.name)).toEqual(METHOD_NAMES);
    expect(methods.find((m) => m.name === 'accounts.create')!.input).toMatchObject({
      type: 'object',
    });
  });
});
