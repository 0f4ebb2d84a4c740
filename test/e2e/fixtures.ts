/**
 * Every browser-mode test gets its own Keyfleet server (the built app, out/main/serve.js) on a
 * free port with a fresh data folder, optionally filled with demo data.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

export interface KeyfleetServer {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  call<T = unknown>(method: string, input?: unknown): Promise<T>;
}

const root = path.resolve(__dirname, '../..');

export function startServer(
  options: { demo?: boolean; demoAccounts?: number; dataDir?: string } = {},
): Promise<{ server: KeyfleetServer; child: ChildProcess }> {
  const serveJs = path.join(root, 'out/main/serve.js');
  if (!fs.existsSync(serveJs))
    throw new Error('out/main/serve.js is missing: run `npm run build` first (npm test does)');
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'keyfleet-e2e-'));
  const args = [serveJs, '--port', '0', '--data-dir', dataDir];
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
      const call = async <T>(method: string, input: unknown = {}): Promise<T> => {
        const res = await fetch(`${origin}/api/${method}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(input),
        });
        const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
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

export const test = base.extend<{ demo: boolean; server: KeyfleetServer }>({
  demo: [false, { option: true }],
  server: async ({ demo }, use) => {
    const { server, child } = await startServer({ demo });
    await use(server);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  },
});

/** Opens the app and signs in as the named staff member (demo data has 张经理, 李明, 王芳 …). */
export async function openAs(page: Page, server: KeyfleetServer, staffName: string): Promise<void> {
  await page.goto(server.url);
  await page.locator('[data-testid^="staff-option-"]', { hasText: staffName }).click();
  await expect(page.getByTestId('accounts-grid')).toBeVisible();
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

export { expect };
