import { AFTER_JOB, expect, firstManager, go, openAs, switchUser, test } from './fixtures';

test('backups: the keeper sees them, takes one, restores it and exports all data', async ({
  page,
  server,
}) => {
  await firstManager(server, '张经理');
  await server.call('staff.create', { name: '李专员', role: 'specialist' });

  // A specialist has no backups tab.
  await openAs(page, server, '李专员');
  await go(page, '/settings');
  await expect(page.getByTestId('settings-tab-audit')).toBeVisible();
  await expect(page.getByTestId('settings-tab-backups')).toHaveCount(0);

  // On one person's data folder, the manager keeps the backups.
  await switchUser(page, '张经理');
  await go(page, '/settings');
  await page.getByTestId('settings-tab-backups').click();
  const tab = page.getByTestId('backups-tab');
  await expect(tab).toContainText('立即备份');
  await expect(page.getByTestId('backups-intro')).toContainText('最近 7 天');
  await expect(page.getByTestId('backups-folder')).toContainText(server.dataDir);
  // The daily backup taken as the server started.
  await expect(page.getByTestId('backups-list')).toContainText('每日自动');

  await page.getByTestId('backups-create').click();
  await expect(page.getByTestId('backups-run')).toContainText('备份完成', AFTER_JOB);
  const row = page.getByTestId('backups-list').locator('tbody tr').filter({ hasText: '手动' });
  await expect(row).toContainText('完整');
  await expect(row).toContainText(/#\d+ [0-9a-f]{12}/);
  const fileName = (await row.textContent())!.match(/keyfleet-\d{8}-\d{6}-manual\.sqlite/)![0];

  // Written after the backup: gone once it is restored.
  await server.call('accounts.create', {
    account: { name: '恢复后消失有限公司', buyerType: 'government', lifecycle: 'target' },
  });

  await row.getByTestId('backups-restore').click();
  await expect(page.getByTestId('backups-restore-what')).toContainText(fileName);
  await expect(page.getByTestId('backups-restore-what')).toContainText('替换');
  await page.getByTestId('backups-restore-confirm').click();
  await expect(page.getByTestId('backups-restored')).toContainText(
    '正在替换数据并重新打开',
    AFTER_JOB,
  );

  // The data was reopened: everyone signs in again, and the tab says what was restored.
  await page.getByRole('button', { name: '重新登录' }).click();
  await page.locator('[data-testid^="staff-option-"]', { hasText: '张经理' }).click();
  await go(page, '/settings');
  await page.getByTestId('settings-tab-backups').click();
  await expect(page.getByTestId('backups-last-restore')).toContainText(fileName, AFTER_JOB);
  await expect(page.getByTestId('backups-list')).toContainText('恢复前');
  await go(page, '/accounts');
  await expect(page.getByTestId('accounts-grid')).toBeVisible();
  await expect(page.getByTestId('accounts-grid')).not.toContainText('恢复后消失有限公司');

  await go(page, '/settings');
  await page.getByTestId('settings-tab-backups').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('backups-export-all').click();
  expect((await download).suggestedFilename()).toMatch(/^keyfleet-all-data-.*\.zip$/);
  await expect(page.getByTestId('backups-run')).toContainText('已导出', AFTER_JOB);
});
