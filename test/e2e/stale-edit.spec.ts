/**
 * Working at the same time (issue 12): a colleague saves an account while it is open in the form;
 * saving the form is refused with who changed it and when, the typed edits stay, and Reload puts
 * the colleague's version in the form so the next save goes through.
 */
import { expect, firstManager, openAs, test } from './fixtures';

interface Staff {
  id: number;
}
interface Account {
  id: number;
  name: string;
  uscc: string | null;
  version: number;
  updatedAt: string;
}

test('a stale account edit shows who changed it and when, and Reload shows their change', async ({
  page,
  server,
}) => {
  await firstManager(server, '王芳');
  const zhang = await server.call<Staff>('staff.create', { name: '张三', role: 'manager' });
  const account = await server.call<Account>('accounts.create', {
    account: { name: '杭州顺达汽车租赁有限公司', buyerType: 'direct', uscc: '914403001922038216' },
  });

  await openAs(page, server, '王芳');
  await page.getByTestId('grid-row').filter({ hasText: account.name }).click();
  await page.getByTestId('account-edit').click();
  await page.getByTestId('af-notes').fill('王芳的备注');

  // Meanwhile 张三 saves the same account from his own client.
  await server.call('auth.pick', { staffId: zhang.id });
  const saved = await server.call<Account>('accounts.update', {
    id: account.id,
    version: account.version,
    account: {
      name: account.name,
      buyerType: 'direct',
      uscc: account.uscc,
      address: '张三填的地址',
    },
  });

  await page.getByTestId('account-form-save').click();
  const stale = page.getByTestId('stale-alert');
  const hhmm = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(saved.updatedAt));
  await expect(stale).toContainText('张三');
  await expect(stale).toContainText(hhmm);
  // Nothing was overwritten, and what 王芳 typed is still in the form.
  await expect(page.getByTestId('af-notes')).toHaveValue('王芳的备注');
  expect(await server.call<Account>('accounts.get', { id: account.id })).toMatchObject({
    address: '张三填的地址',
    notes: null,
  });

  await page.getByTestId('stale-reload').click();
  await expect(stale).toHaveCount(0);
  await expect(page.getByTestId('af-address')).toHaveValue('张三填的地址');
  await page.getByTestId('af-notes').fill('王芳的备注');
  await page.getByTestId('account-form-save').click();
  await expect(page.getByTestId('account-form')).toHaveCount(0);
  expect(await server.call<Account>('accounts.get', { id: account.id })).toMatchObject({
    address: '张三填的地址',
    notes: '王芳的备注',
  });
});
