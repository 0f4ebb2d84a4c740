import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  formatRequestLine,
  openRequestLog,
  REQUEST_LOG_NAME,
  type RequestLog,
} from '../../electron/server/request-log';
import { createHttpServer, listenLoopback, SESSION_HEADER } from '../../electron/transport/http';
import { fail, ok } from '../../shared/result';
import { tempDir } from '../helpers/db';

const AT = new Date('2026-12-02T08:30:00.000Z');
const LINE =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z [\w./]+ user=(\d+|-) status=\d{3} result=[A-Z_]+ ms=\d+$/;

let log: RequestLog | null = null;
let server: http.Server | null = null;
afterEach(async () => {
  log?.close();
  log = null;
  if (server) await new Promise((r) => server!.close(r));
  server = null;
});

const linesOf = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);

describe('request log line', () => {
  it('is UTC time, method, user id, status, result code and whole milliseconds', () => {
    expect(
      formatRequestLine(
        {
          method: 'accounts.list',
          caller: { clientId: 'tab-x' },
          status: 200,
          result: 'OK',
          ms: 12.6,
        },
        7,
        AT,
      ),
    ).toBe('2026-12-02T08:30:00.000Z accounts.list user=7 status=200 result=OK ms=13\n');
    expect(
      formatRequestLine(
        {
          method: '/api/upload',
          caller: { clientId: 'api' },
          status: 200,
          result: 'FORBIDDEN',
          ms: 0.2,
        },
        null,
        AT,
      ),
    ).toBe('2026-12-02T08:30:00.000Z /api/upload user=- status=200 result=FORBIDDEN ms=0\n');
  });

  it('never writes a method name outside the contract or a free-form result', () => {
    const line = formatRequestLine(
      {
        method: '张三 13800138000',
        caller: { clientId: 'tab-x' },
        status: 404,
        result: 'a b c',
        ms: 1,
      },
      null,
      AT,
    );
    expect(line).toBe('2026-12-02T08:30:00.000Z unknown user=- status=404 result=UNKNOWN ms=1\n');
  });
});

describe('request log file', () => {
  it('appends one line per request, resolving the user id from the client id', () => {
    const dir = tempDir();
    const users: Record<string, number> = { 'tab-a': 3 };
    log = openRequestLog({ dir, userOf: (c) => users[c.clientId] ?? null, now: () => AT });
    log.record({
      method: 'accounts.list',
      caller: { clientId: 'tab-a' },
      status: 200,
      result: 'OK',
      ms: 5,
    });
    log.record({
      method: 'app.info',
      caller: { clientId: 'tab-b' },
      status: 200,
      result: 'OK',
      ms: 1,
    });
    const lines = linesOf(path.join(dir, REQUEST_LOG_NAME));
    expect(lines).toEqual([
      '2026-12-02T08:30:00.000Z accounts.list user=3 status=200 result=OK ms=5',
      '2026-12-02T08:30:00.000Z app.info user=- status=200 result=OK ms=1',
    ]);
    for (const line of lines) {
      expect(line).toMatch(LINE);
      expect(line).not.toContain('tab-');
    }
  });

  it('rotates at the size limit, keeps the newest files and loses no line', () => {
    const dir = tempDir();
    log = openRequestLog({ dir, userOf: () => 1, now: () => AT, maxBytes: 1000, keep: 3 });
    const total = 100;
    for (let i = 0; i < total; i++)
      log.record({
        method: 'accounts.get',
        caller: { clientId: 'c' },
        status: 200,
        result: 'OK',
        ms: i,
      });
    const file = path.join(dir, REQUEST_LOG_NAME);
    const files = [file, `${file}.1`, `${file}.2`, `${file}.3`];
    for (const f of files) {
      expect(fs.existsSync(f)).toBe(true);
      expect(fs.statSync(f).size).toBeLessThanOrEqual(1000);
    }
    expect(fs.existsSync(`${file}.4`)).toBe(false);
    // Oldest file first, each oldest line first: the newest lines, in order, none missing.
    const kept = files
      .reverse()
      .flatMap(linesOf)
      .map((l) => Number(/ms=(\d+)$/.exec(l)![1]));
    expect(kept.length).toBeGreaterThan(30);
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => total - kept.length + i));
  });

  it('carries on in the same file after a restart', () => {
    const dir = tempDir();
    log = openRequestLog({ dir, userOf: () => null, now: () => AT });
    log.record({ method: 'app.info', caller: { clientId: 'c' }, status: 200, result: 'OK', ms: 1 });
    log.close();
    log = openRequestLog({ dir, userOf: () => null, now: () => AT });
    log.record({ method: 'app.info', caller: { clientId: 'c' }, status: 200, result: 'OK', ms: 2 });
    expect(linesOf(path.join(dir, REQUEST_LOG_NAME))).toHaveLength(2);
  });
});

describe('the HTTP transport reports each API request to the log', () => {
  it('logs method, user, status and result, never the input, token, session or file names', async () => {
    const dir = tempDir();
    const token = 'secret-token-0123456789';
    const session = 'tab0123456789';
    log = openRequestLog({
      dir,
      userOf: (c) => (c.clientId === `tab-${session}` ? 42 : null),
    });
    server = createHttpServer({
      token,
      dispatch: async (method, input) => {
        if (!method.startsWith('accounts.')) return fail('NOT_FOUND', `unknown method ${method}`);
        return (input as { name?: string }).name
          ? ok({ id: 1 })
          : fail('VALIDATION', `invalid input for ${method}`);
      },
      upload: async () => ok({ staged: true }),
      onRequest: (entry) => log!.record(entry),
    });
    const port = await listenLoopback(server, 0);
    const post = (pathAndQuery: string, body: string, auth = token) =>
      fetch(`http://127.0.0.1:${port}${pathAndQuery}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${auth}`, [SESSION_HEADER]: session },
        body,
      });
    const secretInput = JSON.stringify({ name: '杭州张三汽车有限公司', phone: '13800138000' });
    expect((await post('/api/accounts.create', secretInput)).status).toBe(200);
    expect((await post('/api/accounts.update', '{}')).status).toBe(200);
    expect((await post('/api/%E5%BC%A0%E4%B8%89', '{}')).status).toBe(404);
    expect((await post('/api/upload?name=张三的客户.xlsx', 'x,y')).status).toBe(200);
    expect((await post('/api/accounts.list', '{}', 'wrong-token-00000000000')).status).toBe(401);

    const file = path.join(dir, REQUEST_LOG_NAME);
    // The log is told when each answer has gone out: wait for all five lines.
    await expect.poll(() => linesOf(file).length).toBe(5);
    const lines = linesOf(file).map((l) => l.split(' ').slice(1, 5).join(' '));
    expect(lines.sort()).toEqual(
      [
        'accounts.create user=42 status=200 result=OK',
        'accounts.update user=42 status=200 result=VALIDATION',
        'unknown user=42 status=404 result=NOT_FOUND',
        '/api/upload user=42 status=200 result=OK',
        'accounts.list user=42 status=401 result=FORBIDDEN',
      ].sort(),
    );
    const text = fs.readFileSync(file, 'utf8');
    for (const secret of ['张三', '13800138000', token, session, '.xlsx', 'name='])
      expect(text).not.toContain(secret);
    for (const line of linesOf(file)) expect(line).toMatch(LINE);
  });
});
