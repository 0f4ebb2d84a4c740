/**
 * The fuzz test of issue 13: every API method, as nobody, a specialist, a manager and an admin on
 * a team server (and as nobody and the person on a solo data folder), gets `{}`, wrong types,
 * huge strings, impossible dates, lone surrogates, `__proto__` keys and ids that do not exist,
 * generated from the JSON Schemas `GET /api` serves. No answer may be INTERNAL.
 *
 * Seeded and sampled for CI; `KEYFLEET_FUZZ=long` runs many more cases per method
 * (`KEYFLEET_FUZZ_SEED=n` picks another sequence).
 */
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoIfEmpty } from '../../electron/app/create-app';
import { ADMIN_LOGIN } from '../../electron/auth/admin';
import { describeApi } from '../../electron/transport/describe';
import type { Caller } from '../../electron/session/session';
import type { Result } from '../../shared/result';
import {
  type FuzzCaller,
  type FuzzFigures,
  emptyFigures,
  fuzz,
  record,
  summary,
} from '../fuzz/run';
import { TEAM_PASSWORD, type TeamApp, teamApp } from '../helpers/team';
import { type TestApp, testApp } from '../helpers/app';
import { tempDir } from '../helpers/db';
import { rawRequest } from '../fuzz/http';
import { Rng, type Schema, fuzzCase, vocabulary } from '../fuzz/schema-values';
import { createHttpServer, listenLoopback, SESSION_HEADER } from '../../electron/transport/http';
import type { App } from '../../electron/app/create-app';

const LONG = process.env.KEYFLEET_FUZZ === 'long';
const SEED = Number(process.env.KEYFLEET_FUZZ_SEED ?? 13);
const CASES_PER_METHOD = LONG ? 120 : 6;
/** Sign-in and password methods hash a password (deliberately slow): fewer cases in CI. */
const HASHING = new Set([
  'auth.signIn',
  'auth.changePassword',
  'staff.setPassword',
  'staff.create',
]);
const HASHING_CASES = LONG ? 40 : 2;
const HTTP_CASES_PER_METHOD = LONG ? 30 : 2;
/** Ids that exist in most tables after the demo data below. */
const SEEDED_IDS = [1, 2, 3, 4, 5, 6, 8, 12];

function dispatchAs(team: TeamApp, caller: () => Caller) {
  return (method: string, input: unknown): Promise<Result<unknown>> =>
    team.app.dispatch(method, input, caller());
}

/** A colleague who signs in again (or is replaced) when a fuzz case signed them out. */
async function colleague(team: TeamApp, role: 'specialist' | 'manager'): Promise<FuzzCaller> {
  let serial = 0;
  let login = `fuzz-${role}`;
  let caller = await team.colleague(login, role);
  const me = { ...caller, clientId: `fuzz-${role}` };
  caller = me;
  return {
    name: role,
    call: dispatchAs(team, () => caller),
    async ensure() {
      const current = await team.app.dispatch('auth.current', {}, caller);
      if (current.ok && current.value) return;
      // From a new client: the cases' wrong passwords have braked this one's address.
      const clientId = `fuzz-${role}-${++serial}`;
      const again = await team.app.dispatch(
        'auth.signIn',
        { login, password: TEAM_PASSWORD },
        { clientId },
      );
      if (again.ok) {
        caller = { clientId, token: (again.value as { token: string }).token };
        return;
      }
      // Locked out or the password was changed by a case: a new colleague takes over.
      login = `fuzz-${role}-${serial}`;
      caller = { ...(await team.colleague(login, role)), clientId };
    },
  };
}

async function admin(team: TeamApp): Promise<FuzzCaller> {
  let caller: Caller = { ...team.admin, clientId: 'fuzz-admin' };
  let serial = 0;
  return {
    name: 'admin',
    call: dispatchAs(team, () => caller),
    async ensure() {
      const current = await team.app.dispatch('auth.current', {}, caller);
      if (current.ok && current.value) return;
      const clientId = `fuzz-admin-${++serial}`;
      const again = await team.app.dispatch(
        'auth.signIn',
        { login: ADMIN_LOGIN, password: TEAM_PASSWORD },
        { clientId },
      );
      if (!again.ok) throw new Error(`the admin cannot sign in again: ${again.error.message}`);
      caller = { clientId, token: (again.value as { token: string }).token };
    },
  };
}

