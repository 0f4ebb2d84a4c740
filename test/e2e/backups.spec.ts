import { AFTER_JOB, expect, go, openAs, switchUser, test } from './fixtures';

test('the administrator sees the backups, where they are, and takes one now', async ({
  page,
  server,
}) => {
  await server.call('demo.decline');
  const admin = await server.call<{ id: number }>('staff.create', {
    name: '赵管理',
    role: 'admin',
  });
  await server.call('auth.pick', { staffId: admin.id });
  await server.call('staff.create', { name: '张经理', role: 'manager' });

  // A manager changes sales settings but has no backups tab.
  await openAs(page, server, '张经理');
  await go(page, '/settings');
  await expect(page.getByTestId('settings-tab-audit')).toBeVisible();
  await expect(page.getByTestId('settings-tab-backups')).toHaveCount(0);

  await switchUser(page, '赵管理');
  await go(page, '/settings');
  await page.getByTestId('settings-tab-backups').click();
  const tab = page.getByTestId('backups-tab');
  await expect(tab).toContainText('立即备份');
  await expect(page.getByTestId('backups-folder')).toContainText(server.dataDir);
  await expect(page.getByTestId('backups-list')).toContainText('还没有备份');

  await page.getByTestId('backups-create').click();
  await expect(page.getByTestId('backups-run')).toContainText('备份完成', AFTER_JOB);
  const row = page.getByTestId('backups-list').locator('tbody tr').first();
  await expect(row).toContainText('手动');
  await expect(row).toContainText('完整');
  await expect(row).toContainText(/keyfleet-\d{8}-\d{6}-manual\.sqlite/);
});
