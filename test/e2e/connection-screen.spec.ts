/**
 * The Electron connection screen, in the browser: the built renderer with a stand-in for the
 * preload's bridge (no Electron runtime here). The main-process side it calls is tested in Node
 * (test/integration/team-connection.test.ts); this checks what the user sees and what is sent.
 */
import type { Page } from '@playwright/test';
import type { ConnectionStatus } from '../../shared/schemas/connection';
import { expect, test } from './fixtures';

const PINNED = Array.from({ length: 32 }, (_, i) => (i * 7).toString(16).padStart(2, '0'))
  .join(':')
  .toUpperCase();
const SEEN = PINNED.replace(/^..:../, 'FF:EE');
const URL_OK = 'https://192.168.1.20:8443';

/** The preload's bridge as the page sees it, answering like the main process would. */
async function fakeBridge(page: Page, status: ConnectionStatus): Promise<void> {
  await page.addInitScript(
    ({ status, url, seen }) => {
      const calls: unknown[] = [];
      (globalThis as unknown as { __calls: unknown[] }).__calls = calls;
      const refuse = (code: string, kind: string) => ({
        ok: false,
        error: { code, message: kind, details: { kind } },
      });
      const connection = {
        get: async () => ({ ok: true, value: status }),
        probe: async (input: string) => {
          calls.push(['probe', input]);
          if (input.startsWith('http://')) return refuse('VALIDATION', 'not_https');
          if (input.trim().replace(/\/$/, '') !== url) return refuse('IO', 'unreachable');
          return { ok: true, value: { url, fingerprint: seen } };
        },
        choose: async (choice: unknown) => {
          calls.push(['choose', choice]);
          // The main process now replaces the page; it never answers.
          return new Promise(() => undefined);
        },
        reset: async () => ({ ok: true, value: null }),
        resume: async () => {
          calls.push(['resume']);
          return new Promise(() => undefined);
        },
      };
      Object.defineProperty(globalThis, 'keyfleet', {
        value: Object.freeze({
          methods: [],
          invoke: async () => refuse('INTERNAL', 'no data before a connection is chosen'),
          connection: Object.freeze(connection),
        }),
      });
    },
    { status, url: URL_OK, seen: status.state === 'certificate_changed' ? status.seen : PINNED },
  );
}

const calls = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { __calls: unknown[] }).__calls);

test('first run: the chooser probes a team server, shows its fingerprint in groups, and pins it on trust', async ({
  page,
  server,
}) => {
  await fakeBridge(page, { state: 'choose', reason: 'first_run', current: null });
  await page.goto(`${server.origin}/`);
  await expect(page.getByText('如何使用 Keyfleet？')).toBeVisible();
  await expect(page.getByTestId('conn-solo')).toContainText('在本机使用');

  await page.getByTestId('conn-team').click();
  await page.getByTestId('conn-url').fill('http://192.168.1.20:8443');
  await page.getByTestId('conn-check').click();
  await expect(page.getByTestId('conn-error')).toContainText('只能通过 https://');

  await page.getByTestId('conn-url').fill('https://192.168.1.21:8443');
  await page.getByTestId('conn-check').click();
  await expect(page.getByTestId('conn-error')).toContainText('无法连接到该地址');

  await page.getByTestId('conn-url').fill(`${URL_OK}/`);
  await page.getByTestId('conn-check').click();
  const shown = page.getByTestId('conn-fingerprint');
  await expect(shown).toHaveAttribute('data-fingerprint', PINNED);
  await expect(shown.locator('.fingerprint__group')).toHaveCount(8);
  await expect(shown.locator('.fingerprint__group').first()).toHaveText(
    PINNED.split(':').slice(0, 4).join(':'),
  );
  await expect(page.getByText('请核对证书指纹')).toBeVisible();

  await page.getByTestId('conn-trust').click();
  await expect(page.getByTestId('conn-trust')).toContainText('正在连接');
  expect(await calls(page)).toEqual([
    ['probe', 'http://192.168.1.20:8443'],
    ['probe', 'https://192.168.1.21:8443'],
    ['probe', `${URL_OK}/`],
    ['choose', { mode: 'team', url: URL_OK, fingerprint: PINNED }],
  ]);
});

test('a changed certificate: the warning shows both fingerprints and re-pinning starts with a fresh look', async ({
  page,
  server,
}) => {
  await fakeBridge(page, {
    state: 'certificate_changed',
    url: URL_OK,
    pinned: PINNED,
    seen: SEEN,
    pinnedAt: '2026-11-02T02:00:00.000Z',
  });
  await page.goto(`${server.origin}/`);
  await expect(page.getByTestId('conn-certificate-changed')).toContainText(
    '服务器证书已变化，已拒绝连接',
  );
  await expect(page.getByTestId('conn-certificate-changed')).toContainText(URL_OK);
  await expect(page.getByTestId('conn-pinned')).toHaveAttribute('data-fingerprint', PINNED);
  await expect(page.getByTestId('conn-seen')).toHaveAttribute('data-fingerprint', SEEN);

  // English too.
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('conn-certificate-changed')).toContainText(
    "The server's certificate has changed",
  );

  await page.getByTestId('conn-recheck').click();
  await expect(page.getByTestId('conn-url')).toHaveValue(URL_OK);
  await page.getByTestId('conn-check').click();
  await expect(page.getByTestId('conn-fingerprint')).toHaveAttribute('data-fingerprint', SEEN);
  await page.getByTestId('conn-trust').click();
  await expect
    .poll(() => calls(page))
    .toContainEqual(['choose', { mode: 'team', url: URL_OK, fingerprint: SEEN }]);
});
