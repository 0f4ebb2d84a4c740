/**
 * A store's KA team on one team server over HTTPS: two browser contexts signed in with passwords
 * (the self-signed certificate accepted as the colleague who compared its fingerprint would).
 */
import type { Browser, BrowserContext } from '@playwright/test';
import fs from 'node:fs';
import { TEST_NOW } from '../helpers/clock';
import {
  DEMO_TEMPLATE_ENV,
  expect,
  startTeamServer,
  stopServer,
  type TeamServer,
  test,
} from './fixtures';

let contexts: BrowserContext[] = [];

async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  await context.clock.install({ time: new Date(TEST_NOW) });
  contexts.push(context);
  return context;
}

async function signInPage(browser: Browser, server: TeamServer, login: string, password: string) {
  const page = await (await newContext(browser)).newPage();
  await page.goto(`${server.origin}/`);
  await page.getByTestId('sign-in-login').fill(login);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('current-user')).toBeVisible();
  return page;
}

async function withTeamServer(
  run: (server: TeamServer) => Promise<void>,
  options: { demo?: boolean } = {},
) {
  const template = process.env[DEMO_TEMPLATE_ENV];
  let dataDir: string | undefined;
  // A team starts from the data one specialist kept alone: the demo's solo data folder.
  if (options.demo && template) {
    dataDir = fs.mkdtempSync(`${template}-team-`);
    fs.cpSync(template, dataDir, { recursive: true });
  }
  const { server, child } = await startTeamServer({ dataDir });
  try {
    await run(server);
  } finally {
    for (const c of contexts) await c.close();
    contexts = [];
    await stopServer(child);
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  }
}

test('signs in with passwords: a one-time password first, a brake on guessing, and deactivation signs out at once', async ({
  browser,
}) => {
  await withTeamServer(async (server) => {
    const li = await server.admin<{ id: number }>('staff.create', {
      name: '李明',
      role: 'specialist',
      login: 'liming',
    });
    await server.admin('staff.setPassword', { id: li.id, password: 'One-Time-Pass-1' });

    // Nobody is asked "who are you": a team server wants a login and password.
    const page = await (await newContext(browser)).newPage();
    await page.goto(`${server.origin}/`);
    await expect(page.getByTestId('sign-in-form')).toBeVisible();
    await expect(page.locator('[data-testid^="staff-option-"]')).toHaveCount(0);

    // Five wrong passwords: the login is braked, and the message says until when.
    for (let i = 0; i < 5; i++) {
      await page.getByTestId('sign-in-login').fill('liming');
      await page.getByTestId('sign-in-password').fill(`wrong-guess-${i}`);
      await page.getByTestId('sign-in-submit').click();
      await expect(page.getByTestId('sign-in-error')).toContainText(
        i < 4 ? '登录名或密码不正确' : '登录失败次数过多',
      );
    }
    await page.getByTestId('sign-in-password').fill('One-Time-Pass-1');
    await page.getByTestId('sign-in-submit').click();
    await expect(page.getByTestId('sign-in-error')).toContainText(/请于 \d\d:\d\d:\d\d 之后再试/);

    // Another colleague's browser: the one-time password must be changed before anything else.
    await server.admin<{ id: number }>('staff.create', {
      name: '王芳',
      role: 'specialist',
      login: 'wangfang',
    });
    const wang = (await server.admin<{ id: number; login: string }[]>('staff.list')).find(
      (s) => s.login === 'wangfang',
    )!;
    await server.admin('staff.setPassword', { id: wang.id, password: 'One-Time-Pass-2' });
    const other = await (await newContext(browser)).newPage();
    await other.goto(`${server.origin}/`);
    await other.getByTestId('sign-in-login').fill('wangfang');
    await other.getByTestId('sign-in-password').fill('One-Time-Pass-2');
    await other.getByTestId('sign-in-submit').click();
    await expect(other.getByTestId('change-password-form')).toBeVisible();
    await other.getByTestId('password-current').fill('One-Time-Pass-2');
    await other.getByTestId('password-next').fill('1234567890');
    await other.getByTestId('password-repeat').fill('1234567890');
    await other.getByTestId('password-submit').click();
    await expect(other.getByTestId('change-password-form')).toContainText('容易被猜到');
    await other.getByTestId('password-next').fill('Morning-Route-58');
    await other.getByTestId('password-repeat').fill('Morning-Route-58');
    await other.getByTestId('password-submit').click();
    await expect(other.getByTestId('current-user')).toContainText('王芳');

    // The admin deactivates her: her open page is signed out without her doing anything.
    await server.admin('staff.update', {
      ...(await server.admin<Record<string, unknown>[]>('staff.list')).find(
        (s) => s.id === wang.id,
      ),
      active: false,
    });
    await expect(other.getByTestId('sign-in-form')).toBeVisible({ timeout: 20_000 });
    await expect(other.getByTestId('session-lost')).toBeVisible();
  });
});