function casesFor(method: string): number {
  return HASHING.has(method) ? HASHING_CASES : CASES_PER_METHOD;
}

/** Jobs the cases started must not fail with INTERNAL either. */
async function failedJobs(app: App, jobIds: readonly string[]): Promise<string[]> {
  const failed: string[] = [];
  for (const id of jobIds) {
    const job = await app.deps.jobs.wait(id).catch(() => null); // pruned: long finished
    if (job?.state === 'failed' && job.error?.code === 'INTERNAL')
      failed.push(`${job.kind}: ${job.error.message}`);
  }
  return failed;
}

function report(label: string, figures: FuzzFigures): void {
  const lines = [summary(label, figures)];
  for (const f of figures.internal.slice(0, 40))
    lines.push(
      `  INTERNAL ${f.caller} ${f.method} [${f.mutation} at ${f.at}]: ${f.message}`,
      `    input ${f.input}`,
    );
  console.log(lines.join('\n'));
}

describe('fuzz: no input answers INTERNAL', () => {
  let team: TeamApp;
  beforeAll(async () => {
    team = await teamApp();
    await loadDemoIfEmpty(team.app, 12);
  }, 120_000);
  afterAll(async () => {
    await team?.app.close();
  }, 120_000);

  it(
    'a team server: nobody, a specialist, a manager and an admin',
    async () => {
      const callers: FuzzCaller[] = [
        { name: 'nobody', call: dispatchAs(team, () => ({ clientId: 'fuzz-nobody' })) },
        await colleague(team, 'specialist'),
        await colleague(team, 'manager'),
        await admin(team),
      ];
      const figures = await fuzz(
        {
          methods: describeApi(),
          callers,
          casesFor,
          seed: SEED,
          ctx: { ids: SEEDED_IDS },
        },
        emptyFigures(),
      );
      report('team server', figures);
      expect(figures.internal).toEqual([]);
      expect(await failedJobs(team.app, figures.jobIds)).toEqual([]);
    },
    LONG ? 3_600_000 : 120_000,
  );
});

