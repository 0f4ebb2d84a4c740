/**
 * Sign-in lands on 我的今天; reminders stack in a tray that never covers the page's buttons; the
 * notes the application wrote (stage history, follow-ups) read in the UI's language.
 */
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { addDays, chinaDate } from '../../shared/dates';
import { expect, go, type KeyfleetServer, test } from './fixtures';

test.use({ demo: true });

interface Ref {
  id: number;
  name: string;
}

/** The element a click at the centre of `target` would reach is `target` itself (or inside it). */
async function expectUncovered(target: Locator): Promise<void> {
  await expect(target).toBeVisible();
  const hit = await target.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const top = el.ownerDocument.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return top !== null && (top === el || el.contains(top));
  });
  expect(hit, 'the button is not under anything').toBe(true);
}

/** Where a screenshot to look at goes: KEYFLEET_SCREENS if set, else the test's output folder. */
function screen(name: string): string {
  const dir = process.env.KEYFLEET_SCREENS;
  return dir ? path.join(dir, name) : test.info().outputPath(name);
}

async function signIn(page: Page, server: KeyfleetServer, name: string): Promise<void> {
  await page.goto(server.url);
  await page.locator('[data-testid^="staff-option-"]', { hasText: name }).click();
}

/** A next step due today for `name`, written through the API as that person. */
async function nextStepToday(server: KeyfleetServer, name: string, step: string): Promise<number> {
  const staff = await server.call<Ref[]>('staff.list', { includeInactive: false });
  const me = staff.find((s) => s.name === name)!;
  await server.call('auth.pick', { staffId: me.id });
  // One of their own accounts: a specialist writes only on their accounts' team.
  const accounts = await server.call<{ rows: { id: number }[] }>('accounts.list', {
    limit: 1,
    filters: [{ field: 'ownerId', op: 'in', values: [String(me.id)] }],
  });
  const today = chinaDate();
  await server.call('activities.create', {
    type: 'call',
    accountId: accounts.rows[0]!.id,
    occurredOn: today,
    summary: null,
    nextStep: step,
    nextStepOn: today,
  });
  return accounts.rows[0]!.id;
}

test('sign-in lands on 我的今天, whichever page the address named before', async ({
  page,
  server,
}) => {
  await page.goto(`${server.url}#/tenders`);
  await page.locator('[data-testid^="staff-option-"]', { hasText: '李明' }).click();
  await expect(page.getByTestId('my-day-page')).toBeVisible();
  await expect(page).toHaveURL(/#\/my-day$/);
  await expect(page.locator('.ant-menu-item-selected')).toContainText('我的今天');

  // Switching user is a sign-in too.
  await go(page, '/accounts');
  await expect(page.getByTestId('accounts-grid')).toBeVisible();
  await page.getByTestId('user-menu').click();
  await page.getByTestId('switch-user').click();
  await page.locator('[data-testid^="staff-option-"]', { hasText: '王芳' }).click();
  await expect(page.getByTestId('current-user')).toHaveText('王芳');
  await expect(page.getByTestId('my-day-page')).toBeVisible();
});

test('reminders stack in a tray that covers no button of the page, and fold away by themselves', async ({
  page,
  server,
}) => {
  const own = await nextStepToday(server, '李明', '回电确认车型配置');
  await signIn(page, server, '李明');
  await expect(page.getByTestId('my-day-page')).toBeVisible();
  // On My day the tray only counts: the page lists the same items.
  const tray = page.getByTestId('reminder-tray');
  const toggle = page.getByTestId('reminder-tray-toggle');
  await expect(toggle).toBeVisible();
  await expect(tray).toHaveAttribute('data-open', 'false');

  // Collapsed, the bell stays inside the left menu's column, folded or not.
  const sider = page.locator('.main-sider');
  for (const fold of [false, true]) {
    if (fold) await page.locator('.ant-layout-sider-trigger').click();
    const s = (await sider.boundingBox())!;
    const b = (await toggle.boundingBox())!;
    expect(b.x + b.width).toBeLessThanOrEqual(s.x + s.width);
  }
  await page.locator('.ant-layout-sider-trigger').click();

  await go(page, '/accounts');
  await expect(page.getByTestId('accounts-grid').getByTestId('grid-row').first()).toBeVisible();
  await toggle.click();
  await expect(tray).toHaveAttribute('data-open', 'true');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const panel = page.getByTestId('reminder-tray-panel');
  await expect(panel).toContainText('回电确认车型配置');
  // Reduced motion: the tray appears without an animation.
  expect(
    await panel.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).animationName),
  ).toBe('none');
  await page.screenshot({ path: screen('reminder-tray-new-reminder.png') });

  // Open, the tray hides none of the page's buttons …
  await expectUncovered(page.getByTestId('account-new'));
  await expectUncovered(page.getByTestId('grid-pagination').locator('.ant-pagination-next'));
  // … and a card or a form drawer comes over it, its buttons free.
  // One of 李明's own accounts: its card offers him the edit button.
  await go(page, `/accounts/${own}`);
  await expectUncovered(page.getByTestId('account-edit'));
  await page.getByTestId('account-edit').click();
  await expectUncovered(page.getByTestId('account-form-save'));
  const underneath = await toggle.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const top = el.ownerDocument.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return top !== null && !el.contains(top);
  });
  expect(underneath, 'the tray is under the drawer').toBe(true);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('account-form')).toBeHidden();

  // Escape folds the tray and gives the focus back to the bell.
  await panel.getByRole('button').first().focus();
  await page.keyboard.press('Escape');
  await expect(tray).toHaveAttribute('data-open', 'false');
  await expect(toggle).toBeFocused();

  // A new reminder opens the tray; left alone, it folds away again.
  await nextStepToday(server, '李明', '把报价单发给采购科');
  await page.evaluate("window.dispatchEvent(new Event('focus'))");
  await expect(tray).toHaveAttribute('data-open', 'true');
  await expect(panel).toContainText('把报价单发给采购科');
  await page.mouse.move(900, 200);
  await toggle.blur();
  await page.clock.fastForward(13_000);
  await expect(tray).toHaveAttribute('data-open', 'false');

  // Dismissed for good: it leaves the tray.
  await toggle.click();
  const first = panel.locator('[data-testid^="reminder-dismiss-"]').first();
  const id = (await first.getAttribute('data-testid'))!.replace('reminder-dismiss-', '');
  await first.click();
  await expect(page.getByTestId(`reminder-${id}`)).toHaveCount(0);
});

