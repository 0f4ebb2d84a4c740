/**
 * Every browser-mode test gets its own Keyfleet server (the built app, out/main/serve.js) on a
 * free port with a fresh data folder, optionally a copy of the demo data that the global setup
 * loaded once. Server, browser and test all run on the test clock (helpers/clock.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {
  test as base,
  type BrowserContext,
  expect,
  type Locator,
  type Page,
} from '@playwright/test';
import type { Input, MethodName, Output } from '../../shared/api';
import type { Staff } from '../../shared/schemas/staff';
import { TEST_NOW, useTestClock } from '../helpers/clock';

// The tests' own "today" (chinaDate(), addDays(...)) is the server's and the browser's.
useTestClock();

/** Where the global setup keeps the data folder it loaded the demo into (copied for each test). */
export const DEMO_TEMPLATE_ENV = 'KEYFLEET_E2E_DEMO_TEMPLATE';

/**
 * A call to the API as the contract (shared/api.ts) types it: the method name must exist, the
 * input is the method's, the answer its output. A spec may still name the part of the answer it
 * reads (`call<Ref>(…)`); the method name is checked either way.
 */
export type ApiCall = <T = never, M extends MethodName = MethodName>(
  method: M,
  input?: Input<M>,
) => Promise<[T] extends [never] ? Output<M> : T>;

export interface KeyfleetServer {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  call: ApiCall;
}

const root = path.resolve(__dirname, '../..');