describe('fuzz on a solo data folder: in process and over HTTP', () => {
  let app: TestApp;
  let server: http.Server;
  let port: number;
  const TOKEN = 'fuzz-token-0123456789';
  beforeAll(async () => {
    app = await testApp();
    await loadDemoIfEmpty(app, 8);
    const ui = tempDir('keyfleet-fuzz-ui-');
    fs.writeFileSync(path.join(ui, 'index.html'), '<!doctype html><title>Keyfleet</title>');
    server = createHttpServer({ dispatch: app.dispatch, token: TOKEN, staticDir: ui });
    port = await listenLoopback(server, 0);
  }, 120_000);
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await app?.close();
  }, 120_000);

  /** The person at the keyboard: a manager picked from the demo's staff. */
  async function person(clientId: string): Promise<FuzzCaller> {
    const pick = async () => {
      const staff = await app.value('auth.pickList', {});
      const manager = staff.find((s) => s.role === 'manager') ?? staff[0]!;
      await app.dispatch('auth.pick', { staffId: manager.id }, { clientId });
    };
    await pick();
    return {
      name: 'person',
      call: (method, input) => app.dispatch(method, input, { clientId }),
      async ensure() {
        const current = await app.dispatch('auth.current', {}, { clientId });
        if (!current.ok || !current.value) await pick();
      },
    };
  }

  it(
    'in process: nobody and the person using it',
    async () => {
      const figures = await fuzz({
        methods: describeApi(),
        callers: [
          { name: 'nobody', call: (m, i) => app.dispatch(m, i, { clientId: 'fuzz-nobody' }) },
          await person('fuzz-person'),
        ],
        casesFor: (method) => Math.ceil(casesFor(method) / 2),
        seed: SEED + 1,
        ctx: { ids: SEEDED_IDS },
      });
      report('solo, in process', figures);
      expect(figures.internal).toEqual([]);
      expect(await failedJobs(app, figures.jobIds)).toEqual([]);
    },
    LONG ? 3_600_000 : 120_000,
  );

  it(
    'over HTTP: sampled cases and malformed requests never answer 5xx',
    async () => {
      const tab = 'fuzz-http-tab';
      const headers = {
        authorization: `Bearer ${TOKEN}`,
        'content-type': 'application/json',
        [SESSION_HEADER]: tab,
      };
      const viaHttp = async (method: string, body: string | undefined) => {
        const answer = await rawRequest(port, `/api/${method}`, { headers, body });
        return answer;
      };
      const caller = await person(`tab-${tab}`);
      const figures = emptyFigures();
      const serverErrors: string[] = [];
      const rng = new Rng(SEED + 2);
      for (const method of describeApi()) {
        await caller.ensure?.();
        const schema = method.input as Schema;
        const ctx = { ids: SEEDED_IDS, words: vocabulary(schema) };
        for (let i = 0; i < HTTP_CASES_PER_METHOD; i++) {
          const fc = fuzzCase(schema, 1 + i + rng.int(0, 2), rng, ctx);
          const body = fc.input === undefined ? undefined : JSON.stringify(fc.input);
          const answer = await viaHttp(method.name, body);
          if (answer.status >= 500)
            serverErrors.push(`${answer.status} ${method.name}: ${answer.text.slice(0, 200)}`);
          record(figures, JSON.parse(answer.text) as Result<unknown>, {
            caller: 'person over HTTP',
            method: method.name,
            mutation: fc.mutation,
            at: fc.at,
            input: (body ?? '').slice(0, 300),
          });
        }
      }
      // Requests no client of ours sends: broken JSON, odd names, odd verbs, deep nesting.
      const malformed: [string, string, string | Buffer | undefined][] = [
        ['POST', '/api/accounts.list', '{"offset":'],
        ['POST', '/api/accounts.list', '\u0000'],
        ['POST', '/api/accounts.list', Buffer.from([0xff, 0xfe, 0x00, 0x7b])],
        ['POST', '/api/accounts.list', '['.repeat(100_000)],
        ['POST', '/api/accounts.list', `{"search":"${'客'.repeat(400_000)}"}`],
        ['POST', '/api/accounts.list', 'x'.repeat(2 * 1024 * 1024)],
        [
          'POST',
          '/api/accounts.list',
          '{"__proto__":{"admin":true},"constructor":{"prototype":{}}}',
        ],
        ['POST', '/api/accounts%00.list', '{}'],
        ['POST', '/api/%ZZ', '{}'],
        ['POST', '/api/%E0%A4%A', '{}'],
        ['POST', '/api/..%2F..%2Fetc%2Fpasswd', '{}'],
        ['POST', '/api/__proto__', '{}'],
        ['POST', '/api/constructor', '{}'],
        ['POST', '/api/toString', '{}'],
        ['POST', '/api/', '{}'],
        ['GET', '/api/accounts.list', undefined],
        ['PUT', '/api/accounts.list', '{}'],
        ['DELETE', '/api', undefined],
        ['GET', '/api/files/%00', undefined],
        ['GET', '/api/files/..%2F..%2Fkeyfleet.sqlite', undefined],
        ['GET', '/api/files/__proto__', undefined],
        ['POST', '/api/upload', 'x'],
        ['POST', '/api/upload?name=%00.xlsx', 'x'],
        ['POST', '/api/upload?name=..%2F..%2Fx.xlsx', 'PK'],
        ['POST', '/api/upload?name=%ZZ', 'x'],
      ];
      for (const [verb, url, body] of malformed) {
        const answer = await rawRequest(port, url, { method: verb, headers, body });
        figures.requests++;
        const code = /"code":"(\w+)"/.exec(answer.text)?.[1] ?? `HTTP ${answer.status}`;
        figures.byCode[code] = (figures.byCode[code] ?? 0) + 1;
        if (answer.status >= 500 || code === 'INTERNAL')
          serverErrors.push(
            `${answer.status} ${verb} ${url.slice(0, 80)}: ${answer.text.slice(0, 200)}`,
          );
      }
      report('solo, over HTTP', figures);
      expect(serverErrors).toEqual([]);
      expect(figures.internal).toEqual([]);
    },
    LONG ? 3_600_000 : 120_000,
  );
});
