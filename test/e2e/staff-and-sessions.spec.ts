import { choose, expect, go, openAs, test } from './fixtures';

test.use({ demo: true });

test('a manager adds a staff member, who can then own accounts', async ({ page, server }) => {
  await openAs(page, server, '张经理');
  await page.getByTestId('nav-staff').click();
  await expect(page.getByTestId('staff-page')).toBeVisible();
  await page.getByTestId('staff-add').click();
  await page.getByTestId('sf-name').fill('孙丽');
  await choose(page, 'sf-role', '大客户专员');
  await page.getByTestId('sf-phone').fill('13700001111');
  await page.getByTestId('staff-form-save').click();
  await expect(page.getByTestId('staff-page')).toContainText('孙丽');

  await page.getByTestId('nav-accounts').click();
  await page.getByTestId('accounts-grid').getByTestId('grid-row').first().click();
  await page.getByTestId('account-edit').click();
  await choose(page, 'af-owner', '孙丽');
  await page.getByTestId('account-form-save').click();
  await expect(page.getByTestId('account-details')).toContainText('孙丽');
});

test('each browser tab has its own user, and the audit log names the right one', async ({
  page,
  context,
  server,
}) => {
  await openAs(page, server, '张经理');
  const other = await context.newPage();
  await openAs(other, server, '李明');
  await page.reload();
  await expect(page.getByTestId('current-user')).toContainText('张经理');
  await expect(other.getByTestId('current-user')).toContainText('李明');

  // One of 李明's own accounts: he edits only his accounts' records.
  const staff = await server.call<{ id: number; name: string }[]>('staff.list', {});
  const liId = staff.find((s) => s.name === '李明')!.id;
  const own = await server.call<{ rows: { id: number }[] }>('accounts.list', {
    limit: 1,
    filters: [{ field: 'ownerId', op: 'in', values: [String(liId)] }],
  });
  await go(other, `/accounts/${own.rows[0]!.id}`);
  await other.getByTestId('account-edit').click();
  await choose(other, 'af-grade', 'A 全力投入');
  await other.getByTestId('account-form-save').click();
  await other.getByTestId('tab-history').click();
  await expect(other.getByTestId('history-table').locator('tbody tr').first()).toContainText(
    '李明',
  );
});