export function startServer(
  options: { demo?: boolean; demoAccounts?: number; dataDir?: string } = {},
): Promise<{ server: KeyfleetServer; child: ChildProcess }> {
  const serveJs = path.join(root, 'out/main/serve.js');
  if (!fs.existsSync(serveJs))
    throw new Error('out/main/serve.js is missing: run `npm run build` first (npm test does)');
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'keyfleet-e2e-'));
  const args = [serveJs, '--port', '0', '--data-dir', dataDir, '--clock', TEST_NOW];
  if (options.demo) args.push('--demo', '--demo-accounts', String(options.demoAccounts ?? 2000));
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Keyfleet: (http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)/.exec(out);
      if (!m) return;
      const [, origin, token] = m as unknown as [string, string, string];
      const post = async <T>(method: string, input: unknown) => {
        const res = await fetch(`${origin}/api/${method}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(input),
        });
        return (await res.json()) as {
          ok: boolean;
          value?: T;
          error?: { message: string; details?: { kind?: string } };
        };
      };
      // The test's own API client acts as a person too: the first staff member it creates on an
      // empty folder (auth.setUp), or else the first manager it can pick (the demo's).
      const call = async <T>(method: string, input: unknown = {}): Promise<T> => {
        let body = await post<T>(method, input);
        if (!body.ok && body.error?.details?.kind === 'no_user') {
          const people = await post<{ id: number; role: string }[]>('auth.pickList', {});
          const list = people.value ?? [];
          if (list.length === 0 && method === 'staff.create')
            body = await post<T>('auth.setUp', input);
          else {
            const me = list.find((p) => p.role === 'manager') ?? list[0];
            if (me) await post('auth.pick', { staffId: me.id });
            body = await post<T>(method, input);
          }
        }
        if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
        return body.value as T;
      };
      resolve({
        server: { url: `${origin}/?token=${token}`, origin, token, dataDir, call },
        child,
      });
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
}

/** Stops a server started by startServer and waits until it has closed its database. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

export const test = base.extend<{
  demo: boolean;
  server: KeyfleetServer;
  teamServer: TeamServer;
  teamContext: () => Promise<BrowserContext>;
}>({
  demo: [false, { option: true }],
  // The browser's clock starts where the server's did and runs on at the real pace (timers fire as
  // usual, so messages close themselves): "today", overdue marks and reminders match the data.
  context: async ({ context }, use) => {
    await context.clock.install({ time: new Date(TEST_NOW) });
    await use(context);
  },
  server: async ({ demo }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyfleet-e2e-'));
    const template = process.env[DEMO_TEMPLATE_ENV];
    // Loading the demo takes seconds of CPU: a test starts from a copy of the one the setup loaded.
    if (demo && template) fs.cpSync(template, dataDir, { recursive: true });
    const { server, child } = await startServer({ demo: demo && !template, dataDir });
    await use(server);
    await stopServer(child);
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  },
  // A fixture, not a try/finally in the test: the server is stopped even when the test times out.
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern
  teamServer: async ({}, use) => {
    const { server, child } = await startTeamServer();
    await use(server);
    await stopServer(child);
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  },
  /** A colleague's own browser profile (cookies apart), trusting the server's self-signed certificate. */
  teamContext: async ({ browser }, use) => {
    const made: BrowserContext[] = [];
    await use(async () => {
      const context = await browser.newContext({ ignoreHTTPSErrors: true });
      await context.clock.install({ time: new Date(TEST_NOW) });
      made.push(context);
      return context;
    });
    for (const context of made) await context.close();
  },
});

/**
 * A store without the demo, its first staff member a manager named `name`, signed in for the
 * test's own API calls (`server.call`).
 */
export async function firstManager(server: KeyfleetServer, name: string): Promise<Staff> {
  await server.call('demo.decline');
  const manager = await server.call<Staff>('staff.create', { name, role: 'manager' });
  await server.call('auth.pick', { staffId: manager.id });
  return manager;
}

/**
 * Opens the app and signs in as the named staff member (demo data has 张经理, 李明, 王芳 …). Sign-in
 * lands on 我的今天; the tests then start from the accounts page.
 */
export async function openAs(page: Page, server: KeyfleetServer, staffName: string): Promise<void> {
  await page.goto(server.url);
  await page.locator('[data-testid^="staff-option-"]', { hasText: staffName }).click();
  await expect(page.getByTestId('my-day-page')).toBeVisible();
  await go(page, '/accounts');
  await expect(page.getByTestId('accounts-grid')).toBeVisible();
}

/**
 * The wait for a step that runs a job (inspect, dry run, commit, export): each job starts a fresh
 * worker thread that loads the Excel library before it reads a byte, which on a loaded two-core
 * machine alone can take several seconds.
 */
export const AFTER_JOB = { timeout: 30_000 };

/**
 * A full-page screenshot named `name`: into $KEYFLEET_SHOTS_DIR when set (the screenshots a person
 * looks at), else into the test's output.
 */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.KEYFLEET_SHOTS_DIR;
  await page.screenshot({
    path: dir ? path.join(dir, `${name}.png`) : test.info().outputPath(`${name}.png`),
    fullPage: true,
  });
}

/** Exports a grid's or table's view as .xlsx through its export menu and reads the downloaded file. */
export async function exportXlsx(page: Page, within: Locator) {
  await within.getByTestId('export-button').click();
  const download = page.waitForEvent('download');
  await page.locator('[data-testid="export-xlsx"]:visible').click();
  const file = await download;
  await expect(page.getByTestId('export-done')).toBeVisible(AFTER_JOB);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await file.path());
  await page.getByTestId('export-close').click();
  return { wb, name: file.suggestedFilename() };
}

/** Picks an option of the antd Select carrying `testId`. */
export async function choose(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: label })
    .first()
    .click();
}

/** The total row count the grid shows. */
export async function gridTotal(page: Page, grid = 'accounts-grid'): Promise<number> {
  const total = page.getByTestId(grid).getByTestId('grid-total');
  return Number(await total.getAttribute('data-total'));
}

export async function waitForTotal(
  page: Page,
  expected: number | ((n: number) => boolean),
  grid = 'accounts-grid',
) {
  if (typeof expected === 'number') await expect.poll(() => gridTotal(page, grid)).toBe(expected);
  else await expect.poll(async () => expected(await gridTotal(page, grid))).toBe(true);
}

/**
 * Clicks a button that opens a dialog until the dialog's content shows: a card's toolbar renders
 * again once its record has loaded, and a click in between can land on the old button. (antd keeps
 * a modal's root out of the layout, so the content is what is waited for.)
 */
export async function openDialog(page: Page, button: string, content: string): Promise<void> {
  await expect(async () => {
    if (!(await page.getByTestId(content).isVisible()))
      await page.getByTestId(button).click({ timeout: 2000 });
    await expect(page.getByTestId(content)).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 20_000 });
}

/** Follows an in-app link (the hash route), as clicking it would. */
export async function go(page: Page, route: string): Promise<void> {
  await page.evaluate(`window.location.hash = ${JSON.stringify(route)}`);
}

/** Types a date (or date and time) into an antd date picker and confirms it. */
export async function pickDate(page: Page, testId: string, value: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

/** Chooses an account in an account picker by typing part of its name. */
export async function pickAccount(page: Page, testId: string, name: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByTestId(testId).locator('input').fill(name.slice(0, 4));
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: name })
    .first()
    .click();
}

/** Signs in as someone else through the header's user menu. */
export async function switchUser(page: Page, name: string): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('switch-user').click();
  await page.locator('[data-testid^="staff-option-"]', { hasText: name }).click();
  await expect(page.getByTestId('current-user')).toHaveText(name);
}

export { expect };

/** A team server (`--team`, HTTPS) on a free port; the admin's password is the test's. */
export interface TeamServer {
  origin: string;
  fingerprint: string;
  dataDir: string;
  /** Calls as the admin (bearer token). */
  admin: ApiCall;
  /** Calls with a token, as an API client would. */
  callAs<T = never, M extends MethodName = MethodName>(
    token: string,
    method: M,
    input?: Input<M>,
  ): Promise<[T] extends [never] ? Output<M> : T>;
  signIn(login: string, password: string): Promise<string>;
  /** A colleague with a login and a password of their own (the one-time one already changed). */
  addColleague(person: {
    name: string;
    role: 'specialist' | 'manager';
    login: string;
    password: string;
  }): Promise<{ id: number; token: string }>;
}

export const TEAM_ADMIN_PASSWORD = 'Keyfleet-Team-Boss-7';

export function startTeamServer(
  options: { dataDir?: string } = {},
): Promise<{ server: TeamServer; child: ChildProcess }> {
  const serveJs = path.join(root, 'out/main/serve.js');
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'keyfleet-team-e2e-'));
  const args = [serveJs, '--team', '--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir];
  args.push('--clock', TEST_NOW);
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, KEYFLEET_ADMIN_PASSWORD: TEAM_ADMIN_PASSWORD },
  });
  // The test process trusts the server's own certificate only for its API calls.
  const agentOptions = { rejectUnauthorized: false };
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const url = /Keyfleet team server: (https:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      const fp = /Keyfleet certificate SHA-256: ([0-9A-F:]+)/.exec(out);
      if (!url || !fp) return;
      const origin = url[1]!;
      const callAs = async <T>(token: string | null, method: string, input: unknown = {}) => {
        const body = await httpsPost(`${origin}/api/${method}`, token, input, agentOptions);
        if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
        return body.value as T;
      };
      let adminToken: string | null = null;
      const signIn = async (login: string, password: string) =>
        (await callAs<{ token: string }>(null, 'auth.signIn', { login, password })).token;
      const admin = async <T>(method: string, input: unknown = {}) => {
        adminToken ??= await signIn('admin', TEAM_ADMIN_PASSWORD);
        return callAs<T>(adminToken, method, input);
      };
      const server: TeamServer = {
        origin,
        fingerprint: fp[1]!,
        dataDir,
        admin,
        callAs,
        signIn,
        async addColleague({ password, ...person }) {
          const made = await admin<{ id: number }>('staff.create', person);
          await admin('staff.setPassword', { id: made.id, password: 'One-Time-Pass-1' });
          const first = await signIn(person.login, 'One-Time-Pass-1');
          await callAs(first, 'auth.changePassword', {
            current: 'One-Time-Pass-1',
            next: password,
          });
          return { id: made.id, token: first };
        },
      };
      resolve({ server, child });
    });
    child.on('exit', (code) => reject(new Error(`team server exited (${code}): ${err}`)));
  });
}

/** One JSON POST over HTTPS to a self-signed server (fetch cannot be told to trust it). */
function httpsPost(
  url: string,
  token: string | null,
  input: unknown,
  agentOptions: { rejectUnauthorized: boolean },
): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const req = https.request(url, { method: 'POST', headers, ...agentOptions }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => {
        try {
          resolve(JSON.parse(text) as { ok: boolean });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    req.on('error', reject);
    req.end(JSON.stringify(input));
  });
}