test('stage history and follow-ups read in the UI’s language', async ({ context, server }) => {
  const staff = await server.call<Ref[]>('staff.list', { includeInactive: false });
  await server.call('auth.pick', { staffId: staff.find((s) => s.name === '张经理')!.id });
  // An overdue follow-up, which its owner finds in My day.
  const overdue = await server.call<{ items: { id: number; ownerName: string }[] }>(
    'calendar.list',
    {
      from: addDays(chinaDate(), -180),
      to: addDays(chinaDate(), -1),
      kinds: ['follow_up'],
      includeDone: false,
    },
  );
  const followUp = overdue.items[0]!;
  expect(followUp, 'an overdue follow-up in the demo').toBeDefined();

  // An opportunity of the demo moved by a tender and by a final contract, on an account of the
  // follow-up owner's team (a specialist opens only those).
  await server.call('auth.pick', {
    staffId: staff.find((s) => s.name === followUp.ownerName)!.id,
  });
  const list = await server.call<{ rows: { id: number }[] }>('opportunities.list', { limit: 500 });
  type Change = { systemNote: { code: string } | null };
  let opportunityId: number | null = null;
  for (const row of list.rows) {
    const o = await server.call<{ stageHistory: Change[] }>('opportunities.get', { id: row.id });
    const codes = o.stageHistory.map((h) => h.systemNote?.code ?? '');
    if (codes.includes('contract.final') && codes.some((c) => c.startsWith('tender.'))) {
      opportunityId = row.id;
      break;
    }
  }
  expect(opportunityId, 'an opportunity moved by a tender and a contract').not.toBeNull();
  for (const lang of ['zh-CN', 'en'] as const) {
    // A tab of its own: each tab signs in for itself.
    const page = await context.newPage();
    await page.addInitScript(`localStorage.setItem('keyfleet.lang', ${JSON.stringify(lang)})`);
    await signIn(page, server, followUp.ownerName);
    const title = page.getByTestId(`myday-title-${followUp.id}`);
    await expect(title).toBeVisible();
    if (lang === 'zh-CN') await expect(title).toHaveText(/（交车后\d+天）$/);
    else {
      await expect(title).toHaveText(/ \(\d+ days after delivery\)$/);
      await expect(title).not.toContainText('交车后');
    }
    await page.screenshot({ path: screen(`my-day-follow-up-${lang}.png`) });
    // The owner has reminders: the tray, opened over the accounts page.
    await go(page, '/accounts');
    await expect(page.getByTestId('accounts-grid').getByTestId('grid-row').first()).toBeVisible();
    await page.getByTestId('reminder-tray-toggle').click();
    await expect(page.getByTestId('reminder-tray-panel')).toBeVisible();
    await page.screenshot({ path: screen(`reminder-tray-${lang}.png`) });
    await page.getByTestId('reminder-tray-collapse').click();

    await go(page, `/opportunities/${opportunityId}`);
    await page.getByTestId('opp-tab-stages').click();
    const notes = page.getByTestId('opp-stage-history').getByTestId('opp-stage-system-note');
    await expect(notes.first()).toBeVisible();
    const texts = await notes.allTextContents();
    if (lang === 'zh-CN') {
      expect(texts.some((s) => s.endsWith('：合同已生效'))).toBe(true);
      // Words, not codes (a tender's number such as ZFCG-2026-0311 is the user's own text).
      for (const s of texts) expect(s).not.toMatch(/[a-z]{3,}/);
    } else {
      expect(texts.some((s) => s.endsWith(': contract final'))).toBe(true);
      for (const s of texts) expect(s).not.toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/);
    }
    await page.screenshot({ path: screen(`stage-history-${lang}.png`) });
    await page.close();
  }
});
